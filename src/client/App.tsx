import { Outlet, Route, Routes } from 'react-router-dom';
import { AccountMenu } from './components/AccountMenu.js';
import { APP_NAME } from './lib/format.js';
import { useRouteChangeFocus } from './lib/navigation.js';
import { SessionProvider } from './lib/session.js';
import { AcceptInvitationPage } from './pages/AcceptInvitationPage.js';
import { AccountPage } from './pages/AccountPage.js';
import { CatalogImportPage } from './pages/CatalogImportPage.js';
import { DossierDetailPage } from './pages/DossierDetailPage.js';
import { ForgotPasswordPage } from './pages/ForgotPasswordPage.js';
import { HomePage } from './pages/HomePage.js';
import { InventarisPage, SamenwerkingInventarisPage } from './pages/InventarisPage.js';
import { KeuzedeelDetailPage } from './pages/KeuzedeelDetailPage.js';
import { KeuzedelenListPage } from './pages/KeuzedelenListPage.js';
import { KwalificatieDetailPage } from './pages/KwalificatieDetailPage.js';
import { KwalificatiesListPage } from './pages/KwalificatiesListPage.js';
import { LeerroutePage } from './pages/LeerroutePage.js';
import { LeerroutesPage } from './pages/LeerroutesPage.js';
import { LoginPage } from './pages/LoginPage.js';
import { MboOverviewPage, OpleidingsdomeinPage } from './pages/MboOverviewPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { OnderdeelDetailPage } from './pages/OnderdeelDetailPage.js';
import { OnderdelenListPage } from './pages/OnderdelenListPage.js';
import { OrganisationDetailPage } from './pages/OrganisationDetailPage.js';
import { OrganisationsPage } from './pages/OrganisationsPage.js';
import { PartnershipDetailPage } from './pages/PartnershipDetailPage.js';
import { PartnershipsPage } from './pages/PartnershipsPage.js';
import { ProfielDetailPage } from './pages/ProfielDetailPage.js';
import { ProfielenPage } from './pages/ProfielenPage.js';
import { ResetPasswordPage } from './pages/ResetPasswordPage.js';
import { SearchPage } from './pages/SearchPage.js';
import { ZoekmonitorPage } from './pages/ZoekmonitorPage.js';
import { DocumentLink, PageLayout, Paragraph } from './ui/index.js';
import type { NavItem } from './ui/index.js';

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
      <Outlet />
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
          <Route path="beheer/import" element={<CatalogImportPage />} />
          <Route path="organisaties" element={<OrganisationsPage />} />
          <Route path="organisaties/:id" element={<OrganisationDetailPage />} />
          <Route path="samenwerkingen" element={<PartnershipsPage />} />
          <Route path="samenwerkingen/:id" element={<PartnershipDetailPage />} />
          <Route path="samenwerkingen/:id/leerroutes" element={<LeerroutesPage />} />
          <Route path="leerroutes/:routeId" element={<LeerroutePage />} />
          <Route path="leerroutes/:routeId/:stap" element={<LeerroutePage />} />
          <Route path="samenwerkingen/:id/inventaris" element={<SamenwerkingInventarisPage />} />
          <Route path="inventaris" element={<InventarisPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </SessionProvider>
  );
}
