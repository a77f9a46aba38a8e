/**
 * Issue 17: the thumbs of staff on zoekmonitor results (table zoekmonitor_stem, migration 0029) and the crosswalk judgments
 * the zoekmonitor learns from. SQL only; the evidence is made of these rows in use-cases/matching/evidence.ts.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { ofRealSamenwerking } from './crosswalk-repository.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface StemSleutel {
  userId: string;
  vraagSoort: 'keuzevak' | 'profielmodule';
  vraagCode: string;
  resultaatSoort: 'kwalificatie' | 'keuzedeel';
  resultaatCode: string;
}

/**
 * The version of the evidence (migration 0032): raised in the same commit as any change of the rows the evidence is
 * read from, so equal versions mean equal evidence. One primary-key read.
 */
export async function bewijsVersie(db: Db): Promise<string> {
  const row = await db
    .selectFrom('zoekmonitor_bewijs_versie')
    .select(sql<string>`versie::text || '@' || (extract(epoch from gewijzigd_op) * 1000000)::bigint::text`.as('v'))
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return row.v;
}

/** One vote per person per result: a second vote replaces the first (and its time). */
export async function upsertStem(db: Db, s: StemSleutel & { waarde: 1 | -1 }): Promise<void> {
  await db
    .insertInto('zoekmonitor_stem')
    .values({ user_id: s.userId, vraag_soort: s.vraagSoort, vraag_code: s.vraagCode, resultaat_soort: s.resultaatSoort, resultaat_code: s.resultaatCode, waarde: s.waarde })
    .onConflict((oc) => oc.columns(['user_id', 'vraag_soort', 'vraag_code', 'resultaat_soort', 'resultaat_code']).doUpdateSet({ waarde: s.waarde, gestemd_op: sql`now()` }))
    .execute();
}

/** Removes a vote; true when there was one. */
export async function deleteStem(db: Db, s: StemSleutel): Promise<boolean> {
  const r = await db
    .deleteFrom('zoekmonitor_stem')
    .where('user_id', '=', s.userId)
    .where('vraag_soort', '=', s.vraagSoort)
    .where('vraag_code', '=', s.vraagCode)
    .where('resultaat_soort', '=', s.resultaatSoort)
    .where('resultaat_code', '=', s.resultaatCode)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** The votes of one person on the results of one question. */
export async function stemmenVan(db: Db, userId: string, vraagSoort: 'keuzevak' | 'profielmodule', vraagCode: string) {
  const rows = await db
    .selectFrom('zoekmonitor_stem')
    .select(['resultaat_soort', 'resultaat_code', 'waarde'])
    .where('user_id', '=', userId)
    .where('vraag_soort', '=', vraagSoort)
    .where('vraag_code', '=', vraagCode)
    .orderBy('resultaat_soort')
    .orderBy('resultaat_code')
    .execute();
  return rows.map((r) => ({ resultaatSoort: r.resultaat_soort, resultaatCode: r.resultaat_code, waarde: (Number(r.waarde) > 0 ? 1 : -1) as 1 | -1 }));
}

/** Per question and result the number of persons voting up and down (counts only). */
export async function stemTotalen(db: Db) {
  const rows = await db
    .selectFrom('zoekmonitor_stem')
    .select([
      'vraag_soort',
      'vraag_code',
      'resultaat_soort',
      'resultaat_code',
      sql<number>`count(*) filter (where waarde > 0)::int`.as('voor'),
      sql<number>`count(*) filter (where waarde < 0)::int`.as('tegen'),
    ])
    .groupBy(['vraag_soort', 'vraag_code', 'resultaat_soort', 'resultaat_code'])
    .execute();
  return rows.map((r) => ({ vraagSoort: r.vraag_soort, vraagCode: r.vraag_code, resultaatSoort: r.resultaat_soort, resultaatCode: r.resultaat_code, voor: Number(r.voor), tegen: Number(r.tegen) }));
}

/**
 * The reviewed crosswalk links of every real samenwerking (an accepted vmbo school and an accepted mbo instelling, as
 * crosswalk-repository `confirmationCounts` counts them): per samenwerking, eindterm and werkproces its judgment.
 */
export async function crosswalkOordelen(db: Db): Promise<Array<{ partnershipId: string; eindtermId: string; werkprocesId: string; status: 'bevestigd' | 'afgewezen' }>> {
  const rows = await db
    .selectFrom('crosswalk_link')
    .select(['partnership_id', 'eindterm_id', 'werkproces_id', 'status'])
    .where(ofRealSamenwerking)
    .execute();
  return rows.map((r) => ({ partnershipId: r.partnership_id, eindtermId: r.eindterm_id, werkprocesId: r.werkproces_id, status: r.status }));
}
