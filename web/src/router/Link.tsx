/** An ordinary link (keyboard, middle-click and "open in new tab" all work) that the router follows in place. */
import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate, type RouteState } from './router';

interface LinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  to: string;
  state?: RouteState;
}

export function Link({ to, state, onClick, ...rest }: LinkProps) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to, { state });
  };
  return <a href={to} onClick={follow} {...rest} />;
}
