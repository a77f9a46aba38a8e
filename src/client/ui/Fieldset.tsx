import { Fieldset as UtrechtFieldset, FieldsetLegend, FormFieldDescription } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

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
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = invalidMessage ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <UtrechtFieldset id={id} tabIndex={-1} className={['doorlopend-fieldset', className].filter(Boolean).join(' ')} invalid={invalidMessage ? true : undefined} aria-describedby={describedBy}>
      <FieldsetLegend>{legend}</FieldsetLegend>
      {description ? <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription> : null}
      {invalidMessage ? (
        <FormFieldDescription id={errorId} invalid>
          {invalidMessage}
        </FormFieldDescription>
      ) : null}
      {children}
    </UtrechtFieldset>
  );
}
