/**
 * Building blocks for the management forms of organisations and samenwerkingen (issue 4):
 * `useAction` runs a request with busy, error and success state (a refused request moves focus to its
 * message); `FormFeedback` shows them (alert for errors, status for success); `ConfirmAction` is a button
 * that asks for confirmation in place before it does something that cannot be undone.
 */
import { useId, useLayoutEffect, useRef, useState } from 'react';
import type { ReactNode, RefObject } from 'react';
import { ApiError } from '../api.js';
import { Alert, Button, Paragraph } from '../ui/index.js';

export interface ActionState {
  busy: boolean;
  error: ApiError | null;
  done: string | null;
  errorRef: RefObject<HTMLDivElement | null>;
  /** Runs `work`; its result (a message) is announced. Resolves with whether it succeeded. */
  run(work: () => Promise<string | null>): Promise<boolean>;
  reset(): void;
}

export function useAction(failure: string): ActionState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);
  const busyRef = useRef(false);
  return {
    busy,
    error,
    done,
    errorRef,
    reset: () => {
      setError(null);
      setDone(null);
    },
    run: async (work) => {
      if (busyRef.current) return false;
      busyRef.current = true;
      setBusy(true);
      setError(null);
      setDone(null);
      try {
        setDone(await work());
        return true;
      } catch (e) {
        setError(e instanceof ApiError ? e : new ApiError(0, failure));
        return false;
      } finally {
        busyRef.current = false;
        setBusy(false);
      }
    },
  };
}

/** The error (alert, focused) and success (status) messages of an action. */
export function FormFeedback({ state, failureHeading, headingLevel = 3 }: { state: ActionState; failureHeading: string; headingLevel?: 2 | 3 | 4 }) {
  return (
    <>
      <div ref={state.errorRef} tabIndex={-1} className="doorlopend-form__message">
        {state.error ? (
          <Alert type="error" heading={failureHeading} headingLevel={headingLevel}>
            <Paragraph>{state.error.message}</Paragraph>
          </Alert>
        ) : null}
      </div>
      <div role="status" className="doorlopend-form__status">
        {state.done ? (
          <Alert type="ok" role="none">
            <Paragraph>{state.done}</Paragraph>
          </Alert>
        ) : null}
      </div>
    </>
  );
}

export interface ConfirmActionProps {
  /** The button that starts it, e.g. "Verwijderen". */
  label: string;
  /** Accessible name of that button when the label alone is ambiguous (e.g. "Lars Leerling verwijderen"). */
  accessibleLabel?: string;
  /** The question, e.g. "Weet u zeker dat u Lars Leerling wilt verwijderen?". */
  question: ReactNode;
  /** The confirming button, e.g. "Ja, verwijderen". */
  confirmLabel: string;
  busyLabel?: string;
  failureHeading: string;
  /** Does it; a thrown ApiError is shown. */
  onConfirm: () => Promise<void>;
}

/**
 * A button that first asks: the question and "Ja, …" / "Annuleren" appear in its place, focus moves to
 * the confirming button (its group is named by the question); "Annuleren" or Escape returns to the button.
 */
export function ConfirmAction({ label, accessibleLabel, question, confirmLabel, busyLabel = 'Bezig…', failureHeading, onConfirm }: ConfirmActionProps) {
  const [asking, setAsking] = useState(false);
  const state = useAction(`${failureHeading}.`);
  const questionId = useId();
  const startRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useLayoutEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      startRef.current?.focus();
    }
  }, [asking]);

  const cancel = () => {
    returnFocus.current = true;
    state.reset();
    setAsking(false);
  };

  if (!asking) {
    return (
      <Button ref={startRef} appearance="secondary-action-button" aria-label={accessibleLabel} onClick={() => setAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    <div
      role="group"
      aria-labelledby={questionId}
      className="doorlopend-confirm"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          cancel();
        }
      }}
    >
      <Paragraph id={questionId}>{question}</Paragraph>
      <FormFeedback state={state} failureHeading={failureHeading} headingLevel={4} />
      <Paragraph>
        <Button
          ref={confirmRef}
          appearance="primary-action-button"
          disabled={state.busy}
          onClick={() => {
            void state.run(async () => {
              await onConfirm();
              return null;
            });
          }}
        >
          {state.busy ? busyLabel : confirmLabel}
        </Button>{' '}
        <Button appearance="secondary-action-button" onClick={cancel} disabled={state.busy}>
          Annuleren
        </Button>
      </Paragraph>
    </div>
  );
}
