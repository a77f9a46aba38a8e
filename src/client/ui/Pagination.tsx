/**
 * An accessible pager for a long list paged on the server: a navigation landmark with "Vorige", the page numbers (the
 * first, the last and those around the current one) and "Volgende"; the current page is marked with aria-current and
 * is not a link. Every page is a real link with the page number in the URL (`hrefOf`), so it can be shared, opened in
 * a new tab and used with the browser's back button.
 *
 * Utrecht publishes pagination only as CSS (@utrecht/pagination-css, here only as a dependency of another package),
 * not as a React component; this wrapper keeps its class names and uses the Utrecht links and button links.
 */
import { formatNumber } from '../lib/format.js';
import { ButtonLink, Link } from './Link.js';

export interface PaginationProps {
  /** The accessible name of the navigation, e.g. "Pagina's met kwalificaties". */
  label: string;
  /** The current page, from 1. */
  page: number;
  /** The number of pages (at least 1). */
  pages: number;
  /** The in-app path of a page. */
  hrefOf: (page: number) => string;
}

/** The page numbers to show: 1, the neighbours of `page`, the last; `null` where numbers are left out. */
export function pageWindow(page: number, pages: number): Array<number | null> {
  const wanted = new Set([1, pages, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pages));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: Array<number | null> = [];
  for (const p of sorted) {
    const last = out.at(-1);
    if (typeof last === 'number' && p - last === 2) out.push(p - 1);
    else if (typeof last === 'number' && p - last > 2) out.push(null);
    out.push(p);
  }
  return out;
}

export function Pagination({ label, page, pages, hrefOf }: PaginationProps) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="utrecht-pagination doorlopend-pagination">
      {page > 1 ? (
        <ButtonLink to={hrefOf(page - 1)} rel="prev" className="utrecht-pagination__relative-link utrecht-pagination__relative-link--prev">
          Vorige<span className="doorlopend-visually-hidden"> pagina</span>
        </ButtonLink>
      ) : null}
      <ul className="doorlopend-pagination__pages">
        {pageWindow(page, pages).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="doorlopend-pagination__gap">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <span aria-current="page" className="utrecht-pagination__page-link utrecht-pagination__page-link--current doorlopend-pagination__current">
                  <span className="doorlopend-visually-hidden">Pagina </span>
                  {formatNumber(p)}
                </span>
              ) : (
                <Link to={hrefOf(p)} className="utrecht-pagination__page-link" aria-label={`Pagina ${formatNumber(p)}`}>
                  {formatNumber(p)}
                </Link>
              )}
            </li>
          ),
        )}
      </ul>
      {page < pages ? (
        <ButtonLink to={hrefOf(page + 1)} rel="next" className="utrecht-pagination__relative-link utrecht-pagination__relative-link--next">
          Volgende<span className="doorlopend-visually-hidden"> pagina</span>
        </ButtonLink>
      ) : null}
    </nav>
  );
}
