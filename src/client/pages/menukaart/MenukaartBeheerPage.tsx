/**
 * Working on a region's menukaart (issue 15), for staff of the region and its schools:
 * - /menukaart: the regions you work in;
 * - /regios/:regioId/menukaart: the modules with their status; the region's beheerder publishes or returns them (with a
 *   reason) and sees the dashboard; a school proposes a module;
 * - /menukaart/modulen/:id: one module with its lifecycle: review and revision (region), exams taken (provider).
 * Every change sends the versie that was shown; a 409 says someone else changed it first.
 */
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { MODULE_SOORT_NAMEN, MODULE_STATUS_NAMEN, PERIODE_NAMEN, type MenukaartBeheer, type ModuleDetail, type ModuleStatus } from '../../../shared/menukaart-api.js';
import { Loading, LoadError } from '../../components/PageStates.js';
import { formatDatum } from '../../lib/format.js';
import { useDocumentTitle } from '../../lib/navigation.js';
import { useApi } from '../../lib/useApi.js';
import {
  Alert, Button, Heading, Link, ListItem, PageHeading, Paragraph, SelectField, StatusBadge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, TextField, UnorderedList, VisuallyHidden,
} from '../../ui/index.js';
import { beheerPath, inschrijvingenPath, menukaartApi, menukaartUrls, modulePath, publiekeModulePath, publiekPath } from './menukaart-api.js';
import { foutMelding, invoerVan, leegVoorstel, ModuleForm } from './ModuleForm.js';
import { ModuleInhoud } from './PubliekeModulePage.js';
import './menukaart.css';

/** A date (YYYY-MM-DD) as Dutch readers write it: "7 december 2031". */
const datumNl = (iso: string | null) => (iso ? formatDatum(iso.slice(0, 10)) : 'een nog onbekende datum');

const STATUS_KLEUR: Record<ModuleStatus, 'neutral' | 'safe' | 'warning' | 'danger'> = { voorgesteld: 'warning', teruggestuurd: 'danger', gepubliceerd: 'safe', ingetrokken: 'neutral' };
const melding = foutMelding;

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

/** `versie` changes after every decision: the figures reload, and the old ones stay in view meanwhile (no flashing). */
function Dashboard({ regioId, versie }: { regioId: string; versie: number }) {
  const { data, error } = useApi(`${menukaartUrls.dashboard(regioId)}#${versie}`, (signal) => menukaartApi.dashboard(regioId, signal));
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
    <section aria-labelledby="dashboard" className="doorlopend-section doorlopend-mk-dashboard">
      <Heading level={2} id="dashboard">
        Dashboard
      </Heading>
      <Paragraph>{data.wachtOpBesluit === 1 ? '1 module wacht op uw besluit.' : `${data.wachtOpBesluit} modulen wachten op uw besluit.`}</Paragraph>
      <Heading level={3}>Review nodig</Heading>
      {lijst(data.reviewsNodig.map((r) => ({ id: r.id, titel: r.titel, tekst: `${r.aanbieder}, vóór ${datumNl(r.volgendeReview)}` })), 'Geen reviews nodig in het komende halfjaar.')}
      <Heading level={3}>Herziening te laat</Heading>
      {lijst(data.herzieningenVerlopen.map((r) => ({ id: r.id, titel: r.titel, tekst: `${r.aanbieder}, deadline ${datumNl(r.deadline)}` })), 'Geen herzieningen over hun deadline.')}
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

/**
 * Publish, or return with a reason (which the school sees), one module of the list. The button used disappears with
 * the new status, so once the row shows it the keyboard goes to the row's next control: "Van de menukaart halen" after
 * publishing, "Publiceren" after returning or withdrawing (or, failing that, the "Modulen" heading).
 */
function Besluit({ m, onDone }: { m: MenukaartBeheer['modulen'][number]; onDone: (tekst: string) => void }) {
  const [terug, setTerug] = useState(false);
  const [reden, setReden] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const gedaan = useRef(false);
  const publiceerRef = useRef<HTMLButtonElement>(null);
  const haalRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!gedaan.current) return;
    gedaan.current = false;
    const doel = m.status === 'gepubliceerd' ? haalRef.current : publiceerRef.current;
    (doel ?? document.getElementById('modulen'))?.focus();
  }, [m.status, m.versie]);
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
      gedaan.current = true;
      setTerug(false);
      setReden('');
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
        <Button ref={publiceerRef} appearance="primary-action-button" disabled={busy} onClick={() => void doe('publiceren')} aria-label={`${m.titel} publiceren`}>
          Publiceren
        </Button>
      ) : null}
      {m.status === 'voorgesteld' && !terug ? (
        <Button appearance="secondary-action-button" disabled={busy} onClick={() => setTerug(true)} aria-label={`${m.titel} terugsturen`}>
          Terugsturen
        </Button>
      ) : null}
      {m.status === 'gepubliceerd' ? (
        <Button ref={haalRef} appearance="secondary-action-button" disabled={busy} onClick={() => void doe('intrekken')} aria-label={`${m.titel} van de menukaart halen`}>
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

/** A school proposes a module: the region's beheerder publishes it. */
function Voorstel({ data, eigenScholen, onDone }: { data: MenukaartBeheer; eigenScholen: Array<{ id: string; naam: string }>; onDone: (m: ModuleDetail) => void }) {
  const [sleutel, setSleutel] = useState(0);
  return (
    <section aria-labelledby="voorstellen">
      <Heading level={2} id="voorstellen">
        Module voorstellen
      </Heading>
      <ModuleForm
        key={sleutel}
        idPrefix="mk"
        naam="Module voorstellen"
        beginwaarde={leegVoorstel(eigenScholen[0]?.id ?? '')}
        scholen={data.scholen}
        aanbieders={eigenScholen}
        voorwaardeModulen={data.modulen.filter((m) => m.status !== 'ingetrokken')}
        knop="Voorstellen"
        bezigKnop="Bezig met voorstellen…"
        onOpslaan={async (invoer) => {
          const m = await menukaartApi.voorstellen(data.regio.id, invoer);
          setSleutel((x) => x + 1);
          onDone(m);
        }}
      />
    </section>
  );
}

type BeheerModule = MenukaartBeheer['modulen'][number];

/**
 * A returned (or waiting) module of the user's own school: every field prefilled; saving sends it back to the region
 * for publication (PUT with the versie that was loaded).
 */
function Aanpassen({ moduleId, data, eigenScholen, onKlaar, onSluit }: { moduleId: string; data: MenukaartBeheer; eigenScholen: Array<{ id: string; naam: string }>; onKlaar: (m: ModuleDetail) => void; onSluit: () => void }) {
  const { data: m, error } = useApi(menukaartUrls.module(moduleId), (signal) => menukaartApi.module(moduleId, signal));
  const kopRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (m) kopRef.current?.focus();
  }, [m]);
  return (
    <section aria-labelledby="aanpassen" className="doorlopend-mk-aanpassen">
      {error ? <Alert type="error">{error.message}</Alert> : null}
      {!m && !error ? <Loading label="Module laden…" /> : null}
      {m ? (
        <>
          <h2 className="utrecht-heading-2" id="aanpassen" tabIndex={-1} ref={kopRef}>
            Module aanpassen: {m.titel}
          </h2>
          {m.redenTeruggestuurd && m.status === 'teruggestuurd' ? (
            <Alert type="warning" heading="Reden van de regio" headingLevel={3}>
              <Paragraph>{m.redenTeruggestuurd}</Paragraph>
            </Alert>
          ) : null}
          <Paragraph>Na het opslaan gaat de module opnieuw naar de regio, die haar publiceert of terugstuurt.</Paragraph>
          <ModuleForm
            idPrefix="mk-aanpassen"
            naam={`${m.titel} aanpassen`}
            beginwaarde={invoerVan(m)}
            scholen={data.scholen}
            aanbieders={eigenScholen}
            voorwaardeModulen={data.modulen.filter((x) => x.id !== m.id && x.status !== 'ingetrokken')}
            leerroute={m.leerroute}
            knop="Opslaan en opnieuw voorstellen"
            bezigKnop="Bezig met opslaan…"
            onOpslaan={async (invoer) => onKlaar(await menukaartApi.wijzig(m.id, { ...invoer, versie: m.versie }))}
          />
          <Paragraph>
            <Button appearance="secondary-action-button" onClick={onSluit}>
              Annuleren
            </Button>
          </Paragraph>
        </>
      ) : null}
    </section>
  );
}

/** The school's own actions on a module that waits for the region or was returned: change it, or withdraw it. */
function SchoolActies({ m, onAanpassen, onDone }: { m: BeheerModule; onAanpassen: () => void; onDone: (tekst: string) => void }) {
  const [zeker, setZeker] = useState(false);
  const [fout, setFout] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const jaRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (zeker) jaRef.current?.focus();
  }, [zeker]);
  const intrekken = async () => {
    setBusy(true);
    setFout(null);
    try {
      await menukaartApi.intrekken(m.id, { versie: m.versie });
      onDone(`${m.titel}: voorstel ingetrokken.`);
    } catch (e) {
      setFout(melding(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="doorlopend-mk-acties">
      {m.mag.wijzigen ? (
        <Button appearance={m.status === 'teruggestuurd' ? 'primary-action-button' : 'secondary-action-button'} id={`aanpassen-${m.id}`} onClick={onAanpassen} aria-label={`${m.titel} aanpassen`}>
          Aanpassen
        </Button>
      ) : null}
      {m.mag.intrekken && !zeker ? (
        <Button appearance="secondary-action-button" onClick={() => setZeker(true)} aria-label={`Voorstel ${m.titel} intrekken`}>
          Voorstel intrekken
        </Button>
      ) : null}
      {zeker ? (
        <div role="group" aria-label={`Voorstel ${m.titel} intrekken`}>
          <Paragraph>De module gaat dan niet naar de menukaart. Alleen de regio kan haar daarna nog publiceren.</Paragraph>
          <div className="doorlopend-mk-acties">
            <Button ref={jaRef} appearance="primary-action-button" disabled={busy} onClick={() => void intrekken()}>
              Ja, intrekken
            </Button>
            <Button appearance="secondary-action-button" disabled={busy} onClick={() => setZeker(false)}>
              Nee, houden
            </Button>
          </div>
        </div>
      ) : null}
      {fout ? <p role="alert">{fout}</p> : null}
    </div>
  );
}

export function MenukaartBeheerPage() {
  const { regioId = '' } = useParams();
  const [versie, setVersie] = useState(0);
  const [bericht, setBericht] = useState<string | null>(null);
  const [bewerk, setBewerk] = useState<string | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
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
  /** After a change of the school's own module: the form closes and the focus goes to the message. */
  const naWijziging = (tekst: string) => {
    setBewerk(null);
    opnieuw(tekst);
    setTimeout(() => statusRef.current?.focus(), 0);
  };
  const sluit = () => {
    const id = bewerk;
    setBewerk(null);
    setTimeout(() => document.getElementById(`aanpassen-${id}`)?.focus(), 0);
  };
  return (
    <>
      <PageHeading>Menukaart {data.regio.naam}</PageHeading>
      <Paragraph>
        <Link to={publiekPath(data.regio.slug)}>Bekijk de openbare menukaart</Link> (wat iedereen ziet, zonder in te loggen).
      </Paragraph>
      {data.magBeheren ? <Dashboard regioId={data.regio.id} versie={versie} /> : null}
      <section aria-labelledby="modulen" className="doorlopend-section doorlopend-mk-modulen">
        <Heading level={2} id="modulen" tabIndex={-1}>
          Modulen
        </Heading>
        {/* The confirmation of a decision or change, next to the table where the work is done. */}
        <div role="status" ref={statusRef} tabIndex={-1}>
          {bericht ? (
            <Alert type="ok" role="none">
              {bericht}
            </Alert>
          ) : null}
        </div>
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
                    {m.mag.inschrijvingen ? (
                      <>
                        <br />
                        <Link to={inschrijvingenPath(m.id)}>
                          Inschrijvingen<VisuallyHidden> van {m.titel}</VisuallyHidden>
                        </Link>
                      </>
                    ) : null}
                  </TableCell>
                  <TableCell>{m.aanbieder.naam}</TableCell>
                  <TableCell>
                    <StatusBadge status={STATUS_KLEUR[m.status]}>{MODULE_STATUS_NAMEN[m.status]}</StatusBadge>
                    {m.redenTeruggestuurd && m.status === 'teruggestuurd' ? <Paragraph appearance="small">Reden: {m.redenTeruggestuurd}</Paragraph> : null}
                    {m.mag.intrekken ? <SchoolActies m={m} onAanpassen={() => setBewerk(m.id)} onDone={naWijziging} /> : null}
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
      {bewerk ? (
        <Aanpassen
          key={bewerk}
          moduleId={bewerk}
          data={data}
          eigenScholen={eigenScholen}
          onKlaar={(m) => naWijziging(`${m.titel} is aangepast en opnieuw voorgesteld; de regio besluit over publicatie.`)}
          onSluit={sluit}
        />
      ) : null}
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
          {data.mag.intrekken ? (
            <Paragraph>
              <Link to={beheerPath(data.regio.id)}>Pas de module aan of trek het voorstel in</Link> op de menukaart van {data.regio.naam}.
            </Paragraph>
          ) : null}
        </Alert>
      ) : null}
      {data.mag.inschrijvingen ? (
        <Paragraph>
          <Link to={inschrijvingenPath(data.id)}>Inschrijvingen: de leerlingen met een goedgekeurde keuze en de vrije plaatsen</Link>
        </Paragraph>
      ) : null}
      <div role="status">{bericht ? <Alert type="ok" role="none">{bericht}</Alert> : null}</div>
      {l ? (
        <section aria-labelledby="levenscyclus">
          <Heading level={2} id="levenscyclus">
            Levenscyclus
          </Heading>
          <UnorderedList>
            <ListItem>Laatste review: {l.laatsteReview ? datumNl(l.laatsteReview) : 'nog niet'}; volgende review uiterlijk {datumNl(l.volgendeReview)}.</ListItem>
            <ListItem>{l.herziening ? `Herziening: ${l.herziening.opdracht} (deadline ${datumNl(l.herziening.deadline)}${l.herziening.verlopen ? ', te laat' : ''}).` : 'Geen herziening opgedragen.'}</ListItem>
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
