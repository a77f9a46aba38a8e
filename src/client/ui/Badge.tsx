import '@utrecht/badge-status-css/dist/index.css';
import '@utrecht/data-badge-css/dist/index.css';
import { DataBadge, StatusBadge as UtrechtStatusBadge } from '@utrecht/component-library-react';
import type { HTMLAttributes, ReactNode } from 'react';

export interface BadgeProps extends HTMLAttributes<HTMLElement> {
  children?: ReactNode;
}

/** A neutral data badge, e.g. a leerweg code. */
export function Badge({ className, children, ...rest }: BadgeProps) {
  return (
    <DataBadge className={['doorlopend-badge', className].filter(Boolean).join(' ')} {...rest}>
      {children}
    </DataBadge>
  );
}

export interface StatusBadgeProps extends BadgeProps {
  status: 'neutral' | 'safe' | 'warning' | 'danger';
}

/** A coloured badge for a state such as "Vervallen". */
export function StatusBadge({ status, className, children, ...rest }: StatusBadgeProps) {
  return (
    <UtrechtStatusBadge
      status={status}
      className={['utrecht-badge-status', `utrecht-badge-status--${status}`, 'doorlopend-status-badge', `doorlopend-status-badge--${status}`, className]
        .filter(Boolean)
        .join(' ')}
      {...rest}
    >
      {children}
    </UtrechtStatusBadge>
  );
}
