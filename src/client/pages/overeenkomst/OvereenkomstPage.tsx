/**
 * /overeenkomsten/:id (issue 13): the agreement editor. Clause cards with their completeness (verplicht en leeg, te
 * kort, nog in te vullen plek, ingevuld), who changed them, and the comments between the partners; offering for
 * signing when complete; the signing panel per party (a beheerder of that party records name, function and date) and
 * the medezeggenschap; versions with the difference per clause; the downloads (PDF, DOCX). Every change answers with
 * the whole agreement, which replaces what is shown; a 409 (changed by the partner, or frozen) shows its message and
 * reloads.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import {
  ONDERWERP_NAMEN, ORGAAN_NAMEN, OVEREENKOMST_SOORT_NAMEN, OVEREENKOMST_STATUS_NAMEN, type Clausule, type Orgaan, type OvereenkomstDetail, type Partij, type Uitkomst, type Verschil,
} from '../../../shared/overeenkomst-api.js';
import { ApiError } from '../../api.js';
import { FormFeedback, useAction } from '../../components/ConfirmAction.js';
import { LoadError, Loading } from '../../components/PageStates.js';
import { SignedInOnly, useSessionExpiry } from '../../components/SignedInOnly.js';
import { useDocumentTitle } from '../../lib/navigation.js';
import { useApi } from '../../lib/useApi.js';
import { Alert, Button, DocumentLink, Heading, Link, ListItem, PageHeading, Paragraph, SelectField, StatusBadge, TextField, UnorderedList } from '../../ui/index.js';
import { STATUS_KLEUR } from './OvereenkomstenSectie.js';
import { overeenkomstApi, overeenkomstPath, overeenkomstUrls } from './overeenkomst-api.js';
import './overeenkomst.css';
import { formatDatum } from '../../lib/format.js';

const CLAUSULE_STATUS: Record<Clausule['status'], { tekst: string; kleur: 'neutral' | 'safe' | 'warning' | 'danger' }> = {
  leeg: { tekst: 'Leeg', kleur: 'neutral' },
  'te-kort': { tekst: 'Te kort', kleur: 'warning' },
  'open-plek': { tekst: 'Nog in te vullen', kleur: 'warning' },
  ingevuld: { tekst: 'Ingevuld', kleur: 'safe' },
};

const datum = formatDatum;
const vandaag = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
const clausuleAnker = (id: string) => `clausule-${id}`;

type Zet = (o: OvereenkomstDetail, bericht: string) => void;

/** Runs a change; a 409 reloads the agreement (the partner changed it, or it is frozen) after showing the message. */
function useWijziging(failure: string, zet: Zet, herlaad: () => void) {
  const state = useAction(failure);
  const run = (work: () => Promise<OvereenkomstDetail>, bericht: string) =>
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

function Tekstvak({ id, label, value, onChange, beschrijving, maxLength, rows = 6 }: { id: string; label: string; value: string; onChange: (v: string) => void; beschrijving?: string; maxLength: number; rows?: number }) {
  return (
    <div className="doorlopend-field doorlopend-ovk-tekstvak">
      <label htmlFor={id} className="doorlopend-ovk-label">
        {label}
      </label>
      {beschrijving ? (
        <p id={`${id}-beschrijving`} className="doorlopend-ovk-muted">
          {beschrijving}
        </p>
      ) : null}
      <textarea id={id} value={value} rows={rows} maxLength={maxLength} aria-describedby={beschrijving ? `${id}-beschrijving` : undefined} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

function ClausuleKaart({ o, c, zet, herlaad }: { o: OvereenkomstDetail; c: Clausule; zet: Zet; herlaad: () => void }) {
  const [tekst, setTekst] = useState(c.tekst);
  const [opmerking, setOpmerking] = useState('');
  useEffect(() => setTekst(c.tekst), [c.tekst, c.versie]);
  const opslaan = useWijziging('Opslaan is niet gelukt.', zet, herlaad);
  const reageren = useWijziging('Opmerking plaatsen is niet gelukt.', zet, herlaad);
  const bewerkbaar = o.status === 'concept' && o.mijnRechten.wijzigen;
  const kop = `${clausuleAnker(c.id)}-kop`;
  const s = CLAUSULE_STATUS[c.status];
  return (
    <section id={clausuleAnker(c.id)} aria-labelledby={kop} className="doorlopend-ovk-kaart" tabIndex={-1}>
      <div className="doorlopend-ovk-kaart__kop">
        <Heading level={3} id={kop}>
          {c.titel}
        </Heading>
        <span className="doorlopend-ovk-badges">
          <StatusBadge status="neutral">{c.verplicht ? 'Verplicht' : 'Aanbevolen'}</StatusBadge>{' '}
          <StatusBadge status={c.verplicht ? s.kleur : c.status === 'ingevuld' ? 'safe' : 'neutral'}>{s.tekst}</StatusBadge>
        </span>
      </div>
      <Paragraph>{c.toelichting}</Paragraph>
      <p className="doorlopend-ovk-muted">
        Bron: {c.bron.document}, {c.bron.sectie}.
      </p>
      {c.status !== 'ingevuld' && (c.verplicht || c.status !== 'leeg') ? <p className="doorlopend-ovk-melding">{c.melding}</p> : null}
      {bewerkbaar ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void opslaan.run(() => overeenkomstApi.clausule(o.id, c.id, c.versie, tekst), `${c.titel} is opgeslagen.`);
          }}
        >
          <Tekstvak id={`tekst-${c.id}`} label={`Tekst van ${c.titel}`} value={tekst} onChange={setTekst} maxLength={20_000} rows={c.tekst.length > 400 ? 10 : 6} />
          <FormFeedback state={opslaan.state} failureHeading="Opslaan is niet gelukt" headingLevel={4} />
          <Button type="submit" appearance="secondary-action-button" disabled={opslaan.state.busy || tekst === c.tekst}>
            {`${c.titel.replace(/^[a-i]\. /, '')} opslaan`}
          </Button>
        </form>
      ) : (
        <div className="doorlopend-ovk-tekst">{c.tekst ? c.tekst.split('\n').map((regel, i) => <Paragraph key={i}>{regel}</Paragraph>) : <Paragraph>Niet ingevuld.</Paragraph>}</div>
      )}
      <p className="doorlopend-ovk-muted">{c.voorstel || !c.gewijzigd ? 'Voorstel van Doorlopend, nog door niemand aangepast.' : `Laatst gewijzigd door ${c.gewijzigd.gebruiker?.naam ?? '(verwijderd account)'}${c.gewijzigd.organisatie ? ` (${c.gewijzigd.organisatie.naam})` : ''} op ${datum(c.gewijzigd.op)}.`}</p>
      <details className="doorlopend-ovk-opmerkingen" open={c.opmerkingen.length > 0}>
        <summary>Opmerkingen ({c.opmerkingen.length})</summary>
        {c.opmerkingen.length ? (
          <UnorderedList>
            {c.opmerkingen.map((m) => (
              <ListItem key={m.id}>
                <strong>{m.door.gebruiker?.naam ?? '(verwijderd account)'}</strong>
                {m.door.organisatie ? ` (${m.door.organisatie.naam})` : ''}, {datum(m.door.op)}: {m.tekst}
              </ListItem>
            ))}
          </UnorderedList>
        ) : null}
        {o.mijnRechten.wijzigen ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void reageren.run(() => overeenkomstApi.opmerking(o.id, c.id, opmerking), 'Uw opmerking is geplaatst.').then((ok) => ok && setOpmerking(''));
            }}
          >
            <Tekstvak id={`opmerking-${c.id}`} label={`Opmerking bij ${c.titel}`} value={opmerking} onChange={setOpmerking} maxLength={2000} rows={2} />
            <FormFeedback state={reageren.state} failureHeading="Plaatsen is niet gelukt" headingLevel={4} />
            <Button type="submit" appearance="subtle-button" disabled={reageren.state.busy || !opmerking.trim()}>
              Opmerking plaatsen
            </Button>
          </form>
        ) : null}
      </details>
    </section>
  );
}

function Volledigheid({ o }: { o: OvereenkomstDetail }) {
  const open = o.clausules.filter((c) => c.verplicht && c.status !== 'ingevuld');
  return (
    <section aria-labelledby="volledig-kop" className="doorlopend-section">
      <Heading level={2} id="volledig-kop">
        Volledigheid
      </Heading>
      <Paragraph>
        {o.compleet.ingevuld} van de {o.compleet.verplicht} verplichte clausules zijn ingevuld.
        {o.kanTerOndertekening ? ' De overeenkomst is compleet en kan ter ondertekening worden aangeboden.' : ''}
      </Paragraph>
      {open.length ? (
        <UnorderedList>
          {open.map((c) => (
            <ListItem key={c.id}>
              <a href={`#${clausuleAnker(c.id)}`}>{c.titel}</a>: {c.melding}
            </ListItem>
          ))}
        </UnorderedList>
      ) : null}
    </section>
  );
}

function StatusPaneel({ o, zet, herlaad }: { o: OvereenkomstDetail; zet: Zet; herlaad: () => void }) {
  const w = useWijziging('Het is niet gelukt.', zet, herlaad);
  const [reden, setReden] = useState('');
  const beheerder = o.mijnRechten.ondertekenenVoor.length > 0;
  return (
    <div className="doorlopend-ovk-acties">
      {o.status === 'concept' && o.mijnRechten.wijzigen ? (
        o.kanTerOndertekening ? (
          <Button onClick={() => void w.run(() => overeenkomstApi.status(o.id, { naar: 'ter-ondertekening', versie: o.versie }), 'De overeenkomst ligt nu ter ondertekening bij de besturen.')} disabled={w.state.busy}>
            Ter ondertekening aanbieden
          </Button>
        ) : (
          <Paragraph>Ter ondertekening aanbieden kan zodra alle verplichte clausules zijn ingevuld.</Paragraph>
        )
      ) : null}
      {o.status === 'ter-ondertekening' && o.mijnRechten.wijzigen ? (
        <Button appearance="secondary-action-button" onClick={() => void w.run(() => overeenkomstApi.status(o.id, { naar: 'concept', versie: o.versie }), 'De overeenkomst is weer een concept; eventuele ondertekeningen zijn vervallen.')} disabled={w.state.busy}>
          Terug naar concept
        </Button>
      ) : null}
      {o.status === 'ondertekend' && beheerder ? (
        <details className="doorlopend-ovk-beeindigen">
          <summary>Overeenkomst beëindigen</summary>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void w.run(() => overeenkomstApi.status(o.id, { naar: 'beeindigd', versie: o.versie, reden }), 'De overeenkomst is beëindigd.');
            }}
          >
            <TextField id="beeindig-reden" label="Reden om te beëindigen" value={reden} onChange={setReden} maxLength={1000} />
            <Button type="submit" appearance="secondary-action-button" disabled={w.state.busy || reden.trim().length < 5}>
              Overeenkomst beëindigen
            </Button>
          </form>
        </details>
      ) : null}
      <FormFeedback state={w.state} failureHeading="Het is niet gelukt" headingLevel={3} />
    </div>
  );
}

function OndertekenForm({ o, partij, zet, herlaad }: { o: OvereenkomstDetail; partij: Partij; zet: Zet; herlaad: () => void }) {
  const [naam, setNaam] = useState('');
  const [functie, setFunctie] = useState('');
  const [dag, setDag] = useState(vandaag());
  const w = useWijziging('Ondertekenen is niet gelukt.', zet, herlaad);
  const id = useId();
  return (
    <form
      className="doorlopend-ovk-teken"
      aria-label={`Ondertekenen namens ${partij.naam}`}
      onSubmit={(e) => {
        e.preventDefault();
        void w.run(() => overeenkomstApi.onderteken(o.id, { organisatieId: partij.id, naam, functie, datum: dag }), `Ondertekend namens ${partij.naam}.`);
      }}
    >
      <TextField id={`${id}-naam`} label="Naam van de ondertekenaar" value={naam} onChange={setNaam} maxLength={120} autoComplete="name" />
      <TextField id={`${id}-functie`} label="Functie" value={functie} onChange={setFunctie} maxLength={120} description="Bijvoorbeeld voorzitter college van bestuur of directeur-bestuurder (bevoegd gezag)." />
      <TextField id={`${id}-datum`} label="Datum van ondertekening" value={dag} onChange={setDag} maxLength={10} description="Als jjjj-mm-dd, bijvoorbeeld 2027-03-15." />
      <FormFeedback state={w.state} failureHeading="Ondertekenen is niet gelukt" headingLevel={4} />
      <Button type="submit" disabled={w.state.busy}>
        {`Ondertekenen namens ${partij.naam}`}
      </Button>
    </form>
  );
}

function MedezeggenschapForm({ o, partij, zet, herlaad }: { o: OvereenkomstDetail; partij: Partij; zet: Zet; herlaad: () => void }) {
  const organen: Orgaan[] = partij.soort === 'vmbo-school' ? ['mr'] : partij.soort === 'mbo-instelling' ? ['deelnemersraad', 'ondernemingsraad'] : [];
  const [orgaan, setOrgaan] = useState<Orgaan>(organen[0] ?? 'mr');
  const [uitkomst, setUitkomst] = useState<Uitkomst>('instemming');
  const [dag, setDag] = useState(vandaag());
  const w = useWijziging('Vastleggen is niet gelukt.', zet, herlaad);
  const id = useId();
  if (organen.length === 0) return null;
  return (
    <form
      className="doorlopend-ovk-teken"
      aria-label={`Medezeggenschap van ${partij.naam} vastleggen`}
      onSubmit={(e) => {
        e.preventDefault();
        void w.run(() => overeenkomstApi.medezeggenschap(o.id, { organisatieId: partij.id, orgaan, uitkomst, datum: dag, toelichting: '' }), `De ${ORGAAN_NAMEN[orgaan].toLowerCase()} van ${partij.naam} is vastgelegd.`);
      }}
    >
      <SelectField id={`${id}-orgaan`} label="Orgaan" value={orgaan} onChange={(v) => setOrgaan(v as Orgaan)} options={organen.map((x) => ({ value: x, label: ORGAAN_NAMEN[x] }))} />
      <SelectField id={`${id}-uitkomst`} label="Instemming of advies" value={uitkomst} onChange={(v) => setUitkomst(v as Uitkomst)} options={[{ value: 'instemming', label: 'Instemming' }, { value: 'advies', label: 'Advies' }]} />
      <TextField id={`${id}-datum`} label="Datum van het besluit" value={dag} onChange={setDag} maxLength={10} description="Als jjjj-mm-dd." />
      <FormFeedback state={w.state} failureHeading="Vastleggen is niet gelukt" headingLevel={4} />
      <Button type="submit" appearance="secondary-action-button" disabled={w.state.busy}>
        {`Medezeggenschap van ${partij.naam} vastleggen`}
      </Button>
    </form>
  );
}

function Ondertekening({ o, zet, herlaad }: { o: OvereenkomstDetail; zet: Zet; herlaad: () => void }) {
  const getekend = new Map(o.ondertekeningen.map((t) => [t.organisatie.id, t]));
  const open = o.status === 'concept' || o.status === 'ter-ondertekening';
  return (
    <section aria-labelledby="ondertekening-kop" className="doorlopend-section">
      <Heading level={2} id="ondertekening-kop">
        Ondertekening en medezeggenschap
      </Heading>
      <Paragraph>Elke partij tekent via haar bevoegd gezag; een beheerder van die organisatie legt naam, functie en datum vast. Als alle partijen hebben getekend, ligt deze versie vast.</Paragraph>
      <StatusPaneel o={o} zet={zet} herlaad={herlaad} />
      {o.partijen.map((p) => {
        const t = getekend.get(p.id);
        const mag = o.mijnRechten.ondertekenenVoor.includes(p.id);
        const mz = o.medezeggenschap.filter((m) => m.organisatie.id === p.id);
        return (
          <div key={p.id} className="doorlopend-ovk-partij">
            <Heading level={3}>{p.naam}</Heading>
            <Paragraph>
              {t ? `Ondertekend door ${t.naam} (${t.functie}) op ${datum(t.datum)}.` : o.status === 'ter-ondertekening' ? 'Nog niet ondertekend.' : 'Niet ondertekend.'}
            </Paragraph>
            {mz.map((m) => (
              <Paragraph key={m.orgaan}>
                {ORGAAN_NAMEN[m.orgaan]}: {m.uitkomst === 'instemming' ? 'instemming' : 'advies'} op {datum(m.datum)}.
              </Paragraph>
            ))}
            {mz.length === 0 ? <Paragraph>Medezeggenschap nog niet vastgelegd.</Paragraph> : null}
            {mag && !t && o.status === 'ter-ondertekening' ? <OndertekenForm o={o} partij={p} zet={zet} herlaad={herlaad} /> : null}
            {mag && open ? <MedezeggenschapForm o={o} partij={p} zet={zet} herlaad={herlaad} /> : null}
          </div>
        );
      })}
    </section>
  );
}

function VerschilWeergave({ v }: { v: Verschil }) {
  const gewijzigd = v.clausules.filter((c) => c.soort !== 'gelijk');
  return (
    <div className="doorlopend-ovk-verschil">
      <Paragraph>
        Versie {v.van.documentversie} tegenover versie {v.naar.documentversie}: {gewijzigd.length === 0 ? 'geen verschillen.' : `${gewijzigd.length} clausule(s) anders.`}
      </Paragraph>
      {gewijzigd.map((c) => (
        <div key={c.id}>
          <Heading level={4}>
            {c.titel} ({c.soort})
          </Heading>
          <p className="doorlopend-ovk-diff">
            {c.stukken.map((s, i) => (s.soort === 'weg' ? <del key={i}>{s.tekst}</del> : s.soort === 'erbij' ? <ins key={i}>{s.tekst}</ins> : <span key={i}>{s.tekst}</span>))}
          </p>
        </div>
      ))}
    </div>
  );
}

function Versies({ o, zet, herlaad }: { o: OvereenkomstDetail; zet: Zet; herlaad: () => void }) {
  const anderen = o.versies.filter((v) => v.id !== o.id);
  const [met, setMet] = useState(anderen[anderen.length - 1]?.id ?? '');
  const [verschil, setVerschil] = useState<Verschil | null>(null);
  const vergelijk = useAction('Vergelijken is niet gelukt.');
  const navigate = useNavigate();
  const naarNieuw: Zet = (n, b) => navigate(overeenkomstPath(n.id), { state: { bericht: b } });
  const nieuw = useWijziging('Een nieuwe versie maken is niet gelukt.', naarNieuw, herlaad);
  return (
    <section aria-labelledby="versies-kop" className="doorlopend-section">
      <Heading level={2} id="versies-kop">
        Versies
      </Heading>
      <UnorderedList>
        {o.versies.map((v) => (
          <ListItem key={v.id}>
            {v.id === o.id ? <strong>Versie {v.documentversie} (deze)</strong> : <Link to={overeenkomstPath(v.id)}>Versie {v.documentversie}</Link>}: {OVEREENKOMST_STATUS_NAMEN[v.status].toLowerCase()}
            {v.ondertekendOp ? `, ondertekend ${datum(v.ondertekendOp)}` : ''}
          </ListItem>
        ))}
      </UnorderedList>
      {o.status === 'ondertekend' && o.mijnRechten.wijzigen && !o.versies.some((v) => v.status === 'concept' || v.status === 'ter-ondertekening') ? (
        <>
          <Paragraph>Deze versie is ondertekend en ligt vast. Wilt u iets wijzigen, maak dan een nieuwe versie; die gaat opnieuw langs beide besturen.</Paragraph>
          <Button appearance="secondary-action-button" disabled={nieuw.state.busy} onClick={() => void nieuw.run(() => overeenkomstApi.nieuweVersie(o.id), 'Er is een nieuwe versie gemaakt; pas de clausules aan en bied haar opnieuw ter ondertekening aan.')}>
            Nieuwe versie maken
          </Button>
          <FormFeedback state={nieuw.state} failureHeading="Een nieuwe versie maken is niet gelukt" headingLevel={3} />
        </>
      ) : null}
      {anderen.length ? (
        <form
          className="doorlopend-ovk-vergelijk"
          onSubmit={(e) => {
            e.preventDefault();
            void vergelijk.run(async () => {
              setVerschil(await overeenkomstApi.verschil(o.id, met));
              return null;
            });
          }}
        >
          <SelectField id="vergelijk-met" label="Vergelijk met" value={met} onChange={setMet} options={anderen.map((v) => ({ value: v.id, label: `Versie ${v.documentversie}` }))} />
          <Button type="submit" appearance="secondary-action-button" disabled={vergelijk.busy}>
            Verschillen tonen
          </Button>
          <FormFeedback state={vergelijk} failureHeading="Vergelijken is niet gelukt" headingLevel={3} />
        </form>
      ) : null}
      {verschil ? <VerschilWeergave v={verschil} /> : null}
    </section>
  );
}

function Inhoud({ id }: { id: string }) {
  const location = useLocation();
  const [laad, setLaad] = useState(0);
  const geladen = useApi(`${overeenkomstUrls.detail(id)}#${laad}`, (signal) => overeenkomstApi.get(id, signal));
  const [o, setO] = useState<OvereenkomstDetail | null>(null);
  const [bericht, setBericht] = useState((location.state as { bericht?: string } | null)?.bericht ?? '');
  useEffect(() => {
    if (geladen.data) setO(geladen.data);
  }, [geladen.data]);
  useSessionExpiry(geladen.error);
  useDocumentTitle(o ? `Overeenkomst: ${o.titel}` : 'Overeenkomst');
  const zet = useCallback<Zet>((nieuw, b) => {
    setO(nieuw);
    setBericht(b);
  }, []);
  const herlaad = useCallback(() => setLaad((n) => n + 1), []);
  if (geladen.error && !geladen.error.isUnauthorized) return <LoadError error={geladen.error} />;
  if (!o || o.id !== id) return <Loading />;
  return (
    <article className="doorlopend-detail doorlopend-ovk">
      <p className="doorlopend-preheading">
        <Link to={`/samenwerkingen/${encodeURIComponent(o.samenwerking.id)}`}>{o.samenwerking.naam}</Link>
      </p>
      <PageHeading>{o.titel}</PageHeading>
      <Paragraph>
        <StatusBadge status={STATUS_KLEUR[o.status]}>{OVEREENKOMST_STATUS_NAMEN[o.status]}</StatusBadge> {OVEREENKOMST_SOORT_NAMEN[o.soort]}, versie {o.documentversie}
        {o.ondertekendOp ? `, ondertekend op ${datum(o.ondertekendOp)}` : ''}.
      </Paragraph>
      {o.status === 'ondertekend' ? (
        <Alert type="ok">
          <Paragraph>Deze versie is door alle partijen ondertekend en ligt vast.</Paragraph>
        </Alert>
      ) : null}
      {o.beeindigd ? (
        <Alert type="warning">
          <Paragraph>
            Beëindigd op {datum(o.beeindigd.op)}: {o.beeindigd.reden}
          </Paragraph>
        </Alert>
      ) : null}
      <Paragraph>
        Dekt: {[...o.leerroutes.map((r) => r.naam), ...o.onderwerpen.map((w) => ONDERWERP_NAMEN[w].toLowerCase())].join(', ') || 'nog niets'}. Partijen: {o.partijen.map((p) => p.naam).join(' en ')}.
      </Paragraph>
      <Paragraph>
        Downloaden: <DocumentLink href={overeenkomstUrls.bestand(o.id, 'pdf')} download>Overeenkomst als PDF</DocumentLink> ·{' '}
        <DocumentLink href={overeenkomstUrls.bestand(o.id, 'docx')} download>Overeenkomst als Word-bestand</DocumentLink>
      </Paragraph>
      <Volledigheid o={o} />
      <section aria-labelledby="clausules-kop" className="doorlopend-section">
        <Heading level={2} id="clausules-kop">
          Clausules
        </Heading>
        {o.status !== 'concept' ? <Paragraph>De teksten zijn alleen te wijzigen zolang de overeenkomst een concept is.</Paragraph> : null}
        {o.clausules.map((c) => (
          <ClausuleKaart key={c.id} o={o} c={c} zet={zet} herlaad={herlaad} />
        ))}
      </section>
      <Ondertekening o={o} zet={zet} herlaad={herlaad} />
      <Versies key={o.id} o={o} zet={zet} herlaad={herlaad} />
      <section aria-labelledby="historie-kop" className="doorlopend-section">
        <Heading level={2} id="historie-kop">
          Wijzigingen
        </Heading>
        <details>
          <summary>Alle wijzigingen ({o.historie.length})</summary>
          <UnorderedList>
            {o.historie.map((h, i) => (
              <ListItem key={i}>
                {datum(h.op)}, {h.door.gebruiker?.naam ?? '(verwijderd account)'}: {h.omschrijving}
              </ListItem>
            ))}
          </UnorderedList>
        </details>
      </section>
      <div role="status" aria-live="polite" className="doorlopend-visually-hidden">
        {bericht}
      </div>
    </article>
  );
}

export function OvereenkomstPage() {
  const { id = '' } = useParams();
  return (
    <SignedInOnly>
      <Inhoud key={id} id={id.toLowerCase()} />
    </SignedInOnly>
  );
}

