import '@utrecht/button-link-css/dist/index.css';
import '@utrecht/link-css/dist/index.css';
import { ButtonLink as UtrechtButtonLink, Link as UtrechtLink } from '@utrecht/component-library-react';
import type { AnchorHTMLAttributes, MouseEvent, ReactNode } from 'react';
import { useHref, useLinkClickHandler } from 'react-router-dom';

type AnchorProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href' | 'placeholder'>;

export interface LinkProps extends AnchorProps {
  /** In-app path, handled by the router ("/vmbo/keuzevakken/K-PIE-16?leerweg=BB#K-PIE-16-01"). */
  to: string;
  replace?: boolean;
  children?: ReactNode;
}

/** href + click handler for an element that should navigate inside the app. */
export function useRouterLink(to: string, replace: boolean | undefined, target: string | undefined, onClick: AnchorProps['onClick']) {
  const href = useHref(to);
  const handleClick = useLinkClickHandler<HTMLAnchorElement>(to, { replace, target });
  return {
    href,
    onClick: (event: MouseEvent<HTMLAnchorElement>) => {
      onClick?.(event);
      if (!event.defaultPrevented) handleClick(event);
    },
  };
}

/** A link inside the app (client-side navigation). */
export function Link({ to, replace, target, onClick, children, ...rest }: LinkProps) {
  const routed = useRouterLink(to, replace, target, onClick);
  return (
    <UtrechtLink {...rest} target={target} href={routed.href} onClick={routed.onClick}>
      {children}
    </UtrechtLink>
  );
}

export interface DocumentLinkProps extends AnchorProps {
  /** Loaded by the browser itself, e.g. /api/docs. */
  href: string;
  external?: boolean;
  children?: ReactNode;
}

/** A link that leaves the single-page app (full page load). */
export function DocumentLink({ href, children, ...rest }: DocumentLinkProps) {
  return (
    <UtrechtLink {...rest} href={href}>
      {children}
    </UtrechtLink>
  );
}

export interface ButtonLinkProps extends LinkProps {
  appearance?: 'primary-action-button' | 'secondary-action-button' | 'subtle-button';
}

/** An in-app link that looks like a button (e.g. Vorige / Volgende). */
export function ButtonLink({ to, replace, target, onClick, appearance = 'secondary-action-button', children, ...rest }: ButtonLinkProps) {
  const routed = useRouterLink(to, replace, target, onClick);
  return (
    <UtrechtButtonLink {...rest} appearance={appearance} target={target} href={routed.href} onClick={routed.onClick}>
      {children}
    </UtrechtButtonLink>
  );
}
