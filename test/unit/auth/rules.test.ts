import { describe, expect, it } from 'vitest';
import {
  can,
  decide,
  decideBeheerderAppointment,
  mayAppointBeheerders,
  mayLoadNationalCatalogue,
  rolesIn,
  ROLES,
  type Action,
  type Actor,
  type Role,
} from '../../../src/domain/auth/rules.js';

const ORG = 'org-a';
const OTHER = 'org-b';
const actor = (...roles: Array<[string, Role]>): Actor => ({ userId: 'u1', memberships: roles.map(([organisationId, rol]) => ({ organisationId, rol })) });
const org = { type: 'organisation', organisationId: ORG } as const;

describe('organisation rules', () => {
  const beheerderOnly: Action[] = ['organisation.update', 'members.read', 'members.manage', 'audit.read'];

  it('lets every member read the organisation', () => {
    for (const rol of ROLES) expect(decide(actor([ORG, rol]), 'organisation.read', org)).toBe('allow');
  });

  it.each(beheerderOnly)('gives %s to the beheerder only, 403 to the other roles', (action) => {
    expect(decide(actor([ORG, 'beheerder']), action, org)).toBe('allow');
    for (const rol of ROLES.filter((r) => r !== 'beheerder')) expect(decide(actor([ORG, rol]), action, org)).toBe('forbidden');
  });

  it('answers not_found (404) to a user of another organisation, even a beheerder there, and to nobody', () => {
    for (const action of ['organisation.read', ...beheerderOnly] as Action[]) {
      expect(decide(actor([OTHER, 'beheerder']), action, org)).toBe('not_found');
      expect(decide(actor(), action, org)).toBe('not_found');
      expect(decide(null, action, org)).toBe('not_found');
    }
  });

  it('combines roles: beheerder in A does not carry over to B', () => {
    const a = actor([ORG, 'beheerder'], [OTHER, 'leerling']);
    expect(can(a, 'members.manage', org)).toBe(true);
    expect(decide(a, 'members.manage', { type: 'organisation', organisationId: OTHER })).toBe('forbidden');
    expect(rolesIn(a, OTHER)).toEqual(['leerling']);
    expect(rolesIn(null, ORG)).toEqual([]);
  });

  it('refuses partnership and personal actions on an organisation resource', () => {
    expect(decide(actor([ORG, 'beheerder']), 'partnership.read', org)).toBe('forbidden');
  });
});

describe('partnership rules', () => {
  const p = { type: 'partnership', memberOrganisationIds: [ORG, OTHER] } as const;
  it('lets the staff of any partner organisation read, ontwikkelaars and beheerders write', () => {
    for (const rol of ['beheerder', 'ontwikkelaar', 'examinator', 'examencommissie', 'decaan'] as Role[]) {
      expect(decide(actor([OTHER, rol]), 'partnership.read', p)).toBe('allow');
    }
    expect(decide(actor([ORG, 'ontwikkelaar']), 'partnership.write', p)).toBe('allow');
    expect(decide(actor([OTHER, 'beheerder']), 'partnership.write', p)).toBe('allow');
    for (const rol of ['examinator', 'examencommissie', 'decaan'] as Role[]) expect(decide(actor([ORG, rol]), 'partnership.write', p)).toBe('forbidden');
  });

  it('refuses leerlingen (they see only their own things) and hides it from outsiders', () => {
    expect(decide(actor([ORG, 'leerling']), 'partnership.read', p)).toBe('forbidden');
    expect(decide(actor([ORG, 'leerling']), 'partnership.write', p)).toBe('forbidden');
    expect(decide(actor(['org-c', 'beheerder']), 'partnership.read', p)).toBe('not_found');
    expect(decide(null, 'partnership.read', p)).toBe('not_found');
  });

  it('refuses organisation actions on a partnership', () => {
    expect(decide(actor([ORG, 'beheerder']), 'members.manage', p)).toBe('forbidden');
  });
});

describe('personal rules', () => {
  const own = { type: 'personal', organisationId: ORG, ownerUserId: 'u1' } as const;
  const someoneElses = { type: 'personal', organisationId: ORG, ownerUserId: 'u2' } as const;
  it('lets a leerling read and change only their own things', () => {
    expect(decide(actor([ORG, 'leerling']), 'personal.read', own)).toBe('allow');
    expect(decide(actor([ORG, 'leerling']), 'personal.write', own)).toBe('allow');
    expect(decide(actor([ORG, 'leerling']), 'personal.read', someoneElses)).toBe('not_found');
  });
  it('does not let staff or outsiders see someone else’s things, nor an owner who left the organisation', () => {
    expect(decide(actor([ORG, 'beheerder']), 'personal.read', someoneElses)).toBe('not_found');
    expect(decide(actor([OTHER, 'leerling']), 'personal.read', own)).toBe('not_found');
    expect(decide(actor([ORG, 'leerling']), 'members.read', own)).toBe('forbidden');
    expect(decide(actor([OTHER, 'leerling']), 'members.read', own)).toBe('not_found');
  });
});

describe('platform rights', () => {
  it('lets only a platform beheerder load the national catalogue, whatever roles in organisations say', () => {
    expect(mayLoadNationalCatalogue({ platformBeheerder: true })).toBe(true);
    expect(mayLoadNationalCatalogue({ platformBeheerder: false })).toBe(false);
    expect(mayLoadNationalCatalogue({ ...actor([ORG, 'beheerder']) })).toBe(false);
    expect(mayLoadNationalCatalogue(null)).toBe(false);
  });

  it('lets only a platform beheerder see the organisations without a beheerder, whatever roles in organisations say', () => {
    expect(mayAppointBeheerders({ platformBeheerder: true })).toBe(true);
    expect(mayAppointBeheerders({ platformBeheerder: false })).toBe(false);
    expect(mayAppointBeheerders({ ...actor([ORG, 'beheerder']) })).toBe(false);
    expect(mayAppointBeheerders(null)).toBe(false);
  });

  it('lets a platform beheerder invite a beheerder only into an existing organisation without one', () => {
    const platform = { platformBeheerder: true, ...actor([OTHER, 'ontwikkelaar']) };
    expect(decideBeheerderAppointment(platform, { heeftBeheerder: false })).toBe('allow');
    // The organisation manages itself: its own beheerder invites (409), also when the platform beheerder is a member.
    expect(decideBeheerderAppointment(platform, { heeftBeheerder: true })).toBe('conflict');
    expect(decideBeheerderAppointment({ platformBeheerder: true, ...actor([ORG, 'beheerder']) }, { heeftBeheerder: true })).toBe('conflict');
    expect(decideBeheerderAppointment(platform, undefined)).toBe('not_found');
  });

  it('refuses everyone else (403) before telling anything about the organisation, also its own members', () => {
    for (const organisation of [{ heeftBeheerder: false }, { heeftBeheerder: true }, undefined]) {
      expect(decideBeheerderAppointment({ platformBeheerder: false }, organisation)).toBe('forbidden');
      for (const rol of ROLES) expect(decideBeheerderAppointment(actor([ORG, rol]), organisation)).toBe('forbidden');
      expect(decideBeheerderAppointment(null, organisation)).toBe('forbidden');
    }
  });
});
