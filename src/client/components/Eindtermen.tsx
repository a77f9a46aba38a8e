import type { Deeltaak, Eindterm } from '../../shared/catalog-api.js';
import { anchorId, count } from '../lib/format.js';
import { Code, Heading, ListItem, Paragraph, StatusBadge, UnorderedList } from '../ui/index.js';
import { BevestigdeKoppelingen, useBevestigingen, type Bevestiging, type BevestigingenVan } from './Bevestigingen.js';
import { LeerwegBadges } from './LeerwegBadges.js';

export function EindtermList({
  eindtermen,
  label,
  emptyText = 'Geen eindtermen voor deze keuze.',
  bevestigingen,
}: {
  eindtermen: readonly Eindterm[];
  label: string;
  emptyText?: string;
  bevestigingen?: ReadonlyMap<string, Bevestiging[]>;
}) {
  if (eindtermen.length === 0) return <Paragraph className="doorlopend-empty">{emptyText}</Paragraph>;
  return (
    <UnorderedList className="doorlopend-eindtermen" aria-label={label}>
      {eindtermen.map((eindterm) => (
        <ListItem key={eindterm.id} id={anchorId(eindterm.code)} className="doorlopend-eindterm">
          <span className="doorlopend-eindterm__line">
            <Code className="doorlopend-eindterm__code">{eindterm.code}</Code>{' '}
            <span className="doorlopend-eindterm__title">{eindterm.title}</span>{' '}
            <LeerwegBadges leerwegen={eindterm.leerwegen} />
            {eindterm.status === 'vervallen' ? (
              <>
                {' '}
                <StatusBadge status="danger">Vervallen</StatusBadge>
              </>
            ) : null}
          </span>
          {eindterm.description ? <span className="doorlopend-eindterm__description">{eindterm.description}</span> : null}
          <BevestigdeKoppelingen links={bevestigingen?.get(eindterm.id)} onder="eindterm" />
        </ListItem>
      ))}
    </UnorderedList>
  );
}

/**
 * Deeltaken as sections with an h3 each, followed by their eindtermen. `bevestigingenVan` (the keuzevak or
 * profielmodule): show per eindterm the links that samenwerkingen confirmed, with how many (issue 5).
 */
export function DeeltakenList({ deeltaken, headingLevel = 3, bevestigingenVan }: { deeltaken: readonly Deeltaak[]; headingLevel?: 3 | 4; bevestigingenVan?: BevestigingenVan }) {
  const bevestigingen = useBevestigingen(bevestigingenVan, 'eindterm');
  if (deeltaken.length === 0) return <Paragraph className="doorlopend-empty">Er zijn geen deeltaken voor deze keuze.</Paragraph>;
  return (
    <div className="doorlopend-deeltaken">
      {deeltaken.map((deeltaak) => {
        const id = anchorId(deeltaak.code);
        return (
          <section key={deeltaak.id} id={id} className="doorlopend-deeltaak" aria-labelledby={`${id}-heading`}>
            <Heading level={headingLevel} id={`${id}-heading`} className="doorlopend-deeltaak__heading">
              <span className="doorlopend-code">{deeltaak.code}</span> {deeltaak.title}
            </Heading>
            <Paragraph className="doorlopend-meta">
              <LeerwegBadges leerwegen={deeltaak.leerwegen} />{' '}
              <span>{count(deeltaak.eindtermen.length, 'eindterm', 'eindtermen')}</span>
              {deeltaak.status === 'vervallen' ? (
                <>
                  {' '}
                  <StatusBadge status="danger">Vervallen</StatusBadge>
                </>
              ) : null}
            </Paragraph>
            {deeltaak.description ? <Paragraph>{deeltaak.description}</Paragraph> : null}
            <EindtermList
              eindtermen={deeltaak.eindtermen}
              label={`Eindtermen bij ${deeltaak.code}`}
              emptyText="Geen eindtermen voor deze leerweg."
              bevestigingen={bevestigingen}
            />
          </section>
        );
      })}
    </div>
  );
}
