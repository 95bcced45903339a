/**
 * Freezes an object and every plain object and array inside it: for answers one cache entry
 * shares across requests. (A Date's own setters still work, so shared dates are never written.)
 */
export function deepFreeze<T>(value: T): Readonly<T> {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
