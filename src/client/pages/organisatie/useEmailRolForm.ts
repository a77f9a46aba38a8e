/**
 * State of a form that sends an e-mail address and a role (an invitation): the address is checked before anything is
 * sent, a refused request (400, 409…) is kept as an error that takes the focus, and its field error on the address is
 * shown at the field.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError } from '../../api.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface EmailRolFormOptions {
  failureHeading: string;
  emptyMessage: string;
  /** Sends the request; resolves with the success message to announce. */
  submit: (email: string, rol: string) => Promise<string>;
}

export function useEmailRolForm({ failureHeading, emptyMessage, submit }: EmailRolFormOptions) {
  const [email, setEmail] = useState('');
  const [rol, setRol] = useState('ontwikkelaar');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [emailError, setEmailError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);

  // A refused request moves focus to its message.
  useLayoutEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const send = async (value: string) => {
    setBusy(true);
    try {
      setDone(await submit(value, rol));
      setEmail('');
    } catch (e) {
      const apiError = e instanceof ApiError ? e : new ApiError(0, `${failureHeading}.`);
      setError(apiError);
      const emailProblem = apiError.problem?.errors?.find((f) => f.path.endsWith('email'));
      if (emailProblem) setEmailError(emailProblem.message);
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setDone(null);
    setError(null);
    const value = email.trim();
    if (!value || !EMAIL.test(value)) {
      setEmailError(value ? 'Vul een geldig e-mailadres in, zoals naam@school.nl.' : emptyMessage);
      emailRef.current?.focus();
      return;
    }
    setEmailError(null);
    await send(value);
  };

  return { email, setEmail, rol, setRol, busy, error, emailError, done, errorRef, emailRef, onSubmit };
}
