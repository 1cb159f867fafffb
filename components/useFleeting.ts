import { useEffect, useState } from 'react';

/** How long a report of a finished action stays: read by then, and stale once the seller moves on. */
export const FLEETING_MS = 10_000;

/**
 * A status that clears itself `ms` after it was set, when `fades` says so (a success, not an
 * error: an error stays until the seller acts on it). Set again, it stays `ms` from then.
 */
export function useFleeting<T>(
  ms = FLEETING_MS,
  fades: (value: T) => boolean = () => true,
): [T | null, (value: T | null) => void] {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    if (value === null || !fades(value)) return;
    const timer = setTimeout(() => setValue(null), ms);
    return () => clearTimeout(timer);
    // Not on `fades`: a new predicate each render must not restart the timer.
  }, [value, ms]);
  return [value, setValue];
}
