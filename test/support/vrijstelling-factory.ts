/**
 * Vastgesteld results for the vrijstelling tests (issue 14), written DIRECTLY with the Kysely handle of the examen
 * world (`w.t.database.db`): a cohort of the vmbo school on the world's route, a pupil linked to a world pupil's
 * account (leerling.account_id), an exam of the demo samenwerking (keuzedeel K0072 closing keuzevak K/PIE/16), a
 * vastgesteld exam plan, the registration and one assessment with its result and verification code.
 *
 * This skips the assessment flow on purpose: these tests are about what happens to a result once it is vastgesteld.
 * The assessment flow itself (scores, both assessors, vaststelling through the API) is tested by the assessment
 * feature; its factory (test/support/beoordeling-factory.ts) can replace this one where a test wants the full chain.
 */
import type { Kysely } from 'kysely';
import { nieuweVerificatiecode } from '../../src/domain/examen/beoordeling-code.js';
import type { DB } from '../../src/server/db/schema.js';
import type { ExamenWorld } from './examen-world.js';

/** What the factory needs: the examen world, or the same facts of another app (a browser test's demo app). */
export interface ResultaatWereld {
  db: Kysely<DB>;
  org: { vmbo: string; mbo: string };
  partnership: string;
  route: string;
  keuzedeel: string;
  keuzevak: string;
  userId: { leerling: string; 'andere-leerling'?: string; 'mbo-examencommissie': string; 'vmbo-examinator': string };
}

/** A code as the vaststelling gives it (src/domain/examen/beoordeling-code.ts). */
export const randomVerificatiecode = nieuweVerificatiecode;

export interface ResultaatFixture {
  cohortId: string;
  leerlingId: string;
  examenId: string;
  beoordelingId: string;
  /** Null when the result is not vastgesteld. */
  verificatiecode: string | null;
}

export interface ResultaatOptions {
  /** The world pupil whose account the pupil record is linked to (default 'leerling'); null: not linked. */
  pupil?: 'leerling' | 'andere-leerling' | null;
  roepnaam?: string;
  tussenvoegsel?: string;
  achternaam?: string;
  resultaat?: 'behaald' | 'niet-behaald';
  status?: 'open' | 'vastgesteld';
  grondslag?: 'extraneus' | 'gezamenlijk-pta-oer';
  keuzedeelCijfer?: number | null;
  keuzevakCijfer?: number | null;
}

let volgnummer = 0;

export async function vastgesteldResultaat(w: ExamenWorld | ResultaatWereld, o: ResultaatOptions = {}): Promise<ResultaatFixture> {
  const db = 'db' in w ? w.db : w.t.database.db;
  const n = ++volgnummer;
  const pupil = o.pupil === undefined ? 'leerling' : o.pupil;
  const status = o.status ?? 'vastgesteld';
  const cohort = await db
    .insertInto('cohort')
    .values({ organisation_id: w.org.vmbo, leerroute_id: w.route, naam: `3 BB techniek ${n}`, schooljaar: '2026-2027', leerjaar: 3, einddatum: '2027-07-31' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const leerling = await db
    .insertInto('leerling')
    .values({
      cohort_id: cohort.id,
      organisation_id: w.org.vmbo,
      leerlingnummer: `L${1000 + n}`,
      roepnaam: o.roepnaam ?? 'Lotte',
      tussenvoegsel: o.tussenvoegsel ?? 'van der',
      achternaam: o.achternaam ?? 'Berg',
      klas: '3B',
      leerweg: 'BB',
      account_id: pupil ? (w.userId[pupil] ?? null) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const examen = await db
    .insertInto('examen')
    .values({
      partnership_id: w.partnership,
      leerroute_id: w.route,
      cohort_id: cohort.id,
      vmbo_organisation_id: w.org.vmbo,
      mbo_organisation_id: w.org.mbo,
      keuzedeel_code: w.keuzedeel,
      keuzevak_id: w.keuzevak,
      grondslag: o.grondslag ?? 'extraneus',
      resultaten_vastgesteld_at: status === 'vastgesteld' ? new Date().toISOString() : null,
      resultaten_vastgesteld_by: status === 'vastgesteld' ? w.userId['mbo-examencommissie'] : null,
      created_by: w.userId['vmbo-examinator'],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const plan = await db
    .insertInto('examenplan')
    .values({
      examen_id: examen.id,
      versienummer: 1,
      status: 'vastgesteld',
      inhoud: JSON.stringify({ onderdelen: [], cesuur: null, resultaatvorm: 'behaald-niet-behaald' }),
      vastgesteld_at: new Date().toISOString(),
      vastgesteld_by: w.userId['mbo-examencommissie'],
      vastgesteld_naam: 'Examencommissie Demo ROC',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('examen_inschrijving').values({ examen_id: examen.id, leerling_id: leerling.id, status: 'ingeschreven', ingeschreven_at: new Date().toISOString() }).execute();
  const verificatiecode = status === 'vastgesteld' ? randomVerificatiecode() : null;
  const beoordeling = await db
    .insertInto('beoordeling')
    .values({
      examen_id: examen.id,
      examenplan_id: plan.id,
      leerling_id: leerling.id,
      keuzedeel_resultaat: o.resultaat ?? 'behaald',
      keuzedeel_cijfer: o.keuzedeelCijfer === undefined ? null : o.keuzedeelCijfer,
      keuzevak_cijfer: o.keuzevakCijfer === undefined ? 7.4 : o.keuzevakCijfer,
      afgenomen_op: '2027-03-12',
      status,
      vastgesteld_at: status === 'vastgesteld' ? new Date().toISOString() : null,
      vastgesteld_by: status === 'vastgesteld' ? w.userId['mbo-examencommissie'] : null,
      vastgesteld_naam: status === 'vastgesteld' ? 'Examencommissie Demo ROC' : null,
      verificatiecode,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { cohortId: cohort.id, leerlingId: leerling.id, examenId: examen.id, beoordelingId: beoordeling.id, verificatiecode };
}
