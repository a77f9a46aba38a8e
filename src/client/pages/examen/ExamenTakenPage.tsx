/**
 * /examens (issue 14): the exams the signed-in user has something to do for, without knowing the route: plans
 * submitted to an examencommissie the user sits on (to vaststellen), concept plans the user may write, and the exams
 * whose forms the user fills in as the assessor the plan names (to the list of forms).
 */
import type { ExamenSamenvatting } from '../../../shared/examenplan-api.js';
import { LoadError, Loading } from '../../components/PageStates.js';
import { SignedInOnly, useSessionExpiry } from '../../components/SignedInOnly.js';
import { useDocumentTitle } from '../../lib/navigation.js';
import { useApi } from '../../lib/useApi.js';
import { Heading, Link, ListItem, PageHeading, Paragraph, UnorderedList } from '../../ui/index.js';
import { examenApi, examenPath, examenUrls } from './ExamenApi.js';

function Lijst({ id, titel, leeg, examens, pad = examenPath }: { id: string; titel: string; leeg: string; examens: ExamenSamenvatting[]; pad?: (id: string) => string }) {
  return (
    <section aria-labelledby={id} className="doorlopend-section">
      <Heading level={2} id={id}>
        {titel} ({examens.length})
      </Heading>
      {examens.length === 0 ? (
        <Paragraph>{leeg}</Paragraph>
      ) : (
        <UnorderedList>
          {examens.map((e) => (
            <ListItem key={e.id}>
              <Link to={pad(e.id)}>
                {e.keuzedeel.code} {e.keuzedeel.titel}
              </Link>{' '}
              — {e.leerroute.naam}, {e.cohort.naam} ({e.cohort.schooljaar}), {e.vmbo.naam} en {e.mbo.naam}
            </ListItem>
          ))}
        </UnorderedList>
      )}
    </section>
  );
}

function Inhoud() {
  const geladen = useApi(examenUrls.mijn(), (signal) => examenApi.mijn(signal));
  useSessionExpiry(geladen.error);
  useDocumentTitle('Examenplannen');
  if (geladen.error && !geladen.error.isUnauthorized) return <LoadError error={geladen.error} />;
  const m = geladen.data;
  if (!m) return <Loading />;
  return (
    <article className="doorlopend-detail">
      <PageHeading>Examenplannen</PageHeading>
      {m.teBeoordelen.length > 0 ? (
        <Lijst id="beoordelen-kop" titel="Examens om te beoordelen" leeg="" examens={m.teBeoordelen} pad={(id) => `/examens/${encodeURIComponent(id)}/beoordelen`} />
      ) : null}
      <Lijst id="vaststellen-kop" titel="Plannen om vast te stellen" leeg="Er wachten geen examenplannen op uw vaststelling." examens={m.vastTeStellen} />
      <Lijst id="schrijven-kop" titel="Plannen in bewerking" leeg="Er zijn geen examenplannen in bewerking waaraan u kunt werken." examens={m.teSchrijven} />
    </article>
  );
}

export function ExamenTakenPage() {
  return (
    <SignedInOnly>
      <Inhoud />
    </SignedInOnly>
  );
}
