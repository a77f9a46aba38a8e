/** Server-side paging of a catalogue list (shared/catalog-api Paginering): one page of the sorted, filtered list and the total. */
import { STANDAARD_PER_PAGINA, type Paginering } from '../../../shared/catalog-api.js';

export interface Page<T> {
  items: T[];
  /** All items that match the filters, on every page (the header X-Total-Count). */
  totaal: number;
}

/** Without `pagina` and `perPagina` the whole list; a page past the end is empty (its total says how many there are). */
export function pageOf<T>(items: readonly T[], paging: Paginering): Page<T> {
  if (paging.pagina === undefined && paging.perPagina === undefined) return { items: [...items], totaal: items.length };
  const perPagina = paging.perPagina ?? STANDAARD_PER_PAGINA;
  const start = ((paging.pagina ?? 1) - 1) * perPagina;
  return { items: items.slice(start, start + perPagina), totaal: items.length };
}
