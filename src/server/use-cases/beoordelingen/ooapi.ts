/**
 * The results as OOAPI v5 associations in the NED-OOAPI profile's shape (issue 14; mapping in docs/beoordeling.md):
 * one association per assessment form (each herkansing is a new association with its attempt), the keuzedeel as the
 * offering code, `final` once the examencommissie has vastgesteld, the form as a document of type `assessmentForm`.
 * For the exam's mbo staff (the mbo student administration's export right); the vmbo side 403, others 404.
 */
import { maximumPunten } from '../../../domain/examen/resultaat.js';
import type { OoapiAssociation, OoapiAssociationPage } from '../../../shared/ooapi-api.js';
import type { UseCaseContext } from '../../access/context.js';
import { openExamen, type ExamenAccess } from '../../access/examen.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import * as repo from '../../repositories/beoordeling-repository.js';
import { openBeoordeling } from './access.js';
import { planCache } from './detail.js';

type PlanVan = ReturnType<typeof planCache>;
type Totalen = { eerste: { aantal: number; som: number }; tweede: { aantal: number; som: number } };
const GEEN: Totalen = { eerste: { aantal: 0, som: 0 }, tweede: { aantal: 0, som: 0 } };

async function association(f: repo.FormRow, access: ExamenAccess, planVan: PlanVan, scores: Totalen, namen: Map<string, string>): Promise<OoapiAssociation> {
  const { inhoud } = await planVan(f.examenplanId);
  const final = f.status === 'vastgesteld';
  const cijfer = inhoud.resultaatvorm === 'cijfer';
  const score = f.keuzedeelResultaat === null ? null : cijfer ? (f.keuzedeelCijfer === null ? null : f.keuzedeelCijfer.toFixed(1)) : f.keuzedeelResultaat === 'behaald' ? 'passed' : 'failed';
  const assessors = [
    ...(inhoud.examinatorId ? [{ assessorId: inhoud.examinatorId, role: 'first' as const, name: namen.get(inhoud.examinatorId) ?? '' }] : []),
    ...(inhoud.beoordelaarId ? [{ assessorId: inhoud.beoordelaarId, role: 'second' as const, name: namen.get(inhoud.beoordelaarId) ?? '' }] : []),
  ];
  return {
    associationId: f.id,
    associationType: 'componentOfferingAssociation',
    role: 'student',
    state: 'associated',
    person: {
      personId: f.leerlingId,
      primaryCode: { codeType: 'studentNumber', code: f.leerling.leerlingnummer },
      givenName: f.leerling.roepnaam,
      surnamePrefix: f.leerling.tussenvoegsel,
      surname: f.leerling.achternaam,
      displayName: f.leerling.naam,
    },
    offering: {
      offeringId: f.examenId,
      offeringType: 'component',
      primaryCode: { codeType: 'keuzedeelcode', code: access.examen.keuzedeelCode },
      name: [{ language: 'nl-NL', value: `Examen keuzedeel ${access.examen.keuzedeelCode}` }],
      resultExpected: true,
    },
    result: {
      state: final ? 'completed' : 'in progress',
      pass: f.keuzedeelResultaat === 'behaald' ? 'passed' : f.keuzedeelResultaat === 'niet-behaald' ? 'failed' : 'unknown',
      final,
      score,
      resultValueType: cijfer ? '0.0-10.0' : 'pass-or-fail',
      resultDate: f.afgenomenOp,
      consumers: [
        {
          consumerKey: 'nl-test-admin',
          attendance: scores.eerste.aantal + scores.tweede.aantal > 0 ? 'present' : 'notKnown',
          final,
          rawScore: scores.tweede.aantal > 0 ? Math.round(scores.tweede.som * 2) / 2 : null,
          maxRawScore: maximumPunten(inhoud),
          attempt: f.poging,
          testDate: f.afgenomenOp,
          assessors,
          keuzevakGrade: f.keuzevakCijfer === null ? null : f.keuzevakCijfer.toFixed(1),
          documents: [
            { documentId: f.id, documentType: 'assessmentForm', documentName: `Beoordelingsformulier ${access.examen.keuzedeelCode} ${f.leerling.leerlingnummer} poging ${f.poging}.pdf`, url: `/api/beoordelingen/${f.id}/formulier.pdf` },
          ],
        },
      ],
    },
  };
}

async function assessorNames(db: UseCaseContext['db'], planVan: PlanVan, forms: readonly repo.FormRow[]) {
  const ids: string[] = [];
  for (const f of forms) {
    const { inhoud } = await planVan(f.examenplanId);
    if (inhoud.examinatorId) ids.push(inhoud.examinatorId);
    if (inhoud.beoordelaarId) ids.push(inhoud.beoordelaarId);
  }
  return repo.userNames(db, ids);
}

async function audit(opts: UseCaseContext, access: ExamenAccess, aantal: number) {
  await appendAudit(opts.db, {
    actorUserId: access.auth.user.id,
    organisationId: access.examen.mboOrganisationId,
    action: 'beoordeling.geexporteerd',
    subjectType: 'examen',
    subjectId: access.examen.id,
    details: { examen: access.examen.id, keuzedeel: access.examen.keuzedeelCode, soort: 'ooapi', aantal },
  });
}

export async function getAssociation(opts: UseCaseContext & { associationId: string }): Promise<OoapiAssociation> {
  const access = await openBeoordeling({ db: opts.db, auth: opts.auth, beoordelingId: opts.associationId, action: 'resultaten.export.mbo' });
  const planVan = planCache(opts.db);
  const scores = (await repo.scoreTotalen(opts.db, [access.form.id])).get(access.form.id) ?? GEEN;
  const a = await association(access.form, access, planVan, scores, await assessorNames(opts.db, planVan, [access.form]));
  await audit(opts, access, 1);
  return a;
}

export async function listAssociations(opts: UseCaseContext & { examenId: string; pageSize?: number; pageNumber?: number }): Promise<OoapiAssociationPage> {
  const access = await openExamen({ db: opts.db, auth: opts.auth, examenId: opts.examenId, action: 'resultaten.export.mbo' });
  const forms = await repo.formsOfExamen(opts.db, opts.examenId);
  const pageSize = opts.pageSize ?? 250;
  const pageNumber = opts.pageNumber ?? 1;
  const page = forms.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
  const planVan = planCache(opts.db);
  const totalen = await repo.scoreTotalen(opts.db, page.map((f) => f.id));
  const namen = await assessorNames(opts.db, planVan, page);
  const items: OoapiAssociation[] = [];
  for (const f of page) items.push(await association(f, access, planVan, totalen.get(f.id) ?? GEEN, namen));
  await audit(opts, access, items.length);
  const totalPages = Math.max(1, Math.ceil(forms.length / pageSize));
  return { pageSize, pageNumber, hasPreviousPage: pageNumber > 1, hasNextPage: pageNumber < totalPages, totalPages, items };
}
