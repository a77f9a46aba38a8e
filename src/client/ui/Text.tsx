import '@utrecht/code-css/dist/index.css';
import '@utrecht/code-block-css/dist/index.css';
import '@utrecht/data-list-css/dist/index.css';
import '@utrecht/mark-css/dist/index.css';
import '@utrecht/ordered-list-css/dist/index.css';
import '@utrecht/paragraph-css/dist/index.css';
import '@utrecht/unordered-list-css/dist/index.css';
import {
  Code as UtrechtCode,
  CodeBlock as UtrechtCodeBlock,
  DataList as UtrechtDataList,
  DataListItem as UtrechtDataListItem,
  DataListKey as UtrechtDataListKey,
  DataListValue as UtrechtDataListValue,
  Mark as UtrechtMark,
  OrderedList as UtrechtOrderedList,
  OrderedListItem as UtrechtOrderedListItem,
  Paragraph as UtrechtParagraph,
  UnorderedList as UtrechtUnorderedList,
  UnorderedListItem as UtrechtUnorderedListItem,
} from '@utrecht/component-library-react';
import type { HTMLAttributes, LiHTMLAttributes, OlHTMLAttributes, ReactNode } from 'react';

export interface ParagraphProps extends HTMLAttributes<HTMLParagraphElement> {
  appearance?: 'lead' | 'small';
  children?: ReactNode;
}

export function Paragraph({ children, ...rest }: ParagraphProps) {
  return <UtrechtParagraph {...rest}>{children}</UtrechtParagraph>;
}

export function Code({ children, ...rest }: HTMLAttributes<HTMLElement>) {
  return <UtrechtCode {...rest}>{children}</UtrechtCode>;
}

export function CodeBlock({ children, ...rest }: HTMLAttributes<HTMLPreElement>) {
  return <UtrechtCodeBlock {...rest}>{children}</UtrechtCodeBlock>;
}

export function Mark({ children, ...rest }: HTMLAttributes<HTMLElement>) {
  return <UtrechtMark {...rest}>{children}</UtrechtMark>;
}

export function UnorderedList({ children, className, ...rest }: HTMLAttributes<HTMLUListElement>) {
  return (
    <UtrechtUnorderedList className={className} {...rest}>
      {children}
    </UtrechtUnorderedList>
  );
}

export function ListItem({ children, ...rest }: LiHTMLAttributes<HTMLLIElement>) {
  return <UtrechtUnorderedListItem {...rest}>{children}</UtrechtUnorderedListItem>;
}

export function OrderedList({ children, ...rest }: OlHTMLAttributes<HTMLOListElement>) {
  return <UtrechtOrderedList {...rest}>{children}</UtrechtOrderedList>;
}

export function OrderedListItem({ children, ...rest }: LiHTMLAttributes<HTMLLIElement>) {
  return <UtrechtOrderedListItem {...rest}>{children}</UtrechtOrderedListItem>;
}

export interface DataListEntry {
  key: string;
  label: ReactNode;
  value: ReactNode;
}

/** A description list of label/value pairs. */
export function DataList({ items, className, ...rest }: { items: readonly DataListEntry[] } & HTMLAttributes<HTMLElement>) {
  return (
    <UtrechtDataList className={['doorlopend-data-list', className].filter(Boolean).join(' ')} {...rest}>
      {items.map((item) => (
        <UtrechtDataListItem key={item.key}>
          <UtrechtDataListKey>{item.label}</UtrechtDataListKey>
          <UtrechtDataListValue>{item.value}</UtrechtDataListValue>
        </UtrechtDataListItem>
      ))}
    </UtrechtDataList>
  );
}

/** Text only for screen readers. */
export function VisuallyHidden({ children }: { children?: ReactNode }) {
  return <span className="doorlopend-visually-hidden">{children}</span>;
}
