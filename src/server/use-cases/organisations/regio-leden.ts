/**
 * The member schools of a region (issue 15): the region's staff see them, its beheerder adds a school that is in no
 * region yet and removes one; every member of a school sees its region, the school's beheerder may take it out. The
 * pure rules (src/domain/regio/leden.ts) decide first; a change locks the school's row (and its modules on the
 * menukaart), writes an audit entry in the logs of both the region and the school, and withdraws the proposals the
 * school still had waiting when it leaves.
 */
import type { Transaction } from 'kysely';
import { beoordeelToevoegen, beoordeelVertrek, decideRegioLeden, decideSchoolRegio, vertrekBericht, vertrekGeweigerd, type RegioLedenActie } from '../../../domain/regio/leden.js';
import { schooljaarVan } from '../../../domain/menukaart/keuze.js';
import type { RegioKandidaat, RegioLeden, RegioLid, RegioVertrek, SchoolRegio } from '../../../shared/regio-api.js';
import type { DB } from '../../db/schema.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import * as repo from '../../repositories/regio-repository.js';
import { requireAuth } from '../../access/require-auth.js';
import type { AuthContext, UseCaseContext } from '../../access/context.js';
import { ORGANISATION_NOT_FOUND } from '../../access/organisation.js';
import { vergeetPubliekeStand } from '../menukaart/publiek.js';

export const REGIO_NOT_FOUND = 'Deze regio bestaat niet of u hebt er geen toegang toe.';
export const SCHOOL_NOT_FOUND = 'Deze school of instelling bestaat niet.';
export const LID_NOT_FOUND = 'Deze school is geen lid van deze regio.';
export const GEEN_REGIO = 'Deze school hoort bij geen enkele regio.';

type Vandaag = { vandaag?: string };
const huidigSchooljaar = (o: Vandaag) => schooljaarVan(o.vandaag ?? new Date().toISOString().slice(0, 10));

async function openRegio(opts: UseCaseContext, regioId: string, actie: RegioLedenActie): Promise<{ auth: AuthContext; regio: repo.RegioRef }> {
  const auth = requireAuth(opts.auth);
  // Decided before the region is looked up: an outsider learns nothing about which ids are regions.
  const d = decideRegioLeden(auth.actor, actie, regioId);
  if (d === 'not_found') throw notFound(REGIO_NOT_FOUND);
  const regio = await repo.findRegio(opts.db, regioId);
  if (!regio) throw notFound(REGIO_NOT_FOUND);
  if (d === 'forbidden') throw forbidden(actie === 'beheren' ? `Alleen de beheerder van ${regio.naam} voegt scholen toe en haalt ze weg.` : undefined);
  return { auth, regio };
}

async function ledenMetStand(db: UseCaseContext['db'], regio: repo.RegioRef, schooljaar: string): Promise<RegioLid[]> {
  const leden = await repo.ledenVan(db, regio.id);
  const ids = leden.map((l) => l.id);
  const modules = await repo.modulesPerSchool(db, regio.id, ids);
  const keuzes = await repo.keuzesPerSchool(db, regio.id, ids, schooljaar);
  return leden.map((l) => {
    const m = modules.get(l.id)!;
    const k = keuzes.get(l.id)!;
    return {
      id: l.id,
      naam: l.naam,
      soort: l.soort,
      brin: l.brin,
      gepubliceerdeModules: m.gepubliceerd.length,
      openVoorstellen: m.open,
      belemmeringen: beoordeelVertrek({ gepubliceerd: m.gepubliceerd, keuzesOpen: k.open, keuzesGoedgekeurd: k.goedgekeurd, schooljaar }, 'regio'),
    };
  });
}

/** The region's member schools (staff of the region), each with what would stop its removal now. */
export async function listRegioLeden(opts: UseCaseContext & Vandaag & { regioId: string }): Promise<RegioLeden> {
  const { auth, regio } = await openRegio(opts, opts.regioId, 'lezen');
  return {
    regio,
    magBeheren: decideRegioLeden(auth.actor, 'beheren', regio.id) === 'allow',
    leden: await ledenMetStand(opts.db, regio, huidigSchooljaar(opts)),
  };
}

/** Schools and instellingen the region's beheerder can add, by name or BRIN (those of another region marked). */
export async function searchRegioKandidaten(opts: UseCaseContext & { regioId: string; q?: string }): Promise<RegioKandidaat[]> {
  const { regio } = await openRegio(opts, opts.regioId, 'beheren');
  const rows = await repo.kandidaten(opts.db, regio.id, opts.q);
  return rows.map((r) => ({ id: r.id, naam: r.naam, soort: r.soort, brin: r.brin, regio: r.regioId && r.regioNaam ? { id: r.regioId, naam: r.regioNaam } : null }));
}

const auditBeide = async (trx: Transaction<DB>, actorUserId: string, action: string, regio: repo.RegioRef, school: repo.SchoolRow, extra: Record<string, unknown> = {}) => {
  for (const organisationId of [regio.id, school.id]) {
    await appendAudit(trx, { actorUserId, organisationId, action, subjectType: 'organisation', subjectId: school.id, details: { school: school.naam, regio: regio.naam, regioId: regio.id, ...extra } });
  }
};

/** The region's beheerder adds a school that is in no region (another region's school: 409, it is never taken over). */
export async function addRegioLid(opts: UseCaseContext & Vandaag & { regioId: string; organisatieId: string }): Promise<RegioLid> {
  const { auth, regio } = await openRegio(opts, opts.regioId, 'beheren');
  await opts.db.transaction().execute(async (trx) => {
    const school = await repo.lockSchool(trx, opts.organisatieId);
    if (!school) throw notFound(SCHOOL_NOT_FOUND);
    const huidige = school.regioId ? ((await repo.findRegio(trx, school.regioId)) ?? { id: school.regioId, naam: 'een andere regio' }) : null;
    const oordeel = beoordeelToevoegen({ naam: school.naam, soort: school.soort, regio: huidige }, regio);
    if (!oordeel.ok) {
      throw oordeel.status === 'validation_failed'
        ? new AppError('validation_failed', oordeel.melding, { errors: [{ path: 'body.organisatieId', message: 'geen vmbo-school of mbo-instelling' }] })
        : new AppError('conflict', oordeel.melding);
    }
    await repo.setRegio(trx, school.id, regio.id);
    await auditBeide(trx, auth.user.id, 'regio.school_toegevoegd', regio, school);
  });
  vergeetPubliekeStand(opts.db);
  const lid = (await ledenMetStand(opts.db, regio, huidigSchooljaar(opts))).find((l) => l.id === opts.organisatieId);
  if (!lid) throw notFound(LID_NOT_FOUND);
  return lid;
}

/**
 * The school leaves the region (removed by the region's beheerder, or taken out by its own beheerder): refused with
 * what to do first while the menukaart depends on it (409); else its waiting proposals are withdrawn and regio_id is
 * cleared, in one transaction.
 */
async function vertrek(opts: UseCaseContext & Vandaag, auth: AuthContext, regio: repo.RegioRef, schoolId: string, wie: 'regio' | 'school'): Promise<RegioVertrek> {
  const schooljaar = huidigSchooljaar(opts);
  const answer = await opts.db.transaction().execute(async (trx) => {
    const school = await repo.lockSchool(trx, schoolId);
    if (!school || school.regioId !== regio.id) throw notFound(wie === 'regio' ? LID_NOT_FOUND : GEEN_REGIO);
    const modules = await repo.lockModulesVan(trx, regio.id, school.id);
    const redenen = beoordeelVertrek(await repo.bindingVan(trx, regio.id, school.id, schooljaar), wie);
    if (redenen.length > 0) throw new AppError('conflict', vertrekGeweigerd(school.naam, regio.naam, redenen));
    const open = modules.filter((m) => m.status === 'voorgesteld' || m.status === 'teruggestuurd');
    for (const m of open) {
      await repo.trekVoorstelIn(trx, m.id);
      await appendAudit(trx, {
        actorUserId: auth.user.id,
        organisationId: regio.id,
        action: 'menukaart.module_ingetrokken',
        subjectType: 'menukaart_module',
        subjectId: m.id,
        details: { titel: m.titel, regio: regio.naam, aanbiederId: school.id, reden: 'de school is geen lid meer van de regio' },
      });
    }
    await repo.setRegio(trx, school.id, null);
    await auditBeide(trx, auth.user.id, wie === 'regio' ? 'regio.school_verwijderd' : 'regio.verlaten', regio, school, { voorstellenIngetrokken: open.length });
    return { bericht: vertrekBericht(school.naam, regio.naam, open.length), voorstellenIngetrokken: open.length };
  });
  vergeetPubliekeStand(opts.db);
  return answer;
}

/** The region's beheerder removes a member school (see `vertrek`). */
export async function removeRegioLid(opts: UseCaseContext & Vandaag & { regioId: string; schoolId: string }): Promise<RegioVertrek> {
  const { auth, regio } = await openRegio(opts, opts.regioId, 'beheren');
  return vertrek(opts, auth, regio, opts.schoolId, 'regio');
}

function openSchool(opts: UseCaseContext, schoolId: string, actie: 'lezen' | 'verlaten'): AuthContext {
  const auth = requireAuth(opts.auth);
  const d = decideSchoolRegio(auth.actor, actie, schoolId);
  if (d === 'not_found') throw notFound(ORGANISATION_NOT_FOUND);
  if (d === 'forbidden') throw forbidden('Alleen de beheerder van de school kan de school uit de regio halen.');
  return auth;
}

/** The region of a school (every member of the school), and whether its beheerder could take it out now. */
export async function getSchoolRegio(opts: UseCaseContext & Vandaag & { schoolId: string }): Promise<SchoolRegio> {
  const auth = openSchool(opts, opts.schoolId, 'lezen');
  const school = await repo.findSchool(opts.db, opts.schoolId);
  if (!school) throw notFound(ORGANISATION_NOT_FOUND);
  const regio = school.regioId ? await repo.findRegio(opts.db, school.regioId) : undefined;
  if (!regio) return { regio: null, magVerlaten: false, belemmeringen: [] };
  const magVerlaten = decideSchoolRegio(auth.actor, 'verlaten', school.id) === 'allow';
  return {
    regio: { ...regio, menukaartSlug: await repo.menukaartSlug(opts.db, regio.id) },
    magVerlaten,
    // What would stop leaving is only told to whoever may leave (it names modules and counts of choices).
    belemmeringen: magVerlaten ? beoordeelVertrek(await repo.bindingVan(opts.db, regio.id, school.id, huidigSchooljaar(opts)), 'school') : [],
  };
}

/** The school's beheerder takes the school out of its region (see `vertrek`). */
export async function leaveRegio(opts: UseCaseContext & Vandaag & { schoolId: string }): Promise<RegioVertrek> {
  const auth = openSchool(opts, opts.schoolId, 'verlaten');
  const school = await repo.findSchool(opts.db, opts.schoolId);
  const regio = school?.regioId ? await repo.findRegio(opts.db, school.regioId) : undefined;
  if (!regio) throw notFound(GEEN_REGIO);
  return vertrek(opts, auth, regio, opts.schoolId, 'school');
}
