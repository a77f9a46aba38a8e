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
import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';

export interface TableProps extends HTMLAttributes<HTMLTableElement> {
  /** Required: every table has a caption. */
  caption: ReactNode;
  /** Hide the caption visually (still read by screen readers), e.g. when a heading right above says the same. */
  captionHidden?: boolean;
  busy?: boolean;
  children?: ReactNode;
}

/** A table with a caption, wrapped so wide tables scroll instead of overflowing the page. */
export function Table({ caption, captionHidden, busy, className, children, ...rest }: TableProps) {
  return (
    <div className="doorlopend-table-container">
      <UtrechtTable busy={busy} className={['doorlopend-table', className].filter(Boolean).join(' ')} {...rest}>
        <UtrechtTableCaption className={captionHidden ? 'doorlopend-visually-hidden' : 'doorlopend-table__caption'}>{caption}</UtrechtTableCaption>
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
