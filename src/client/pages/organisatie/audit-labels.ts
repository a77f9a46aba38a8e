/** Dutch text for the audit log of an organisation: action labels, details and what a line is about. Pure functions. */
import type { AuditRegel, Lid } from '../../../shared/auth-api.js';
import { auditActionLabel, hasAuditActionLabel, rolLabel, rollenLabel } from '../../lib/accounts.js';

/** Labels of the audit actions of organisation management and samenwerkingen (the others come from lib/accounts). */
const MANAGEMENT_AUDIT_ACTIONS: Record<string, string> = {
  'membership.role_removed': 'Rol ingetrokken',
  'organisation.updated': 'Organisatiegegevens gewijzigd',
  'organisation.created': 'Organisatie aangemaakt',
  'vestiging.added': 'Vestiging toegevoegd',
  'vestiging.updated': 'Vestiging gewijzigd',
  'vestiging.removed': 'Vestiging verwijderd',
  'partnership.created': 'Samenwerking begonnen',
  'partnership.renamed': 'Samenwerking hernoemd',
  'partnership.partner_proposed': 'Partner voorgesteld',
  'partnership.partner_accepted': 'Voorstel aangenomen',
  'partnership.partner_declined': 'Voorstel afgewezen',
  'partnership.partner_left': 'Partner vertrokken',
  // Issue 15: the member schools of a region (written in the logs of both the region and the school).
  'regio.school_toegevoegd': 'School aan de regio toegevoegd',
  'regio.school_verwijderd': 'School uit de regio gehaald',
  'regio.verlaten': 'Regio verlaten',
};
export const actionLabel = (action: string) => MANAGEMENT_AUDIT_ACTIONS[action] ?? auditActionLabel(action);
/** Whether an action has a label of its own (else it is shown as words). */
export const hasActionLabel = (action: string) => Object.hasOwn(MANAGEMENT_AUDIT_ACTIONS, action) || hasAuditActionLabel(action);

function detailValue(value: unknown): string {
  if (value === null || value === undefined) return '(leeg)';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && 'van' in value && 'naar' in value) {
    const { van, naar } = value as { van: unknown; naar: unknown };
    return `${detailValue(van)} → ${detailValue(naar)}`;
  }
  if (typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value)
      .map(([k, v]) => `${k} ${detailValue(v)}`)
      .join(', ');
  }
  return JSON.stringify(value);
}

/** Why someone became beheerder (or nobody could): the `reden` of a succession. */
const REDENEN: Record<string, string> = { 'lid-vertrokken': 'de vorige beheerder verliet de organisatie', 'account-verwijderd': 'de vorige beheerder verwijderde zijn of haar account' };

/** An id (uuid): says nothing to a reader of the log. */
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isId = (value: unknown): boolean => (typeof value === 'string' && ID.test(value)) || (Array.isArray(value) && value.length > 0 && value.every(isId));

export function auditDetails(regel: AuditRegel, members: readonly Lid[]): string {
  return Object.entries(regel.details)
    // Ids say nothing to a reader (names, where the entry has them, are in the details too; the line says what it is
    // about): a key of an id, or a value that is one.
    .filter(([key, value]) => key !== 'regioId' && !/Id$/.test(key) && !isId(value))
    .map(([key, value]) => {
      if (key === 'voorstellenIngetrokken' && typeof value === 'number') return `open voorstellen ingetrokken: ${value}`;
      if (key === 'rol' && typeof value === 'string') return `rol: ${rolLabel(value)}`;
      if (key === 'rollen' && Array.isArray(value)) return `rollen: ${rollenLabel(value.map(String))}`;
      if (key === 'reden' && typeof value === 'string') return `reden: ${REDENEN[value] ?? value}`;
      if (key === 'vorigeBeheerder' && typeof value === 'string') return `vorige beheerder: ${members.find((m) => m.gebruikerId === value)?.naam ?? 'geen lid meer'}`;
      return `${key}: ${detailValue(value)}`;
    })
    .join('; ');
}

/** What an audit line is about: a member by name, a samenwerking or vestiging by the name it had, the organisation. */
export function subjectOf(regel: AuditRegel, members: readonly Lid[]): string {
  if (regel.subjectType === 'user' && regel.subjectId) return members.find((m) => m.gebruikerId === regel.subjectId)?.naam ?? 'een gebruiker';
  const naam = typeof regel.details.naam === 'string' ? regel.details.naam : null;
  if (regel.subjectType === 'partnership') return naam ? `samenwerking ${naam}` : 'een samenwerking';
  if (regel.subjectType === 'vestiging') return naam ? `vestiging ${naam}` : 'een vestiging';
  // A region's member school: the school by the name it had (in the region's log it is another organisation).
  if (regel.subjectType === 'organisation' && regel.action.startsWith('regio.') && typeof regel.details.school === 'string') return regel.details.school;
  if (regel.subjectType === 'organisation') return 'de organisatie';
  if (regel.subjectType === 'leerroute') return naam ? `leerroute ${naam}` : 'een leerroute';
  return SUBJECTS[regel.subjectType] ?? regel.subjectType.replace(/_/g, ' ');
}

/** The other things an audit line can be about, in words (their names are not kept in every entry). */
const SUBJECTS: Record<string, string> = {
  cohort: 'een groep leerlingen',
  examen: 'een gezamenlijk examen',
  beoordeling: 'een beoordelingsformulier',
  vrijstelling_verzoek: 'een vrijstellingsverzoek',
  menukaart_module: 'een module van de menukaart',
  menukaart_keuze: 'een modulekeuze',
  lob_onderdeel: 'een LOB-onderdeel',
  invitation: 'een uitnodiging',
  source_release: 'de catalogus',
  system: 'het platform',
};
