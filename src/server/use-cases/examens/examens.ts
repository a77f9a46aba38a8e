/**
 * The joint exams of a leerroute (issue 14): create one for a cohort (keuzedeel leading, the keuzevak it closes, the
 * two parties and the grondslag), list them, read one, and the exams the user has something to do for.
 */
import { grondslagProbleem } from '../../../domain/examen/plan.js';
import { decideExamen } from '../../../domain/auth/examen-rules.js';
import { ExamenplanInhoud } from '../../../shared/examen-api.js';
import type { ExamenAanmaken, ExamenDetail, ExamenLijst, MijnExamens } from '../../../shared/examenplan-api.js';
import type { UseCaseContext } from '../../access/context.js';
import { openExamen } from '../../access/examen.js';
import { requireAuth } from '../../access/require-auth.js';
import { validationFailed, type FieldError } from '../../errors.js';
import { snapshotOf } from '../../read-models/catalogue-snapshot.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import * as repo from '../../repositories/examen-repository.js';
import { openRouteExamens } from './toegang.js';
import { examenDetail, keuzevakTitel, mag, samenvatting } from './view.js';

const fout = (path: string, message: string): FieldError => ({ path, message });

export async function createExamen(opts: UseCaseContext & { routeId: string; input: ExamenAanmaken }): Promise<ExamenDetail> {
  const { auth, route, mboPartners } = await openRouteExamens({ db: opts.db, auth: opts.auth, routeId: opts.routeId, action: 'examenplan.write' });
  const input = opts.input;
  const errors: FieldError[] = [];
  if (route.mbo.keuzedelen.length === 0) {
    throw validationFailed('Een gezamenlijk examen hoort bij een leerroute met een keuzedeel; deze route heeft er geen.', [fout('body.keuzedeelCode', 'De leerroute heeft geen keuzedeel.')]);
  }
  const cohort = await repo.findCohort(opts.db, input.cohortId);
  if (!cohort || cohort.leerrouteId !== route.id) errors.push(fout('body.cohortId', 'Deze groep leerlingen volgt deze leerroute niet.'));
  const keuzedeel = input.keuzedeelCode ?? (route.mbo.keuzedelen.length === 1 ? route.mbo.keuzedelen[0]! : undefined);
  if (!keuzedeel) errors.push(fout('body.keuzedeelCode', 'Kies het keuzedeel van de route dat met dit examen wordt afgesloten.'));
  else if (!route.mbo.keuzedelen.includes(keuzedeel)) errors.push(fout('body.keuzedeelCode', `Keuzedeel ${keuzedeel} hoort niet bij deze leerroute.`));
  let keuzevak: string | null = input.keuzevakCode ?? null;
  if (input.keuzevakCode === undefined && route.vmbo.keuzevakken.length === 1) keuzevak = route.vmbo.keuzevakken[0]!;
  if (keuzevak !== null && !route.vmbo.keuzevakken.includes(keuzevak)) errors.push(fout('body.keuzevakCode', `Keuzevak ${keuzevak} hoort niet bij deze leerroute.`));
  if (keuzevak === null && route.vmbo.keuzevakken.length > 0) errors.push(fout('body.keuzevakCode', 'Kies het vmbo-keuzevak dat dit examen afsluit.'));
  const mbo = input.mboOrganisationId ? mboPartners.find((p) => p.id === input.mboOrganisationId) : mboPartners.length === 1 ? mboPartners[0] : undefined;
  if (!mbo) errors.push(fout('body.mboOrganisationId', mboPartners.length === 0 ? 'De samenwerking heeft geen mbo-instelling als partner.' : 'Kies de mbo-instelling die het keuzedeel examineert.'));
  const toetsen = await repo.ptaToetsen(opts.db, route.id);
  const probleem = grondslagProbleem(input.grondslag, route.type, toetsen.length);
  if (probleem) errors.push(fout('body.grondslag', probleem));
  if (errors.length) throw validationFailed(errors.map((e) => e.message).join(' '), errors);
  // The vmbo party is the school whose pupils sit the exam; the user must be allowed to write for these two parties.
  const vmbo = cohort!.organisationId;
  const d = decideExamen(auth.actor, 'examenplan.write', { vmboOrganisationId: vmbo, mboOrganisationId: mbo!.id });
  if (d !== 'allow') throw validationFailed('U kunt voor deze groep leerlingen geen examen aanmaken.', [fout('body.cohortId', 'Deze groep leerlingen hoort bij een school waarvoor u geen examen kunt plannen.')]);
  const id = await opts.db.transaction().execute(async (trx) => {
    const id = await repo.insertExamen(trx, {
      partnershipId: route.partnershipId,
      leerrouteId: route.id,
      cohortId: cohort!.id,
      vmboOrganisationId: vmbo,
      mboOrganisationId: mbo!.id,
      keuzedeelCode: keuzedeel!,
      keuzevakCode: keuzevak,
      grondslag: input.grondslag,
      userId: auth.user.id,
    });
    await repo.insertPlan(trx, { examenId: id, versienummer: 1, inhoud: ExamenplanInhoud.parse({}), userId: auth.user.id });
    const org = auth.memberships.some((m) => m.organisationId === vmbo && m.rol !== 'leerling') ? vmbo : mbo!.id;
    await appendAudit(trx, {
      actorUserId: auth.user.id,
      organisationId: org,
      action: 'examen.aangemaakt',
      subjectType: 'examen',
      subjectId: id,
      details: { leerrouteId: route.id, keuzedeel, keuzevak, grondslag: input.grondslag, cohort: cohort!.naam },
    });
    return id;
  });
  return examenDetail(opts.db, auth, id);
}

export async function listRouteExamens(opts: UseCaseContext & { routeId: string }): Promise<ExamenLijst> {
  const { auth, route, vmboPartners, mboPartners } = await openRouteExamens({ db: opts.db, auth: opts.auth, routeId: opts.routeId, action: 'examenplan.read' });
  const snapshot = await snapshotOf(opts.db);
  const rows = await repo.examensOfRoute(opts.db, route.id);
  const cohorten = (await repo.cohortsOfRoute(opts.db, route.id)).filter((c) =>
    mboPartners.some((m) => decideExamen(auth.actor, 'examenplan.write', { vmboOrganisationId: c.organisationId, mboOrganisationId: m.id }) === 'allow'),
  );
  const magSchrijven = vmboPartners.some((v) => mboPartners.some((m) => decideExamen(auth.actor, 'examenplan.write', { vmboOrganisationId: v.id, mboOrganisationId: m.id }) === 'allow'));
  const toetsen = magSchrijven ? await repo.ptaToetsen(opts.db, route.id) : [];
  return {
    leerroute: { id: route.id, naam: route.naam, type: route.type },
    examens: rows.filter((e) => mag(auth, 'examenplan.read', e)).map((e) => samenvatting(snapshot, e)),
    nieuw: magSchrijven
      ? {
          cohorten: cohorten.map(({ organisationId: _o, ...c }) => c),
          keuzedelen: route.mbo.keuzedelen.map((code) => ({ code, titel: snapshot.mbo.keuzedelen.get(code)?.titel ?? code })),
          keuzevakken: route.vmbo.keuzevakken.map((code) => ({ code, titel: keuzevakTitel(snapshot, code) })),
          mboPartners: mboPartners.map((m) => ({ id: m.id, naam: m.naam })),
          ptaOerProbleem: grondslagProbleem('gezamenlijk-pta-oer', route.type, toetsen.length),
        }
      : null,
  };
}

export async function getExamen(opts: UseCaseContext & { examenId: string }): Promise<ExamenDetail> {
  const { auth } = await openExamen({ db: opts.db, auth: opts.auth, examenId: opts.examenId, action: 'examenplan.read' });
  return examenDetail(opts.db, auth, opts.examenId);
}

/**
 * The exams the user has something to do for: plans to vaststellen (examencommissie), concepts to write, and the forms
 * to fill in as the 1st or 2nd assessor the vastgesteld plan names; and, for the examencommissie, the plans in force it
 * answers for (inschrijvingen, results, vrijstellingen follow from them).
 */
export async function mijnExamens(opts: UseCaseContext): Promise<MijnExamens> {
  const auth = requireAuth(opts.auth);
  const orgs = [...new Set(auth.memberships.filter((m) => m.rol !== 'leerling').map((m) => m.organisationId))];
  const rows = await repo.examensOfOrganisations(opts.db, orgs);
  const snapshot = await snapshotOf(opts.db);
  const teBeoordelen: typeof rows = [];
  for (const e of rows.filter((r) => r.vastgesteldeVersie !== null && (mag(auth, 'beoordeling.eerste', r) || mag(auth, 'beoordeling.tweede', r)))) {
    const plan = (await repo.plansOf(opts.db, e.id)).find((p) => p.versienummer === e.vastgesteldeVersie);
    const inhoud = plan ? ExamenplanInhoud.safeParse(plan.inhoud) : null;
    if (!inhoud?.success) continue;
    const named = { vmboOrganisationId: e.vmbo.id, mboOrganisationId: e.mbo.id, examinatorId: inhoud.data.examinatorId, beoordelaarId: inhoud.data.beoordelaarId };
    if (decideExamen(auth.actor, 'beoordeling.eerste', named) === 'allow' || decideExamen(auth.actor, 'beoordeling.tweede', named) === 'allow') teBeoordelen.push(e);
  }
  return {
    vastTeStellen: rows.filter((e) => e.planStatus === 'ingediend' && mag(auth, 'examenplan.vaststellen', e)).map((e) => samenvatting(snapshot, e)),
    teSchrijven: rows.filter((e) => e.planStatus === 'concept' && mag(auth, 'examenplan.write', e)).map((e) => samenvatting(snapshot, e)),
    teBeoordelen: teBeoordelen.map((e) => samenvatting(snapshot, e)),
    vastgesteld: rows.filter((e) => e.vastgesteldeVersie !== null && mag(auth, 'examenplan.vaststellen', e)).map((e) => samenvatting(snapshot, e)),
  };
}
