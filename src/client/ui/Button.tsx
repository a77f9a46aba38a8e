import '@utrecht/button-css/dist/index.css';
import { Button as UtrechtButton } from '@utrecht/component-library-react';
import { useState, type ButtonHTMLAttributes, type ReactNode, type Ref } from 'react';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  appearance?: 'primary-action-button' | 'secondary-action-button' | 'subtle-button';
  busy?: boolean;
  ref?: Ref<HTMLButtonElement>;
  children?: ReactNode;
}

/**
 * A button that keeps the keyboard focus when it becomes disabled while focused (a form sent with it, a vote while it
 * is saved): a disabled `<button>` loses focus to the page itself, and a keyboard or screen-reader user loses their
 * place. While it has focus it is `aria-disabled` instead and ignores presses; once focus leaves, it is disabled.
 */
export function Button({ appearance = 'primary-action-button', type = 'button', disabled, className, onClick, onFocus, onBlur, children, ...rest }: ButtonProps) {
  const [focused, setFocused] = useState(false);
  const holdFocus = disabled === true && focused;
  return (
    <UtrechtButton
      appearance={appearance}
      type={type}
      disabled={disabled === true && !holdFocus}
      aria-disabled={holdFocus || undefined}
      className={holdFocus ? ['utrecht-button--disabled', className].filter(Boolean).join(' ') : className}
      onClick={(event) => {
        if (holdFocus) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
      onFocus={(event) => {
        setFocused(true);
        onFocus?.(event);
      }}
      onBlur={(event) => {
        setFocused(false);
        onBlur?.(event);
      }}
      {...rest}
    >
      {children}
    </UtrechtButton>
  );
}
