/**
 * Working on a region's menukaart (issue 15), for staff of the region and its schools:
 * - /menukaart: the regions you work in;
 * - /regios/:regioId/menukaart: the modules with their status; the region's beheerder publishes or returns them (with a
 *   reason) and sees the dashboard; a school proposes a module;
 * - /menukaart/modulen/:id: one module with its lifecycle: review and revision (region), exams taken (provider).
 * Every change sends the versie that was shown; a 409 says someone else changed it first.
 */
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import {
  MODULE_SOORT_NAMEN, MODULE_SOORTEN, MODULE_STATUS_NAMEN, PERIODE_NAMEN, PERIODEN,
  type MenukaartBeheer, type ModuleDetail, type ModuleInvoer, type ModuleSoort, type ModuleStatus, type Periode,
} from '../../../shared/menukaart-api.js';
import { LEERWEGEN } from '../../../shared/catalog-api.js';
import { ApiError } from '../../api.js';
import { Loading, LoadError } from '../../components/PageStates.js';
import { useDocumentTitle } from '../../lib/navigation.js';
import { useApi } from '../../lib/useApi.js';
import {
  Alert, Button, CheckboxField, Fieldset, Heading, Link, ListItem, PageHeading, Paragraph, SelectField, StatusBadge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow,
  TextField, UnorderedList,
} from '../../ui/index.js';
import { beheerPath, menukaartApi, menukaartUrls, modulePath, publiekeModulePath, publiekPath } from './menukaart-api.js';
import { ModuleInhoud } from './PubliekeModulePage.js';
import './menukaart.css';

const STATUS_KLEUR: Record<ModuleStatus, 'neutral' | 'safe' | 'warning' | 'danger'> = { voorgesteld: 'warning', teruggestuurd: 'danger', gepubliceerd: 'safe', ingetrokken: 'neutral' };
const melding = (e: unknown) => (e instanceof ApiError ? e.message : 'Opslaan is niet gelukt.');

function TextArea({ id, label, value, onChange, description }: { id: string; label: string; value: string; onChange: (v: string) => void; description?: ReactNode }) {
  return (
    <div className="utrecht-form-field">
      <label className="utrecht-form-label" htmlFor={id}>
        {label}
      </label>
      {description ? (
        <p className="utrecht-form-field-description" id={`${id}-beschrijving`}>
          {description}
        </p>
      ) : null}
      <textarea id={id} className="doorlopend-mk-textarea" value={value} maxLength={4000} aria-describedby={description ? `${id}-beschrijving` : undefined} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

export function MijnMenukaartenPage() {
  useDocumentTitle('Menukaart van de regio');
  const { data, error } = useApi(menukaartUrls.mijn(), (signal) => menukaartApi.mijn(signal));
  if (error) return <LoadError error={error} />;
  if (!data) return <Loading />;
  return (
    <>
      <PageHeading>Menukaart van de regio</PageHeading>
      {data.regios.length === 0 ? (
        <Paragraph>Uw organisatie hoort (nog) niet bij een regio met een menukaart.</Paragraph>
      ) : (
        <UnorderedList>
          {data.regios.map((r) => (
            <ListItem key={r.id}>
              <Link to={beheerPath(r.id)}>{r.naam}</Link> ({r.magBeheren ? 'u beheert deze menukaart' : r.magVoorstellen ? `u stelt modulen voor namens ${r.scholen.map((s) => s.naam).join(', ')}` : 'inzien'}) –{' '}
              <Link to={publiekPath(r.slug)}>openbare menukaart</Link>
            </ListItem>
          ))}
        </UnorderedList>
      )}
    </>
  );
}

function Dashboard({ regioId }: { regioId: string }) {
  const { data, error } = useApi(menukaartUrls.dashboard(regioId), (signal) => menukaartApi.dashboard(regioId, signal));
  if (error) return <Alert type="error">{error.message}</Alert>;
  if (!data) return <Loading label="Dashboard laden…" />;
  const lijst = (items: Array<{ id: string; titel: string; tekst: string }>, leeg: string) =>
    items.length === 0 ? (
      <Paragraph>{leeg}</Paragraph>
    ) : (
      <UnorderedList>
        {items.map((i) => (
          <ListItem key={i.id}>
            <Link to={modulePath(i.id)}>{i.titel}</Link> – {i.tekst}
          </ListItem>
        ))}
      </UnorderedList>
    );
  return (
    <section aria-labelledby="dashboard">
      <Heading level={2} id="dashboard">
        Dashboard
      </Heading>
      <Paragraph>{data.wachtOpBesluit === 1 ? '1 module wacht op uw besluit.' : `${data.wachtOpBesluit} modulen wachten op uw besluit.`}</Paragraph>
      <Heading level={3}>Review nodig</Heading>
      {lijst(data.reviewsNodig.map((r) => ({ id: r.id, titel: r.titel, tekst: `${r.aanbieder}, vóór ${r.volgendeReview}` })), 'Geen reviews nodig in het komende halfjaar.')}
      <Heading level={3}>Herziening te laat</Heading>
      {lijst(data.herzieningenVerlopen.map((r) => ({ id: r.id, titel: r.titel, tekst: `${r.aanbieder}, deadline ${r.deadline}` })), 'Geen herzieningen over hun deadline.')}
      <Heading level={3}>Voorstel om te verwijderen</Heading>
      {lijst(
        data.voorstellenVerwijderen.map((r) => ({ id: r.id, titel: r.titel, tekst: `${r.aanbieder}, ${r.laatsteExamen ? `laatste examen in ${r.laatsteExamen}` : 'nooit examen'}` })),
        'Geen modulen zonder examen in vijf jaar.',
      )}
      <Heading level={3}>Deelname per module en school</Heading>
      {data.deelname.length === 0 ? (
        <Paragraph>Nog geen examens vastgelegd.</Paragraph>
      ) : (
        <Table caption="Deelname per module en school" captionHidden>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Module</TableHeaderCell>
              <TableHeaderCell scope="col">School</TableHeaderCell>
              <TableHeaderCell scope="col">Schooljaar</TableHeaderCell>
              <TableHeaderCell scope="col">Examens</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.deelname.map((d) => (
              <TableRow key={`${d.moduleId}-${d.school}-${d.schooljaar}`}>
                <TableCell>{d.titel}</TableCell>
                <TableCell>{d.school}</TableCell>
                <TableCell>{d.schooljaar}</TableCell>
                <TableCell>{d.aantal}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

/** Publish, or return with a reason (which the school sees), one module of the list. */
function Besluit({ m, onDone }: { m: MenukaartBeheer['modulen'][number]; onDone: (tekst: string) => void }) {
  const [terug, setTerug] = useState(false);
  const [reden, setReden] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const doe = async (actie: 'publiceren' | 'terugsturen' | 'intrekken') => {
    if (actie === 'terugsturen' && !reden.trim()) {
      setFout('Schrijf de school waarom de module terug gaat.');
      document.getElementById(`reden-${m.id}`)?.focus();
      return;
    }
    setBusy(true);
    setFout(null);
    try {
      await menukaartApi.besluit(m.id, { actie, versie: m.versie, ...(actie === 'terugsturen' ? { reden: reden.trim() } : {}) });
      onDone(`${m.titel}: ${actie === 'publiceren' ? 'gepubliceerd' : actie === 'terugsturen' ? 'teruggestuurd naar de school' : 'van de menukaart gehaald'}.`);
    } catch (e) {
      setFout(melding(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="doorlopend-mk-acties">
      {m.status !== 'gepubliceerd' ? (
        <Button appearance="primary-action-button" disabled={busy} onClick={() => void doe('publiceren')} aria-label={`${m.titel} publiceren`}>
          Publiceren
        </Button>
      ) : null}
      {m.status === 'voorgesteld' && !terug ? (
        <Button appearance="secondary-action-button" disabled={busy} onClick={() => setTerug(true)} aria-label={`${m.titel} terugsturen`}>
          Terugsturen
        </Button>
      ) : null}
      {m.status === 'gepubliceerd' ? (
        <Button appearance="secondary-action-button" disabled={busy} onClick={() => void doe('intrekken')} aria-label={`${m.titel} van de menukaart halen`}>
          Van de menukaart halen
        </Button>
      ) : null}
      {terug ? (
        <form
          aria-label={`${m.titel} terugsturen`}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void doe('terugsturen');
          }}
        >
          <TextField id={`reden-${m.id}`} label="Reden voor de school" value={reden} onChange={setReden} maxLength={2000} invalidMessage={fout ?? undefined} />
          <Button type="submit" disabled={busy}>
            Terugsturen met deze reden
          </Button>
        </form>
      ) : fout ? (
        <p role="alert">{fout}</p>
      ) : null}
    </div>
  );
}

const leegVoorstel = (aanbiederId: string): ModuleInvoer => ({
  titel: '', beschrijving: '', soort: 'kennismakend', omvangEenheden: 1, aanbiederId, vestigingId: null, locatie: '', leerjaar: 3, periode: 'P1', leerwegen: [], capaciteit: 20,
  voorwaarden: [], keuzevakken: [], profielmodulen: [], keuzedelen: [], kwalificaties: [], profielen: [], leerrouteId: null,
});
const codes = (s: string) => s.split(/[,\s]+/).map((c) => c.trim()).filter(Boolean);

/** A school proposes a module: the region's beheerder publishes it. */
function Voorstel({ data, eigenScholen, onDone }: { data: MenukaartBeheer; eigenScholen: Array<{ id: string; naam: string }>; onDone: (m: ModuleDetail) => void }) {
  const [v, setV] = useState<ModuleInvoer>(() => leegVoorstel(eigenScholen[0]?.id ?? ''));
  const [tekst, setTekst] = useState({ keuzevakken: '', profielmodulen: '', keuzedelen: '', kwalificaties: '' });
  const [fouten, setFouten] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const zet = <K extends keyof ModuleInvoer>(k: K, waarde: ModuleInvoer[K]) => setV((o) => ({ ...o, [k]: waarde }));
  const vestigingen = data.scholen.find((s) => s.id === v.aanbiederId)?.vestigingen ?? [];
  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const lokaal: Record<string, string> = {};
    if (!v.titel.trim()) lokaal.titel = 'Geef de module een titel.';
    if (v.leerwegen.length === 0) lokaal.leerwegen = 'Kies ten minste één leerweg.';
    if (Object.keys(lokaal).length) {
      setFouten(lokaal);
      document.getElementById(lokaal.titel ? 'mk-titel' : 'mk-leerweg-BB')?.focus();
      return;
    }
    setBusy(true);
    setFouten({});
    try {
      const m = await menukaartApi.voorstellen(data.regio.id, {
        ...v,
        titel: v.titel.trim(),
        keuzevakken: codes(tekst.keuzevakken),
        profielmodulen: codes(tekst.profielmodulen),
        keuzedelen: codes(tekst.keuzedelen),
        kwalificaties: codes(tekst.kwalificaties),
      });
      setV(leegVoorstel(v.aanbiederId));
      setTekst({ keuzevakken: '', profielmodulen: '', keuzedelen: '', kwalificaties: '' });
      onDone(m);
    } catch (err) {
      const velden: Record<string, string> = {};
      for (const f of (err instanceof ApiError ? err.problem?.errors : undefined) ?? []) velden[f.path.replace(/^body\./, '').split('.')[0]!] ??= f.message;
      setFouten(Object.keys(velden).length ? velden : { algemeen: melding(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="voorstellen">
      <Heading level={2} id="voorstellen">
        Module voorstellen
      </Heading>
      <form className="doorlopend-form" noValidate aria-label="Module voorstellen" onSubmit={(e) => void onSubmit(e)} aria-busy={busy || undefined}>
        {fouten.algemeen ? <p role="alert">{fouten.algemeen}</p> : null}
        <TextField id="mk-titel" label="Titel" value={v.titel} onChange={(x) => zet('titel', x)} maxLength={200} invalidMessage={fouten.titel} />
        <TextArea id="mk-beschrijving" label="Beschrijving" value={v.beschrijving} onChange={(x) => zet('beschrijving', x)} description="Wat leerlingen doen en leren, in gewone woorden." />
        <SelectField id="mk-soort" label="Soort module" value={v.soort} options={MODULE_SOORTEN.map((s) => ({ value: s, label: MODULE_SOORT_NAMEN[s] }))} onChange={(x) => zet('soort', x as ModuleSoort)} />
        <SelectField id="mk-omvang" label="Omvang" description="In vaste eenheden van ongeveer 40 uur." value={String(v.omvangEenheden)} options={[1, 2, 3, 4].map((n) => ({ value: String(n), label: n === 1 ? '1 eenheid' : `${n} eenheden` }))} onChange={(x) => zet('omvangEenheden', Number(x))} />
        <SelectField id="mk-aanbieder" label="Aanbieder" value={v.aanbiederId} options={eigenScholen.map((s) => ({ value: s.id, label: s.naam }))} onChange={(x) => setV((o) => ({ ...o, aanbiederId: x, vestigingId: null }))} invalidMessage={fouten.aanbiederId} />
        {vestigingen.length ? (
          <SelectField id="mk-vestiging" label="Vestiging" value={v.vestigingId ?? ''} options={[{ value: '', label: 'Geen bepaalde vestiging' }, ...vestigingen.map((x) => ({ value: x.id, label: x.naam }))]} onChange={(x) => zet('vestigingId', x || null)} />
        ) : null}
        <TextField id="mk-locatie" label="Locatie" value={v.locatie} onChange={(x) => zet('locatie', x)} maxLength={200} />
        <SelectField id="mk-leerjaar" label="Leerjaar" value={String(v.leerjaar)} options={[1, 2, 3, 4, 5, 6].map((n) => ({ value: String(n), label: `Leerjaar ${n}` }))} onChange={(x) => zet('leerjaar', Number(x))} />
        <SelectField id="mk-periode" label="Periode" value={v.periode} options={PERIODEN.map((p) => ({ value: p, label: PERIODE_NAMEN[p] }))} onChange={(x) => zet('periode', x as Periode)} />
        <Fieldset id="mk-leerwegen" legend="Leerwegen" invalidMessage={fouten.leerwegen}>
          {LEERWEGEN.map((l) => (
            <CheckboxField key={l} id={`mk-leerweg-${l}`} label={l} checked={v.leerwegen.includes(l)} onChange={(c) => zet('leerwegen', c ? [...v.leerwegen, l] : v.leerwegen.filter((x) => x !== l))} />
          ))}
        </Fieldset>
        <TextField id="mk-capaciteit" label="Plaatsen per periode" type="number" value={String(v.capaciteit)} onChange={(x) => zet('capaciteit', Math.max(1, Math.floor(Number(x) || 1)))} invalidMessage={fouten.capaciteit} />
        <TextField id="mk-keuzevakken" label="Keuzevakken" description="Codes met komma’s, bijvoorbeeld K/PIE/16." value={tekst.keuzevakken} onChange={(x) => setTekst((t) => ({ ...t, keuzevakken: x }))} invalidMessage={fouten.keuzevakken} />
        <TextField id="mk-profielmodulen" label="Profielmodulen" description="Codes met komma’s, bijvoorbeeld P/PIE/02." value={tekst.profielmodulen} onChange={(x) => setTekst((t) => ({ ...t, profielmodulen: x }))} invalidMessage={fouten.profielmodulen} />
        <TextField id="mk-keuzedelen" label="Keuzedelen (mbo)" description="Codes met komma’s, bijvoorbeeld K0072." value={tekst.keuzedelen} onChange={(x) => setTekst((t) => ({ ...t, keuzedelen: x }))} invalidMessage={fouten.keuzedelen} />
        <TextField id="mk-kwalificaties" label="Kwalificaties (mbo)" description="Crebo’s met komma’s, bijvoorbeeld 25282." value={tekst.kwalificaties} onChange={(x) => setTekst((t) => ({ ...t, kwalificaties: x }))} invalidMessage={fouten.kwalificaties} />
        {data.modulen.length ? (
          <Fieldset id="mk-voorwaarden" legend="Eerst volgen (voorwaarden)" description="Modulen van deze menukaart die een leerling eerst volgt." invalidMessage={fouten.voorwaarden}>
            {data.modulen.map((m) => (
              <CheckboxField key={m.id} id={`mk-voorwaarde-${m.id}`} label={m.titel} checked={v.voorwaarden.includes(m.id)} onChange={(c) => zet('voorwaarden', c ? [...v.voorwaarden, m.id] : v.voorwaarden.filter((x) => x !== m.id))} />
            ))}
          </Fieldset>
        ) : null}
        <Paragraph>
          <Button type="submit" disabled={busy}>
            {busy ? 'Bezig met voorstellen…' : 'Voorstellen'}
          </Button>
        </Paragraph>
      </form>
    </section>
  );
}

export function MenukaartBeheerPage() {
  const { regioId = '' } = useParams();
  const [versie, setVersie] = useState(0);
  const [bericht, setBericht] = useState<string | null>(null);
  const { data, error } = useApi(`${menukaartUrls.beheer(regioId)}#${versie}`, (signal) => menukaartApi.beheer(regioId, signal));
  const mijn = useApi(menukaartUrls.mijn(), (signal) => menukaartApi.mijn(signal));
  useDocumentTitle(data ? `Menukaart ${data.regio.naam}` : 'Menukaart');
  if (error && !data) return <LoadError error={error} />;
  if (!data) return <Loading label="Menukaart laden…" />;
  const eigenScholen = mijn.data?.regios.find((r) => r.id === data.regio.id)?.scholen ?? [];
  const opnieuw = (tekst: string) => {
    setBericht(tekst);
    setVersie((x) => x + 1);
  };
  return (
    <>
      <PageHeading>Menukaart {data.regio.naam}</PageHeading>
      <Paragraph>
        <Link to={publiekPath(data.regio.slug)}>Bekijk de openbare menukaart</Link> (wat iedereen ziet, zonder in te loggen).
      </Paragraph>
      <div role="status">{bericht ? <Alert type="ok" role="none">{bericht}</Alert> : null}</div>
      {data.magBeheren ? <Dashboard key={versie} regioId={data.regio.id} /> : null}
      <section aria-labelledby="modulen">
        <Heading level={2} id="modulen">
          Modulen
        </Heading>
        {data.modulen.length === 0 ? (
          <Paragraph>Nog geen modulen.</Paragraph>
        ) : (
          <Table caption="Modulen van de menukaart" captionHidden>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Module</TableHeaderCell>
                <TableHeaderCell scope="col">Aanbieder</TableHeaderCell>
                <TableHeaderCell scope="col">Status</TableHeaderCell>
                {data.magBeheren ? <TableHeaderCell scope="col">Besluit</TableHeaderCell> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.modulen.map((m) => (
                <TableRow key={m.id}>
                  <TableCell>
                    <Link to={modulePath(m.id)}>{m.titel}</Link>
                    <br />
                    {MODULE_SOORT_NAMEN[m.soort]}, leerjaar {m.leerjaar}, {PERIODE_NAMEN[m.periode].toLowerCase()}
                  </TableCell>
                  <TableCell>{m.aanbieder.naam}</TableCell>
                  <TableCell>
                    <StatusBadge status={STATUS_KLEUR[m.status]}>{MODULE_STATUS_NAMEN[m.status]}</StatusBadge>
                    {m.redenTeruggestuurd && m.status === 'teruggestuurd' ? <Paragraph appearance="small">Reden: {m.redenTeruggestuurd}</Paragraph> : null}
                  </TableCell>
                  {data.magBeheren ? (
                    <TableCell>
                      <Besluit m={m} onDone={opnieuw} />
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      {data.magVoorstellen && eigenScholen.length ? <Voorstel data={data} eigenScholen={eigenScholen} onDone={(m) => opnieuw(`${m.titel} is voorgesteld; de regio besluit over publicatie.`)} /> : null}
    </>
  );
}

/** One module for staff: its content, status, lifecycle, and the forms the user may use. */
export function ModuleBeheerPage() {
  const { moduleId = '' } = useParams();
  const [versie, setVersie] = useState(0);
  const [bericht, setBericht] = useState<string | null>(null);
  const { data, error } = useApi(`${menukaartUrls.module(moduleId)}#${versie}`, (signal) => menukaartApi.module(moduleId, signal));
  useDocumentTitle(data ? data.titel : 'Module');
  if (error && !data) return <LoadError error={error} />;
  if (!data) return <Loading label="Module laden…" />;
  const klaar = (tekst: string) => {
    setBericht(tekst);
    setVersie((x) => x + 1);
  };
  const l = data.levenscyclus;
  return (
    <>
      <Paragraph>
        <Link to={beheerPath(data.regio.id)}>Terug naar de menukaart van {data.regio.naam}</Link>
      </Paragraph>
      <PageHeading>{data.titel}</PageHeading>
      <Paragraph>
        Status: <StatusBadge status={STATUS_KLEUR[data.status]}>{MODULE_STATUS_NAMEN[data.status]}</StatusBadge>
        {data.status === 'gepubliceerd' ? (
          <>
            {' '}
            – <Link to={publiekeModulePath(data.regio.slug, data.slug)}>vaste openbare pagina</Link>
          </>
        ) : null}
      </Paragraph>
      {data.redenTeruggestuurd && data.status === 'teruggestuurd' ? (
        <Alert type="warning" heading="Teruggestuurd door de regio" headingLevel={2}>
          <Paragraph>{data.redenTeruggestuurd}</Paragraph>
        </Alert>
      ) : null}
      <div role="status">{bericht ? <Alert type="ok" role="none">{bericht}</Alert> : null}</div>
      {l ? (
        <section aria-labelledby="levenscyclus">
          <Heading level={2} id="levenscyclus">
            Levenscyclus
          </Heading>
          <UnorderedList>
            <ListItem>Laatste review: {l.laatsteReview ?? 'nog niet'}; volgende review uiterlijk {l.volgendeReview}.</ListItem>
            <ListItem>{l.herziening ? `Herziening: ${l.herziening.opdracht} (deadline ${l.herziening.deadline}${l.herziening.verlopen ? ', te laat' : ''}).` : 'Geen herziening opgedragen.'}</ListItem>
            <ListItem>
              Examens: {l.examens.length ? l.examens.map((e) => `${e.schooljaar}: ${e.aantal}${e.bron === 'examen' ? ' (gezamenlijk examen)' : ''}`).join('; ') : 'nog geen vastgelegd'}.
            </ListItem>
          </UnorderedList>
          {l.meldingen.length ? (
            <Alert type="warning" heading="Aandacht nodig" headingLevel={3}>
              <UnorderedList>
                {l.meldingen.map((x) => (
                  <ListItem key={x}>{x}</ListItem>
                ))}
              </UnorderedList>
            </Alert>
          ) : null}
          {data.mag.levenscyclus ? <LevenscyclusForm m={data} onDone={klaar} /> : null}
          {data.mag.examensVastleggen ? <ExamensForm m={data} onDone={klaar} /> : null}
        </section>
      ) : null}
      <ModuleInhoud m={data} moduleLink={(v) => modulePath(v.id)} />
    </>
  );
}

function LevenscyclusForm({ m, onDone }: { m: ModuleDetail; onDone: (t: string) => void }) {
  const [review, setReview] = useState('');
  const [opdracht, setOpdracht] = useState('');
  const [deadline, setDeadline] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    try {
      await menukaartApi.levenscyclus(m.id, {
        versie: m.versie,
        ...(review ? { laatsteReview: review } : {}),
        ...(opdracht && deadline ? { herziening: { opdracht, deadline } } : {}),
      });
      setFout(null);
      onDone('De levenscyclus is bijgewerkt.');
    } catch (err) {
      setFout(melding(err));
    }
  };
  return (
    <form className="doorlopend-form" noValidate aria-label="Review en herziening" onSubmit={(e) => void onSubmit(e)}>
      <Heading level={3}>Review en herziening</Heading>
      {fout ? <p role="alert">{fout}</p> : null}
      <TextField id="mk-review" label="Datum van de laatste review" description="Als 2026-09-01." value={review} onChange={setReview} maxLength={10} />
      <TextField id="mk-opdracht" label="Herziening: wat moet er anders" value={opdracht} onChange={setOpdracht} maxLength={2000} />
      <TextField id="mk-deadline" label="Herziening: deadline" description="Binnen een jaar, als 2027-06-30." value={deadline} onChange={setDeadline} maxLength={10} />
      <Button type="submit">Opslaan</Button>
    </form>
  );
}

function ExamensForm({ m, onDone }: { m: ModuleDetail; onDone: (t: string) => void }) {
  const { data } = useApi(menukaartUrls.beheer(m.regio.id), (signal) => menukaartApi.beheer(m.regio.id, signal));
  const [schooljaar, setSchooljaar] = useState('');
  const [school, setSchool] = useState('');
  const [aantal, setAantal] = useState('0');
  const [fout, setFout] = useState<string | null>(null);
  const scholen = data?.scholen ?? [];
  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    try {
      await menukaartApi.examens(m.id, { schooljaar, schoolId: school || scholen[0]?.id || '', aantal: Number(aantal) });
      setFout(null);
      onDone(`Examens van ${schooljaar} vastgelegd.`);
    } catch (err) {
      setFout(melding(err));
    }
  };
  return (
    <form className="doorlopend-form" noValidate aria-label="Examens vastleggen" onSubmit={(e) => void onSubmit(e)}>
      <Heading level={3}>Examens vastleggen</Heading>
      {fout ? <p role="alert">{fout}</p> : null}
      <TextField id="mk-schooljaar" label="Schooljaar" description="Als 2025-2026." value={schooljaar} onChange={setSchooljaar} maxLength={9} />
      <SelectField id="mk-school" label="School van de leerlingen" value={school || scholen[0]?.id || ''} options={scholen.map((s) => ({ value: s.id, label: s.naam }))} onChange={setSchool} />
      <TextField id="mk-aantal" label="Aantal afgenomen examens" type="number" value={aantal} onChange={setAantal} />
      <Button type="submit">Vastleggen</Button>
    </form>
  );
}
