/**
 * Pages of the pupil's programme (issue 15):
 * - /leerling/keuzes — "Mijn keuzes": the pupil's programme, choices, deadlines and admission requirements;
 * - /organisaties/:id/keuzes — "Keuzes van leerlingen" for the decaan (or mentor): approve, or send back with a
 *   reason; the school's settings (modules per period, deadlines); every read is in the audit log;
 * - /organisaties/:id/toelatingseisen — an mbo instelling's extra admission requirements per kwalificatie;
 * - `KiesKnop`: the "Kiezen" button on a module page, for pupils.
 */
import { useId, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { KEUZE_STATUS_NAMEN, type Keuze, type KeuzeInstellingen } from '../../../shared/keuze-api.js';
import { PERIODE_NAMEN } from '../../../shared/menukaart-api.js';
import { FormFeedback, useAction } from '../../components/ConfirmAction.js';
import { LoadError, Loading } from '../../components/PageStates.js';
import { SignedInOnly, useSessionExpiry } from '../../components/SignedInOnly.js';
import { useDocumentTitle } from '../../lib/navigation.js';
import { useSession } from '../../lib/session.js';
import { useApi } from '../../lib/useApi.js';
import { Alert, Button, Heading, Link, ListItem, PageHeading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, TextField, UnorderedList } from '../../ui/index.js';
import { datumTekst, keuzeApi, mijnKeuzesPath } from './keuze-api.js';
import { ProgrammaOverzicht } from './Programma.js';
import './keuze.css';

function MijnKeuzesContent() {
  const [teller, setTeller] = useState(0);
  const { data, error } = useApi(`keuze-mijn-${teller}`, (signal) => keuzeApi.mijn(signal));
  useSessionExpiry(error);
  useDocumentTitle('Mijn keuzes');
  if (error) return <LoadError error={error} />;
  if (!data) return <Loading />;
  return (
    <>
      <PageHeading>Mijn keuzes</PageHeading>
      <Paragraph>
        Op {data.school.naam} kies je hoogstens {data.instellingen.modulesPerPeriode} {data.instellingen.modulesPerPeriode === 1 ? 'module' : 'modules'} per periode. Je decaan of mentor keurt je
        keuzes goed.{' '}
        {data.regio ? <Link to={`/regio/${encodeURIComponent(data.regio.slug)}/menukaart`}>Naar de menukaart van {data.regio.titel.replace(/^Menukaart\s+/i, '')}</Link> : null}
      </Paragraph>
      <ProgrammaOverzicht p={data} metIntrekken opnieuw={() => setTeller((t) => t + 1)} />
    </>
  );
}

export function MijnKeuzesPage() {
  return (
    <SignedInOnly>
      <MijnKeuzesContent />
    </SignedInOnly>
  );
}

/** The "Kiezen" section of a module page, for a signed-in pupil: the button, or the choice already made. */
export function KiesKnop({ moduleId, titel }: { moduleId: string; titel: string }) {
  const { session } = useSession();
  const leerling = session.status === 'signed-in' && session.me.lidmaatschappen.some((l) => l.rol === 'leerling');
  return leerling ? <KiesSectie moduleId={moduleId} titel={titel} /> : null;
}

function KiesSectie({ moduleId, titel }: { moduleId: string; titel: string }) {
  const [teller, setTeller] = useState(0);
  // What the pupil chose already: a module chosen (waiting or approved) shows that instead of a button that would be refused.
  const { data, error, loading } = useApi(`keuze-mijn-module-${moduleId}-${teller}`, (signal) => keuzeApi.mijn(signal));
  const state = useAction('Kiezen is niet gelukt.');
  const kopRef = useRef<HTMLHeadingElement>(null);
  const lopend = data?.keuzes.find((k) => k.module.id === moduleId && (k.status === 'aangevraagd' || k.status === 'goedgekeurd'));
  const teruggestuurd = data?.keuzes.find((k) => k.module.id === moduleId && k.status === 'teruggestuurd');
  return (
    <section aria-labelledby="kiezen-kop" className="doorlopend-section">
      <Heading level={2} id="kiezen-kop" ref={kopRef} tabIndex={-1}>
        Kiezen
      </Heading>
      {lopend ? (
        <Paragraph>
          {lopend.status === 'goedgekeurd' ? 'Deze module staat in je programma' : 'Je hebt deze module gekozen'} voor {lopend.schooljaar}, {PERIODE_NAMEN[lopend.periode].toLowerCase()}:{' '}
          <strong>{KEUZE_STATUS_NAMEN[lopend.status].toLowerCase()}</strong>.
        </Paragraph>
      ) : (
        <>
          {teruggestuurd ? (
            <Paragraph>
              Je decaan of mentor stuurde je keuze terug{teruggestuurd.reden ? `: “${teruggestuurd.reden}”` : '.'} Je kunt de module opnieuw kiezen.
            </Paragraph>
          ) : null}
          <Button
            disabled={state.busy || loading}
            onClick={() =>
              void state
                .run(async () => {
                  const k = await keuzeApi.kies({ moduleId });
                  return `Je hebt ${titel} gekozen voor ${k.schooljaar}, ${PERIODE_NAMEN[k.periode].toLowerCase()}. Je decaan of mentor keurt het goed.`;
                })
                .then((ok) => {
                  if (!ok) return;
                  // The button makes way for the choice: keep the keyboard in this section.
                  kopRef.current?.focus();
                  setTeller((t) => t + 1);
                })
            }
          >
            {state.busy ? 'Bezig…' : 'Kiezen'}
          </Button>
        </>
      )}
      <FormFeedback state={state} failureHeading="Niet gekozen" />
      <Paragraph>
        <Link to={mijnKeuzesPath}>Mijn keuzes</Link>
      </Paragraph>
    </section>
  );
}

/** Approve or send back one waiting choice. On success the choice leaves the list: the page announces it (`klaar`). */
function BesluitForm({ org, k, klaar }: { org: string; k: Keuze; klaar: (melding: string) => void }) {
  const id = useId();
  const [reden, setReden] = useState('');
  const [redenFout, setRedenFout] = useState<string | undefined>(undefined);
  const redenRef = useRef<HTMLInputElement>(null);
  const state = useAction('Opslaan is niet gelukt.');
  const besluit = (b: 'goedkeuren' | 'terugsturen') => {
    // A send-back without a reason is refused by the API as well; say it at the field, before any request.
    if (b === 'terugsturen' && !reden.trim()) {
      setRedenFout('Schrijf de leerling waarom u de keuze terugstuurt.');
      redenRef.current?.focus();
      return;
    }
    setRedenFout(undefined);
    void state.run(async () => {
      const r = await keuzeApi.besluit(org, k.id, { besluit: b, ...(b === 'terugsturen' ? { reden: reden.trim() } : {}), versie: k.versie });
      klaar(b === 'goedkeuren' ? `${k.module.titel} van ${k.leerling.naam} is goedgekeurd${r.cohort ? ` (groep ${r.cohort.naam})` : ''}.` : `De keuze van ${k.leerling.naam} voor ${k.module.titel} is teruggestuurd.`);
      return null;
    });
  };
  return (
    <form aria-label={`Keuze van ${k.leerling.naam} voor ${k.module.titel}`} onSubmit={(e) => e.preventDefault()}>
      <Button disabled={state.busy} onClick={() => besluit('goedkeuren')}>
        Goedkeuren
      </Button>
      <TextField
        id={`${id}-reden`}
        label="Reden om terug te sturen (gespreksnotitie)"
        description="De leerling leest deze reden bij de keuze."
        value={reden}
        maxLength={2000}
        invalidMessage={redenFout}
        inputRef={redenRef}
        onChange={setReden}
      />
      <Button appearance="secondary-action-button" disabled={state.busy} onClick={() => besluit('terugsturen')}>
        Terugsturen
      </Button>
      <FormFeedback state={state} failureHeading="Niet opgeslagen" />
    </form>
  );
}

function InstellingenForm({ org, inst, klaar }: { org: string; inst: KeuzeInstellingen; klaar: () => void }) {
  const id = useId();
  const [aantal, setAantal] = useState(String(inst.modulesPerPeriode));
  const [deadlines, setDeadlines] = useState(
    Object.entries(inst.deadlines)
      .map(([k, v]) => `${k} ${v}`)
      .join('\n'),
  );
  const state = useAction('Opslaan is niet gelukt.');
  return (
    <form
      aria-label="Instellingen voor het kiezen"
      onSubmit={(e) => {
        e.preventDefault();
        void state.run(async () => {
          const d = Object.fromEntries(
            deadlines
              .split(/[\n,;]+/)
              .map((r) => r.trim())
              .filter(Boolean)
              .map((r) => r.split(/\s+/) as [string, string]),
          );
          await keuzeApi.instellingen(org, { modulesPerPeriode: Number(aantal), deadlines: d, versie: inst.versie });
          klaar();
          return 'De instellingen zijn opgeslagen.';
        });
      }}
    >
      <TextField id={`${id}-aantal`} label="Hoeveel modules per periode" type="number" value={aantal} onChange={setAantal} />
      <TextField
        id={`${id}-deadlines`}
        label="Deadlines per periode (mag leeg)"
        description="Per periode: schooljaar/periode en datum, gescheiden door een puntkomma, bijvoorbeeld 2026-2027/P3 2027-01-15. Zonder datum geldt twee weken voor de start van de periode."
        value={deadlines}
        maxLength={2000}
        onChange={setDeadlines}
      />
      <FormFeedback state={state} failureHeading="Niet opgeslagen" />
      <Button type="submit" disabled={state.busy}>
        Instellingen opslaan
      </Button>
    </form>
  );
}

function SchoolKeuzesContent({ org }: { org: string }) {
  const [teller, setTeller] = useState(0);
  const [melding, setMelding] = useState('');
  const wachtKop = useRef<HTMLHeadingElement>(null);
  const { data, error } = useApi(`keuze-school-${org}-${teller}`, (signal) => keuzeApi.school(org, signal));
  useSessionExpiry(error);
  useDocumentTitle('Keuzes van leerlingen');
  if (error) return <LoadError error={error} />;
  if (!data) return <Loading />;
  const opnieuw = () => setTeller((t) => t + 1);
  // A decided choice leaves the waiting list with its buttons: the message is said here, and the keyboard goes back to
  // the list's heading (the next choice is one Tab away) instead of falling to the top of the page.
  const besloten = (tekst: string) => {
    setMelding(tekst);
    wachtKop.current?.focus();
    opnieuw();
  };
  const wachtend = data.keuzes.filter((k) => k.status === 'aangevraagd');
  const rest = data.keuzes.filter((k) => k.status !== 'aangevraagd');
  return (
    <>
      <PageHeading>Keuzes van leerlingen</PageHeading>
      <Paragraph>De modulekeuzes van de leerlingen van {data.school.naam}. Dat u deze lijst opent, staat in het auditlog van de school.</Paragraph>
      <section aria-labelledby="kz-wacht" className="doorlopend-section">
        <Heading level={2} id="kz-wacht" ref={wachtKop} tabIndex={-1}>
          Wachten op goedkeuring ({wachtend.length})
        </Heading>
        <div role="status" className="doorlopend-form__status">
          {melding ? (
            <Alert type="ok" role="none">
              <Paragraph>{melding}</Paragraph>
            </Alert>
          ) : null}
        </div>
        {wachtend.length === 0 ? (
          <Paragraph>Er wachten geen keuzes.</Paragraph>
        ) : (
          <UnorderedList>
            {wachtend.map((k) => (
              <ListItem key={`${k.id}-${k.versie}`} className="doorlopend-keuze-wacht">
                <Heading level={3}>
                  {k.leerling.naam}: {k.module.titel}
                </Heading>
                <Paragraph>
                  {k.schooljaar}, {PERIODE_NAMEN[k.periode].toLowerCase()}, bij {k.module.aanbiederNaam}. Deadline {datumTekst(k.deadline)}.
                </Paragraph>
                <BesluitForm org={org} k={k} klaar={besloten} />
              </ListItem>
            ))}
          </UnorderedList>
        )}
      </section>
      <section aria-labelledby="kz-rest" className="doorlopend-section">
        <Heading level={2} id="kz-rest">
          Besloten keuzes
        </Heading>
        {rest.length === 0 ? (
          <Paragraph>Nog geen.</Paragraph>
        ) : (
          <Table caption="Besloten keuzes" captionHidden>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Leerling</TableHeaderCell>
                <TableHeaderCell scope="col">Module</TableHeaderCell>
                <TableHeaderCell scope="col">Periode</TableHeaderCell>
                <TableHeaderCell scope="col">Stand</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rest.map((k) => (
                <TableRow key={k.id}>
                  <TableCell>{k.leerling.naam}</TableCell>
                  <TableCell>{k.module.titel}</TableCell>
                  <TableCell>
                    {k.schooljaar}, {PERIODE_NAMEN[k.periode].toLowerCase()}
                  </TableCell>
                  <TableCell>
                    {KEUZE_STATUS_NAMEN[k.status]}
                    {k.cohort ? `, groep ${k.cohort.naam}` : ''}
                    {k.reden ? `: ${k.reden}` : ''}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      <section aria-labelledby="kz-inst" className="doorlopend-section">
        <Heading level={2} id="kz-inst">
          Instellingen voor het kiezen
        </Heading>
        <InstellingenForm key={data.instellingen.versie} org={org} inst={data.instellingen} klaar={opnieuw} />
      </section>
    </>
  );
}

export function SchoolKeuzesPage() {
  const { id = '' } = useParams();
  return (
    <SignedInOnly>
      <SchoolKeuzesContent org={id} />
    </SignedInOnly>
  );
}

function ToelatingseisenContent({ org }: { org: string }) {
  const id = useId();
  const [teller, setTeller] = useState(0);
  const { data, error } = useApi(`keuze-eisen-${org}-${teller}`, (signal) => keuzeApi.eisen(org, signal));
  const [crebo, setCrebo] = useState('');
  const [tekst, setTekst] = useState('');
  const state = useAction('Opslaan is niet gelukt.');
  useSessionExpiry(error);
  useDocumentTitle('Aanvullende toelatingseisen');
  if (error) return <LoadError error={error} />;
  if (!data) return <Loading />;
  return (
    <>
      <PageHeading>Aanvullende toelatingseisen</PageHeading>
      <Paragraph>
        Eisen van {data.instelling.naam} per kwalificatie, bekend te maken vóór 1 februari voor het schooljaar erna. Leerlingen die een module kiezen die naar de
        kwalificatie leidt, zien ze op hun eigen pagina.
      </Paragraph>
      {data.eisen.length === 0 ? (
        <Paragraph>Nog geen eisen ingevoerd.</Paragraph>
      ) : (
        <UnorderedList>
          {data.eisen.map((e) => (
            <ListItem key={e.crebo}>
              {e.kwalificatieNaam ?? 'Kwalificatie'} ({e.crebo}): {e.tekst}
            </ListItem>
          ))}
        </UnorderedList>
      )}
      <form
        aria-label="Eisen voor een kwalificatie vastleggen"
        onSubmit={(e) => {
          e.preventDefault();
          void state.run(async () => {
            const versie = data.eisen.find((x) => x.crebo === crebo.trim())?.versie ?? 0;
            await keuzeApi.bewaarEis(org, crebo.trim(), { tekst, versie });
            setTeller((t) => t + 1);
            return `De eisen voor ${crebo.trim()} zijn opgeslagen.`;
          });
        }}
      >
        <TextField id={`${id}-crebo`} label="Crebonummer van de kwalificatie" value={crebo} maxLength={5} onChange={setCrebo} />
        <TextField id={`${id}-tekst`} label="Aanvullende eisen" value={tekst} maxLength={2000} onChange={setTekst} />
        <FormFeedback state={state} failureHeading="Niet opgeslagen" />
        <Button type="submit" disabled={state.busy}>
          Eisen opslaan
        </Button>
      </form>
    </>
  );
}

export function ToelatingseisenPage() {
  const { id = '' } = useParams();
  return (
    <SignedInOnly>
      <ToelatingseisenContent org={id} />
    </SignedInOnly>
  );
}
