/** Label and value pairs, leaving out the ones with no value. */
import type { ReactNode } from 'react';

export type Detail = [label: string, value: ReactNode | null | undefined];

export function Details({ items }: { items: readonly Detail[] }) {
  const shown = items.filter(([, value]) => value !== null && value !== undefined && value !== '');
  return (
    <dl className="details">
      {shown.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
