/** State of the platform beheerder's list of organisations without a beheerder: loaded, asked again after an invitation. */
import { useState } from 'react';
import { useSessionExpiry } from '../../components/SignedInOnly.js';
import { beheerApi, beheerUrls } from '../../lib/beheer-api.js';
import { formatDate } from '../../lib/format.js';
import { useApi } from '../../lib/useApi.js';

export function useOrganisatiesZonderBeheerder() {
  const [version, setVersion] = useState(0);
  const { data, error } = useApi(`${beheerUrls.zonderBeheerder()}#${version}`, (signal) => beheerApi.zonderBeheerder(signal));
  useSessionExpiry(error);
  /** Sends the invitation; resolves with the message to announce (a refusal throws the ApiError). */
  const invite = async (organisation: { id: string; naam: string }, email: string) => {
    const uitnodiging = await beheerApi.beheerderUitnodigen(organisation.id, email);
    setVersion((v) => v + 1);
    return `Uitnodiging verstuurd naar ${uitnodiging.email} als beheerder van ${organisation.naam}. De link in de e-mail is geldig tot en met ${formatDate(uitnodiging.verlooptOp)}. Zodra de uitnodiging is aangenomen, heeft ${organisation.naam} weer een beheerder.`;
  };
  return { data, error, invite };
}
