/**
 * A search field that may sit inside a form (issue 12): Enter searches, it never submits the whole form (a teacher
 * pressing Enter in "Kwalificatie zoeken" must not create the leerroute). Implicit submission is the default action
 * of the keydown of Enter in a text field; the wrapper cancels it and runs `onZoek` instead (when given; a field
 * that filters while typing needs none).
 */
import type { KeyboardEvent, ReactNode } from 'react';
import { TextField } from '../ui/index.js';

export interface ZoekVeldProps {
  id: string;
  label: string;
  description?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  /** What Enter does; without it Enter does nothing but keep the form from being sent. */
  onZoek?: () => void;
  maxLength?: number;
  className?: string;
}

export function enterZoekt(onZoek?: () => void) {
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing || !(event.target instanceof HTMLInputElement)) return;
    event.preventDefault();
    onZoek?.();
  };
}

export function ZoekVeld({ id, label, description, value, onChange, onZoek, maxLength = 200, className }: ZoekVeldProps) {
  return (
    // The keydown of the input bubbles here; cancelling it here is enough to keep the form from being submitted.
    <div className={className} onKeyDown={enterZoekt(onZoek)}>
      <TextField id={id} type="search" label={label} description={description} value={value} onChange={onChange} maxLength={maxLength} />
    </div>
  );
}
