/** The parts of a list paged on the server around the table: where you are, and a page past the end. */
import type { RefObject } from 'react';
import { formatNumber } from '../lib/format.js';
import { PER_PAGINA } from '../lib/paging.js';
import { Link, Paragraph } from '../ui/index.js';

/** "Pagina 2 van 21: kwalificatie 51 tot en met 100." Focused after going to another page (usePageFocus). */
export function PagePosition({ page, pages, shown, singular, focusRef }: { page: number; pages: number; shown: number; singular: string; focusRef: RefObject<HTMLParagraphElement | null> }) {
  if (pages <= 1) return null;
  const first = (page - 1) * PER_PAGINA + 1;
  return (
    <p ref={focusRef} tabIndex={-1} className="utrecht-paragraph doorlopend-page-position">
      Pagina {formatNumber(page)} van {formatNumber(pages)}: {singular} {formatNumber(first)} tot en met {formatNumber(first + shown - 1)}.
    </p>
  );
}

/** A page number past the end (an old link): says so, with the way to the first page. */
export function PastTheEnd({ totaal, plural, firstPage }: { totaal: number; plural: string; firstPage: string }) {
  return (
    <Paragraph>
      Deze pagina bestaat niet: er zijn {formatNumber(totaal)} {plural}. <Link to={firstPage}>Naar de eerste pagina</Link>.
    </Paragraph>
  );
}
