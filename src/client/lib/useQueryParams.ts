import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

export type ParamUpdate = Record<string, string | null | undefined>;

/**
 * Filters live in the query string so a filtered page can be shared.
 * `update` sets or (for empty values) removes parameters and drops the #fragment.
 */
export function useQueryParams() {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (changes: ParamUpdate, options: { replace?: boolean } = { replace: true }) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(changes)) {
            if (value === null || value === undefined || value === '') next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: options.replace ?? true, preventScrollReset: true },
      );
    },
    [setParams],
  );
  return { params, update };
}
