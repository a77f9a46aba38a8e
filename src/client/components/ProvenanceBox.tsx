import type { Provenance } from '../../shared/catalog-api.js';
import { formatDate, formatDateTime } from '../lib/format.js';
import { DataList, Heading, Paragraph } from '../ui/index.js';

/** Where the shown data comes from. */
export function ProvenanceBox({ provenance }: { provenance: Provenance }) {
  return (
    <section className="doorlopend-provenance" aria-labelledby="herkomst-heading">
      <Heading level={2} id="herkomst-heading">
        Herkomst
      </Heading>
      <Paragraph>
        Bron: {provenance.source}, release {provenance.release}, geïmporteerd op{' '}
        <time dateTime={provenance.importedAt} title={formatDateTime(provenance.importedAt)}>
          {formatDate(provenance.importedAt)}
        </time>
        .
      </Paragraph>
      <DataList
        items={[
          { key: 'first', label: 'Voor het eerst in release', value: provenance.firstRelease },
          { key: 'slo', label: 'SLO-id', value: <span className="doorlopend-mono">{provenance.sloId}</span> },
        ]}
      />
    </section>
  );
}
