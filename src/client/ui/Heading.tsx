import '@utrecht/heading-1-css/dist/index.css';
import '@utrecht/heading-2-css/dist/index.css';
import '@utrecht/heading-3-css/dist/index.css';
import '@utrecht/heading-4-css/dist/index.css';
import '@utrecht/heading-5-css/dist/index.css';
import '@utrecht/heading-6-css/dist/index.css';
import { Heading as UtrechtHeading } from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';
import type { HTMLAttributes, ReactNode, Ref } from 'react';
import { useLocation } from 'react-router-dom';
import { takeFocusRequest } from '../lib/navigation.js';

export interface HeadingProps extends HTMLAttributes<HTMLHeadingElement> {
  level: 1 | 2 | 3 | 4 | 5 | 6;
  children?: ReactNode;
  ref?: Ref<HTMLHeadingElement>;
}

export function Heading({ level, children, ref, ...rest }: HeadingProps) {
  return (
    <UtrechtHeading level={level} ref={ref} {...rest}>
      {children}
    </UtrechtHeading>
  );
}

/**
 * The one h1 of a page. It can receive focus programmatically (tabIndex -1)
 * and takes it after a route change, unless the URL has a #fragment (then the
 * page focuses that element instead).
 */
export function PageHeading({ children, ...rest }: Omit<HeadingProps, 'level' | 'ref'>) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { hash } = useLocation();
  useEffect(() => {
    if (hash) return;
    if (takeFocusRequest()) ref.current?.focus();
    // Only on mount: pages remount their heading when they show new content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <UtrechtHeading level={1} tabIndex={-1} ref={ref} className="doorlopend-page-heading" {...rest}>
      {children}
    </UtrechtHeading>
  );
}
