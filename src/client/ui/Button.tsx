import '@utrecht/button-css/dist/index.css';
import { Button as UtrechtButton } from '@utrecht/component-library-react';
import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  appearance?: 'primary-action-button' | 'secondary-action-button' | 'subtle-button';
  busy?: boolean;
  ref?: Ref<HTMLButtonElement>;
  children?: ReactNode;
}

export function Button({ appearance = 'primary-action-button', type = 'button', children, ...rest }: ButtonProps) {
  return (
    <UtrechtButton appearance={appearance} type={type} {...rest}>
      {children}
    </UtrechtButton>
  );
}
