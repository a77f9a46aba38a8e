import { Outlet, Route, Routes } from 'react-router-dom';
import { APP_NAME } from './lib/format.js';
import { useRouteChangeFocus } from './lib/navigation.js';
import { HomePage } from './pages/HomePage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { OnderdeelDetailPage } from './pages/OnderdeelDetailPage.js';
import { OnderdelenListPage } from './pages/OnderdelenListPage.js';
import { ProfielDetailPage } from './pages/ProfielDetailPage.js';
import { ProfielenPage } from './pages/ProfielenPage.js';
import { SearchPage } from './pages/SearchPage.js';
import { DocumentLink, PageLayout, Paragraph } from './ui/index.js';
import type { NavItem } from './ui/index.js';

const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'Home', isCurrent: (p) => p === '/' },
  { to: '/vmbo/profielen', label: 'Profielen', isCurrent: (p) => p.startsWith('/vmbo/profielen') && !p.startsWith('/vmbo/profielmodulen') },
  { to: '/vmbo/keuzevakken', label: 'Keuzevakken', isCurrent: (p) => p.startsWith('/vmbo/keuzevakken') },
  { to: '/zoeken', label: 'Zoeken', isCurrent: (p) => p.startsWith('/zoeken') },
];

function Layout() {
  useRouteChangeFocus();
  return (
    <PageLayout
      productName={APP_NAME}
      tagline="vmbo en mbo bouwen samen doorlopende leerroutes"
      navItems={NAV_ITEMS}
      footer={
        <>
          <Paragraph>
            {APP_NAME} toont de examenprogramma’s zoals SLO die publiceert. Voor ontwikkelaars:{' '}
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
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="vmbo/profielen" element={<ProfielenPage />} />
        <Route path="vmbo/profielen/:slug" element={<ProfielDetailPage />} />
        <Route path="vmbo/keuzevakken" element={<OnderdelenListPage key="keuzevakken" kind="keuzevakken" />} />
        <Route path="vmbo/keuzevakken/:slug" element={<OnderdeelDetailPage kind="keuzevak" />} />
        <Route path="vmbo/profielmodulen" element={<OnderdelenListPage key="profielmodulen" kind="profielmodulen" />} />
        <Route path="vmbo/profielmodulen/:slug" element={<OnderdeelDetailPage kind="profielmodule" />} />
        <Route path="zoeken" element={<SearchPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
