import type { MboBron } from '../../shared/mbo-api.js';
import { formatDate, formatDateTime } from '../lib/format.js';
import { Heading, ListItem, Paragraph, UnorderedList } from '../ui/index.js';

function BronText({ bron }: { bron: MboBron }) {
  return (
    <>
      {bron.source}, release {bron.release}, geïmporteerd op{' '}
      <time dateTime={bron.importedAt} title={formatDateTime(bron.importedAt)}>
        {formatDate(bron.importedAt)}
      </time>
      {bron.bestand ? (
        <>
          ; bestand <span className="doorlopend-mono">{bron.bestand}</span>
          {bron.regel !== null ? <>, regel {bron.regel}</> : null}
        </>
      ) : null}
      .
    </>
  );
}

/** Where the shown mbo data comes from: one line per source (SBB XML, a table, …). */
export function MboBronnenBox({ bronnen }: { bronnen: readonly MboBron[] }) {
  return (
    <section className="doorlopend-provenance" aria-labelledby="bronnen-heading">
      <Heading level={2} id="bronnen-heading">
        Bronnen
      </Heading>
      {bronnen.length === 0 ? (
        <Paragraph>Er is geen bron bekend voor deze gegevens.</Paragraph>
      ) : bronnen.length === 1 ? (
        <Paragraph>
          Bron: <BronText bron={bronnen[0]!} />
        </Paragraph>
      ) : (
        <UnorderedList aria-label="Bronnen">
          {bronnen.map((bron, index) => (
            <ListItem key={`${bron.source}:${bron.bestand ?? ''}:${bron.regel ?? ''}:${index}`}>
              <BronText bron={bron} />
            </ListItem>
          ))}
        </UnorderedList>
      )}
    </section>
  );
}
