/** The audit log on the organisation page reads as Dutch, never as codes or ids (issue 12; issue 14's pupils and exams). */
import { describe, expect, it } from 'vitest';
import { AUDIT_ZINNEN } from '../../src/domain/audit/sentences.js';
import { auditActionLabel } from '../../src/client/lib/accounts.js';
import { auditDetails, hasActionLabel, subjectOf } from '../../src/client/pages/organisatie/audit-labels.js';
import type { AuditRegel } from '../../src/shared/auth-api.js';

const regel = (over: Partial<AuditRegel>): AuditRegel =>
  ({ id: '1', at: '2026-12-07T10:00:00Z', actor: null, action: 'leerling.toegevoegd', subjectType: 'cohort', subjectId: null, details: {}, ...over }) as AuditRegel;

describe('audit labels', () => {
  it('has a Dutch label for every action that has a sentence (audit-sentences.test.ts: every action the code writes)', () => {
    const actions = Object.keys(AUDIT_ZINNEN);
    for (const known of ['leerling.toegevoegd', 'cohort.aangemaakt', 'leerroute.created', 'examen.aangemaakt', 'zoekmonitor.stem']) expect(actions).toContain(known);
    expect(actions.filter((a) => !hasActionLabel(a))).toEqual([]);
  });

  it('labels the crosswalk reviews, whose action is made from the review kind', () => {
    for (const actie of ['bevestigen', 'afwijzen', 'toevoegen', 'herstellen', 'wel-koppelen', 'niet-koppelen']) {
      expect(hasActionLabel(`crosswalk.${actie}`), actie).toBe(true);
    }
  });

  it('reads an action without a label as words, never as a code', () => {
    expect(auditActionLabel('leerling.iets_nieuws')).toBe('Leerling iets nieuws');
  });

  it('leaves ids out of the details and says what a line is about in words', () => {
    const id = '0b6f3d6e-5a0b-4c3e-9f51-2d8f0a9e7c11';
    const details = auditDetails(regel({ details: { leerling: id, leerrouteId: id, leerroutes: [id, id], klas: '4B' } }), []);
    expect(details).toBe('klas: 4B');
    expect(subjectOf(regel({ subjectType: 'cohort' }), [])).toBe('een groep leerlingen');
    expect(subjectOf(regel({ subjectType: 'leerroute', details: { naam: 'Ondernemen' } }), [])).toBe('leerroute Ondernemen');
    expect(subjectOf(regel({ subjectType: 'examen' }), [])).toBe('een gezamenlijk examen');
  });
});
