import '@utrecht/form-field-css/dist/index.css';
import '@utrecht/form-field-description-css/dist/index.css';
import '@utrecht/form-label-css/dist/index.css';
import '@utrecht/select-css/dist/index.css';
import '@utrecht/textbox-css/dist/index.css';
import {
  FormField as UtrechtFormField,
  FormFieldDescription,
  FormLabel,
  Select as UtrechtSelect,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import type { ChangeEvent, ReactNode, Ref } from 'react';

export interface SelectOptionItem {
  value: string;
  label: string;
}

export interface SelectFieldProps {
  id: string;
  label: ReactNode;
  value: string;
  options: readonly SelectOptionItem[];
  onChange: (value: string) => void;
  description?: ReactNode;
  name?: string;
  disabled?: boolean;
  busy?: boolean;
  /** The value was refused: marks the field invalid and shows the message under the label. */
  invalidMessage?: ReactNode;
  className?: string;
}


/**
 * The description and error message of a field, each with its id, and the `aria-describedby` that ties them to the
 * control: one place for every field wrapper (select, text, file, fieldset).
 */
export function fieldDescriptions(id: string, description: ReactNode | undefined, invalidMessage: ReactNode | undefined): { describedBy: string | undefined; descriptions: ReactNode | undefined } {
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = invalidMessage ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined;
  const descriptions =
    description || invalidMessage ? (
      <>
        {description ? <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription> : null}
        {invalidMessage ? (
          <FormFieldDescription id={errorId} invalid>
            {invalidMessage}
          </FormFieldDescription>
        ) : null}
      </>
    ) : undefined;
  return { describedBy, descriptions };
}

/** A labelled select; the label is visible and tied to the control. */
export function SelectField({ id, label, value, options, onChange, description, name, disabled, busy, invalidMessage, className }: SelectFieldProps) {
  const { describedBy, descriptions } = fieldDescriptions(id, description, invalidMessage);
  return (
    <UtrechtFormField
      type="select"
      className={['doorlopend-field', className].filter(Boolean).join(' ')}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      invalid={invalidMessage ? true : undefined}
      description={descriptions}
      input={
        <UtrechtSelect
          id={id}
          name={name ?? id}
          value={value}
          disabled={disabled}
          busy={busy}
          invalid={invalidMessage ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event: ChangeEvent<HTMLSelectElement>) => onChange(event.target.value)}
        >
          {options.map((option) => (
            <SelectOption key={option.value} value={option.value}>
              {option.label}
            </SelectOption>
          ))}
        </UtrechtSelect>
      }
    />
  );
}

export interface TextFieldProps {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'search' | 'email' | 'password' | 'number' | 'url';
  description?: ReactNode;
  name?: string;
  placeholder?: string;
  autoComplete?: string;
  maxLength?: number;
  required?: boolean;
  /** The value was refused: marks the field invalid and shows the message under the label. */
  invalidMessage?: ReactNode;
  inputRef?: Ref<HTMLInputElement>;
  className?: string;
}

/** A labelled text input (type="search" gives role "searchbox"). */
export function TextField({
  id,
  label,
  value,
  onChange,
  type = 'text',
  description,
  name,
  placeholder,
  autoComplete = 'off',
  maxLength = 200,
  required,
  invalidMessage,
  inputRef,
  className,
}: TextFieldProps) {
  const { describedBy, descriptions } = fieldDescriptions(id, description, invalidMessage);
  return (
    <UtrechtFormField
      type="text"
      className={['doorlopend-field', className].filter(Boolean).join(' ')}
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      invalid={invalidMessage ? true : undefined}
      description={descriptions}
      input={
        <Textbox
          id={id}
          ref={inputRef}
          name={name ?? id}
          type={type}
          value={value}
          placeholder={placeholder}
          autoComplete={autoComplete}
          maxLength={maxLength}
          required={required}
          invalid={invalidMessage ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
        />
      }
    />
  );
}
