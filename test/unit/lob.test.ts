/**
 * The pure rules of LOB and the loopbaandossier (issue 15): who may read and write a dossier, the validity of a share
 * link (expiry at the end of the chosen day, Dutch time; revoked), which expiry dates may be chosen, the admission
 * dates of the oplegger, and the dossier document.
 */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/auth/rules.js';
import { deellinkStatus, laatsteDag, verloopdatumProbleem, verlooptAt } from '../../src/domain/lob/deellink.js';
import { dossierDocument } from '../../src/domain/lob/document.js';
import { decideEigenDossier, decideLobStaff, DOORSTUREN_REGEL, leerlingSchool } from '../../src/domain/lob/rules.js';
import { eerstvolgendStartjaar, toelatingsdatums } from '../../src/domain/lob/toelating.js';
import type { LobDossier } from '../../src/shared/lob-api.js';

const SCHOOL = 'school-1';
const ANDERE = 'school-2';
const actor = (userId: string, ...m: Array<[string, Actor['memberships'][number]['rol']]>): Actor => ({ userId, memberships: m.map(([organisationId, rol]) => ({ organisationId, rol })) });

describe('who may read and write a loopbaandossier', () => {
  it('the pupil writes their own dossier at the school where they are a leerling', () => {
    const lotte = actor('lotte', [SCHOOL, 'leerling']);
    expect(leerlingSchool(lotte)).toBe(SCHOOL);
    expect(decideEigenDossier(lotte, SCHOOL)).toBe('allow');
    expect(decideEigenDossier(lotte, ANDERE)).toBe('not_found');
    expect(decideEigenDossier(actor('dirk', [SCHOOL, 'decaan']), SCHOOL)).toBe('not_found');
    expect(leerlingSchool(actor('dirk', [SCHOOL, 'decaan']))).toBeNull();
    expect(decideEigenDossier(null, SCHOOL)).toBe('not_found');
  });

  it('the decaan of the pupil’s school reads; other staff 403; pupils, other schools and outsiders 404', () => {
    const res = { schoolId: SCHOOL, eigenaarIsLeerling: true };
    expect(decideLobStaff(actor('dirk', [SCHOOL, 'decaan']), 'dossier.read', res)).toBe('allow');
    for (const rol of ['beheerder', 'ontwikkelaar', 'examinator', 'examencommissie'] as const) expect(decideLobStaff(actor('x', [SCHOOL, rol]), 'dossier.read', res)).toBe('forbidden');
    expect(decideLobStaff(actor('anna', [SCHOOL, 'leerling']), 'dossier.read', res)).toBe('not_found');
    expect(decideLobStaff(actor('ander', [ANDERE, 'decaan']), 'dossier.read', res)).toBe('not_found');
    expect(decideLobStaff(null, 'dossier.read', res)).toBe('not_found');
  });

  it('a dossier of someone who is not a leerling of the school is unknown, even to its decaan', () => {
    expect(decideLobStaff(actor('dirk', [SCHOOL, 'decaan']), 'dossier.read', { schoolId: SCHOOL, eigenaarIsLeerling: false })).toBe('not_found');
    // The programme has no owner: the decaan keeps it.
    expect(decideLobStaff(actor('dirk', [SCHOOL, 'decaan']), 'programma.write', { schoolId: SCHOOL })).toBe('allow');
  });

  it('the forwarding rule names the rule and its source', () => {
    expect(DOORSTUREN_REGEL).toContain('eigendom van de leerling');
    expect(DOORSTUREN_REGEL).toContain('Bron:');
  });
});

describe('share links', () => {
  it('work through the chosen day until midnight, Dutch time (winter and summer)', () => {
    expect(verlooptAt('2027-01-15').toISOString()).toBe('2027-01-15T23:00:00.000Z');
    expect(verlooptAt('2027-06-15').toISOString()).toBe('2027-06-15T22:00:00.000Z');
    expect(laatsteDag(verlooptAt('2027-01-15'))).toBe('2027-01-15');
    expect(laatsteDag(verlooptAt('2027-06-15'))).toBe('2027-06-15');
  });

  it('are active until they expire or are revoked', () => {
    const link = { verlooptAt: verlooptAt('2027-01-15'), ingetrokkenAt: null };
    expect(deellinkStatus(link, new Date('2027-01-15T22:59:59Z'))).toBe('actief');
    expect(deellinkStatus(link, new Date('2027-01-15T23:00:00Z'))).toBe('verlopen');
    expect(deellinkStatus({ ...link, ingetrokkenAt: new Date('2027-01-10T10:00:00Z') }, new Date('2027-01-11T10:00:00Z'))).toBe('ingetrokken');
  });

  it('may be made from today up to 180 days ahead', () => {
    const now = new Date('2027-01-10T12:00:00Z');
    expect(verloopdatumProbleem('2027-01-10', now)).toBeNull();
    expect(verloopdatumProbleem('2027-07-09', now)).toBeNull();
    expect(verloopdatumProbleem('2027-01-09', now)).toContain('vanaf vandaag');
    expect(verloopdatumProbleem('2027-07-10', now)).toContain('180 dagen');
  });
});

describe('admission dates', () => {
  it('aanmelden vóór 1 april and extra requirements known vóór 1 februari of the starting year', () => {
    expect(toelatingsdatums(2027)).toEqual({ aanmeldenVoor: '2027-04-01', aanvullendeEisenBekendVoor: '2027-02-01' });
    expect(eerstvolgendStartjaar('2027-03-31')).toBe(2027);
    expect(eerstvolgendStartjaar('2027-04-01')).toBe(2028);
  });
});

describe('the dossier document', () => {
  const dossier: LobDossier = {
    leerling: { id: 'l', naam: 'Lotte Leerling' },
    school: { id: 's', naam: 'Demo Vmbo College' },
    activiteiten: [
      { id: 'a1', soort: 'meeloopdag', datum: '2026-11-12', titel: 'Meeloopdag ROC', doel: 'Kijken', reflecties: { werkexploratie: 'Fijn in de werkplaats' }, conclusie: 'Past bij mij', vervolgstap: 'Stage zoeken', onderdeelId: null, versie: 1, bijgewerkt: '2026-11-12T10:00:00Z' },
    ],
    oplegger: {
      inhoud: { opleiding: 'Monteur', crebo: '25282', instelling: 'Demo ROC', startjaar: 2027, motivatie: 'm', sterkePunten: 's', ondersteuning: 'o', activiteitIds: ['a1'], aangemeldOp: null },
      datums: toelatingsdatums(2027),
      versie: 1,
      bijgewerkt: '2026-11-12T10:00:00Z',
    },
    programma: [],
    deellinks: [],
  };
  it('has a level-1 heading, each activity with its reflections, the oplegger with the admission dates', () => {
    const doc = dossierDocument(dossier, '2026-12-01T10:00:00Z');
    expect(doc.blokken[0]).toEqual({ soort: 'kop', niveau: 1, tekst: 'Loopbaandossier van Lotte Leerling' });
    const tekst = JSON.stringify(doc.blokken);
    for (const s of ['Meeloopdag ROC', 'Werkexploratie', 'Fijn in de werkplaats', 'Aanmelden vóór', '1 april 2027', '1 februari 2027', 'crebo 25282']) expect(tekst).toContain(s);
  });
});
