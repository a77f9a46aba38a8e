import { lazy, Suspense } from 'react';
import type { ComponentType } from 'react';
import { Outlet, Route, Routes } from 'react-router-dom';
import { AccountMenu } from './components/AccountMenu.js';
import { Loading } from './components/PageStates.js';
import { APP_NAME } from './lib/format.js';
import { useRouteChangeFocus } from './lib/navigation.js';
import { SessionProvider } from './lib/session.js';
import { HomePage } from './pages/HomePage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { DocumentLink, PageLayout, Paragraph } from './ui/index.js';
import type { NavItem } from './ui/index.js';

/**
 * Every page except the home page is its own chunk, loaded when its route is first visited (route-based code
 * splitting): the first load of the home page carries only the layout and the home page. Pages are named exports, so
 * the loader picks the export by name.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bound React itself puts on lazy(); props stay typed
function lazyPage<M extends Record<K, ComponentType<any>>, K extends string>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const AcceptInvitationPage = lazyPage(() => import('./pages/AcceptInvitationPage.js'), 'AcceptInvitationPage');
const AccountPage = lazyPage(() => import('./pages/AccountPage.js'), 'AccountPage');
const CatalogImportPage = lazyPage(() => import('./pages/CatalogImportPage.js'), 'CatalogImportPage');
const DocentinzetPage = lazyPage(() => import('./pages/DocentinzetPage.js'), 'DocentinzetPage');
const WijzigingenPage = lazyPage(() => import('./pages/impact/WijzigingenPage.js'), 'WijzigingenPage');
const DossierDetailPage = lazyPage(() => import('./pages/DossierDetailPage.js'), 'DossierDetailPage');
const ForgotPasswordPage = lazyPage(() => import('./pages/ForgotPasswordPage.js'), 'ForgotPasswordPage');
const InventarisPage = lazyPage(() => import('./pages/InventarisPage.js'), 'InventarisPage');
const SamenwerkingInventarisPage = lazyPage(() => import('./pages/InventarisPage.js'), 'SamenwerkingInventarisPage');
const CrosswalkImportPage = lazyPage(() => import('./pages/case/CrosswalkImportPage.js'), 'CrosswalkImportPage');
const KeuzedeelDetailPage = lazyPage(() => import('./pages/KeuzedeelDetailPage.js'), 'KeuzedeelDetailPage');
const KeuzedelenListPage = lazyPage(() => import('./pages/KeuzedelenListPage.js'), 'KeuzedelenListPage');
const KwalificatieDetailPage = lazyPage(() => import('./pages/KwalificatieDetailPage.js'), 'KwalificatieDetailPage');
const KwalificatiesListPage = lazyPage(() => import('./pages/KwalificatiesListPage.js'), 'KwalificatiesListPage');
const LeerlingPage = lazyPage(() => import('./pages/LeerlingPage.js'), 'LeerlingPage');
const MijnDossierPage = lazyPage(() => import('./pages/lob/MijnDossierPage.js'), 'MijnDossierPage');
const WieZietPage = lazyPage(() => import('./pages/lob/WieZietPage.js'), 'WieZietPage');
const GedeeldDossierPage = lazyPage(() => import('./pages/lob/GedeeldDossierPage.js'), 'GedeeldDossierPage');
const SchoolLobPage = lazyPage(() => import('./pages/lob/SchoolLobPage.js'), 'SchoolLobPage');
const LeerlingDossierPage = lazyPage(() => import('./pages/lob/SchoolLobPage.js'), 'LeerlingDossierPage');
const MijnKeuzesPage = lazyPage(() => import('./pages/keuze/KeuzePages.js'), 'MijnKeuzesPage');
const SchoolKeuzesPage = lazyPage(() => import('./pages/keuze/KeuzePages.js'), 'SchoolKeuzesPage');
const ToelatingseisenPage = lazyPage(() => import('./pages/keuze/KeuzePages.js'), 'ToelatingseisenPage');
const VerificatiePage = lazyPage(() => import('./pages/VerificatiePage.js'), 'VerificatiePage');
const VrijstellingenPage = lazyPage(() => import('./pages/vrijstelling/VrijstellingenPage.js'), 'VrijstellingenPage');
const LeerroutePage = lazyPage(() => import('./pages/LeerroutePage.js'), 'LeerroutePage');
const LeerroutesPage = lazyPage(() => import('./pages/LeerroutesPage.js'), 'LeerroutesPage');
const LoginPage = lazyPage(() => import('./pages/LoginPage.js'), 'LoginPage');
const MboOverviewPage = lazyPage(() => import('./pages/MboOverviewPage.js'), 'MboOverviewPage');
const OpleidingsdomeinPage = lazyPage(() => import('./pages/MboOverviewPage.js'), 'OpleidingsdomeinPage');
const OnderdeelDetailPage = lazyPage(() => import('./pages/OnderdeelDetailPage.js'), 'OnderdeelDetailPage');
const OnderdelenListPage = lazyPage(() => import('./pages/OnderdelenListPage.js'), 'OnderdelenListPage');
const OrganisationDetailPage = lazyPage(() => import('./pages/OrganisationDetailPage.js'), 'OrganisationDetailPage');
const OrganisationsPage = lazyPage(() => import('./pages/OrganisationsPage.js'), 'OrganisationsPage');
const OvereenkomstPage = lazyPage(() => import('./pages/overeenkomst/OvereenkomstPage.js'), 'OvereenkomstPage');
const PubliekeMenukaartPage = lazyPage(() => import('./pages/menukaart/PubliekeMenukaartPage.js'), 'PubliekeMenukaartPage');
const PubliekeModulePage = lazyPage(() => import('./pages/menukaart/PubliekeModulePage.js'), 'PubliekeModulePage');
const MijnMenukaartenPage = lazyPage(() => import('./pages/menukaart/MenukaartBeheerPage.js'), 'MijnMenukaartenPage');
const MenukaartBeheerPage = lazyPage(() => import('./pages/menukaart/MenukaartBeheerPage.js'), 'MenukaartBeheerPage');
const ModuleBeheerPage = lazyPage(() => import('./pages/menukaart/MenukaartBeheerPage.js'), 'ModuleBeheerPage');
const ModuleInschrijvingenPage = lazyPage(() => import('./pages/menukaart/ModuleInschrijvingenPage.js'), 'ModuleInschrijvingenPage');
const BeoordelenPage = lazyPage(() => import('./pages/examen/BeoordelenPage.js'), 'BeoordelenPage');
const BeoordelingPage = lazyPage(() => import('./pages/examen/BeoordelingPage.js'), 'BeoordelingPage');
const ExamensPage = lazyPage(() => import('./pages/examen/ExamensPage.js'), 'ExamensPage');
const ExamenPage = lazyPage(() => import('./pages/examen/ExamenPage.js'), 'ExamenPage');
const ExamenTakenPage = lazyPage(() => import('./pages/examen/ExamenTakenPage.js'), 'ExamenTakenPage');
const InschrijvingPage = lazyPage(() => import('./pages/examen/InschrijvingPage.js'), 'InschrijvingPage');
const CohortenPage = lazyPage(() => import('./pages/leerlingen/CohortenPage.js'), 'CohortenPage');
const CohortPage = lazyPage(() => import('./pages/leerlingen/CohortPage.js'), 'CohortPage');
const LeerlingenImportPage = lazyPage(() => import('./pages/leerlingen/ImportPage.js'), 'ImportPage');
const PartnershipDetailPage = lazyPage(() => import('./pages/PartnershipDetailPage.js'), 'PartnershipDetailPage');
const PartnershipsPage = lazyPage(() => import('./pages/PartnershipsPage.js'), 'PartnershipsPage');
const ProfielDetailPage = lazyPage(() => import('./pages/ProfielDetailPage.js'), 'ProfielDetailPage');
const ProfielenPage = lazyPage(() => import('./pages/ProfielenPage.js'), 'ProfielenPage');
const RegelsPage = lazyPage(() => import('./pages/RegelsPage.js'), 'RegelsPage');
const ResetPasswordPage = lazyPage(() => import('./pages/ResetPasswordPage.js'), 'ResetPasswordPage');
const SearchPage = lazyPage(() => import('./pages/SearchPage.js'), 'SearchPage');
const ZoekmonitorPage = lazyPage(() => import('./pages/ZoekmonitorPage.js'), 'ZoekmonitorPage');

const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'Home', isCurrent: (p) => p === '/' },
  { to: '/vmbo/profielen', label: 'Profielen (vmbo)', isCurrent: (p) => p.startsWith('/vmbo/profielen') && !p.startsWith('/vmbo/profielmodulen') },
  { to: '/vmbo/keuzevakken', label: 'Keuzevakken (vmbo)', isCurrent: (p) => p.startsWith('/vmbo/keuzevakken') },
  {
    to: '/mbo/kwalificaties',
    label: 'Kwalificaties (mbo)',
    isCurrent: (p) => p === '/mbo' || ['/mbo/kwalificaties', '/mbo/dossiers', '/mbo/opleidingsdomeinen'].some((s) => p.startsWith(s)),
  },
  { to: '/mbo/keuzedelen', label: 'Keuzedelen (mbo)', isCurrent: (p) => p.startsWith('/mbo/keuzedelen') },
  { to: '/zoeken', label: 'Zoeken', isCurrent: (p) => p.startsWith('/zoeken') },
  { to: '/zoekmonitor', label: 'Zoekmonitor', isCurrent: (p) => p.startsWith('/zoekmonitor') },
  { to: '/inventaris', label: 'Overlapinventaris', isCurrent: (p) => p.startsWith('/inventaris') || /^\/samenwerkingen\/[^/]+\/inventaris/.test(p) },
];

function Layout() {
  useRouteChangeFocus();
  return (
    <PageLayout
      productName={APP_NAME}
      tagline="vmbo en mbo bouwen samen doorlopende leerroutes"
      navItems={NAV_ITEMS}
      account={<AccountMenu />}
      footer={
        <>
          <Paragraph>
            {APP_NAME} toont de vmbo-examenprogramma’s zoals SLO die publiceert en de mbo-kwalificatiedossiers en keuzedelen
            zoals SBB en instellingen ze aanleveren. Voor ontwikkelaars:{' '}
            <DocumentLink href="/api/docs">API-documentatie</DocumentLink>.
          </Paragraph>
        </>
      }
    >
      <Suspense fallback={<Loading label="Pagina laden…" />}>
        <Outlet />
      </Suspense>
    </PageLayout>
  );
}

export function App() {
  return (
    <SessionProvider>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<HomePage />} />
          <Route path="vmbo/profielen" element={<ProfielenPage />} />
          <Route path="vmbo/profielen/:slug" element={<ProfielDetailPage />} />
          <Route path="vmbo/keuzevakken" element={<OnderdelenListPage key="keuzevakken" kind="keuzevakken" />} />
          <Route path="vmbo/keuzevakken/:slug" element={<OnderdeelDetailPage kind="keuzevak" />} />
          <Route path="vmbo/profielmodulen" element={<OnderdelenListPage key="profielmodulen" kind="profielmodulen" />} />
          <Route path="vmbo/profielmodulen/:slug" element={<OnderdeelDetailPage kind="profielmodule" />} />
          <Route path="mbo" element={<MboOverviewPage />} />
          <Route path="mbo/opleidingsdomeinen" element={<MboOverviewPage />} />
          <Route path="mbo/opleidingsdomeinen/:slug" element={<OpleidingsdomeinPage />} />
          <Route path="mbo/dossiers/:crebo" element={<DossierDetailPage />} />
          <Route path="mbo/kwalificaties" element={<KwalificatiesListPage />} />
          <Route path="mbo/kwalificaties/:crebo" element={<KwalificatieDetailPage />} />
          <Route path="mbo/keuzedelen" element={<KeuzedelenListPage />} />
          <Route path="mbo/keuzedelen/:code" element={<KeuzedeelDetailPage />} />
          <Route path="zoeken" element={<SearchPage />} />
          <Route path="zoekmonitor" element={<ZoekmonitorPage />} />
          <Route path="inloggen" element={<LoginPage />} />
          <Route path="wachtwoord-vergeten" element={<ForgotPasswordPage />} />
          <Route path="wachtwoord-herstellen" element={<ResetPasswordPage />} />
          <Route path="uitnodiging-accepteren" element={<AcceptInvitationPage />} />
          <Route path="account" element={<AccountPage />} />
          <Route path="leerling" element={<LeerlingPage />} />
          <Route path="leerling/loopbaandossier" element={<MijnDossierPage />} />
          <Route path="leerling/keuzes" element={<MijnKeuzesPage />} />
          <Route path="organisaties/:id/keuzes" element={<SchoolKeuzesPage />} />
          <Route path="organisaties/:id/toelatingseisen" element={<ToelatingseisenPage />} />
          <Route path="leerling/wie-ziet-mijn-gegevens" element={<WieZietPage />} />
          <Route path="dossier/gedeeld" element={<GedeeldDossierPage />} />
          <Route path="organisaties/:id/lob" element={<SchoolLobPage />} />
          <Route path="organisaties/:id/lob/leerlingen/:gebruikerId" element={<LeerlingDossierPage />} />
          <Route path="verificatie" element={<VerificatiePage />} />
          <Route path="organisaties/:id/vrijstellingen" element={<VrijstellingenPage />} />
          <Route path="beheer/import" element={<CatalogImportPage />} />
          <Route path="organisaties" element={<OrganisationsPage />} />
          <Route path="organisaties/:id" element={<OrganisationDetailPage />} />
          <Route path="samenwerkingen" element={<PartnershipsPage />} />
          <Route path="samenwerkingen/:id" element={<PartnershipDetailPage />} />
          <Route path="samenwerkingen/:id/leerroutes" element={<LeerroutesPage />} />
          <Route path="samenwerkingen/:id/docentinzet" element={<DocentinzetPage />} />
          <Route path="samenwerkingen/:id/wijzigingen" element={<WijzigingenPage />} />
          <Route path="overeenkomsten/:id" element={<OvereenkomstPage />} />
          <Route path="regio/:slug/menukaart" element={<PubliekeMenukaartPage />} />
          <Route path="regio/:slug/menukaart/:module" element={<PubliekeModulePage />} />
          <Route path="menukaart" element={<MijnMenukaartenPage />} />
          <Route path="regios/:regioId/menukaart" element={<MenukaartBeheerPage />} />
          <Route path="menukaart/modulen/:moduleId" element={<ModuleBeheerPage />} />
          <Route path="menukaart/modulen/:moduleId/inschrijvingen" element={<ModuleInschrijvingenPage />} />
          <Route path="examens/:examenId/beoordelen" element={<BeoordelenPage />} />
          <Route path="beoordelingen/:beoordelingId" element={<BeoordelingPage />} />
          <Route path="leerroutes/:routeId/examens" element={<ExamensPage />} />
          <Route path="examens" element={<ExamenTakenPage />} />
          <Route path="examens/:examenId" element={<ExamenPage />} />
          <Route path="examens/:examenId/inschrijvingen" element={<InschrijvingPage />} />
          <Route path="regels" element={<RegelsPage />} />
          <Route path="leerroutes/:routeId/leerlingen" element={<CohortenPage />} />
          <Route path="cohorten/:cohortId" element={<CohortPage />} />
          <Route path="cohorten/:cohortId/import" element={<LeerlingenImportPage />} />
          <Route path="leerroutes/:routeId" element={<LeerroutePage />} />
          <Route path="leerroutes/:routeId/:stap" element={<LeerroutePage />} />
          <Route path="samenwerkingen/:id/inventaris" element={<SamenwerkingInventarisPage />} />
          <Route path="samenwerkingen/:id/crosswalk/import" element={<CrosswalkImportPage />} />
          <Route path="inventaris" element={<InventarisPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </SessionProvider>
  );
}
