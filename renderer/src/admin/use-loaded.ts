/**
 * A hub read that follows its inputs: `key` names what is asked (filters, page); a new key, or `reload()`, asks
 * again. State is set only when an answer arrives (an older answer never overwrites a newer one), and `loading`
 * is derived, so no effect sets state synchronously.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export function useLoaded<T>(
  fetch: () => Promise<T>,
  key: string,
  onError: (error: unknown) => void,
): { value: T | null; loading: boolean; reload(): void } {
  const [reloads, setReloads] = useState(0);
  const [answered, setAnswered] = useState<{ key: string; value: T | null }>({ key: '', value: null });
  const fetchRef = useRef(fetch);
  const errorRef = useRef(onError);
  useEffect(() => {
    fetchRef.current = fetch;
    errorRef.current = onError;
  });
  const requestKey = `${key}#${reloads}`;
  useEffect(() => {
    let current = true;
    fetchRef.current().then(
      (value) => current && setAnswered({ key: requestKey, value }),
      (error: unknown) => {
        if (!current) return;
        setAnswered((previous) => ({ key: requestKey, value: previous.value }));
        errorRef.current(error);
      },
    );
    return () => {
      current = false;
    };
  }, [requestKey]);
  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { value: answered.value, loading: answered.key !== requestKey, reload };
}
