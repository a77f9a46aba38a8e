/**
 * Our wrappers around the NL Design System (Utrecht) components.
 * Pages import from here, never from @utrecht directly.
 */
export { Alert } from './Alert.js';
export type { AlertProps } from './Alert.js';
export { Badge, StatusBadge } from './Badge.js';
export type { BadgeProps, StatusBadgeProps } from './Badge.js';
export { Button } from './Button.js';
export type { ButtonProps } from './Button.js';
export { SelectField, TextField } from './FormField.js';
export { CheckboxField, FileField } from './ChoiceFields.js';
export { Fieldset } from './Fieldset.js';
export type { FieldsetProps } from './Fieldset.js';
export type { CheckboxFieldProps, FileFieldProps } from './ChoiceFields.js';
export type { SelectFieldProps, SelectOptionItem, TextFieldProps } from './FormField.js';
export { Heading, PageHeading } from './Heading.js';
export type { HeadingProps } from './Heading.js';
export { ButtonLink, DocumentLink, Link, useRouterLink } from './Link.js';
export type { ButtonLinkProps, DocumentLinkProps, LinkProps } from './Link.js';
export { PageLayout } from './PageLayout.js';
export { Pagination, pageWindow } from './Pagination.js';
export type { PaginationProps } from './Pagination.js';
export type { NavItem, PageLayoutProps } from './PageLayout.js';
export { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from './Table.js';
export type { TableCellProps, TableHeaderCellProps, TableProps } from './Table.js';
export { Code, CodeBlock, DataList, ListItem, Mark, OrderedList, OrderedListItem, Paragraph, UnorderedList, VisuallyHidden } from './Text.js';
export type { DataListEntry, ParagraphProps } from './Text.js';
