/** The toetsen, activiteiten or materialen of a route per leerjaar and periode, each period a table with its actions. */
import type { ReactNode } from 'react';
import { count, formatDateTime, formatNumber } from '../../lib/format.js';
import { Button, Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/index.js';
import { ConfirmAction } from '../ConfirmAction.js';
import { doelLabel, useLeerroute } from './context.js';
import { cap, type Rij } from './entiteit-config.js';
import type { EntiteitState } from './useEntiteit.js';

export function EntiteitOverzicht({ e }: { e: EntiteitState }) {
  const { perioden } = useLeerroute();
  const { config, rijen } = e;
  return (
    <section aria-labelledby={`${config.soort}-per-periode`} className="doorlopend-section">
      <Heading level={3} id={`${config.soort}-per-periode`}>
        {cap(config.meervoud)} per periode ({formatNumber(rijen.length)})
      </Heading>
      {perioden.map((x) => {
        const lijst = rijen.filter((r) => r.leerjaar === x.leerjaar && r.periode === x.periode);
        return (
          <div key={`${x.leerjaar}:${x.periode}`} className="doorlopend-leerroute-periodeblok">
            <Heading level={4} id={`${config.soort}-${x.leerjaar}-${x.periode}`}>
              {x.label} <span className="doorlopend-meta">({x.fase}, {count(lijst.length, config.enkelvoud, config.meervoud)})</span>
            </Heading>
            {lijst.length === 0 ? <Paragraph className="doorlopend-meta">Geen {config.meervoud}.</Paragraph> : <EntiteitTabel e={e} lijst={lijst} caption={`${cap(config.meervoud)} in ${x.label.toLowerCase()}`} />}
          </div>
        );
      })}
      {e.buiten.length > 0 ? <EntiteitTabel e={e} lijst={e.buiten} caption={`${cap(config.meervoud)} buiten het tijdpad`} /> : null}
    </section>
  );
}

/** What the cells of the columns need: the doelen as a list, and the name of a partner organisation. */
function useCelContext() {
  const { route, doelOf } = useLeerroute();
  const doelTekst = (ids: readonly string[]): ReactNode =>
    ids.length === 0 ? (
      <span className="doorlopend-unknown">geen doelen</span>
    ) : (
      <ul className="doorlopend-leerroute-doellijst">
        {ids.map((id) => (
          <li key={id}>{doelLabel(doelOf(id), id)}</li>
        ))}
      </ul>
    );
  const orgNaam = (id: string | null) => (id ? (route.partners.find((x) => x.id === id)?.naam ?? 'onbekende partner') : '–');
  return { doelTekst, orgNaam };
}

function EntiteitTabel({ e, lijst, caption }: { e: EntiteitState; lijst: Rij[]; caption: string }) {
  const ctx = useCelContext();
  const { config, magWijzigen } = e;
  return (
    <Table caption={caption}>
      <TableHeader>
        <TableRow>
          {config.kolommen.map((k) => (
            <TableHeaderCell key={k.kop} scope="col">
              {k.kop}
            </TableHeaderCell>
          ))}
          <TableHeaderCell scope="col">Laatst gewijzigd</TableHeaderCell>
          {magWijzigen ? (
            <TableHeaderCell scope="col">
              <span className="doorlopend-visually-hidden">Acties</span>
            </TableHeaderCell>
          ) : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {lijst.map((r) => (
          <TableRow key={r.id}>
            {config.kolommen.map((k, i) =>
              i === 0 ? (
                <TableHeaderCell key={k.kop} scope="row">
                  {k.cel(r, ctx)}
                </TableHeaderCell>
              ) : (
                <TableCell key={k.kop}>{k.cel(r, ctx)}</TableCell>
              ),
            )}
            <TableCell>
              {r.gewijzigd.gebruiker.naam}
              {r.gewijzigd.organisatie ? ` (${r.gewijzigd.organisatie.naam})` : ''}, {formatDateTime(r.gewijzigd.op)}
            </TableCell>
            {magWijzigen ? <RijActies e={e} r={r} /> : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function RijActies({ e, r }: { e: EntiteitState; r: Rij }) {
  const { config } = e;
  return (
    <TableCell>
      <Button appearance="secondary-action-button" aria-label={`${config.naamVan(r)} wijzigen`} onClick={() => e.bewerkRij(r)}>
        Wijzigen
      </Button>{' '}
      <ConfirmAction
        label="Verwijderen"
        accessibleLabel={`${config.naamVan(r)} verwijderen`}
        question={`Weet u zeker dat u ${config.enkelvoud} ${config.naamVan(r)} wilt verwijderen?`}
        confirmLabel="Ja, verwijderen"
        failureHeading="Verwijderen is niet gelukt"
        onConfirm={() => e.verwijder(r)}
      />
    </TableCell>
  );
}
