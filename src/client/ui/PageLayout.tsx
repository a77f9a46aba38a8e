import '@utrecht/document-css/dist/index.css';
import '@utrecht/nav-bar-css/dist/index.css';
import '@utrecht/nav-list-css/dist/index.css';
import '@utrecht/page-content-css/dist/index.css';
import '@utrecht/page-footer-css/dist/index.css';
import '@utrecht/page-header-css/dist/index.css';
import '@utrecht/skip-link-css/dist/index.css';
import {
  Document,
  NavBar,
  NavList,
  NavListLink,
  PageContent,
  PageFooter,
  PageHeader,
  SkipLink,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent, MouseEvent, ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { Button } from './Button.js';
import { TextField } from './FormField.js';
import { DocumentLink, Link, useRouterLink } from './Link.js';
import { Alert } from './Alert.js';
import { Health } from '../../shared/catalog-api.js';

export interface NavItem {
  to: string;
  label: string;
  /** Is this item the current section? */
  isCurrent: (pathname: string) => boolean;
}

function NavItemLink({ item, pathname }: { item: NavItem; pathname: string }) {
  const routed = useRouterLink(item.to, false, undefined, undefined);
  const current = item.isCurrent(pathname);
  return (
    <NavListLink href={routed.href} onClick={routed.onClick} aria-current={current ? 'page' : undefined} className="doorlopend-nav__link">
      {item.label}
    </NavListLink>
  );
}

function HeaderSearch() {
  const [q, setQ] = useState('');
  const navigate = useNavigate();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const term = q.trim();
    navigate(term ? `/zoeken?${new URLSearchParams({ q: term }).toString()}` : '/zoeken');
  };
  return (
    <form role="search" aria-label="Catalogus doorzoeken" className="doorlopend-header-search" onSubmit={onSubmit}>
      <TextField id="site-search" name="q" type="search" label="Zoeken" value={q} onChange={setQ} />
      <Button type="submit" appearance="secondary-action-button">
        Zoek
      </Button>
    </form>
  );
}

/** Below this width the main menu and the search fold behind the "Menu" button (keep in step with styles.css). */
const NARROW_QUERY = '(max-width: 47.99em)';

/** true while the window is narrower than `NARROW_QUERY`; follows resizing. */
function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => typeof window !== 'undefined' && window.matchMedia(NARROW_QUERY).matches);
  useEffect(() => {
    const query = window.matchMedia(NARROW_QUERY);
    const update = () => setNarrow(query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return narrow;
}

/** On every page while the server runs in demo mode (GET /api/health says `modus: demo`): no real data here. */
function DemoBanner() {
  const [demo, setDemo] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    fetch('/api/health', { signal: controller.signal, headers: { accept: 'application/json' } })
      .then(async (res) => (res.ok ? Health.parse(await res.json()) : null))
      .then((health) => setDemo(health?.modus === 'demo'))
      .catch(() => undefined);
    return () => controller.abort();
  }, []);
  if (!demo) return null;
  return (
    <Alert type="warning" role="none" className="doorlopend-demo-banner">
      Demoversie: de gegevens zijn fictief en de demo-accounts hebben een openbaar wachtwoord. Voer hier geen echte gegevens in.
    </Alert>
  );
}

export interface PageLayoutProps {
  productName: string;
  tagline: string;
  navItems: readonly NavItem[];
  footer: ReactNode;
  /** The account menu (or the sign-in link) at the end of the header bar. */
  account?: ReactNode;
  children?: ReactNode;
}

/**
 * Skip link, header with product name, search and navigation, main landmark and footer. On a narrow screen the search
 * and the main menu fold behind a disclosure button "Menu" (aria-expanded, aria-controls): Enter or Space opens and
 * closes it, Escape closes it and returns focus to the button, and choosing a page closes it.
 */
export function PageLayout({ productName, tagline, navItems, footer, account, children }: PageLayoutProps) {
  const { pathname, search } = useLocation();
  const narrow = useNarrow();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  // A new page (or a new search) closes the menu.
  useEffect(() => setMenuOpen(false), [pathname, search]);
  const skipToMain = (event: MouseEvent<HTMLAnchorElement>) => {
    const main = document.getElementById('main');
    if (!main) return;
    event.preventDefault();
    main.focus();
    main.scrollIntoView();
  };
  const onMenuKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape' && narrow && menuOpen) {
      event.preventDefault();
      setMenuOpen(false);
      menuButton.current?.focus();
    }
  };
  const menuHidden = narrow && !menuOpen;
  return (
    <Document className="utrecht-theme doorlopend-document">
      <SkipLink href="#main" onClick={skipToMain}>
        Naar de inhoud
      </SkipLink>
      <PageHeader className="doorlopend-header">
        <DemoBanner />
        <div className="doorlopend-header__bar doorlopend-container" onKeyDown={onMenuKeyDown}>
          <div className="doorlopend-brand">
            <Link to="/" className="doorlopend-brand__name">
              {productName}
            </Link>
            <span className="doorlopend-brand__tagline">{tagline}</span>
          </div>
          {narrow ? null : <HeaderSearch />}
          {account ? <div className="doorlopend-account">{account}</div> : null}
          {narrow ? (
            <Button
              ref={menuButton}
              appearance="secondary-action-button"
              className="doorlopend-menu-button"
              aria-expanded={menuOpen}
              aria-controls="doorlopend-menu"
              onClick={() => setMenuOpen((open) => !open)}
            >
              <span aria-hidden="true" className="doorlopend-menu-button__icon">
                {menuOpen ? '×' : '≡'}
              </span>
              Menu
            </Button>
          ) : null}
        </div>
        <div
          id="doorlopend-menu"
          className="doorlopend-menu"
          hidden={menuHidden}
          onKeyDown={onMenuKeyDown}
          // Choosing a link closes the menu, also the link of the page already shown.
          onClick={(event) => {
            if (event.target instanceof Element && event.target.closest('a')) setMenuOpen(false);
          }}
        >
          {narrow ? (
            <div className="doorlopend-menu__search doorlopend-container">
              <HeaderSearch />
            </div>
          ) : null}
          <NavBar className="doorlopend-nav" aria-label="Hoofdmenu">
            <NavList className="doorlopend-nav__list doorlopend-container">
              {navItems.map((item) => (
                <NavItemLink key={item.to} item={item} pathname={pathname} />
              ))}
            </NavList>
          </NavBar>
        </div>
      </PageHeader>
      <PageContent className="doorlopend-content doorlopend-container">
        <main id="main" tabIndex={-1} className="doorlopend-main">
          {children}
        </main>
      </PageContent>
      <PageFooter className="doorlopend-footer">
        <div className="doorlopend-container">{footer}</div>
      </PageFooter>
    </Document>
  );
}

