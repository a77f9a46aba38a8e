/**
 * /leerroutes/:routeId[/:stap]: one leerroute with its five steps (each its own URL), the overview with the settings,
 * the history ("Wijzigingen") and the coverage panel on every page. Both partner schools work here; every change
 * answers with the whole route, so the other school's work shows up too.
 */
import '../components/leerroute/leerroute.css';
import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { LEERROUTE_TYPE_NAMEN } from '../../shared/leerroute-api.js';
import type { LeerrouteDetail } from '../../shared/leerroute-api.js';
import { ConfirmAction } from '../components/ConfirmAction.js';
import { LeerrouteProvider, useLeerroute } from '../components/leerroute/context.js';
import { DekkingPanel } from '../components/leerroute/DekkingPanel.js';
import { ACTIVITEITEN, EntiteitStap, MATERIALEN, TOETSEN } from '../components/leerroute/EntiteitStap.js';
import { Historie } from '../components/leerroute/Historie.js';
import { InventarisStap } from '../components/leerroute/InventarisStap.js';
import { LeerrouteForm, TYPE_UITLEG } from '../components/leerroute/LeerrouteForm.js';
import { PlanningStap } from '../components/leerroute/PlanningStap.js';
import { RegelsPanel } from '../components/leerroute/RegelsPanel.js';
import { LoadError, Loading } from '../components/PageStates.js';
import { SignedInOnly, useSessionExpiry } from '../components/SignedInOnly.js';
import { formatDateTime, LEERWEG_NAMEN } from '../lib/format.js';
import { leerrouteApi, leerroutePath, leerroutesPath, leerrouteUrls, STAPPEN } from '../lib/leerroute-api.js';
import { takeFocusRequest, useDocumentTitle } from '../lib/navigation.js';
import { useApi } from '../lib/useApi.js';
import { NotFoundContent } from './NotFoundPage.js';
import { Alert, Button, Code, DataList, DocumentLink, Heading, Link, ListItem, PageHeading, Paragraph, UnorderedList } from '../ui/index.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Pagina = 'overzicht' | (typeof STAPPEN)[number]['stap'] | 'wijzigingen';
const PAGINAS: readonly string[] = ['overzicht', ...STAPPEN.map((s) => s.stap), 'wijzigingen'];

type WieT = LeerrouteDetail['gewijzigd'];
const wie = (w: WieT) => `${w.gebruiker.naam}${w.organisatie ? ` (${w.organisatie.naam})` : ''}, ${formatDateTime(w.op)}`;

/** Loads the route again, to see what the partner school changed in the meantime. */
function Vernieuwen() {
  const { reload, announce } = useLeerroute();
  const [bezig, setBezig] = useState(false);
  return (
    <Paragraph className="doorlopend-meta">
      Ziet u het werk van de andere school nog niet? Wat zij opslaan, ziet u na uw volgende wijziging of na{' '}
      <Button
        appearance="subtle-button"
        disabled={bezig}
        onClick={async () => {
          setBezig(true);
          try {
            await reload();
            announce('De leerroute is opnieuw geladen met de laatste wijzigingen.');
          } catch {
            announce('Opnieuw laden is niet gelukt. Probeer het later opnieuw.');
          } finally {
            setBezig(false);
          }
        }}
      >
        {bezig ? 'Bezig met laden…' : 'opnieuw laden'}
      </Button>
      .
    </Paragraph>
  );
}

function Stappen({ pagina }: { pagina: Pagina }) {
  const { route } = useLeerroute();
  const items: Array<{ key: Pagina; label: string; to: string }> = [
    { key: 'overzicht', label: 'Overzicht en instellingen', to: leerroutePath(route.id) },
    ...STAPPEN.map((s) => ({ key: s.stap as Pagina, label: `${s.nummer}. ${s.titel}`, to: leerroutePath(route.id, s.stap) })),
    { key: 'wijzigingen', label: 'Wijzigingen', to: leerroutePath(route.id, 'wijzigingen') },
  ];
  return (
    <nav aria-label="Stappen van de leerroute" className="doorlopend-leerroute-stappen">
      <ol>
        {items.map((i) => (
          <li key={i.key} className={i.key === pagina ? 'doorlopend-leerroute-stappen__huidig' : undefined}>
            <Link to={i.to} aria-current={i.key === pagina ? 'page' : undefined}>
              {i.label}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}

function Overzicht() {
  const { route, wijzig } = useLeerroute();
  const navigate = useNavigate();
  const v = route.vmbo;
  const m = route.mbo;
  const lijst = (xs: Array<{ code: string; titel: string }>) =>
    xs.length === 0 ? (
      'geen'
    ) : (
      <UnorderedList>
        {xs.map((x) => (
          <ListItem key={x.code}>
            <Code>{x.code}</Code> {x.titel}
          </ListItem>
        ))}
      </UnorderedList>
    );
  return (
    <>
      <DataList
        aria-label="Instellingen van de leerroute"
        items={[
          { key: 'type', label: 'Soort', value: `${LEERROUTE_TYPE_NAMEN[route.type]}: ${TYPE_UITLEG[route.type]}` },
          { key: 'schooljaar', label: 'Schooljaar (cohort)', value: route.schooljaar ?? 'niet opgegeven' },
          {
            key: 'diplomas',
            label: 'Leidt tot',
            value:
              route.leidtTot.length === 1 ? (
                route.leidtTot[0]
              ) : (
                <UnorderedList>
                  {route.leidtTot.map((x) => (
                    <ListItem key={x}>{x}</ListItem>
                  ))}
                </UnorderedList>
              ),
          },
          { key: 'partners', label: 'Partners', value: route.partners.map((p) => p.naam).join(', ') },
          { key: 'profiel', label: 'Profiel', value: v.profiel ? `${v.profiel.code} ${v.profiel.titel}` : 'geen' },
          { key: 'leerweg', label: 'Leerweg', value: v.leerweg ? `${v.leerweg} (${LEERWEG_NAMEN[v.leerweg]})` : 'geen' },
          { key: 'profielmodulen', label: 'Profielmodulen', value: lijst(v.profielmodulen) },
          { key: 'keuzevakken', label: 'Keuzevakken', value: lijst(v.keuzevakken) },
          { key: 'kwalificatie', label: 'Kwalificatie', value: m.kwalificatie ? `${m.kwalificatie.crebo} ${m.kwalificatie.naam}${m.kwalificatie.niveau ? ` (niveau ${m.kwalificatie.niveau})` : ''}` : 'geen' },
          { key: 'keuzedelen', label: 'Keuzedelen', value: lijst(m.keuzedelen) },
          {
            key: 'tijdpad',
            label: 'Tijdpad',
            value: (
              <UnorderedList>
                {route.tijdpad.map((j) => (
                  <ListItem key={j.leerjaar}>
                    Leerjaar {j.leerjaar}: {j.fase}-jaar, {j.perioden} perioden, {j.organisatie ? j.organisatie.naam : 'school nog niet gekozen'}
                  </ListItem>
                ))}
              </UnorderedList>
            ),
          },
          { key: 'doelen', label: 'Doelen', value: `${route.dekking.totalen.doelen} (vmbo ${route.dekking.totalen.vmbo}, mbo ${route.dekking.totalen.mbo})` },
          { key: 'aangemaakt', label: 'Aangemaakt', value: wie(route.aangemaakt) },
          { key: 'gewijzigd', label: 'Instellingen laatst gewijzigd', value: wie(route.gewijzigd) },
        ]}
      />
      <Exporteren />
      {route.opmerkingen.length > 0 ? (
        <Alert type="warning" heading="Let op" headingLevel={3}>
          <UnorderedList>
            {route.opmerkingen.map((o) => (
              <ListItem key={o}>{o}</ListItem>
            ))}
          </UnorderedList>
        </Alert>
      ) : null}
      {route.mijnRechten.wijzigen ? (
        <>
          <LeerrouteForm
            key={`${route.id}-${route.versie}`}
            idPrefix="instellingen"
            heading="Instellingen wijzigen"
            partners={route.partners}
            initial={{
              naam: route.naam,
              type: route.type,
              vmbo: { profiel: v.profiel?.code ?? null, leerweg: v.leerweg, profielmodulen: v.profielmodulen.map((x) => x.code), keuzevakken: v.keuzevakken.map((x) => x.code) },
              mbo: { kwalificatie: m.kwalificatie?.crebo ?? null, keuzedelen: m.keuzedelen.map((x) => x.code) },
              tijdpad: route.tijdpad.map((j) => ({ leerjaar: j.leerjaar, fase: j.fase, perioden: j.perioden, organisatieId: j.organisatie?.id ?? null })),
              schooljaar: route.schooljaar,
              kwalificatieNaam: m.kwalificatie?.naam ?? null,
            }}
            submitLabel="Instellingen opslaan"
            busyLabel="Bezig met opslaan…"
            onSubmit={async (values) => {
              await wijzig(() => leerrouteApi.instellingen(route.id, { versie: route.versie, ...values }), 'De instellingen zijn opgeslagen.');
            }}
          />
          <section aria-labelledby="verwijderen-kop" className="doorlopend-section">
            <Heading level={2} id="verwijderen-kop">
              Leerroute verwijderen
            </Heading>
            <ConfirmAction
              label="Leerroute verwijderen"
              question={`Weet u zeker dat u ${route.naam} met de hele planning, alle toetsen, activiteiten en materialen wilt verwijderen? Dit kan niet ongedaan worden.`}
              confirmLabel="Ja, verwijderen"
              failureHeading="Verwijderen is niet gelukt"
              onConfirm={async () => {
                await leerrouteApi.verwijderen(route.id, route.versie);
                navigate(leerroutesPath(route.samenwerking.id), { state: { bericht: `De leerroute ${route.naam} is verwijderd.` } });
              }}
            />
          </section>
        </>
      ) : (
        <Paragraph>U kunt deze leerroute bekijken; wijzigen doen beheerders en ontwikkelaars van de partners.</Paragraph>
      )}
    </>
  );
}

/** Downloads: the PTA per keuzevak and profielmodule (XLSX, PDF) and the route document to discuss and sign (DOCX, PDF). */
function Exporteren() {
  const { route } = useLeerroute();
  const vakken = [...route.vmbo.keuzevakken, ...route.vmbo.profielmodulen];
  return (
    <section aria-labelledby="exporteren-kop" className="doorlopend-section">
      <Heading level={3} id="exporteren-kop">
        Exporteren
      </Heading>
      <UnorderedList>
        {vakken.map((v) => (
          <ListItem key={v.code}>
            PTA {v.code} {v.titel}: <DocumentLink href={leerrouteUrls.pta(route.id, v.code, 'xlsx')} download>Excel (XLSX)</DocumentLink>,{' '}
            <DocumentLink href={leerrouteUrls.pta(route.id, v.code, 'pdf')} download>PDF</DocumentLink>
          </ListItem>
        ))}
        <ListItem>
          De hele leerroute om te bespreken en te ondertekenen: <DocumentLink href={leerrouteUrls.document(route.id, 'docx')} download>Word (DOCX)</DocumentLink>,{' '}
          <DocumentLink href={leerrouteUrls.document(route.id, 'pdf')} download>PDF</DocumentLink>
        </ListItem>
      </UnorderedList>
    </section>
  );
}

const TITELS: Record<Pagina, string> = {
  overzicht: 'Overzicht en instellingen',
  inventarisatie: 'Stap 1 van 5: Inventarisatie',
  planning: 'Stap 2 van 5: Planning',
  toetsing: 'Stap 3 van 5: Toetsing',
  activiteiten: 'Stap 4 van 5: Activiteiten en lessen',
  materialen: 'Stap 5 van 5: Materialen',
  wijzigingen: 'Wijzigingen',
};

function LeerrouteView({ pagina }: { pagina: Pagina }) {
  const { route, conflict, dismissConflict, announcement } = useLeerroute();
  const location = useLocation();
  const bericht = (location.state as { bericht?: unknown } | null)?.bericht;
  const stapKop = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(`${TITELS[pagina]} – ${route.naam}`);
  useEffect(() => {
    // Moving between steps keeps the page (and its h1): focus goes to the step's heading instead.
    // A link from the coverage panel (?doel=) lets the step focus its form instead; a #fragment its element.
    if (location.hash || new URLSearchParams(location.search).has('doel')) return;
    if (takeFocusRequest()) stapKop.current?.focus();
  }, [pagina, location.hash, location.search]);
  return (
    <article className="doorlopend-leerroute">
      <p className="doorlopend-preheading">
        <Link to={leerroutesPath(route.samenwerking.id)}>Leerroutes van {route.samenwerking.naam}</Link>
      </p>
      <PageHeading>{route.naam}</PageHeading>
      <Paragraph className="doorlopend-meta">
        {LEERROUTE_TYPE_NAMEN[route.type]}
        {route.schooljaar ? ` · schooljaar ${route.schooljaar}` : ''} · {route.partners.map((p) => p.naam).join(' en ')}
      </Paragraph>
      {typeof bericht === 'string' ? (
        <Alert type="ok">
          <Paragraph>{bericht}</Paragraph>
        </Alert>
      ) : null}
      {conflict ? (
        <Alert type="warning" heading="Iemand anders was u voor" headingLevel={2} role="alert">
          <Paragraph>{conflict}</Paragraph>
          <Paragraph>
            <Button appearance="secondary-action-button" onClick={dismissConflict}>
              Melding sluiten
            </Button>
          </Paragraph>
        </Alert>
      ) : null}
      <Vernieuwen />
      <Stappen pagina={pagina} />
      <div className="doorlopend-leerroute__layout">
        <section aria-labelledby="stap-kop" className="doorlopend-leerroute__stap">
          <Heading level={2} id="stap-kop" ref={stapKop} tabIndex={-1}>
            {TITELS[pagina]}
          </Heading>
          {pagina === 'overzicht' ? <Overzicht /> : null}
          {pagina === 'inventarisatie' ? <InventarisStap /> : null}
          {pagina === 'planning' ? <PlanningStap /> : null}
          {pagina === 'toetsing' ? <EntiteitStap key="toetsen" config={TOETSEN} /> : null}
          {pagina === 'activiteiten' ? <EntiteitStap key="activiteiten" config={ACTIVITEITEN} /> : null}
          {pagina === 'materialen' ? <EntiteitStap key="materialen" config={MATERIALEN} /> : null}
          {pagina === 'wijzigingen' ? <Historie /> : null}
        </section>
        <div className="doorlopend-leerroute__zijkant">
          <DekkingPanel />
          <RegelsPanel />
        </div>
      </div>
      <div role="status" aria-live="polite" className="doorlopend-visually-hidden" data-testid="leerroute-meldingen">
        {announcement}
      </div>
    </article>
  );
}

function Leerroute({ id, pagina }: { id: string; pagina: Pagina }) {
  const { data, error } = useApi(leerrouteUrls.route(id), (signal) => leerrouteApi.get(id, signal));
  useSessionExpiry(error);
  if (error && !error.isUnauthorized) return <LoadError error={error} />;
  if (!data || data.id !== id) return <Loading />;
  return (
    <LeerrouteProvider key={data.id} initial={data}>
      <LeerrouteView pagina={pagina} />
    </LeerrouteProvider>
  );
}

export function LeerroutePage() {
  const { routeId = '', stap = 'overzicht' } = useParams();
  const ok = UUID.test(routeId) && PAGINAS.includes(stap);
  return (
    <SignedInOnly>
      {ok ? <Leerroute id={routeId.toLowerCase()} pagina={stap as Pagina} /> : <NotFoundContent detail="Deze leerroute of stap bestaat niet, of u hebt er geen toegang toe." />}
    </SignedInOnly>
  );
}

