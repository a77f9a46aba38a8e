/**
 * /leerling: where a pupil lands after signing in (issue 14). In plain words (for a 14-year-old): the leerroute of their
 * group per leerjaar and periode (leerling/MijnLeerroute.tsx), the exams they are
 * registered for and their vastgesteld results (keuzedeel result, keuzevak grade, date, and why it counts), the
 * result statement to download, a form to ask an mbo school for a vrijstelling, and their requests with the
 * decisions. Only their own: the API answers with the pupil records linked to this account.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { GRONDSLAG_UITLEG_LEERLING, type MijnExamen, type MijnResultaat, type MijnVrijstelling } from '../../shared/mijn-api.js';
import { RESULTAAT_LABELS, VRIJSTELLING_STATUS_LABELS } from '../../shared/vrijstelling-api.js';
import { ApiError, api } from '../api.js';
import { SignedInOnly } from '../components/SignedInOnly.js';
import { InlineError, Loading } from '../components/PageStates.js';
import { isLeerling, useSession } from '../lib/session.js';
import { useDocumentTitle } from '../lib/navigation.js';
import { useApi } from '../lib/useApi.js';
import { Alert, Button, DataList, DocumentLink, Heading, Link, ListItem, PageHeading, Paragraph, SelectField, StatusBadge, TextField, UnorderedList } from '../ui/index.js';
import { cijfer, datum, vrijstellingApi, vrijstellingUrls } from './vrijstelling/vrijstelling-api.js';
import './vrijstelling/vrijstelling.css';
import { ProgrammaSectie } from './keuze/Programma.js';
import { MijnLeerrouteSectie } from './leerling/MijnLeerroute.js';

const keuzedeelNaam = (k: { code: string; titel: string | null }) => (k.titel ? `${k.titel} (${k.code})` : k.code);

function ResultaatBlok({ examen, r, onVraag }: { examen: MijnExamen; r: MijnResultaat; onVraag: (beoordelingId: string) => void }) {
  const items = [
    { key: 'uitslag', label: 'Uitslag keuzedeel', value: r.keuzedeelResultaat ? RESULTAAT_LABELS[r.keuzedeelResultaat] : 'Nog niet bekend' },
    ...(r.keuzedeelCijfer !== null ? [{ key: 'kd-cijfer', label: 'Cijfer keuzedeel', value: cijfer(r.keuzedeelCijfer) }] : []),
    ...(r.keuzevakCijfer !== null ? [{ key: 'kv-cijfer', label: examen.keuzevak ? `Cijfer keuzevak (${examen.keuzevak.titel ?? examen.keuzevak.id})` : 'Cijfer keuzevak', value: cijfer(r.keuzevakCijfer) }] : []),
    ...(r.afgenomenOp ? [{ key: 'afgenomen', label: 'Examen gedaan op', value: datum(r.afgenomenOp) }] : []),
    { key: 'vastgesteld', label: 'Definitief gemaakt op', value: `${datum(r.vastgesteldOp)} door de examencommissie van ${examen.mboInstelling}` },
    ...(r.poging > 1 ? [{ key: 'poging', label: 'Poging', value: `herkansing (${r.poging}e keer)` }] : []),
    ...(r.verificatiecode ? [{ key: 'code', label: 'Controlecode', value: <span className="doorlopend-vz-code">{r.verificatiecode}</span> }] : []),
  ];
  return (
    <div className="doorlopend-vz-resultaat">
      <DataList items={items} />
      {r.verificatiecode ? (
        <Paragraph>
          <DocumentLink href={vrijstellingUrls.verklaring(r.beoordelingId)} download>
            Download je resultaatverklaring (PDF)
          </DocumentLink>
          . Daarop staat de controlecode. Een mbo-school kan daarmee op <Link to="/verificatie">de controlepagina</Link> zien dat je resultaat echt is.
        </Paragraph>
      ) : null}
      {r.kanVrijstellingAanvragen ? (
        <Paragraph>
          <Button appearance="secondary-action-button" onClick={() => onVraag(r.beoordelingId)}>
            Vrijstelling vragen voor {examen.keuzedeel.code}
          </Button>
        </Paragraph>
      ) : null}
    </div>
  );
}

function ExamenKaart({ examen, onVraag }: { examen: MijnExamen; onVraag: (beoordelingId: string) => void }) {
  const kop = `examen-${examen.examenId}-${examen.leerlingId}`;
  return (
    <section aria-labelledby={kop} className="doorlopend-vz-kaart">
      <Heading level={3} id={kop}>
        Keuzedeel {keuzedeelNaam(examen.keuzedeel)}
      </Heading>
      <Paragraph>
        Een examen van {examen.school} en {examen.mboInstelling} samen
        {examen.keuzevak ? `. Het telt ook voor je keuzevak ${examen.keuzevak.titel ?? examen.keuzevak.id}` : ''}.
        {examen.inschrijving === 'ingeschreven' ? ' Je bent ingeschreven bij de mbo-school.' : examen.inschrijving === 'aangemeld' ? ' Je school heeft je aangemeld bij de mbo-school.' : ''}
      </Paragraph>
      <Paragraph>
        <strong>Waarom telt dit?</strong> {GRONDSLAG_UITLEG_LEERLING[examen.grondslag]}
      </Paragraph>
      {examen.resultaten.length === 0 ? (
        <Paragraph>Er is nog geen definitieve uitslag. Die zie je hier zodra de examencommissie hem heeft vastgesteld.</Paragraph>
      ) : (
        examen.resultaten.map((r) => <ResultaatBlok key={r.beoordelingId} examen={examen} r={r} onVraag={onVraag} />)
      )}
    </section>
  );
}

interface Suggestie {
  crebo: string;
  naam: string;
  niveau: number;
}

function AanvraagFormulier({ resultaten, gekozen, setGekozen, onVerstuurd }: { resultaten: Array<{ r: MijnResultaat; examen: MijnExamen }>; gekozen: string; setGekozen: (id: string) => void; onVerstuurd: (tekst: string) => void }) {
  const { data: inst, error: instError } = useApi(vrijstellingUrls.instellingen(), (signal) => vrijstellingApi.instellingen(signal));
  const [organisatieId, setOrganisatieId] = useState('');
  const [opleiding, setOpleiding] = useState('');
  const [crebo, setCrebo] = useState('');
  const [toelichting, setToelichting] = useState('');
  const [suggesties, setSuggesties] = useState<Suggestie[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [veldFouten, setVeldFouten] = useState<Record<string, string>>({});
  const errorRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const zoek = async () => {
    if (opleiding.trim().length < 3) {
      setVeldFouten((v) => ({ ...v, opleiding: 'Typ minstens 3 letters van de opleiding om te zoeken.' }));
      return;
    }
    setVeldFouten((v) => ({ ...v, opleiding: '' }));
    try {
      const lijst = await api.kwalificaties({ q: opleiding.trim(), perPagina: 6 });
      setSuggesties(lijst.map((k) => ({ crebo: k.crebo, naam: k.naam, niveau: k.niveau })));
    } catch {
      setSuggesties([]);
    }
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const fouten: Record<string, string> = {};
    if (!gekozen) fouten.beoordelingId = 'Kies het resultaat.';
    if (!organisatieId) fouten.organisatieId = 'Kies de mbo-school.';
    if (!opleiding.trim()) fouten.opleiding = 'Vul de naam van de opleiding in.';
    if (crebo.trim() && !/^\d{5}$/.test(crebo.trim())) fouten.crebo = 'Een crebonummer heeft 5 cijfers.';
    setVeldFouten(fouten);
    setError(null);
    if (Object.keys(fouten).length > 0) {
      document.getElementById(`vz-${Object.keys(fouten)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const v = await vrijstellingApi.aanvragen({ beoordelingId: gekozen, organisatieId, opleiding: opleiding.trim(), crebo: crebo.trim() || undefined, toelichting: toelichting.trim() || undefined });
      setOpleiding('');
      setCrebo('');
      setToelichting('');
      setSuggesties(null);
      onVerstuurd(`Je vraag om vrijstelling is verstuurd naar ${v.instelling.naam}. Hun examencommissie beslist. Je ziet het besluit hieronder.`);
    } catch (e) {
      const apiError = e instanceof ApiError ? e : new ApiError(0, 'Versturen is niet gelukt.');
      const velden: Record<string, string> = {};
      for (const f of apiError.problem?.errors ?? []) velden[f.path.replace(/^body\./, '')] = f.message;
      setVeldFouten(velden);
      setError(apiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="doorlopend-form" noValidate onSubmit={onSubmit} aria-labelledby="aanvragen-heading" aria-busy={busy || undefined}>
      <div ref={errorRef} tabIndex={-1} className="doorlopend-form__message">
        {error ? (
          <Alert type="error" heading="Je vraag is niet verstuurd" headingLevel={3}>
            <Paragraph>{error.message}</Paragraph>
          </Alert>
        ) : null}
      </div>
      <SelectField
        id="vz-beoordelingId"
        label="Voor welk resultaat?"
        value={gekozen}
        onChange={setGekozen}
        options={[{ value: '', label: 'Kies een resultaat' }, ...resultaten.map(({ r, examen }) => ({ value: r.beoordelingId, label: `Keuzedeel ${keuzedeelNaam(examen.keuzedeel)}, ${datum(r.vastgesteldOp)}` }))]}
        invalidMessage={veldFouten.beoordelingId || undefined}
      />
      {instError ? <InlineError error={instError} /> : null}
      <SelectField
        id="vz-organisatieId"
        label="Naar welke mbo-school ga je?"
        description="Dat mag de school zijn waar je het examen deed, of een andere."
        value={organisatieId}
        onChange={setOrganisatieId}
        options={[{ value: '', label: inst ? 'Kies een mbo-school' : 'Mbo-scholen laden…' }, ...(inst?.instellingen ?? []).map((i) => ({ value: i.id, label: i.naam }))]}
        invalidMessage={veldFouten.organisatieId || undefined}
      />
      <TextField id="vz-opleiding" label="Welke opleiding ga je doen?" value={opleiding} onChange={setOpleiding} maxLength={300} invalidMessage={veldFouten.opleiding || undefined} />
      <Paragraph>
        <Button appearance="subtle-button" onClick={zoek}>
          Zoek de opleiding in de lijst van het mbo
        </Button>
      </Paragraph>
      {suggesties ? (
        <div role="status" className="doorlopend-vz-suggesties">
          {suggesties.length === 0 ? (
            <Paragraph>Geen opleiding gevonden. Typ de naam zoals de mbo-school hem noemt.</Paragraph>
          ) : (
            <>
              <Paragraph>Bedoel je een van deze? Kies er een, dan vullen we het crebonummer ook in.</Paragraph>
              <UnorderedList>
                {suggesties.map((s) => (
                  <ListItem key={s.crebo}>
                    <Button
                      appearance="subtle-button"
                      onClick={() => {
                        setOpleiding(s.naam);
                        setCrebo(s.crebo);
                        setSuggesties(null);
                        document.getElementById('vz-opleiding')?.focus();
                      }}
                    >
                      {s.naam} (niveau {s.niveau}, crebo {s.crebo})
                    </Button>
                  </ListItem>
                ))}
              </UnorderedList>
            </>
          )}
        </div>
      ) : null}
      <TextField id="vz-crebo" label="Crebonummer (als je het weet)" description="5 cijfers; het staat bij de opleiding op de site van de mbo-school." value={crebo} onChange={setCrebo} maxLength={5} invalidMessage={veldFouten.crebo || undefined} />
      <div className="doorlopend-field">
        <label htmlFor="vz-toelichting" className="doorlopend-vz-label">
          Wil je nog iets uitleggen? (mag leeg blijven)
        </label>
        <textarea id="vz-toelichting" className="doorlopend-vz-textarea" value={toelichting} rows={4} maxLength={2000} onChange={(e) => setToelichting(e.target.value)} />
      </div>
      <Paragraph>
        <Button type="submit" disabled={busy}>
          {busy ? 'Bezig met versturen…' : 'Vraag om vrijstelling versturen'}
        </Button>
      </Paragraph>
    </form>
  );
}

function VerzoekItem({ v }: { v: MijnVrijstelling }) {
  const status = v.status === 'toegekend' ? 'safe' : v.status === 'afgewezen' ? 'danger' : 'neutral';
  return (
    <ListItem className="doorlopend-vz-verzoek">
      <strong>Keuzedeel {keuzedeelNaam(v.keuzedeel)}</strong> bij {v.instelling.naam}, opleiding {v.opleiding}
      {v.crebo ? ` (crebo ${v.crebo})` : ''}: <StatusBadge status={status}>{VRIJSTELLING_STATUS_LABELS[v.status]}</StatusBadge>
      <br />
      Verstuurd op {datum(v.ingediendOp)}.
      {v.status === 'toegekend' ? ` Je krijgt de vrijstelling (besloten op ${datum(v.beslotenOp)}). Je hoeft dit keuzedeel in je opleiding niet nog eens te doen.` : ''}
      {v.status === 'afgewezen' ? ` Je krijgt de vrijstelling niet (besloten op ${datum(v.beslotenOp)}). De reden: ${v.besluitReden ?? ''}` : ''}
      {v.status === 'ingediend' ? ' De examencommissie van de mbo-school heeft nog niet besloten.' : ''}
    </ListItem>
  );
}

function MijnExamensEnVrijstellingen() {
  const [versie, setVersie] = useState(0);
  const { data, error, loading } = useApi(`${vrijstellingUrls.resultaten()}#${versie}`, (signal) => vrijstellingApi.resultaten(signal));
  const { data: verzoeken, error: verzoekError } = useApi(`${vrijstellingUrls.mijnVerzoeken()}#${versie}`, (signal) => vrijstellingApi.mijnVerzoeken(signal));
  const [gekozen, setGekozen] = useState('');
  const [melding, setMelding] = useState<string | null>(null);
  const meldingRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (melding) meldingRef.current?.focus();
  }, [melding]);

  if (error) return <InlineError error={error} />;
  if (!data) return loading ? <Loading label="Je examens laden…" /> : null;
  const behaald = data.examens.flatMap((examen) => examen.resultaten.filter((r) => r.kanVrijstellingAanvragen).map((r) => ({ r, examen })));
  const vraag = (beoordelingId: string) => {
    setGekozen(beoordelingId);
    setMelding(null);
    document.getElementById('vz-organisatieId')?.focus();
  };

  return (
    <>
      <section aria-labelledby="examens-heading" className="doorlopend-section">
        <Heading level={2} id="examens-heading">
          Jouw examens en resultaten
        </Heading>
        {data.examens.length === 0 ? (
          <Paragraph>
            {data.leerlingen.length === 0
              ? 'Je account is nog niet gekoppeld aan je gegevens op school. Vraag je mentor of decaan om je uit te nodigen; daarna zie je hier je examens.'
              : 'Je staat nog niet ingeschreven voor een examen dat je school samen met een mbo-school afneemt.'}
          </Paragraph>
        ) : (
          data.examens.map((e) => <ExamenKaart key={`${e.examenId}-${e.leerlingId}`} examen={e} onVraag={vraag} />)
        )}
      </section>

      <section aria-labelledby="aanvragen-heading" className="doorlopend-section">
        <Heading level={2} id="aanvragen-heading">
          Vrijstelling vragen
        </Heading>
        <Paragraph>
          Heb je een keuzedeel gehaald en ga je naar het mbo? Dan hoef je dat keuzedeel daar misschien niet nog eens te doen. Dat heet een
          vrijstelling. Alleen jij kunt erom vragen. De examencommissie van de mbo-school beslist.
        </Paragraph>
        <div ref={meldingRef} tabIndex={-1} className="doorlopend-form__status">
          {melding ? (
            <Alert type="ok" role="status">
              <Paragraph>{melding}</Paragraph>
            </Alert>
          ) : null}
        </div>
        {behaald.length === 0 ? (
          <Paragraph>Je kunt een vrijstelling vragen zodra je een keuzedeel hebt gehaald en de uitslag definitief is.</Paragraph>
        ) : (
          <AanvraagFormulier
            resultaten={behaald}
            gekozen={gekozen}
            setGekozen={setGekozen}
            onVerstuurd={(tekst) => {
              setMelding(tekst);
              setVersie((v) => v + 1);
            }}
          />
        )}
      </section>

      <section aria-labelledby="verzoeken-heading" className="doorlopend-section">
        <Heading level={2} id="verzoeken-heading">
          Jouw vragen om vrijstelling
        </Heading>
        {verzoekError ? <InlineError error={verzoekError} /> : null}
        {verzoeken && verzoeken.verzoeken.length === 0 ? <Paragraph>Je hebt nog niet om een vrijstelling gevraagd.</Paragraph> : null}
        {verzoeken && verzoeken.verzoeken.length > 0 ? (
          <UnorderedList aria-labelledby="verzoeken-heading">
            {verzoeken.verzoeken.map((v) => (
              <VerzoekItem key={v.id} v={v} />
            ))}
          </UnorderedList>
        ) : null}
      </section>
    </>
  );
}

function LeerlingContent() {
  const { session } = useSession();
  if (session.status !== 'signed-in') return null;
  const me = session.me;
  const scholen = [...new Set(me.lidmaatschappen.filter((l) => l.rol === 'leerling').map((l) => l.organisatieNaam))];
  const voornaam = me.gebruiker.naam.split(/\s+/)[0] ?? me.gebruiker.naam;
  return (
    <>
      <PageHeading>Hoi {voornaam}!</PageHeading>
      <Paragraph appearance="lead">
        {scholen.length > 0 ? `Je bent ingelogd als leerling van ${scholen.join(' en ')}. ` : 'Je bent ingelogd. '}
        Op Doorlopend maken je school en een mbo-school samen een route: wat je nu op het vmbo leert, loopt straks door in je
        mbo-opleiding.
      </Paragraph>
      {!isLeerling(me) ? (
        <Alert type="info" role="status">
          <Paragraph>
            Je hebt ook een rol als medewerker. Je werk als medewerker vind je bij <Link to="/organisaties">je organisaties</Link>.
          </Paragraph>
        </Alert>
      ) : null}

      <section aria-labelledby="lob-heading" className="doorlopend-section">
        <Heading level={2} id="lob-heading">
          Jouw loopbaandossier
        </Heading>
        <Paragraph>
          Schrijf op wat je doet om een opleiding en beroep te kiezen, zoals een meeloopdag of een open dag, en wat je ervan leerde. Het dossier
          is van jou: <Link to="/leerling/loopbaandossier">naar je loopbaandossier</Link>. <Link to="/leerling/wie-ziet-mijn-gegevens">Wie ziet mijn gegevens?</Link>
        </Paragraph>
      </section>

      <MijnLeerrouteSectie />

      <ProgrammaSectie />

      <MijnExamensEnVrijstellingen />

      <section aria-labelledby="nu-heading" className="doorlopend-section">
        <Heading level={2} id="nu-heading">
          Wat je verder kunt bekijken
        </Heading>
        <UnorderedList aria-labelledby="nu-heading">
          <ListItem>
            <Link to="/vmbo/keuzevakken">Keuzevakken van het vmbo</Link>: wat je in een keuzevak leert.
          </ListItem>
          <ListItem>
            <Link to="/mbo/kwalificaties">Opleidingen van het mbo</Link>: wat je in een mbo-opleiding leert en doet.
          </ListItem>
          <ListItem>
            <Link to="/zoeken">Zoeken</Link>: typ een woord, bijvoorbeeld ‘koken’ of ‘auto’, en zie waar het in voorkomt.
          </ListItem>
          <ListItem>
            <Link to="/account">Je account</Link>: je gegevens bekijken en downloaden (ook je resultaten), je wachtwoord veranderen of je
            account verwijderen.
          </ListItem>
        </UnorderedList>
        <Paragraph>Vragen? Stel ze aan je mentor of decaan.</Paragraph>
      </section>
    </>
  );
}

export function LeerlingPage() {
  useDocumentTitle('Voor leerlingen');
  return (
    <SignedInOnly>
      <LeerlingContent />
    </SignedInOnly>
  );
}
