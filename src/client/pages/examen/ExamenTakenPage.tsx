/**
 * /examens (issue 14): the exams the signed-in user has something to do for, without knowing the route: plans
 * submitted to an examencommissie the user sits on (to vaststellen) and the plans that commissie vaststelde (in force),
 * concept plans the user may write, and the exams whose forms the user fills in as the assessor the plan names (to the
 * list of forms).
 */
import type { ExamenSamenvatting } from '../../../shared/examenplan-api.js';
import { LoadError, Loading } from '../../components/PageStates.js';
import { SignedInOnly, useSessionExpiry } from '../../components/SignedInOnly.js';
import { useDocumentTitle } from '../../lib/navigation.js';
import { useSession } from '../../lib/session.js';
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
  const { session } = useSession();
  useSessionExpiry(geladen.error);
  useDocumentTitle('Examenplannen');
  if (geladen.error && !geladen.error.isUnauthorized) return <LoadError error={geladen.error} />;
  const m = geladen.data;
  if (!m) return <Loading />;
  // Each list shows for the roles that can have something in it (or when it has something), its empty text saying how
  // something comes there: an assessor with nothing to assess yet is told when the forms come, not shown plans.
  const rollen = new Set<string>(session.status === 'signed-in' ? session.me.lidmaatschappen.map((l) => l.rol) : []);
  const heeft = (...r: string[]) => r.some((x) => rollen.has(x));
  const beoordelen = m.teBeoordelen.length > 0 || heeft('examinator', 'beoordelaar');
  const vaststellen = m.vastTeStellen.length > 0 || heeft('examencommissie');
  const schrijven = m.teSchrijven.length > 0 || heeft('beheerder', 'ontwikkelaar', 'examinator', 'beoordelaar') || (!beoordelen && !vaststellen);
  return (
    <article className="doorlopend-detail">
      <PageHeading>Examenplannen</PageHeading>
      {beoordelen ? (
        <Lijst
          id="beoordelen-kop"
          titel="Examens om te beoordelen"
          leeg="Er zijn nog geen examens die u beoordeelt. Een examen staat hier zodra de examencommissie van de mbo-school het examenplan heeft vastgesteld en het plan u als beoordelaar noemt (of geen beoordelaar noemt)."
          examens={m.teBeoordelen}
          pad={(id) => `/examens/${encodeURIComponent(id)}/beoordelen`}
        />
      ) : null}
      {vaststellen ? (
        <Lijst
          id="vaststellen-kop"
          titel="Plannen om vast te stellen"
          leeg="Er wachten geen examenplannen op uw vaststelling. Een plan staat hier zodra de scholen het bij de examencommissie hebben ingediend."
          examens={m.vastTeStellen}
        />
      ) : null}
      {vaststellen ? (
        <Lijst
          id="vastgesteld-kop"
          titel="Vastgestelde plannen"
          leeg="Uw examencommissie heeft nog geen examenplan vastgesteld. Een vastgesteld plan staat hier, met de inschrijvingen en de uitslagen die eruit volgen."
          examens={m.vastgesteld}
        />
      ) : null}
      {schrijven ? (
        <Lijst
          id="schrijven-kop"
          titel="Plannen in bewerking"
          leeg="Er zijn geen examenplannen in bewerking waaraan u kunt werken. Een examenplan begint bij een leerroute: open de leerroute en kies Examens."
          examens={m.teSchrijven}
        />
      ) : null}
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
