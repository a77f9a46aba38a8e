/**
 * /leerroutes/:routeId[/:stap]: one leerroute with its five steps (each its own URL), the overview with the settings,
 * the history ("Wijzigingen") and the coverage panel on every page. Both partner schools work here; every change
 * answers with the whole route, so the other school's work shows up too.
 */
import '../components/leerroute/leerroute.css';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { ComponentType } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import { LEERROUTE_TYPE_NAMEN } from '../../shared/leerroute-api.js';
import { LeerrouteProvider, useLeerroute } from '../components/leerroute/context.js';
import { DekkingPanel } from '../components/leerroute/DekkingPanel.js';
import { LoadError, Loading } from '../components/PageStates.js';
import { SignedInOnly, useSessionExpiry } from '../components/SignedInOnly.js';
import { leerrouteApi, leerroutePath, leerroutesPath, leerrouteUrls, STAPPEN } from '../lib/leerroute-api.js';
import { takeFocusRequest, useDocumentTitle } from '../lib/navigation.js';
import { useApi } from '../lib/useApi.js';
import { NotFoundContent } from './NotFoundPage.js';
import { Alert, Button, Heading, Link, PageHeading, Paragraph } from '../ui/index.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Pagina = 'overzicht' | (typeof STAPPEN)[number]['stap'] | 'wijzigingen';
const PAGINAS: readonly string[] = ['overzicht', ...STAPPEN.map((s) => s.stap), 'wijzigingen'];

/**
 * Each page of the route is its own chunk, loaded when it is shown: the first load of a step carries that step only
 * (not the other steps, the settings form with its catalogue pickers, or the history). The rules panel, on every page,
 * is a chunk too. `preload` starts fetching a chunk before it renders, so it loads while the session and the route are
 * fetched. A chunk that has arrived by its first render is handed to React at once (a thenable that answers
 * synchronously, which lazy() accepts): no loading message then, and no wait for React's throttle (300 ms) on
 * revealing content that suspended.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bound React itself puts on lazy(); props stay typed
function lazyNamed<M extends Record<K, ComponentType<any>>, K extends string>(load: () => Promise<M>, name: K) {
  let loaded: M | undefined;
  let loading: Promise<M> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (module) => (loaded = module),
      (err: unknown) => {
        loading = undefined; // a failed fetch may be tried again
        throw err;
      },
    ));
  const component = lazy(() => {
    const ready = loaded;
    if (!ready) return preload().then((module) => ({ default: module[name] }));
    const now = { then: (resolve: (value: { default: M[K] }) => void) => resolve({ default: ready[name] }) };
    return now as unknown as Promise<{ default: M[K] }>;
  });
  return Object.assign(component, { preload });
}

const PAGINA_VIEWS = {
  overzicht: lazyNamed(() => import('./LeerrouteOverzicht.js'), 'Overzicht'),
  inventarisatie: lazyNamed(() => import('../components/leerroute/InventarisStap.js'), 'InventarisStap'),
  planning: lazyNamed(() => import('../components/leerroute/PlanningStap.js'), 'PlanningStap'),
  toetsing: lazyNamed(() => import('./LeerrouteEntiteitStappen.js'), 'ToetsenStap'),
  activiteiten: lazyNamed(() => import('./LeerrouteEntiteitStappen.js'), 'ActiviteitenStap'),
  materialen: lazyNamed(() => import('./LeerrouteEntiteitStappen.js'), 'MaterialenStap'),
  wijzigingen: lazyNamed(() => import('../components/leerroute/Historie.js'), 'Historie'),
} satisfies Record<Pagina, unknown>;

const RegelsPanel = lazyNamed(() => import('../components/leerroute/RegelsPanel.js'), 'RegelsPanel');

/** Loads the route again, to see what the partner school changed in the meantime. */
function Vernieuwen() {
  const { reload, announce } = useLeerroute();
  const [bezig, setBezig] = useState(false);
  return (
    <Paragraph className="doorlopend-meta">
      Ziet u het werk van de andere school nog niet? Wat zij opslaan, ziet u na uw volgende wijziging, of nu meteen:{' '}
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
        {bezig ? 'Bezig met laden…' : 'Opnieuw laden'}
      </Button>
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
  const Stap = PAGINA_VIEWS[pagina];
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
          <Suspense fallback={<Loading />}>
            <Stap key={pagina} />
          </Suspense>
        </section>
        <div className="doorlopend-leerroute__zijkant">
          <DekkingPanel />
          <Suspense fallback={<Loading label="Regels laden…" />}>
            <RegelsPanel />
          </Suspense>
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
  // The code of the first page shown and of the rules panel is fetched while the route loads, and waited for like the
  // route: the page then appears whole, at once. Later pages show their own loading message while their code comes.
  const [eerstePagina] = useState(pagina);
  const [codeGeladen, setCodeGeladen] = useState(false);
  useEffect(() => {
    let actief = true;
    // A chunk that failed to load is fetched again when it renders; its error shows there.
    const klaar = () => actief && setCodeGeladen(true);
    Promise.all([PAGINA_VIEWS[eerstePagina].preload(), RegelsPanel.preload()]).then(klaar, klaar);
    return () => {
      actief = false;
    };
  }, [eerstePagina]);
  if (error && !error.isUnauthorized) return <LoadError error={error} />;
  if (!data || data.id !== id || !codeGeladen) return <Loading />;
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

