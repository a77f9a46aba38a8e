/**
 * The exports of an exam's results (issue 14), each audited (they carry pupils' data):
 *
 * - the vmbo SE grades (CSV for Magister/Somtoday): vmbo beheerder, examinator, examencommissie;
 * - the mbo keuzedeel results (CSV, XLSX built in the worker pool): mbo beheerder, beoordelaar, examencommissie;
 * - one filled-in assessment form as an accessible PDF (worker pool): whoever may read the form.
 *
 * Only vastgesteld results are exported; with a herkansing, the attempt that counts (`telt`: passed over failed, then
 * the higher grade).
 */
import { formulierDocument, keuzedeelCsv, seCijferCsv, type KeuzedeelRij, type SeCijferRij } from '../../../domain/examen/beoordeling-export.js';
import { telt } from '../../../domain/examen/beoordeling-status.js';
import { bestandsnaam } from '../../../domain/exports/document-model.js';
import { AppError } from '../../errors.js';
import { geenFormule } from '../../exports/csv-cell.js';
import type { UseCaseContext } from '../../access/context.js';
import { openExamen, type ExamenAccess } from '../../access/examen.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import * as repo from '../../repositories/beoordeling-repository.js';
import { runInWorker } from '../../workers/pool.js';
import type { ExportFile } from '../inventory/export-inventory.js';
import { CONTENT_TYPES } from '../leerroute-export/export-leerroute.js';
import { openBeoordeling } from './access.js';
import { beoordelingDetail, planCache } from './detail.js';

const CSV = 'text/csv; charset=utf-8';

/** The counting vastgesteld form of every pupil of the exam. */
async function vastgesteldeResultaten(opts: UseCaseContext & { examenId: string }) {
  const forms = (await repo.formsOfExamen(opts.db, opts.examenId)).filter((f) => f.status === 'vastgesteld');
  const perLeerling = new Map<string, repo.FormRow[]>();
  for (const f of forms) perLeerling.set(f.leerlingId, [...(perLeerling.get(f.leerlingId) ?? []), f]);
  return [...perLeerling.values()].map((p) => telt(p)!).filter(Boolean);
}

async function audit(opts: UseCaseContext, access: ExamenAccess, soort: string, aantal: number) {
  await appendAudit(opts.db, {
    actorUserId: access.auth.user.id,
    organisationId: access.kant === 'vmbo' ? access.examen.vmboOrganisationId : access.examen.mboOrganisationId,
    action: 'beoordeling.geexporteerd',
    subjectType: 'examen',
    subjectId: access.examen.id,
    details: { examen: access.examen.id, keuzedeel: access.examen.keuzedeelCode, soort, aantal },
  });
}

export async function exportSeCijfers(opts: UseCaseContext & { examenId: string }): Promise<ExportFile> {
  const access = await openExamen({ db: opts.db, auth: opts.auth, examenId: opts.examenId, action: 'resultaten.export.vmbo' });
  const plan = await repo.findVastgesteldPlan(opts.db, opts.examenId);
  const toetsId = plan ? (plan.inhoud as { ptaToetsId?: string | null }).ptaToetsId : null;
  const toets = toetsId ? await repo.findToets(opts.db, toetsId) : undefined;
  if (!toets) throw new AppError('conflict', 'Het examenplan noemt geen PTA-toets; zonder toetscode kan Magister of Somtoday het cijfer niet plaatsen. Kies eerst de PTA-toets in het examenplan.');
  const rijen: SeCijferRij[] = (await vastgesteldeResultaten(opts))
    .filter((f) => f.keuzevakCijfer !== null)
    .map((f) => ({ leerlingnummer: f.leerling.leerlingnummer, toetscode: geenFormule(toets.toetscode), cijfer: f.keuzevakCijfer!, datum: f.afgenomenOp ?? f.vastgesteldAt!.slice(0, 10) }));
  await audit(opts, access, 'se-cijfers', rijen.length);
  return { fileName: `se-cijfers-${bestandsnaam(access.examen.keuzedeelCode)}-${bestandsnaam(toets.toetscode)}.csv`, contentType: CSV, body: seCijferCsv(rijen) };
}

async function keuzedeelRijen(opts: UseCaseContext & { examenId: string }): Promise<KeuzedeelRij[]> {
  const resultaten = await vastgesteldeResultaten(opts);
  const planVan = planCache(opts.db);
  // The beoordelaar the plan names; for a plan naming none, whoever saved the 2nd assessor's scores.
  const planBeoordelaar = new Map<string, string | null>();
  for (const f of resultaten) planBeoordelaar.set(f.id, (await planVan(f.examenplanId)).inhoud.beoordelaarId);
  const zonder = resultaten.filter((f) => !planBeoordelaar.get(f.id)).map((f) => f.id);
  const tweedeDoor = await repo.tweedeBeoordelaars(opts.db, zonder);
  const wie = (id: string) => planBeoordelaar.get(id) ?? tweedeDoor.get(id) ?? null;
  const namen = await repo.userNames(opts.db, resultaten.map((f) => wie(f.id)).filter((x): x is string => Boolean(x)));
  return resultaten.map((f) => ({
    leerlingnummer: f.leerling.leerlingnummer,
    leerling: f.leerling.naam,
    keuzedeelcode: '',
    resultaat: f.keuzedeelResultaat!,
    cijfer: f.keuzedeelCijfer,
    datum: f.afgenomenOp ?? f.vastgesteldAt!.slice(0, 10),
    beoordelaar: namen.get(wie(f.id) ?? '') ?? '',
  }));
}

export async function exportKeuzedeelResultaten(opts: UseCaseContext & { examenId: string; formaat: 'csv' | 'xlsx' }): Promise<ExportFile> {
  const access = await openExamen({ db: opts.db, auth: opts.auth, examenId: opts.examenId, action: 'resultaten.export.mbo' });
  const rijen = (await keuzedeelRijen(opts)).map((r) => ({ ...r, keuzedeelcode: access.examen.keuzedeelCode }));
  await audit(opts, access, `keuzedeelresultaten-${opts.formaat}`, rijen.length);
  const fileName = `keuzedeelresultaten-${bestandsnaam(access.examen.keuzedeelCode)}.${opts.formaat}`;
  if (opts.formaat === 'csv') return { fileName, contentType: CSV, body: keuzedeelCsv(rijen) };
  const examen = await repo.findExamen(opts.db, opts.examenId);
  const body = await runInWorker('keuzedeelXlsx', { titel: `Keuzedeelresultaten ${access.examen.keuzedeelCode}`, stand: examen?.resultatenVastgesteldAt ?? new Date(0).toISOString(), rijen });
  return { fileName, contentType: CONTENT_TYPES.xlsx, body };
}

export async function exportFormulierPdf(opts: UseCaseContext & { beoordelingId: string }): Promise<ExportFile> {
  const access = await openBeoordeling({ db: opts.db, auth: opts.auth, beoordelingId: opts.beoordelingId, action: 'beoordeling.read' });
  const d = await beoordelingDetail(opts.db, access);
  const plan = await planCache(opts.db)(access.form.examenplanId);
  const namen = await repo.userNames(opts.db, [plan.inhoud.examinatorId, plan.inhoud.beoordelaarId].filter((x): x is string => Boolean(x)));
  const naamVan = (id: string | null, kant: 'eerste' | 'tweede') => (id ? namen.get(id) : undefined) ?? d.criteria.find((c) => c[kant]?.door)?.[kant]?.door ?? '';
  const document = formulierDocument({
    ...d,
    examenplanVersie: plan.versienummer,
    beoordelaars: { eerste: naamVan(plan.inhoud.examinatorId, 'eerste'), tweede: naamVan(plan.inhoud.beoordelaarId, 'tweede') },
    stand: d.historie[0]?.at ?? access.form.updatedAt,
  });
  const body = await runInWorker('pdf', { document });
  await audit(opts, access, 'formulier-pdf', 1);
  return { fileName: `beoordelingsformulier-${bestandsnaam(access.examen.keuzedeelCode)}-${bestandsnaam(d.leerling.leerlingnummer)}-poging-${d.poging}.pdf`, contentType: CONTENT_TYPES.pdf, body };
}
