/** Server-side paging of the long catalogue lists: the page number lives in the URL (?pagina=2), 50 items a page. */
import { useEffect, useRef, useState } from 'react';
import { STANDAARD_PER_PAGINA } from '../../shared/catalog-api.js';

export const PER_PAGINA = STANDAARD_PER_PAGINA;

/** The page in the URL; anything but a whole number from 1 is the first page. */
export function pageFromUrl(params: URLSearchParams): number {
  const n = Number(params.get('pagina'));
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

/** The same list with the same filters on another page (page 1 has no `pagina`). */
export function pageHref(basePath: string, params: URLSearchParams, page: number): string {
  const next = new URLSearchParams(params);
  if (page <= 1) next.delete('pagina');
  else next.set('pagina', String(page));
  const qs = next.toString();
  return qs ? `${basePath}?${qs}` : basePath;
}

/**
 * After going to another page, focus moves to the element with the returned ref (the "Pagina 2 van 21" line above the
 * list) once the new page is shown, so keyboard and screen-reader users start at the top of the new page.
 */
export function usePageFocus(page: number, loading: boolean) {
  const ref = useRef<HTMLParagraphElement>(null);
  const previous = useRef(page);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    if (previous.current !== page) setPending(true);
    previous.current = page;
  }, [page]);
  useEffect(() => {
    if (pending && !loading && ref.current) {
      ref.current.focus();
      ref.current.scrollIntoView({ block: 'start' });
      setPending(false);
    }
  }, [pending, loading]);
  return ref;
}
