import { useId, useLayoutEffect, useRef } from 'react';
import { Alert, Heading, ListItem, Paragraph, UnorderedList } from '../../ui/index.js';

export interface FieldProblem {
  /** The element id of the field (or fieldset) the message belongs to. */
  fieldId: string;
  message: string;
}

/**
 * The accessible error summary of a refused form: focused when it appears, each message a link to its field
 * (the field itself shows the message too, tied by aria-describedby).
 */
export function ErrorSummary({ heading, problems, general }: { heading: string; problems: readonly FieldProblem[]; general?: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const shown = problems.length > 0 || Boolean(general);
  useLayoutEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown, problems, general]);
  return (
    <div ref={ref} tabIndex={-1} className="doorlopend-form__message" aria-labelledby={shown ? headingId : undefined} role={shown ? 'group' : undefined}>
      {shown ? (
        <Alert type="error" role="alert">
          <Heading level={3} id={headingId} className="doorlopend-alert__heading">
            {heading}
          </Heading>
          {general ? <Paragraph>{general}</Paragraph> : null}
          {problems.length > 0 ? (
            <UnorderedList>
              {problems.map((p, i) => (
                <ListItem key={`${p.fieldId}-${i}`}>
                  <a
                    href={`#${p.fieldId}`}
                    className="utrecht-link"
                    onClick={(event) => {
                      event.preventDefault();
                      const el = document.getElementById(p.fieldId);
                      // A group (fieldset) of fields: its first control.
                      const target = el && !el.matches('input, select, textarea, button') ? (el.querySelector<HTMLElement>('input, select, textarea, button') ?? el) : el;
                      target?.focus();
                      target?.scrollIntoView({ block: 'center' });
                    }}
                  >
                    {p.message}
                  </a>
                </ListItem>
              ))}
            </UnorderedList>
          ) : null}
        </Alert>
      ) : null}
    </div>
  );
}
