/**
 * /examens/:examenId (issue 14): one joint exam. What it is (keuzedeel leading, keuzevak, cohort, parties and the
 * grondslag, said in words), the plan in force and the open version, the coverage of the keuzevak's eindtermen with
 * the crosswalk's suggestions, the editor while the plan is a concept, submitting, the mbo examencommissie's decisions
 * (accepting open coverage with a reason, vaststellen, sending back with a reason), a new version of a vastgesteld
 * plan, the version history and the way to the registration list. Every change answers with the whole exam; a 409
 * (a partner saved meanwhile, or the plan is frozen) shows its message and reloads.
 */
import { useCallback, useEffect, useState } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import type { ExamenDetail, ExamenplanVersie } from '../../../shared/examenplan-api.js';
import { ApiError } from '../../api.js';
import { FormFeedback, useAction } from '../../components/ConfirmAction.js';
import { LoadError, Loading } from '../../components/PageStates.js';
import { SignedInOnly, useSessionExpiry } from '../../components/SignedInOnly.js';
import { useDocumentTitle } from '../../lib/navigation.js';
import { useApi } from '../../lib/useApi.js';
import { Alert, Button, Heading, Link, ListItem, PageHeading, Paragraph, StatusBadge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, UnorderedList } from '../../ui/index.js';
import { datumTekst, examenApi, examensVanRoutePath, examenUrls, PLAN_STATUS_TEKST } from './ExamenApi.js';
import { PlanEditor } from './PlanEditor.js';
import './ExamenPlan.css';

type Zet = (e: ExamenDetail, bericht: string) => void;

function useWijziging(failure: string, zet: Zet, herlaad: () => void) {
  const state = useAction(failure);
  const run = (work: () => Promise<ExamenDetail>, bericht: string) =>
    state.run(async () => {
      try {
        zet(await work(), bericht);
        return bericht;
      } catch (e) {
        if (e instanceof ApiError && e.status === 409) herlaad();
        throw e;
      }
    });
  return { state, run };
}

function Status({ v }: { v: ExamenplanVersie }) {
  const s = PLAN_STATUS_TEKST[v.status]!;
  return <StatusBadge status={s.kleur}>{s.tekst}</StatusBadge>;
}

function Dekking({ e, v }: { e: ExamenDetail; v: ExamenplanVersie }) {
  const d = v.dekking;
  return (
    <section aria-labelledby="dekking-kop" className="doorlopend-section">
      <Heading level={2} id="dekking-kop">
        Dekking van het keuzevak{e.keuzevak ? ` ${e.keuzevak.code}` : ''}
      </Heading>
      <Paragraph>
        Elke eindterm van het keuzevak moet door minstens één beoordelingscriterium van het keuzedeelexamen worden getoetst. {d.gedekt} van {d.totaal} eindtermen zijn gedekt
        {d.gaten.length ? `; open: ${d.gaten.map((g) => g.code).join(', ')}` : ''}.
      </Paragraph>
      {v.dekkingAkkoord ? (
        <Alert type={d.gatenGeaccepteerd ? 'info' : 'warning'}>
          <Paragraph>
            De examencommissie ({v.dekkingAkkoord.naam}, {datumTekst(v.dekkingAkkoord.at)}) accepteerde de open dekking met als reden: {v.dekkingAkkoord.reden}
            {d.gaten.length && !d.gatenGeaccepteerd ? ' Er zijn sindsdien nieuwe open eindtermen bijgekomen; die zijn niet geaccepteerd.' : ''}
          </Paragraph>
        </Alert>
      ) : null}
      {d.totaal === 0 ? (
        <Paragraph>De catalogus geeft voor dit keuzevak geen eindtermen.</Paragraph>
      ) : (
          <Table captionHidden caption="Dekking van de eindtermen van het keuzevak">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Eindterm</TableHeaderCell>
                <TableHeaderCell scope="col">Getoetst door</TableHeaderCell>
                <TableHeaderCell scope="col">Suggestie uit de crosswalk</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {d.eindtermen.map((r) => (
                <TableRow key={r.id}>
                  <TableHeaderCell scope="row">
                    {r.code} <span className="doorlopend-examen-muted">{r.titel}</span>
                  </TableHeaderCell>
                  <TableCell>{r.criteria.length ? r.criteria.map((c) => c.omschrijving).join('; ') : <span className="doorlopend-examen-gat">Niet gedekt</span>}</TableCell>
                  <TableCell>{r.suggesties.length ? r.suggesties.map((s) => `${s.code}${s.titel ? ` ${s.titel}` : ''}`).join('; ') : '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
      )}
    </section>
  );
}

function PlanInhoud({ v, e, niveau = 2 }: { v: ExamenplanVersie; e: ExamenDetail; niveau?: 2 | 3 }) {
  const naam = (id: string | null, lijst: Array<{ id: string; naam: string }>) => (id ? (lijst.find((p) => p.id === id)?.naam ?? 'onbekend') : 'nog niet gekozen');
  const toets = e.ptaToetsen.find((t) => t.id === v.inhoud.ptaToetsId);
  return (
    <section aria-labelledby={`plan-kop-${v.versienummer}`} className="doorlopend-section">
      <Heading level={niveau} id={`plan-kop-${v.versienummer}`}>
        Examenplan, versie {v.versienummer}
      </Heading>
      {v.inhoud.onderdelen.length === 0 ? <Paragraph>Nog geen opdrachten.</Paragraph> : null}
      {v.inhoud.onderdelen.map((o, i) => (
        <div key={o.id} className="doorlopend-examen-kaart">
          <Heading level={niveau === 2 ? 3 : 4}>
            Opdracht {i + 1}: {o.titel}
          </Heading>
          {o.omschrijving ? <Paragraph>{o.omschrijving}</Paragraph> : null}
          <UnorderedList>
            {o.criteria.map((c) => (
              <ListItem key={c.id}>
                {c.omschrijving} (0 tot {c.maxScore} punten{c.minimumScore !== null ? `, minimaal ${c.minimumScore}` : ''}); eindtermen:{' '}
                {c.eindtermen.map((id) => e.eindtermen.find((x) => x.id === id)?.code ?? id).join(', ') || 'geen'}
              </ListItem>
            ))}
          </UnorderedList>
        </div>
      ))}
      <UnorderedList>
        <ListItem>Cesuur: {v.inhoud.cesuur.minimumPunten} punten.</ListItem>
        <ListItem>Resultaat keuzedeel: {v.inhoud.resultaatvorm === 'cijfer' ? 'behaald / niet behaald en een cijfer' : 'behaald / niet behaald'}.</ListItem>
        <ListItem>
          Omzetting naar het keuzevakcijfer:{' '}
          {v.inhoud.omzetting.methode === 'lineair-cesuur'
            ? '0 punten is 1,0, de cesuur is 5,5, het maximum is 10,0, rechtlijnig daartussen'
            : v.inhoud.omzetting.tabel.map((r) => `vanaf ${r.vanafPunten} punten ${r.cijfer.toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}`).join('; ')}
          .
        </ListItem>
        <ListItem>PTA-toets: {toets ? `${toets.toetscode} ${toets.naam}` : 'geen'}.</ListItem>
        <ListItem>Datum: {v.inhoud.datums.length ? v.inhoud.datums.map((d) => datumTekst(d.datum)).join(', ') : 'nog niet gepland'}. Locatie: {v.inhoud.locatie || 'nog niet bekend'}.</ListItem>
        <ListItem>1e beoordelaar (vmbo-examinator): {naam(v.inhoud.examinatorId, e.kandidaten.examinatoren)}.</ListItem>
        <ListItem>2e beoordelaar (mbo-beoordelaar): {naam(v.inhoud.beoordelaarId, e.kandidaten.beoordelaars)}.</ListItem>
      </UnorderedList>
    </section>
  );
}

function RedenFormulier({ id, label, knop, onVerstuur, state }: { id: string; label: string; knop: string; onVerstuur: (reden: string) => void; state: ReturnType<typeof useAction> }) {
  const [reden, setReden] = useState('');
  return (
    <form
      onSubmit={(ev) => {
        ev.preventDefault();
        onVerstuur(reden);
      }}
      className="doorlopend-examen-form"
    >
      <div className="doorlopend-field">
        <label htmlFor={id}>{label}</label>
        <textarea id={id} rows={3} maxLength={2000} value={reden} onChange={(ev) => setReden(ev.target.value)} />
      </div>
      <FormFeedback state={state} failureHeading={`${knop} is niet gelukt`} />
      <div>
        <Button type="submit" appearance="secondary-action-button" disabled={state.busy}>
          {knop}
        </Button>
      </div>
    </form>
  );
}

function Acties({ e, v, zet, herlaad }: { e: ExamenDetail; v: ExamenplanVersie; zet: Zet; herlaad: () => void }) {
  const indienen = useWijziging('Indienen is niet gelukt.', zet, herlaad);
  const vaststellen = useWijziging('Vaststellen is niet gelukt.', zet, herlaad);
  const terug = useWijziging('Terugsturen is niet gelukt.', zet, herlaad);
  const akkoord = useWijziging('Accepteren is niet gelukt.', zet, herlaad);
  const nieuw = useWijziging('Een nieuwe versie maken is niet gelukt.', zet, herlaad);
  const open = v.status === 'concept' || v.status === 'ingediend';
  return (
    <section aria-labelledby="acties-kop" className="doorlopend-section">
      <Heading level={2} id="acties-kop">
        Indienen en vaststellen
      </Heading>
      {v.status === 'concept' && e.rechten.schrijven ? (
        <>
          {v.ontbreekt.length ? (
            <>
              <Paragraph>Voordat u het plan kunt indienen:</Paragraph>
              <UnorderedList>
                {v.ontbreekt.map((o) => (
                  <ListItem key={o.path}>{o.message}</ListItem>
                ))}
              </UnorderedList>
            </>
          ) : (
            <Paragraph>Het plan is compleet en kan naar de examencommissie van {e.mbo.naam}.</Paragraph>
          )}
          <FormFeedback state={indienen.state} failureHeading="Indienen is niet gelukt" />
          <Button disabled={indienen.state.busy} onClick={() => void indienen.run(() => examenApi.actie(e.id, 'indienen', v.versie), 'Het examenplan is ingediend bij de examencommissie.')}>
            Indienen bij de examencommissie
          </Button>
        </>
      ) : null}
      {v.status === 'ingediend' && e.rechten.vaststellen ? (
        <>
          <Paragraph>Dit plan wacht op uw besluit. Na vaststelling ligt het vast; een wijziging wordt dan een nieuwe versie die opnieuw moet worden vastgesteld.</Paragraph>
          <FormFeedback state={vaststellen.state} failureHeading="Vaststellen is niet gelukt" />
          <Button disabled={vaststellen.state.busy} onClick={() => void vaststellen.run(() => examenApi.actie(e.id, 'vaststellen', v.versie), 'Het examenplan is vastgesteld.')}>
            Examenplan vaststellen
          </Button>
          <Heading level={3}>Terugsturen</Heading>
          <RedenFormulier id="terug-reden" label="Reden om terug te sturen" knop="Terugsturen naar concept" state={terug.state} onVerstuur={(reden) => void terug.run(() => examenApi.metReden(e.id, 'terugsturen', v.versie, reden), 'Het plan is teruggestuurd.')} />
        </>
      ) : null}
      {v.status === 'ingediend' && !e.rechten.vaststellen ? <Paragraph>Het plan is ingediend en wacht op de examencommissie van {e.mbo.naam}.</Paragraph> : null}
      {open && e.rechten.vaststellen && v.dekking.gaten.length > 0 && !v.dekking.gatenGeaccepteerd ? (
        <>
          <Heading level={3}>Open dekking accepteren</Heading>
          <Paragraph>Nog niet gedekt: {v.dekking.gaten.map((g) => g.code).join(', ')}. Als examencommissie kunt u dit met een reden accepteren, zodat het plan toch kan worden ingediend.</Paragraph>
          <RedenFormulier id="akkoord-reden" label="Reden om de open dekking te accepteren" knop="Open dekking accepteren" state={akkoord.state} onVerstuur={(reden) => void akkoord.run(() => examenApi.metReden(e.id, 'dekking-akkoord', v.versie, reden), 'De open dekking is geaccepteerd.')} />
        </>
      ) : null}
      {v.status === 'vastgesteld' && !e.rechten.schrijven ? (
        <Paragraph>
          Dit plan is vastgesteld{v.vastgesteld ? ` op ${datumTekst(v.vastgesteld.at)} door ${v.vastgesteld.naam}` : ''} en ligt vast. Een wijziging wordt een nieuwe versie die de examencommissie opnieuw vaststelt.
        </Paragraph>
      ) : null}
      {v.status === 'concept' && !e.rechten.schrijven && !e.rechten.vaststellen ? <Paragraph>Het plan is nog een concept.</Paragraph> : null}
      {v.status === 'concept' && !e.rechten.schrijven && e.rechten.vaststellen ? <Paragraph>Het plan is nog een concept; het komt bij u zodra het is ingediend.</Paragraph> : null}
      {v.status === 'vastgesteld' && e.rechten.schrijven ? (
        <>
          <Paragraph>Dit plan is vastgesteld en bevroren. Wilt u iets wijzigen, maak dan een nieuwe versie; deze versie blijft gelden tot de nieuwe is vastgesteld.</Paragraph>
          <FormFeedback state={nieuw.state} failureHeading="Een nieuwe versie maken is niet gelukt" />
          <Button appearance="secondary-action-button" disabled={nieuw.state.busy} onClick={() => void nieuw.run(() => examenApi.actie(e.id, 'nieuwe-versie', v.versie), 'Er is een nieuwe versie (concept) gemaakt.')}>
            Nieuwe versie maken
          </Button>
        </>
      ) : null}
    </section>
  );
}

function Versies({ e }: { e: ExamenDetail }) {
  return (
    <section aria-labelledby="versies-kop" className="doorlopend-section">
      <Heading level={2} id="versies-kop">
        Versies
      </Heading>
      <UnorderedList>
        {e.versies.map((v, i) => (
          <ListItem key={v.id}>
            Versie {v.versienummer}: <Status v={v} />
            {v.ingediend ? `; ingediend op ${datumTekst(v.ingediend.at)} door ${v.ingediend.naam}` : ''}
            {v.vastgesteld ? `; vastgesteld op ${datumTekst(v.vastgesteld.at)} door ${v.vastgesteld.naam}` : ''}
            {v.teruggestuurd && v.status === 'concept' ? `; teruggestuurd op ${datumTekst(v.teruggestuurd.at)}` : ''}
            {i > 0 ? (
              <details>
                <summary>Inhoud van versie {v.versienummer}</summary>
                <PlanInhoud v={v} e={e} niveau={3} />
              </details>
            ) : null}
          </ListItem>
        ))}
      </UnorderedList>
    </section>
  );
}

function Inhoud({ id }: { id: string }) {
  const location = useLocation();
  const [laad, setLaad] = useState(0);
  const geladen = useApi(`${examenUrls.detail(id)}#${laad}`, (signal) => examenApi.get(id, signal));
  const [e, setE] = useState<ExamenDetail | null>(null);
  const [bericht, setBericht] = useState((location.state as { bericht?: string } | null)?.bericht ?? '');
  useEffect(() => {
    if (geladen.data) setE(geladen.data);
  }, [geladen.data]);
  useSessionExpiry(geladen.error);
  useDocumentTitle(e ? `Examen ${e.keuzedeel.code}: ${e.keuzedeel.titel}` : 'Examen');
  const zet = useCallback<Zet>((nieuw, b) => {
    setE(nieuw);
    setBericht(b);
  }, []);
  const herlaad = useCallback(() => setLaad((n) => n + 1), []);
  const opslaan = useWijziging('Opslaan is niet gelukt.', zet, herlaad);
  if (geladen.error && !geladen.error.isUnauthorized) return <LoadError error={geladen.error} />;
  if (!e || e.id !== id) return <Loading />;
  const v = e.versies[0];
  const geldend = e.versies.find((x) => x.status === 'vastgesteld');
  return (
    <article className="doorlopend-detail doorlopend-examen">
      <p className="doorlopend-preheading">
        <Link to={examensVanRoutePath(e.leerroute.id)}>Examens van {e.leerroute.naam}</Link>
      </p>
      <PageHeading>
        Examen {e.keuzedeel.code} {e.keuzedeel.titel}
      </PageHeading>
      <UnorderedList>
        <ListItem>Keuzedeel (leidend): {e.keuzedeel.code} {e.keuzedeel.titel}.</ListItem>
        <ListItem>Sluit het keuzevak af: {e.keuzevak ? `${e.keuzevak.code} ${e.keuzevak.titel}` : 'geen'}.</ListItem>
        <ListItem>
          Cohort: {e.cohort.naam} ({e.cohort.schooljaar}, leerjaar {e.cohort.leerjaar}) van {e.vmbo.naam}; examinering door {e.mbo.naam}.
        </ListItem>
        <ListItem>
          <strong>Grondslag:</strong> {e.grondslag === 'extraneus' ? 'inschrijving als extraneus' : 'gezamenlijk PTA/OER'}. {e.grondslagUitleg}.
        </ListItem>
      </UnorderedList>
      {v ? (
        <Paragraph>
          Examenplan versie {v.versienummer}: <Status v={v} />
          {v.vastgesteld ? ` op ${datumTekst(v.vastgesteld.at)} door ${v.vastgesteld.naam}` : ''}.
          {geldend && geldend.id !== v.id ? ` Versie ${geldend.versienummer} (vastgesteld op ${datumTekst(geldend.vastgesteld!.at)}) blijft gelden tot deze versie is vastgesteld.` : ''}
        </Paragraph>
      ) : null}
      {v?.status === 'concept' && v.teruggestuurd ? (
        <Alert type="warning" heading="Teruggestuurd door de examencommissie" headingLevel={2}>
          <Paragraph>
            {v.teruggestuurd.naam}, {datumTekst(v.teruggestuurd.at)}: {v.teruggestuurd.reden}
          </Paragraph>
        </Alert>
      ) : null}
      {e.rechten.leerlingenZien ? (
        <Paragraph>
          <Link to={`/examens/${encodeURIComponent(e.id)}/inschrijvingen`}>Inschrijving van de leerlingen als extraneus</Link>
        </Paragraph>
      ) : null}
      {e.rechten.leerlingenZien ? (
        <Paragraph>
          <Link to={`/examens/${encodeURIComponent(e.id)}/beoordelen`}>Beoordelen en resultaten</Link>
        </Paragraph>
      ) : null}
      {v ? <Dekking e={e} v={v} /> : null}
      {v && v.status === 'concept' && e.rechten.schrijven ? (
        <section className="doorlopend-section">
          <PlanEditor key={`${v.id}-${v.versie}`} detail={e} versie={v} state={opslaan.state} onSave={(inhoud) => void opslaan.run(() => examenApi.opslaan(e.id, v.versie, inhoud), 'Het examenplan is opgeslagen.')} />
        </section>
      ) : v ? (
        <PlanInhoud v={v} e={e} />
      ) : null}
      {v ? <Acties e={e} v={v} zet={zet} herlaad={herlaad} /> : null}
      <Versies e={e} />
      <div role="status" aria-live="polite" className="doorlopend-visually-hidden">
        {bericht}
      </div>
    </article>
  );
}

export function ExamenPage() {
  const { examenId = '' } = useParams();
  return (
    <SignedInOnly>
      <Inhoud key={examenId} id={examenId.toLowerCase()} />
    </SignedInOnly>
  );
}
