/**
 * Who may do what with a regional menukaart (issue 15): pure, no I/O; the first statement of every menukaart use case
 * asks it. The region is a regio organisation; its schools are the organisations whose regio_id is the region.
 *
 * - Someone with no role in the region nor in one of its schools: 'not_found' (the menukaart's working state is not
 *   revealed; the published menukaart is public anyway, through its own routes).
 * - Read the working menukaart (proposals, returns, lifecycle): staff of the region or of a school of the region.
 *   A pupil: 'forbidden' (pupils read the public menukaart).
 * - Propose a module: beheerder or ontwikkelaar of a school of the region.
 * - Change a module: the region's beheerder, or beheerder/ontwikkelaar of the providing school.
 * - Publish, return, withdraw, the lifecycle (review, revision) and the dashboard: the region's beheerder.
 * - Record exams taken: the region's beheerder, or beheerder/ontwikkelaar/examencommissie of the providing school.
 */
import { rolesIn, STAFF_ROLES, type Actor, type Decision } from '../auth/rules.js';
import type { Role } from '../../shared/roles.js';

export type MenukaartActie = 'lezen' | 'voorstellen' | 'wijzigen' | 'besluiten' | 'levenscyclus' | 'dashboard' | 'examens';

export interface MenukaartScope {
  regioId: string;
  /** The schools (vmbo and mbo) of the region. */
  scholen: readonly string[];
}

const SCHOOL_WRITE: readonly Role[] = ['beheerder', 'ontwikkelaar'];
const EXAMENS: readonly Role[] = ['beheerder', 'ontwikkelaar', 'examencommissie'];
const hasAny = (roles: readonly Role[], wanted: readonly Role[]) => roles.some((r) => wanted.includes(r));

export function decideMenukaart(actor: Actor | null, actie: MenukaartActie, scope: MenukaartScope, module?: { aanbiederId: string }): Decision {
  if (!actor) return 'not_found';
  const regio = rolesIn(actor, scope.regioId);
  const school = scope.scholen.flatMap((id) => rolesIn(actor, id));
  if (regio.length === 0 && school.length === 0) return 'not_found';
  const regioBeheerder = regio.includes('beheerder');
  const aanbieder = module ? rolesIn(actor, module.aanbiederId) : [];
  const allow = (ok: boolean): Decision => (ok ? 'allow' : 'forbidden');
  switch (actie) {
    case 'lezen':
      return allow(hasAny([...regio, ...school], STAFF_ROLES));
    case 'voorstellen':
      return allow(hasAny(school, SCHOOL_WRITE));
    case 'wijzigen':
      return allow(regioBeheerder || hasAny(aanbieder, SCHOOL_WRITE));
    case 'besluiten':
    case 'levenscyclus':
    case 'dashboard':
      return allow(regioBeheerder);
    case 'examens':
      return allow(regioBeheerder || hasAny(aanbieder, EXAMENS));
  }
}

/** The schools of the region this actor may propose for (beheerder/ontwikkelaar there). */
export function voorstelScholen(actor: Actor, scope: MenukaartScope): string[] {
  return scope.scholen.filter((id) => hasAny(rolesIn(actor, id), SCHOOL_WRITE));
}
