/**
 * What the exam pages show (issue 14): an exam with its catalogue names, every plan version with its coverage of the
 * keuzevak's eindtermen (and the crosswalk's suggestions), what keeps a concept from being submitted, the assessor
 * candidates and what the user may do. Read after the access check; no pupil data here.
 */
import type { Kysely } from 'kysely';
import { decideExamen, type ExamenAction } from '../../../domain/auth/examen-rules.js';
import { dekking, gatenGeaccepteerd, suggesties, type DekkingEindterm } from '../../../domain/examen/dekking.js';
import { kanIndienen, type PlanContext } from '../../../domain/examen/plan.js';
import { EXAMEN_GRONDSLAG_LABELS, ExamenplanInhoud } from '../../../shared/examen-api.js';
import type { ExamenDetail, ExamenplanVersie, ExamenSamenvatting } from '../../../shared/examenplan-api.js';
import type { LeerrouteType } from '../../../shared/leerroute-api.js';
import type { AuthContext } from '../../access/context.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { snapshotOf, type CatalogSnapshot } from '../../read-models/catalogue-snapshot.js';
import { listLinks } from '../../repositories/crosswalk-repository.js';
import * as repo from '../../repositories/examen-repository.js';
import { findRoute } from '../../repositories/leerroute-repository.js';
import { findByKindAndCode } from '../../repositories/vmbo-catalog-repository.js';
import { resolveSelection } from '../inventory/selection.js';

export function keuzevakTitel(snapshot: CatalogSnapshot, code: string): string {
  return findByKindAndCode(snapshot, 'keuzevak', code).find((r) => r.duplicate_of === null)?.title ?? code;
}

export function samenvatting(snapshot: CatalogSnapshot, e: repo.ExamenRow): ExamenSamenvatting {
  return {
    id: e.id,
    leerroute: { id: e.leerrouteId, naam: e.leerrouteNaam, type: e.leerrouteType as LeerrouteType },
    cohort: e.cohort,
    keuzedeel: { code: e.keuzedeelCode, titel: snapshot.mbo.keuzedelen.get(e.keuzedeelCode)?.titel ?? e.keuzedeelCode },
    keuzevak: e.keuzevakCode ? { code: e.keuzevakCode, titel: keuzevakTitel(snapshot, e.keuzevakCode) } : null,
    grondslag: e.grondslag,
    grondslagUitleg: EXAMEN_GRONDSLAG_LABELS[e.grondslag],
    vmbo: e.vmbo,
    mbo: e.mbo,
    planStatus: e.planStatus,
    vastgesteldeVersie: e.vastgesteldeVersie,
  };
}

export interface ExamenDoelen {
  eindtermen: DekkingEindterm[];
  mboItems: Array<{ id: string; code: string; titel: string; soort: string }>;
}

/** The keuzevak's eindtermen (for the route's leerweg) and the mbo items of the route (keuzedeel, werkprocessen). */
export async function examenDoelen(db: Kysely<DB>, snapshot: CatalogSnapshot, e: Pick<repo.ExamenRow, 'leerrouteId' | 'keuzevakCode' | 'keuzedeelCode'>): Promise<ExamenDoelen> {
  const route = await findRoute(db, e.leerrouteId);
  if (!route) return { eindtermen: [], mboItems: [] };
  const kw = route.mbo.kwalificatie && snapshot.mbo.kwalificaties.has(route.mbo.kwalificatie) ? route.mbo.kwalificatie : undefined;
  const kd = snapshot.mbo.keuzedelen.has(e.keuzedeelCode) ? [e.keuzedeelCode] : [];
  const kv = e.keuzevakCode && findByKindAndCode(snapshot, 'keuzevak', e.keuzevakCode).some((r) => r.status === 'actief' && r.duplicate_of === null) ? [e.keuzevakCode] : [];
  if (kv.length === 0 || (kd.length === 0 && !kw)) return { eindtermen: [], mboItems: [] };
  try {
    const r = resolveSelection(snapshot, { keuzevakken: kv, leerweg: route.vmbo.leerweg ?? undefined, keuzedelen: kd, kwalificatie: kw });
    return {
      eindtermen: r.eindtermen.map((x) => ({ id: x.id, code: x.code, titel: x.titel })),
      mboItems: r.mboItems.map((x) => ({ id: x.id, code: x.code, titel: x.titel, soort: x.soort })),
    };
  } catch (err) {
    if (err instanceof AppError) return { eindtermen: [], mboItems: [] };
    throw err;
  }
}

export function parseInhoud(v: unknown): ExamenplanInhoud {
  const r = ExamenplanInhoud.safeParse(v);
  return r.success ? r.data : ExamenplanInhoud.parse({});
}

export function versieView(
  p: repo.PlanRow,
  e: Pick<repo.ExamenRow, 'grondslag'>,
  doelen: ExamenDoelen,
  links: ReadonlyMap<string, string[]>,
): ExamenplanVersie {
  const inhoud = parseInhoud(p.inhoud);
  const d = dekking(doelen.eindtermen, inhoud.onderdelen);
  const geaccepteerd = gatenGeaccepteerd(d.gaten, p.dekkingAkkoord?.gaten);
  const label = new Map(doelen.mboItems.map((m) => [m.id, m]));
  return {
    id: p.id,
    versienummer: p.versienummer,
    status: p.status,
    versie: p.versie,
    inhoud,
    dekking: {
      eindtermen: d.eindtermen.map((r) => ({
        ...r,
        suggesties: (links.get(r.id) ?? []).map((id) => ({ id, code: label.get(id)?.code ?? id, titel: label.get(id)?.titel ?? '' })),
      })),
      gaten: d.gaten,
      gedekt: d.gedekt,
      totaal: d.totaal,
      gatenGeaccepteerd: d.gaten.length > 0 && geaccepteerd,
    },
    dekkingAkkoord: p.dekkingAkkoord ? { reden: p.dekkingAkkoord.reden, naam: p.dekkingAkkoord.naam, at: p.dekkingAkkoord.at, gaten: p.dekkingAkkoord.gaten } : null,
    ingediend: p.ingediend,
    vastgesteld: p.vastgesteld,
    teruggestuurd: p.teruggestuurd ? { reden: p.teruggestuurd.reden, naam: p.teruggestuurd.naam, at: p.teruggestuurd.at } : null,
    ontbreekt: p.status === 'concept' ? kanIndienen(inhoud, e.grondslag, d, geaccepteerd) : [],
    gewijzigd: p.gewijzigd,
  };
}

/** The confirmed crosswalk links of the samenwerking, per eindterm of the keuzevak. */
export async function crosswalkSuggesties(db: Kysely<DB>, partnershipId: string, eindtermen: readonly DekkingEindterm[]): Promise<Map<string, string[]>> {
  return suggesties(eindtermen, await listLinks(db, partnershipId));
}

export function mag(auth: AuthContext, action: ExamenAction, e: { vmbo: { id: string }; mbo: { id: string } }): boolean {
  return decideExamen(auth.actor, action, { vmboOrganisationId: e.vmbo.id, mboOrganisationId: e.mbo.id }) === 'allow';
}

/** The context to check a plan's content against: the exam's eindtermen, route items, PTA toetsen and assessors. */
export async function planContext(db: Kysely<DB>, e: repo.ExamenRow, doelen: ExamenDoelen): Promise<PlanContext & { kandidaten: ExamenDetail['kandidaten']; toetsen: ExamenDetail['ptaToetsen'] }> {
  const [toetsen, examinatoren, beoordelaars] = await Promise.all([
    repo.ptaToetsen(db, e.leerrouteId),
    repo.membersWithRole(db, e.vmbo.id, 'examinator'),
    repo.membersWithRole(db, e.mbo.id, 'beoordelaar'),
  ]);
  return {
    eindtermIds: new Set(doelen.eindtermen.map((x) => x.id)),
    mboIds: new Set(doelen.mboItems.map((x) => x.id)),
    ptaToetsIds: new Set(toetsen.map((t) => t.id)),
    examinatorIds: new Set(examinatoren.map((x) => x.id)),
    beoordelaarIds: new Set(beoordelaars.map((x) => x.id)),
    kandidaten: { examinatoren, beoordelaars },
    toetsen,
  };
}

/** The whole exam as the exam page shows it. */
export async function examenDetail(db: Kysely<DB>, auth: AuthContext, examenId: string): Promise<ExamenDetail> {
  const e = await repo.findExamen(db, examenId);
  if (!e) throw new AppError('not_found', 'Dit examen bestaat niet of u hebt er geen toegang toe.');
  const snapshot = await snapshotOf(db);
  const doelen = await examenDoelen(db, snapshot, e);
  const [plans, links, ctx] = await Promise.all([repo.plansOf(db, e.id), crosswalkSuggesties(db, e.partnershipId, doelen.eindtermen), planContext(db, e, doelen)]);
  return {
    ...samenvatting(snapshot, e),
    versies: plans.map((p) => versieView(p, e, doelen, links)),
    eindtermen: doelen.eindtermen,
    mboItems: doelen.mboItems,
    ptaToetsen: ctx.toetsen,
    kandidaten: ctx.kandidaten,
    rechten: {
      schrijven: mag(auth, 'examenplan.write', e),
      vaststellen: mag(auth, 'examenplan.vaststellen', e),
      aanmelden: mag(auth, 'inschrijving.aanmelden', e),
      inschrijven: mag(auth, 'inschrijving.inschrijven', e),
      leerlingenZien: mag(auth, 'leerlingen.read', e),
    },
  };
}
