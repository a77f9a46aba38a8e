import type { KwalificatieSummary } from '../../shared/mbo-api.js';
import { dossierPath, kwalificatiePath, soortLabel } from '../lib/format.js';
import { Code, Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../ui/index.js';
import { MboLeerwegBadges, VervallenBadge } from './MboBadges.js';

export interface KwalificatiesTableProps {
  caption: string;
  captionHidden?: boolean;
  items: readonly (KwalificatieSummary & { instellingen?: string[] | null })[];
  /** Show the dossier column (not on a dossier's own page). */
  showDossier?: boolean;
  /** Show the instellingen column (keuzedeel: aangeboden bij). */
  showInstellingen?: boolean;
  busy?: boolean;
}

/** Kwalificaties with crebo, naam, niveau, soort and leerwegen; the crebo + naam link to the detail page. */
export function KwalificatiesTable({ caption, captionHidden, items, showDossier, showInstellingen, busy }: KwalificatiesTableProps) {
  return (
    <Table caption={caption} captionHidden={captionHidden} aria-busy={busy || undefined}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Kwalificatie</TableHeaderCell>
          <TableHeaderCell scope="col" numeric>
            Niveau
          </TableHeaderCell>
          <TableHeaderCell scope="col">Soort</TableHeaderCell>
          <TableHeaderCell scope="col">Leerwegen</TableHeaderCell>
          {showDossier ? <TableHeaderCell scope="col">Kwalificatiedossier</TableHeaderCell> : null}
          {showInstellingen ? <TableHeaderCell scope="col">Instellingen</TableHeaderCell> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((item) => (
          <TableRow key={item.crebo}>
            <TableHeaderCell scope="row" className="doorlopend-item-cell">
              <Link to={kwalificatiePath(item.crebo)}>
                <Code className="doorlopend-item-cell__code">{item.crebo}</Code> {item.naam}
              </Link>
              {item.status === 'vervallen' ? (
                <>
                  {' '}
                  <VervallenBadge status={item.status} />
                </>
              ) : null}
            </TableHeaderCell>
            <TableCell numeric>{item.niveau}</TableCell>
            <TableCell>{soortLabel(item.soort) ?? <span className="doorlopend-unknown">onbekend</span>}</TableCell>
            <TableCell>
              <MboLeerwegBadges leerwegen={item.leerwegen} />
            </TableCell>
            {showDossier ? (
              <TableCell>
                <Link to={dossierPath(item.dossierCrebo)}>
                  <Code className="doorlopend-item-cell__code">{item.dossierCrebo}</Code>
                  {item.dossierTitel ? ` ${item.dossierTitel}` : null}
                </Link>
              </TableCell>
            ) : null}
            {showInstellingen ? (
              <TableCell>{item.instellingen?.length ? item.instellingen.join(', ') : <span className="doorlopend-unknown">niet bekend</span>}</TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
