/**
 * Focus and title management for client-side navigation.
 *
 * After a route change (a new pathname, not just new filters in the query
 * string) focus moves to the page's h1, or to the element named by the
 * #fragment, so screen reader and keyboard users start at the new content.
 * The first page load leaves focus alone.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';
import { APP_NAME } from './format.js';

let focusPending = false;

/** Called once per pathname change by the layout (a layout effect, so it runs before pages' passive effects). */
export function useRouteChangeFocus(): void {
  const { pathname } = useLocation();
  const previous = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (previous.current !== null && previous.current !== pathname) {
      focusPending = true;
      window.scrollTo(0, 0);
    }
    previous.current = pathname;
  }, [pathname]);
}

/** true once: the caller should move focus now. */
export function takeFocusRequest(): boolean {
  const pending = focusPending;
  focusPending = false;
  return pending;
}

export function hasFocusRequest(): boolean {
  return focusPending;
}

/** Sets document.title to "<page> – Doorlopend"; `null` while the title is not yet known. */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    if (title === null) return;
    document.title = title === APP_NAME ? APP_NAME : `${title} – ${APP_NAME}`;
  }, [title]);
}

function focusElement(element: HTMLElement): void {
  if (!element.hasAttribute('tabindex') && element.tabIndex < 0) element.setAttribute('tabindex', '-1');
  element.focus({ preventScroll: true });
  element.scrollIntoView({ block: 'start' });
}

/**
 * Once `ready` (the content is rendered), focuses and scrolls to the element
 * whose id is the URL fragment, opening any <details> around it. Falls back to
 * the h1 when the fragment points nowhere (e.g. an eindterm hidden by a filter).
 */
export function useHashTarget(ready: boolean): void {
  const { hash, pathname } = useLocation();
  useEffect(() => {
    if (!ready || !hash) return;
    let id: string;
    try {
      id = decodeURIComponent(hash.slice(1));
    } catch {
      id = hash.slice(1);
    }
    const target = id ? document.getElementById(id) : null;
    const pending = takeFocusRequest();
    if (target) {
      for (let el = target.parentElement; el; el = el.parentElement) {
        if (el instanceof HTMLDetailsElement) el.open = true;
      }
      target.classList.add('doorlopend-target');
      focusElement(target);
      return () => target.classList.remove('doorlopend-target');
    }
    if (pending) document.querySelector<HTMLElement>('main h1')?.focus();
    return undefined;
  }, [ready, hash, pathname]);
}

/**
 * For a form with its results below it (the zoekmonitor, the overlap inventory): after the user sends it and the
 * address changed, once the answer has `settled`, focus moves to the results' heading (`target`) and it scrolls into
 * view when it is not. At 390 px the results start below the fold, so without this the page seemed not to react, and a
 * form drawn again for the new address dropped the keyboard focus to the page. Another navigation meanwhile cancels
 * it. Returns the function to call when the form is sent (before it navigates).
 */
export function useRevealAfterSubmit(target: () => HTMLElement | null, settled: boolean): () => void {
  const { key } = useLocation();
  const pending = useRef<{ from: string; at: string | null } | null>(null);
  const targetRef = useRef(target);
  targetRef.current = target;
  useEffect(() => {
    const p = pending.current;
    if (!p || key === p.from) return;
    if (p.at === null) p.at = key;
    if (p.at !== key) {
      pending.current = null;
      return;
    }
    if (!settled) return;
    pending.current = null;
    const element = targetRef.current();
    if (!element) return;
    if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
    element.focus({ preventScroll: true });
    const box = element.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) element.scrollIntoView({ block: 'start' });
  }, [key, settled]);
  return () => {
    pending.current = { from: key, at: null };
  };
}
