/** A list asked again after every change, with the announcement of that change. */
import { useState } from 'react';
import { useSessionExpiry } from '../components/SignedInOnly.js';
import { useApi } from './useApi.js';

/**
 * `changed(text)` asks for the list again and announces `text` once the new list is there: never "… is verwijderd"
 * beside the old list that still shows it.
 */
export function useReloading<T>(key: string, load: (signal: AbortSignal) => Promise<T>) {
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const { data, error, loading } = useApi(`${key}#${version}`, load);
  useSessionExpiry(error);
  return {
    data,
    error,
    message: loading ? null : message,
    changed: (text: string) => {
      setMessage(text);
      setVersion((v) => v + 1);
    },
  };
}
