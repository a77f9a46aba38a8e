import '@utrecht/table-css/dist/index.css';
import {
  Table as UtrechtTable,
  TableBody as UtrechtTableBody,
  TableCaption as UtrechtTableCaption,
  TableCell as UtrechtTableCell,
  TableHeader as UtrechtTableHeader,
  TableHeaderCell as UtrechtTableHeaderCell,
  TableRow as UtrechtTableRow,
} from '@utrecht/component-library-react';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { HTMLAttributes, ReactNode, RefObject, TdHTMLAttributes, ThHTMLAttributes } from 'react';

export interface TableProps extends HTMLAttributes<HTMLTableElement> {
  /** Required: every table has a caption. */
  caption: ReactNode;
  /** Hide the caption visually (still read by screen readers), e.g. when a heading right above says the same. */
  captionHidden?: boolean;
  busy?: boolean;
  children?: ReactNode;
}

/** Does the element scroll sideways: its overflow allows it, and its content is wider than what shows? */
function scrollsSideways(el: HTMLElement | null): boolean {
  if (!el) return false;
  const { overflowX } = getComputedStyle(el);
  return (overflowX === 'auto' || overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1;
}

/**
 * Which of the two scrolls sideways, if any: the wrapper (a wide table on a narrow screen) or the table itself (where a
 * page's CSS makes the table a scroll box). Followed as sizes change.
 */
function useSidewaysScroller(container: RefObject<HTMLDivElement | null>, table: RefObject<HTMLTableElement | null>) {
  const [scroller, setScroller] = useState<'container' | 'table' | null>(null);
  useEffect(() => {
    const update = () => setScroller(scrollsSideways(container.current) ? 'container' : scrollsSideways(table.current) ? 'table' : null);
    update();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(update);
    for (const el of [container.current, table.current]) if (el) observer.observe(el);
    return () => observer.disconnect();
  }, [container, table]);
  return scroller;
}

/**
 * Gives every body cell the text of its column header as data-kop, so a layout that stacks the cells of a row on a
 * narrow screen can label them (CSS: content: attr(data-kop)). Runs after every render; only sets data attributes.
 */
function useColumnLabels(table: RefObject<HTMLTableElement | null>) {
  useLayoutEffect(() => {
    const el = table.current;
    const headerRow = el?.tHead?.rows[0];
    if (!el || !headerRow) return;
    const koppen = [...headerRow.cells].map((c) => (c.textContent ?? '').trim());
    for (const body of el.tBodies) {
      for (const row of body.rows) {
        [...row.cells].forEach((cell, i) => {
          const kop = koppen[i] ?? '';
          if (cell.dataset.kop !== kop) cell.dataset.kop = kop;
        });
      }
    }
  });
}

/**
 * A table with a caption, wrapped so wide tables scroll instead of overflowing the page. Whatever scrolls sideways can
 * be reached with the keyboard (tabindex 0; the wrapper as a region named by the caption), so it can be scrolled with
 * the arrow keys. Body cells carry their column header as data-kop, for layouts that stack a row on a narrow screen.
 */
export function Table({ caption, captionHidden, busy, className, children, ...rest }: TableProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const captionId = useId();
  const scroller = useSidewaysScroller(containerRef, tableRef);
  useColumnLabels(tableRef);
  const focusable = scroller === 'container' ? { tabIndex: 0, role: 'region', 'aria-labelledby': captionId } : {};
  return (
    <div ref={containerRef} className="doorlopend-table-container" {...focusable}>
      <UtrechtTable
        ref={tableRef}
        busy={busy}
        className={['doorlopend-table', className].filter(Boolean).join(' ')}
        {...(scroller === 'table' ? { tabIndex: 0 } : {})}
        {...rest}
      >
        <UtrechtTableCaption id={captionId} className={captionHidden ? 'doorlopend-visually-hidden' : 'doorlopend-table__caption'}>
          {caption}
        </UtrechtTableCaption>
        {children}
      </UtrechtTable>
    </div>
  );
}

export function TableHeader({ children, ...rest }: HTMLAttributes<HTMLTableSectionElement>) {
  return <UtrechtTableHeader {...rest}>{children}</UtrechtTableHeader>;
}

export function TableBody({ children, ...rest }: HTMLAttributes<HTMLTableSectionElement>) {
  return <UtrechtTableBody {...rest}>{children}</UtrechtTableBody>;
}

export function TableRow({ children, ...rest }: HTMLAttributes<HTMLTableRowElement>) {
  return <UtrechtTableRow {...rest}>{children}</UtrechtTableRow>;
}

export interface TableHeaderCellProps extends ThHTMLAttributes<HTMLTableCellElement> {
  scope: 'col' | 'row';
  numeric?: boolean;
}

/** A header cell; `scope` is required so assistive technology knows what it heads. */
export function TableHeaderCell({ scope, numeric, children, ...rest }: TableHeaderCellProps) {
  return (
    <UtrechtTableHeaderCell scope={scope} numericColumn={numeric} {...rest}>
      {children}
    </UtrechtTableHeaderCell>
  );
}

export interface TableCellProps extends TdHTMLAttributes<HTMLTableCellElement> {
  numeric?: boolean;
}

export function TableCell({ numeric, children, ...rest }: TableCellProps) {
  return (
    <UtrechtTableCell numericColumn={numeric} {...rest}>
      {children}
    </UtrechtTableCell>
  );
}
