import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api.js';

export interface ApiState<T> {
  /** Latest data received; may belong to a previous key while `loading` (kept to avoid flicker). */
  data: T | undefined;
  error: ApiError | null;
  /** true while the request for the current key is under way. */
  loading: boolean;
}

interface Settled<T> {
  key: string;
  data: T | undefined;
  error: ApiError | null;
}

const cache = new Map<string, Promise<unknown>>();

/** Memoises a request for data that does not change while the page is open (leerwegen, profielen). */
export function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  let promise = cache.get(key) as Promise<T> | undefined;
  if (!promise) {
    promise = load();
    cache.set(key, promise);
    promise.catch(() => cache.delete(key));
  }
  return promise;
}

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, 'Er ging iets mis bij het ophalen van de gegevens.');
}

/**
 * Loads data for `key` (usually the request URL). `key === null` means: nothing to load.
 * A new key aborts the previous request.
 */
export function useApi<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): ApiState<T> {
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setSettled({ key, data, error: null });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setSettled((prev) => ({ key, data: prev?.data, error: toApiError(error) }));
      },
    );
    return () => controller.abort();
  }, [key]);

  if (key === null) return { data: undefined, error: null, loading: false };
  const current = settled?.key === key;
  return {
    data: settled?.data,
    error: current ? (settled?.error ?? null) : null,
    loading: !current,
  };
}
