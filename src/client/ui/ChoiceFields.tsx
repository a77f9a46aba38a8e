import '@utrecht/checkbox-css/dist/index.css';
import '@utrecht/custom-checkbox-css/dist/index.css';
import '@utrecht/form-field-css/dist/index.css';
import '@utrecht/form-field-description-css/dist/index.css';
import '@utrecht/form-label-css/dist/index.css';
import { Checkbox, FormField as UtrechtFormField, FormFieldDescription, FormLabel } from '@utrecht/component-library-react';
import type { ChangeEvent, ReactNode, Ref } from 'react';
import { fieldDescriptions } from './FormField.js';

export interface CheckboxFieldProps {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  description?: ReactNode;
  name?: string;
  disabled?: boolean;
  className?: string;
}

/** A labelled checkbox (role "checkbox"); the label is clickable and tied to the control. */
export function CheckboxField({ id, label, checked, onChange, description, name, disabled, className }: CheckboxFieldProps) {
  const descriptionId = description ? `${id}-description` : undefined;
  return (
    <UtrechtFormField
      type="checkbox"
      className={['doorlopend-field', 'doorlopend-field--checkbox', className].filter(Boolean).join(' ')}
      label={
        <FormLabel htmlFor={id} type="checkbox">
          {label}
        </FormLabel>
      }
      description={description ? <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription> : undefined}
      input={
        <Checkbox
          id={id}
          name={name ?? id}
          checked={checked}
          disabled={disabled}
          aria-describedby={descriptionId}
          onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.checked)}
        />
      }
    />
  );
}

export interface FileFieldProps {
  id: string;
  label: ReactNode;
  /** File types offered by the browser's chooser, e.g. ".csv,.xlsx". */
  accept?: string;
  onChange: (file: File | null) => void;
  description?: ReactNode;
  invalidMessage?: ReactNode;
  inputRef?: Ref<HTMLInputElement>;
  className?: string;
}

/** A labelled file chooser (the NL Design System has no file component: a native input in the same field layout). */
export function FileField({ id, label, accept, onChange, description, invalidMessage, inputRef, className }: FileFieldProps) {
  const { describedBy, descriptions } = fieldDescriptions(id, description, invalidMessage);
  return (
    <UtrechtFormField
      type="text"
      className={['doorlopend-field', 'doorlopend-field--file', className].filter(Boolean).join(' ')}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      invalid={invalidMessage ? true : undefined}
      description={descriptions}
      input={
        <input
          id={id}
          ref={inputRef}
          type="file"
          className="doorlopend-file-input"
          accept={accept}
          aria-describedby={describedBy}
          aria-invalid={invalidMessage ? true : undefined}
          onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.files?.[0] ?? null)}
        />
      }
    />
  );
}
