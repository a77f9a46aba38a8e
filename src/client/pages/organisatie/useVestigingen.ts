/** State of the vestigingen of an organisation page: the list (asked again after a change), the announcement, and editing one in place. */
import { useLayoutEffect, useRef, useState } from 'react';
import type { Organisatie } from '../../../shared/auth-api.js';
import { useSessionExpiry } from '../../components/SignedInOnly.js';
import { organisationApi, partnershipUrls } from '../../lib/partnership-api.js';
import { useApi } from '../../lib/useApi.js';

export function useVestigingen(organisation: Organisatie) {
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const { data, error } = useApi(`${partnershipUrls.vestigingen(organisation.id)}#${version}`, (signal) => organisationApi.vestigingen(organisation.id, signal));
  useSessionExpiry(error);
  return {
    data,
    error,
    message,
    beheerder: organisation.mijnRollen.includes('beheerder'),
    /** After a change: announce `text` and ask for the list again. */
    changed: (text: string) => {
      setMessage(text);
      setVersion((v) => v + 1);
    },
  };
}

/** Editing one vestiging in place: focus goes to its name field, and back to its "Wijzigen" button when done. */
export function useVestigingItem(vestigingId: string) {
  const [editing, setEditing] = useState(false);
  const editRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useLayoutEffect(() => {
    if (editing) document.getElementById(`vestiging-${vestigingId}-naam`)?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      editRef.current?.focus();
    }
  }, [editing, vestigingId]);
  const stop = () => {
    returnFocus.current = true;
    setEditing(false);
  };
  return { editing, editRef, start: () => setEditing(true), stop };
}
