/**
 * A page: its title (in the tab and as the heading, which takes focus when the page opens so a
 * screen reader announces it) and the notice the previous page left for it.
 */
import { type ReactNode, useEffect, useRef } from 'react';
import { useLocation } from '../router/router';
import { Notice } from './Notice';

export function Page({ title, children, wide }: { title: string; children: ReactNode; wide?: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { state } = useLocation();
  useEffect(() => {
    document.title = `${title} · Identity`;
    heading.current?.focus();
  }, [title]);
  return (
    <div className={wide ? 'page wide' : 'page'}>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <Notice text={state.notice} />
      {children}
    </div>
  );
}

/** A titled part of a page. */
export function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}
