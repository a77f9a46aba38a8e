/**
 * The beheerder's part of an organisation page: the members and (once they answered) the audit log, asked again after
 * every change (a role or member removed, someone invited).
 */
import { useState } from 'react';
import type { Organisatie } from '../../../shared/auth-api.js';
import { api, urls } from '../../api.js';
import { useSessionExpiry } from '../../components/SignedInOnly.js';
import { useApi } from '../../lib/useApi.js';

export function useManagement(organisation: Organisatie) {
  const [version, setVersion] = useState(0);
  const members = useApi(`${urls.members(organisation.id)}#${version}`, (signal) => api.members(organisation.id, signal));
  // The audit log is for beheerders too: only asked once the members answered.
  const audit = useApi(members.data && !members.error ? `${urls.audit(organisation.id)}#${version}` : null, (signal) => api.audit(organisation.id, signal));
  useSessionExpiry(members.error, audit.error);
  return {
    members,
    audit,
    beheerder: organisation.mijnRollen.includes('beheerder'),
    /** Only beheerders see members and audit log (403 for the other roles). */
    forbidden: members.error?.isForbidden === true,
    changed: () => setVersion((v) => v + 1),
  };
}
