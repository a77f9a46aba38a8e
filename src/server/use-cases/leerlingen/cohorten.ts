/**
 * Cohorts of a leerroute (issue 14): the groups of pupils a vmbo school of the route's samenwerking keeps. Listing and
 * creating go through the route (its samenwerking's accepted partners; a third school or a pupil 404); a cohort itself
 * through openCohort (the owning school's beheerder, decaan, examinator manage; its examencommissie reads). Reading a
 * cohort with its pupils is audited (pupils are minors: every read of their data is on record).
 */
import type { Kysely, Transaction } from 'kysely';
import { decideExamen } from '../../../domain/auth/examen-rules.js';
import { rolesIn } from '../../../domain/auth/rules.js';
import { DEFAULT_BEWAARTERMIJN_MAANDEN, standaardEinddatum, verwijderdatum } from '../../../domain/leerlingen/bewaartermijn.js';
import type { CohortAanmaken, CohortDetail, CohortLijst, CohortSamenvatting, CohortWijzigen, Leerling } from '../../../shared/leerlingen-api.js';
import type { DB } from '../../db/schema.js';
import type { AuthContext, UseCaseContext } from '../../access/context.js';
import { openCohort, COHORT_NOT_FOUND } from '../../access/examen.js';
import { requireAuth } from '../../access/require-auth.js';
import { AppError, forbidden, notFound, validationFailed } from '../../errors.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import * as repo from '../../repositories/leerling-repository.js';
import { findRoute } from '../../repositories/leerroute-repository.js';
import { memberOrganisationIds } from '../../repositories/partnership-repository.js';

type Db = Kysely<DB> | Transaction<DB>;
export const ROUTE_NOT_FOUND = 'Deze leerroute bestaat niet of u hebt er geen toegang toe.';

const mayManage = (auth: AuthContext, organisationId: string) =>
  decideExamen(auth.actor, 'leerlingen.manage', { vmboOrganisationId: organisationId, mboOrganisationId: null }) === 'allow';

export function samenvatting(auth: AuthContext, c: repo.CohortRow): CohortSamenvatting {
  return {
    id: c.id,
    leerrouteId: c.leerrouteId,
    organisationId: c.organisationId,
    organisatieNaam: c.organisatieNaam,
    naam: c.naam,
    schooljaar: c.schooljaar,
    leerjaar: c.leerjaar,
    einddatum: c.einddatum,
    bewaartermijnMaanden: c.bewaartermijnMaanden,
    verwijderdOp: verwijderdatum(c),
    aantalLeerlingen: c.aantalLeerlingen,
    opgeschoondAt: c.opgeschoondAt,
    opgeschoond: c.opgeschoond,
    versie: c.versie,
    magBeheren: c.opgeschoondAt === null && mayManage(auth, c.organisationId),
  };
}

export function detail(auth: AuthContext, c: repo.CohortRow, leerlingen: Leerling[]): CohortDetail {
  return { ...samenvatting(auth, c), leerroute: { id: c.leerrouteId, naam: c.leerrouteNaam }, leerlingen };
}

/** A cohort's detail after a change (read after the commit; the access was checked in the transaction). */
export async function readDetail(db: Db, auth: AuthContext, cohortId: string): Promise<CohortDetail> {
  const c = await repo.findCohort(db, cohortId);
  if (!c) throw notFound(COHORT_NOT_FOUND);
  return detail(auth, c, await repo.listLeerlingen(db, cohortId));
}

/**
 * The route's vmbo schools where the user may read (or manage) pupils. 404 when the route is missing or the user has
 * no staff role in its samenwerking (a pupil, a third school); 403 when staff without such a role (an ontwikkelaar,
 * the mbo partner).
 */
async function openRouteCohorten(db: Db, authIn: AuthContext | null, routeId: string, recht: 'leerlingen.read' | 'leerlingen.manage') {
  const auth = requireAuth(authIn);
  const route = await findRoute(db, routeId);
  if (!route) throw notFound(ROUTE_NOT_FOUND);
  const members = await memberOrganisationIds(db, route.partnershipId);
  const staff = members.some((id) => rolesIn(auth.actor, id).some((r) => r !== 'leerling'));
  if (!staff) throw notFound(ROUTE_NOT_FOUND);
  const scholen = await repo.vmboSchools(db, members);
  const toegestaan = scholen.filter((s) => decideExamen(auth.actor, recht, { vmboOrganisationId: s.id, mboOrganisationId: null }) === 'allow');
  if (toegestaan.length === 0) throw forbidden('Leerlinggegevens zijn alleen voor de beheerder, decaan, examinator en examencommissie van de vmbo-school.');
  return { auth, route, scholen: toegestaan };
}

export async function listCohorten(opts: UseCaseContext & { routeId: string }): Promise<CohortLijst> {
  const { auth, route, scholen } = await openRouteCohorten(opts.db, opts.auth, opts.routeId, 'leerlingen.read');
  const cohorten = await repo.listCohortsOfRoute(opts.db, route.id, scholen.map((s) => s.id));
  return {
    leerroute: { id: route.id, naam: route.naam },
    cohorten: cohorten.map((c) => samenvatting(auth, c)),
    scholen: scholen.filter((s) => mayManage(auth, s.id)),
  };
}

export async function createCohort(opts: UseCaseContext & { routeId: string; input: CohortAanmaken }): Promise<CohortDetail> {
  const { auth, route, scholen } = await openRouteCohorten(opts.db, opts.auth, opts.routeId, 'leerlingen.manage');
  const { input } = opts;
  let school = scholen[0]!;
  if (input.organisationId) {
    const gekozen = scholen.find((s) => s.id === input.organisationId);
    if (!gekozen) {
      const melding = 'Kies een vmbo-school van deze samenwerking waar u leerlingen beheert.';
      throw validationFailed(melding, [{ path: 'body.organisationId', message: melding }]);
    }
    school = gekozen;
  } else if (scholen.length > 1) {
    const melding = 'U beheert leerlingen op meer dan één school van deze samenwerking: kies de school.';
    throw validationFailed(melding, [{ path: 'body.organisationId', message: melding }]);
  }
  const einddatum = input.einddatum ?? standaardEinddatum(input.schooljaar);
  const id = await opts.db.transaction().execute(async (trx) => {
    const id = await repo.insertCohort(trx, {
      organisationId: school.id,
      leerrouteId: route.id,
      naam: input.naam,
      schooljaar: input.schooljaar,
      leerjaar: input.leerjaar,
      einddatum,
      bewaartermijnMaanden: input.bewaartermijnMaanden ?? DEFAULT_BEWAARTERMIJN_MAANDEN,
      userId: auth.user.id,
    });
    await appendAudit(trx, {
      actorUserId: auth.user.id,
      organisationId: school.id,
      action: 'cohort.aangemaakt',
      subjectType: 'cohort',
      subjectId: id,
      details: { cohort: input.naam, schooljaar: input.schooljaar, leerjaar: input.leerjaar, leerroute: route.id },
    });
    return id;
  });
  return readDetail(opts.db, auth, id);
}

/** The cohort with its pupils; the read is audited (leerlingen.bekeken). */
export async function getCohort(opts: UseCaseContext & { cohortId: string }): Promise<CohortDetail> {
  const { auth, cohort } = await openCohort({ db: opts.db, auth: opts.auth, cohortId: opts.cohortId, action: 'leerlingen.read' });
  const c = await repo.findCohort(opts.db, cohort.id);
  if (!c) throw notFound(COHORT_NOT_FOUND);
  const leerlingen = await repo.listLeerlingen(opts.db, c.id);
  await appendAudit(opts.db, {
    actorUserId: auth.user.id,
    organisationId: c.organisationId,
    action: 'leerlingen.bekeken',
    subjectType: 'cohort',
    subjectId: c.id,
    details: { cohort: c.naam, aantal: leerlingen.length },
  });
  return detail(auth, c, leerlingen);
}

export const stale = (wat: string) =>
  new AppError('conflict', `${wat} is intussen door iemand anders gewijzigd. Laad de pagina opnieuw; uw wijziging is niet opgeslagen.`);
export const OPGESCHOOND = 'De leerlinggegevens van deze groep zijn na de bewaartermijn verwijderd; er kan niets meer worden toegevoegd of gewijzigd.';

export async function changeCohort(opts: UseCaseContext & { cohortId: string; input: CohortWijzigen }): Promise<CohortDetail> {
  const { input } = opts;
  const auth = await opts.db.transaction().execute(async (trx) => {
    const { auth, cohort } = await openCohort({ db: trx, auth: opts.auth, cohortId: opts.cohortId, action: 'leerlingen.manage' });
    await repo.lockCohort(trx, cohort.id);
    const c = await repo.findCohort(trx, cohort.id);
    if (!c) throw notFound(COHORT_NOT_FOUND);
    if (c.versie !== input.versie) throw stale('De groep');
    if (c.opgeschoondAt !== null) throw new AppError('conflict', OPGESCHOOND);
    const velden = (['naam', 'schooljaar', 'leerjaar', 'einddatum', 'bewaartermijnMaanden'] as const).filter((k) => input[k] !== undefined && input[k] !== c[k]);
    if (!(await repo.updateCohort(trx, c.id, input.versie, input, auth.user.id))) throw stale('De groep');
    await appendAudit(trx, {
      actorUserId: auth.user.id,
      organisationId: c.organisationId,
      action: 'cohort.gewijzigd',
      subjectType: 'cohort',
      subjectId: c.id,
      details: { cohort: input.naam ?? c.naam, velden },
    });
    return auth;
  });
  return readDetail(opts.db, auth, opts.cohortId);
}
