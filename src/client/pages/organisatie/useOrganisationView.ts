/**
 * State of an organisation page once it is loaded: the organisation (replaced when the beheerder saves its data) and,
 * after leaving, the answer to show. Leaving also refreshes the session's memberships (menu, "Mijn account").
 */
import { useState } from 'react';
import type { Organisatie, OrganisatieVerlaten } from '../../../shared/auth-api.js';
import { api } from '../../api.js';
import { useDocumentTitle } from '../../lib/navigation.js';
import { useSession } from '../../lib/session.js';

export function useOrganisationView(initial: Organisatie) {
  const [organisation, setOrganisation] = useState(initial);
  const [left, setLeft] = useState<OrganisatieVerlaten | null>(null);
  const { signedIn } = useSession();
  useDocumentTitle(organisation.naam);
  const onLeft = (result: OrganisatieVerlaten) => {
    setLeft(result);
    // The menu and "Mijn account" show the memberships of the session: ask for them again.
    void api.me().then((me) => (me ? signedIn(me) : undefined), () => undefined);
  };
  return { organisation, setOrganisation, left, onLeft, beheerder: organisation.mijnRollen.includes('beheerder') };
}
