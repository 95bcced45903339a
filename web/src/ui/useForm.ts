/**
 * A form's values, as typed. After a failure the form keeps everything the user typed except
 * its secrets (passwords, codes), which are cleared so they never linger on screen.
 */
import { useCallback, useState } from 'react';

export interface Form<K extends string> {
  values: Record<K, string>;
  /** The props a Field needs for one value. */
  field(name: K): { name: K; value: string; onChange: (value: string) => void };
  set(name: K, value: string): void;
  clearSecrets(): void;
}

export function useForm<K extends string>(initial: Record<K, string>, secrets: readonly NoInfer<K>[] = []): Form<K> {
  const [values, setValues] = useState(initial);
  const set = useCallback((name: K, value: string) => setValues((previous) => ({ ...previous, [name]: value })), []);
  // The secret names are fixed for a form's life.
  const [secretNames] = useState(secrets);
  const clearSecrets = useCallback(
    () => setValues((previous) => ({ ...previous, ...Object.fromEntries(secretNames.map((name) => [name, ''])) })),
    [secretNames],
  );
  return { values, field: (name) => ({ name, value: values[name], onChange: (value) => set(name, value) }), set, clearSecrets };
}
