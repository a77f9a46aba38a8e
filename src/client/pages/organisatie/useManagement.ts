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
  // Members and audit log are for the organisation's beheerders only (members.read): the other roles do not ask, so
  // their page shows the note without a refused request (403) in the browser console.
  const beheerder = organisation.mijnRollen.includes('beheerder');
  const members = useApi(beheerder ? `${urls.members(organisation.id)}#${version}` : null, (signal) => api.members(organisation.id, signal));
  // The audit log is for beheerders too: only asked once the members answered.
  const audit = useApi(members.data && !members.error ? `${urls.audit(organisation.id)}#${version}` : null, (signal) => api.audit(organisation.id, signal));
  useSessionExpiry(members.error, audit.error);
  return {
    members,
    audit,
    beheerder,
    /** Only beheerders see members and audit log (403 for the other roles, who therefore do not ask). */
    forbidden: !beheerder || members.error?.isForbidden === true,
    changed: () => setVersion((v) => v + 1),
  };
}
