/** State of the vestigingen of an organisation page: the list (asked again after a change), the announcement, and editing one in place. */
import { useLayoutEffect, useRef, useState } from 'react';
import type { Organisatie } from '../../../shared/auth-api.js';
import { organisationApi, partnershipUrls } from '../../lib/partnership-api.js';
import { useReloading } from '../../lib/useReloading.js';

export function useVestigingen(organisation: Organisatie) {
  const list = useReloading(partnershipUrls.vestigingen(organisation.id), (signal) => organisationApi.vestigingen(organisation.id, signal));
  return { ...list, beheerder: organisation.mijnRollen.includes('beheerder') };
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
