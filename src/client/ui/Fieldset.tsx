import '@utrecht/form-fieldset-css/dist/index.css';
import { Fieldset as UtrechtFieldset, FieldsetLegend } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { fieldDescriptions } from './FormField.js';

export interface FieldsetProps {
  id: string;
  legend: ReactNode;
  description?: ReactNode;
  /** The group was refused: shows the message under the legend and ties it to the group. */
  invalidMessage?: ReactNode;
  className?: string;
  children?: ReactNode;
}

/** A group of fields (checkboxes, a row of the tijdpad) with a legend, an optional description and error message. */
export function Fieldset({ id, legend, description, invalidMessage, className, children }: FieldsetProps) {
  const { describedBy, descriptions } = fieldDescriptions(id, description, invalidMessage);
  return (
    <UtrechtFieldset id={id} tabIndex={-1} className={['doorlopend-fieldset', className].filter(Boolean).join(' ')} invalid={invalidMessage ? true : undefined} aria-describedby={describedBy}>
      <FieldsetLegend>{legend}</FieldsetLegend>
      {descriptions}
      {children}
    </UtrechtFieldset>
  );
}
