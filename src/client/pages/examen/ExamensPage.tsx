/**
 * /leerroutes/:routeId/examens (issue 14): the joint exams of a route (keuzedeel leading, the keuzevak it closes, the
 * cohort, the parties and the grondslag) and a form for a new one. The grondslag is always chosen: inschrijving als
 * extraneus, or part of the joint PTA/OER (only where the route allows it; the reason is shown otherwise).
 */
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { EXAMEN_GRONDSLAG_LABELS } from '../../../shared/examen-api.js';
import type { ExamenLijst } from '../../../shared/examenplan-api.js';
import { FormFeedback, useAction } from '../../components/ConfirmAction.js';
import { LoadError, Loading } from '../../components/PageStates.js';
import { SignedInOnly, useSessionExpiry } from '../../components/SignedInOnly.js';
import { useDocumentTitle } from '../../lib/navigation.js';
import { useApi } from '../../lib/useApi.js';
import { Button, Fieldset, Heading, Link, PageHeading, Paragraph, SelectField, StatusBadge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/index.js';
import { examenApi, examenPath, examenUrls, PLAN_STATUS_TEKST } from './ExamenApi.js';
import './ExamenPlan.css';

function NieuwExamen({ routeId, nieuw }: { routeId: string; nieuw: NonNullable<ExamenLijst['nieuw']> }) {
  const navigate = useNavigate();
  const [cohortId, setCohortId] = useState(nieuw.cohorten[0]?.id ?? '');
  const [keuzedeel, setKeuzedeel] = useState(nieuw.keuzedelen[0]?.code ?? '');
  const [keuzevak, setKeuzevak] = useState(nieuw.keuzevakken[0]?.code ?? '');
  const [mbo, setMbo] = useState(nieuw.mboPartners[0]?.id ?? '');
  const [grondslag, setGrondslag] = useState<'' | 'extraneus' | 'gezamenlijk-pta-oer'>('');
  const [grondslagFout, setGrondslagFout] = useState('');
  const actie = useAction('Het examen is niet aangemaakt.');
  if (nieuw.cohorten.length === 0) {
    return <Paragraph>Er is nog geen groep leerlingen (cohort) voor deze leerroute. De vmbo-school maakt die aan bij Leerlingen; daarna kunt u hier een examen plannen.</Paragraph>;
  }
  return (
    <form
      className="doorlopend-examen-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!grondslag) {
          setGrondslagFout('Kies waarom het resultaat tot een vrijstelling leidt.');
          document.getElementById('grondslag')?.focus();
          return;
        }
        setGrondslagFout('');
        void actie.run(async () => {
          const ex = await examenApi.maak(routeId, { cohortId, keuzedeelCode: keuzedeel || undefined, keuzevakCode: keuzevak || null, grondslag, mboOrganisationId: mbo || undefined });
          navigate(examenPath(ex.id), { state: { bericht: 'Het examen is aangemaakt. Stel nu het examenplan op.' } });
          return 'Het examen is aangemaakt.';
        });
      }}
    >
      <SelectField id="cohort" label="Groep leerlingen (cohort)" value={cohortId} onChange={setCohortId} options={nieuw.cohorten.map((c) => ({ value: c.id, label: `${c.naam} (${c.school}, ${c.schooljaar}, leerjaar ${c.leerjaar})` }))} />
      <SelectField id="keuzedeel" label="Keuzedeel (leidend)" value={keuzedeel} onChange={setKeuzedeel} options={nieuw.keuzedelen.map((k) => ({ value: k.code, label: `${k.code} ${k.titel}` }))} />
      {nieuw.keuzevakken.length ? (
        <SelectField id="keuzevak" label="Keuzevak dat het examen afsluit" value={keuzevak} onChange={setKeuzevak} options={nieuw.keuzevakken.map((k) => ({ value: k.code, label: `${k.code} ${k.titel}` }))} />
      ) : null}
      {nieuw.mboPartners.length > 1 ? (
        <SelectField id="mbo" label="Mbo-instelling die het keuzedeel examineert" value={mbo} onChange={setMbo} options={nieuw.mboPartners.map((m) => ({ value: m.id, label: m.naam }))} />
      ) : null}
      <Fieldset id="grondslag" legend="Grondslag: waarom telt het resultaat voor een vrijstelling?" invalidMessage={grondslagFout || undefined}>
        {(['extraneus', 'gezamenlijk-pta-oer'] as const).map((g) => {
          const uit = g === 'gezamenlijk-pta-oer' && nieuw.ptaOerProbleem !== null;
          return (
            <div key={g} className="doorlopend-examen-radio">
              <input type="radio" id={`grondslag-${g}`} name="grondslag" value={g} checked={grondslag === g} disabled={uit} aria-describedby={uit ? 'grondslag-probleem' : undefined} onChange={() => setGrondslag(g)} />
              <label htmlFor={`grondslag-${g}`}>{g === 'extraneus' ? 'Inschrijving als extraneus' : 'Gezamenlijk PTA/OER'}: {EXAMEN_GRONDSLAG_LABELS[g]}</label>
            </div>
          );
        })}
        {nieuw.ptaOerProbleem ? (
          <p id="grondslag-probleem" className="doorlopend-examen-muted">
            {nieuw.ptaOerProbleem}
          </p>
        ) : null}
      </Fieldset>
      <FormFeedback state={actie} failureHeading="Het examen is niet aangemaakt" />
      <Button type="submit" disabled={actie.busy}>
        Examen aanmaken
      </Button>
    </form>
  );
}

function Inhoud({ routeId }: { routeId: string }) {
  const geladen = useApi(examenUrls.route(routeId), (signal) => examenApi.route(routeId, signal));
  useSessionExpiry(geladen.error);
  const l = geladen.data;
  useDocumentTitle(l ? `Examens: ${l.leerroute.naam}` : 'Examens');
  if (geladen.error && !geladen.error.isUnauthorized) return <LoadError error={geladen.error} />;
  if (!l) return <Loading />;
  return (
    <article className="doorlopend-detail doorlopend-examen">
      <p className="doorlopend-preheading">
        <Link to={`/leerroutes/${encodeURIComponent(routeId)}`}>{l.leerroute.naam}</Link>
      </p>
      <PageHeading>Examens</PageHeading>
      <Paragraph>Het examen van het mbo-keuzedeel is leidend en sluit ook het vmbo-keuzevak af. De leerling doet één keer examen en krijgt twee resultaten.</Paragraph>
      <section aria-labelledby="examens-kop" className="doorlopend-section">
        <Heading level={2} id="examens-kop">
          Examens van deze leerroute
        </Heading>
        {l.examens.length === 0 ? (
          <Paragraph>Nog geen examens.</Paragraph>
        ) : (
            <Table captionHidden caption="Examens van deze leerroute">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Examen</TableHeaderCell>
                  <TableHeaderCell scope="col">Cohort</TableHeaderCell>
                  <TableHeaderCell scope="col">Grondslag</TableHeaderCell>
                  <TableHeaderCell scope="col">Examenplan</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {l.examens.map((e) => (
                  <TableRow key={e.id}>
                    <TableCell>
                      <Link to={examenPath(e.id)}>
                        {e.keuzedeel.code} {e.keuzedeel.titel}
                      </Link>
                      {e.keuzevak ? <div className="doorlopend-examen-muted">sluit keuzevak {e.keuzevak.code} af</div> : null}
                    </TableCell>
                    <TableCell>
                      {e.cohort.naam} ({e.cohort.schooljaar})
                    </TableCell>
                    <TableCell>{e.grondslag === 'extraneus' ? 'Extraneus' : 'Gezamenlijk PTA/OER'}</TableCell>
                    <TableCell>
                      {e.planStatus ? <StatusBadge status={PLAN_STATUS_TEKST[e.planStatus]!.kleur}>{PLAN_STATUS_TEKST[e.planStatus]!.tekst}</StatusBadge> : null}
                      {e.vastgesteldeVersie && e.planStatus !== 'vastgesteld' ? <div className="doorlopend-examen-muted">versie {e.vastgesteldeVersie} geldt</div> : null}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
        )}
      </section>
      {l.nieuw ? (
        <section aria-labelledby="nieuw-kop" className="doorlopend-section">
          <Heading level={2} id="nieuw-kop">
            Nieuw examen
          </Heading>
          <NieuwExamen routeId={routeId} nieuw={l.nieuw} />
        </section>
      ) : null}
    </article>
  );
}

export function ExamensPage() {
  const { routeId = '' } = useParams();
  return (
    <SignedInOnly>
      <Inhoud key={routeId} routeId={routeId.toLowerCase()} />
    </SignedInOnly>
  );
}
