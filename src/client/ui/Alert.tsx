import '@utrecht/alert-css/dist/index.css';
import { Alert as UtrechtAlert } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { Heading } from './Heading.js';

export interface AlertProps {
  type?: 'info' | 'ok' | 'warning' | 'error';
  /** Optional heading inside the alert. */
  heading?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  /** Override the ARIA role; by default info/ok are "status" and warning/error "alert". */
  role?: 'status' | 'alert' | 'none';
  className?: string;
  children?: ReactNode;
}

const ICONS: Record<NonNullable<AlertProps['type']>, string> = { info: 'i', ok: '✓', warning: '!', error: '×' };

export function Alert({ type = 'info', heading, headingLevel = 2, role, className, children }: AlertProps) {
  return (
    <UtrechtAlert
      type={type}
      role={role}
      className={['doorlopend-alert', className].filter(Boolean).join(' ')}
      icon={<span className={`doorlopend-alert__icon doorlopend-alert__icon--${type}`} aria-hidden="true">{ICONS[type]}</span>}
    >
      {heading ? (
        <Heading level={headingLevel} className="doorlopend-alert__heading">
          {heading}
        </Heading>
      ) : null}
      {children}
    </UtrechtAlert>
  );
}
