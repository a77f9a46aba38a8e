import { Button as UtrechtButton } from '@utrecht/component-library-react';
import type { ButtonHTMLAttributes, ReactNode } from 'react';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  appearance?: 'primary-action-button' | 'secondary-action-button' | 'subtle-button';
  busy?: boolean;
  children?: ReactNode;
}

export function Button({ appearance = 'primary-action-button', type = 'button', children, ...rest }: ButtonProps) {
  return (
    <UtrechtButton appearance={appearance} type={type} {...rest}>
      {children}
    </UtrechtButton>
  );
}
