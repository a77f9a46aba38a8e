/**
 * Issue 16: the SQL of the impact of an import (what changed, which work uses it) and of its repair.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { CatalogChange, GebruikSoort, ImpactFinding, KwalificatieLijn, WorkUsage } from '../../domain/impact/impact.js';
import type { DB } from '../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? asList(JSON.parse(v)) : []);
const asObject = (v: unknown): Record<string, unknown> => (typeof v === 'string' ? (JSON.parse(v) as Record<string, unknown>) : ((v ?? {}) as Record<string, unknown>));

// ---------------------------------------------------------------------------------------------------------------
// Catalogue texts before and after

export interface VmboTekst {
  id: string;
  kind: string;
  code: string;
  title: string;
  description: string | null;
  status: string;
  parent_id: string | null;
}
export async function vmboTexts(db: Db, ids: readonly string[]): Promise<VmboTekst[]> {
  if (ids.length === 0) return [];
  const out: VmboTekst[] = [];
  for (let i = 0; i < ids.length; i += 1000) {
    out.push(...(await db.selectFrom('vmbo_item').select(['id', 'kind', 'code', 'title', 'description', 'status', 'parent_id']).where('id', 'in', ids.slice(i, i + 1000)).execute()));
  }
  return out;
}

export async function activeKeuzedelen(db: Db): Promise<Array<{ code: string; titel: string }>> {
  return db.selectFrom('mbo_keuzedeel').select(['code', 'titel']).where('status', '=', 'actief').execute();
}

export async function mboKwalificaties(db: Db, crebos?: readonly string[]): Promise<Array<KwalificatieLijn & { status: string }>> {
  let q = db.selectFrom('mbo_kwalificatie').select(['crebo', 'dossier_crebo', 'naam', 'niveau', 'status']);
  if (crebos) {
    if (crebos.length === 0) return [];
    q = q.where('crebo', 'in', [...crebos]);
  }
  const rows = await q.execute();
  return rows.map((r) => ({ crebo: r.crebo, dossierCrebo: r.dossier_crebo, naam: r.naam, niveau: r.niveau, status: r.status }));
}

/** Active werkproces keys of the given crebos (`crebo:code`). */
export async function activeWerkprocesIds(db: Db, crebos: readonly string[]): Promise<Set<string>> {
  if (crebos.length === 0) return new Set();
  const rows = await db
    .selectFrom('mbo_werkproces')
    .select(['key'])
    .where('status', '=', 'actief')
    .where(sql<boolean>`split_part(key, ':', 1) = ANY(${[...crebos]}::text[])`)
    .execute();
  return new Set(rows.map((r) => r.key));
}

export async function werkprocesTexts(db: Db, keys: readonly string[]): Promise<Map<string, { code: string; titel: string }>> {
  if (keys.length === 0) return new Map();
  const rows = await db.selectFrom('mbo_werkproces').select(['key', 'code', 'titel']).where('key', 'in', [...keys]).execute();
  return new Map(rows.map((r) => [r.key, { code: r.code, titel: r.titel }]));
}

export async function keuzedeelTexts(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('mbo_keuzedeel').select(['code', 'titel']).where('code', 'in', [...codes]).execute();
  return new Map(rows.map((r) => [r.code, r.titel]));
}

// ---------------------------------------------------------------------------------------------------------------
// Work that names items

/** Every usage of the given item ids (inventory ids, `keuzevak:`, `kwalificatie:`), filtered in SQL. */
export async function usagesOf(db: Db, itemIds: readonly string[]): Promise<WorkUsage[]> {
  if (itemIds.length === 0) return [];
  const ids = [...itemIds];
  const keuzevakken = ids.filter((i) => i.startsWith('keuzevak:')).map((i) => i.slice('keuzevak:'.length));
  const crebos = ids.filter((i) => i.startsWith('kwalificatie:')).map((i) => i.slice('kwalificatie:'.length));
  const keuzedelen = ids.filter((i) => i.startsWith('keuzedeel:')).map((i) => i.slice('keuzedeel:'.length));
  const out: WorkUsage[] = [];

  const links = await db
    .selectFrom('crosswalk_link')
    .select(['partnership_id', 'eindterm_id', 'werkproces_id'])
    .where('status', '=', 'bevestigd')
    .where((eb) => eb.or([eb('eindterm_id', 'in', ids), eb('werkproces_id', 'in', ids)]))
    .execute();
  for (const l of links) {
    out.push({ partnershipId: l.partnership_id, gebruik: 'koppeling', gebruikId: `${l.eindterm_id}|${l.werkproces_id}`, leerrouteId: null, omschrijving: 'koppeling in de crosswalk', itemIds: [l.eindterm_id, l.werkproces_id] });
  }
  const marks = await db.selectFrom('crosswalk_unlinked').select(['partnership_id', 'item_id']).where('item_id', 'in', ids).execute();
  for (const m of marks) out.push({ partnershipId: m.partnership_id, gebruik: 'markering', gebruikId: m.item_id, leerrouteId: null, omschrijving: 'bewust niet gekoppeld (crosswalk)', itemIds: [m.item_id] });

  const routeNames = new Map<string, { naam: string; partnershipId: string }>();
  const routeName = async (routeIds: string[]) => {
    const missing = [...new Set(routeIds)].filter((r) => !routeNames.has(r));
    if (missing.length === 0) return;
    const rows = await db.selectFrom('leerroute').select(['id', 'naam', 'partnership_id']).where('id', 'in', missing).execute();
    for (const r of rows) routeNames.set(r.id, { naam: r.naam, partnershipId: r.partnership_id });
  };

  // Route settings: keuzevakken, kwalificatie, keuzedelen.
  if (keuzevakken.length + crebos.length + keuzedelen.length > 0) {
    const conds = [];
    if (keuzevakken.length) conds.push(sql<boolean>`(vmbo -> 'keuzevakken') ?| ${keuzevakken}::text[]`);
    if (crebos.length) conds.push(sql<boolean>`(mbo ->> 'kwalificatie') = ANY(${crebos}::text[])`);
    if (keuzedelen.length) conds.push(sql<boolean>`(mbo -> 'keuzedelen') ?| ${keuzedelen}::text[]`);
    const routes = await db
      .selectFrom('leerroute')
      .select(['id', 'naam', 'partnership_id', 'vmbo', 'mbo'])
      .where('verwijderd_at', 'is', null)
      .where(sql<boolean>`(${sql.join(conds, sql` OR `)})`)
      .execute();
    for (const r of routes) {
      routeNames.set(r.id, { naam: r.naam, partnershipId: r.partnership_id });
      const vmbo = asObject(r.vmbo);
      const mbo = asObject(r.mbo);
      const items = [
        ...asList(vmbo.keuzevakken).map((c) => `keuzevak:${c}`),
        ...(typeof mbo.kwalificatie === 'string' ? [`kwalificatie:${mbo.kwalificatie}`] : []),
        ...asList(mbo.keuzedelen).map((c) => `keuzedeel:${c}`),
      ];
      out.push({ partnershipId: r.partnership_id, gebruik: 'route', gebruikId: r.id, leerrouteId: r.id, omschrijving: `instellingen van leerroute ‘${r.naam}’`, itemIds: items });
    }
  }

  // Planned items are by far the most usages (one per route that plans a changed item): those are found and stored
  // in the database by `insertPlanningFindings`, never read into the process.
  for (const [table, gebruik, wat] of [['leerroute_toets', 'toets', 'toets'], ['leerroute_activiteit', 'activiteit', 'activiteit']] as const) {
    const rows = await db
      .selectFrom(`${table} as t` as 'leerroute_toets as t')
      .innerJoin('leerroute as r', 'r.id', 't.leerroute_id')
      .select(['t.id', 't.leerroute_id', 't.leerjaar', 't.periode', 't.doelen', 'r.naam', 'r.partnership_id'])
      .where('r.verwijderd_at', 'is', null)
      .where(sql<boolean>`t.doelen ?| ${ids}::text[]`)
      .execute();
    for (const t of rows) {
      out.push({ partnershipId: t.partnership_id, gebruik, gebruikId: t.id, leerrouteId: t.leerroute_id, omschrijving: `${wat} van leerroute ‘${t.naam}’, leerjaar ${t.leerjaar} periode ${t.periode}`, itemIds: asList(t.doelen) });
    }
  }

  // Exams of a keuzedeel and the criteria of their plans (not yet replaced).
  const examens = await db.selectFrom('examen').select(['id', 'partnership_id', 'leerroute_id', 'keuzedeel_code']).execute();
  if (keuzedelen.length) {
    for (const e of examens) {
      if (keuzedelen.includes(e.keuzedeel_code)) out.push({ partnershipId: e.partnership_id, gebruik: 'examen', gebruikId: e.id, leerrouteId: e.leerroute_id, omschrijving: `examen van keuzedeel ${e.keuzedeel_code}`, itemIds: [`keuzedeel:${e.keuzedeel_code}`] });
    }
  }
  if (examens.length) {
    const examenById = new Map(examens.map((e) => [e.id, e]));
    const plannen = await db.selectFrom('examenplan').select(['id', 'examen_id', 'versienummer', 'inhoud']).where('status', '!=', 'vervangen').execute();
    for (const p of plannen) {
      const e = examenById.get(p.examen_id);
      if (!e) continue;
      const inhoud = asObject(p.inhoud);
      const items = new Set<string>();
      for (const o of (Array.isArray(inhoud.onderdelen) ? inhoud.onderdelen : []) as Array<Record<string, unknown>>) {
        for (const c of (Array.isArray(o.criteria) ? o.criteria : []) as Array<Record<string, unknown>>) {
          for (const x of [...asList(c.eindtermen), ...asList(c.werkprocessen)]) items.add(x);
        }
      }
      out.push({ partnershipId: e.partnership_id, gebruik: 'examenplan', gebruikId: p.id, leerrouteId: e.leerroute_id, omschrijving: `examenplan versie ${p.versienummer} (keuzedeel ${e.keuzedeel_code})`, itemIds: [...items] });
    }
  }

  // Menukaart modules of a route, and agreements that cover an affected route.
  const menu = await db.selectFrom('menukaart_module').select(['id', 'titel', 'leerroute_id', 'keuzevakken', 'keuzedelen', 'kwalificaties']).where('leerroute_id', 'is not', null).execute();
  if (menu.length) {
    await routeName(menu.map((m) => m.leerroute_id!));
    for (const m of menu) {
      const r = routeNames.get(m.leerroute_id!);
      if (!r) continue;
      const items = [...asList(m.keuzevakken).map((c) => `keuzevak:${c}`), ...asList(m.keuzedelen).map((c) => `keuzedeel:${c}`), ...asList(m.kwalificaties).map((c) => `kwalificatie:${c}`)];
      out.push({ partnershipId: r.partnershipId, gebruik: 'menukaart', gebruikId: m.id, leerrouteId: m.leerroute_id, omschrijving: `menukaartmodule ‘${m.titel}’`, itemIds: items });
    }
  }
  const routeUsages = out.filter((u) => u.gebruik === 'route');
  if (routeUsages.length) {
    const agreements = await db
      .selectFrom('overeenkomst_leerroute as ol')
      .innerJoin('overeenkomst as o', 'o.id', 'ol.overeenkomst_id')
      .select(['o.id', 'o.titel', 'o.partnership_id', 'ol.leerroute_id'])
      .where('ol.leerroute_id', 'in', routeUsages.map((u) => u.gebruikId))
      .where('o.status', 'not in', ['vervangen', 'beeindigd'])
      .execute();
    for (const a of agreements) {
      const u = routeUsages.find((x) => x.gebruikId === a.leerroute_id)!;
      out.push({ partnershipId: a.partnership_id, gebruik: 'overeenkomst', gebruikId: a.id, leerrouteId: a.leerroute_id, omschrijving: `overeenkomst ‘${a.titel}’ (artikel over de leerroute)`, itemIds: u.itemIds });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Storing the findings

export async function insertChanges(db: Db, releaseId: number, changes: readonly CatalogChange[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let i = 0; i < changes.length; i += 500) {
    const rows = await db
      .insertInto('catalogus_wijziging')
      .values(
        changes.slice(i, i + 500).map((c) => ({
          release_id: releaseId, item_id: c.itemId, soort: c.soort, wijziging: c.wijziging, code: c.code, oude_tekst: c.oudeTekst, nieuwe_tekst: c.nieuweTekst,
          opvolger_id: c.opvolgerId, opvolger_herkomst: c.opvolgerHerkomst, opvolger_tekst: c.opvolgerTekst,
        })),
      )
      .onConflict((oc) => oc.columns(['release_id', 'item_id']).doNothing())
      .returning(['id', 'item_id'])
      .execute();
    for (const r of rows) ids.set(r.item_id, String(r.id));
  }
  return ids;
}

export async function insertFindings(db: Db, findings: readonly ImpactFinding[], wijzigingIds: ReadonlyMap<string, string>): Promise<void> {
  const rows = findings.filter((f) => wijzigingIds.has(f.itemId));
  // One statement per 20,000 rows: the columns as arrays (unnest), not 8 parameters per row.
  for (let i = 0; i < rows.length; i += 20_000) {
    const chunk = rows.slice(i, i + 20_000);
    await sql`
      INSERT INTO samenwerking_wijziging (partnership_id, wijziging_id, item_id, gebruik, gebruik_id, leerroute_id, omschrijving)
      SELECT * FROM unnest(
        ${chunk.map((f) => f.partnershipId)}::uuid[], ${chunk.map((f) => wijzigingIds.get(f.itemId)!)}::bigint[], ${chunk.map((f) => f.itemId)}::text[],
        ${chunk.map((f) => f.gebruik)}::text[], ${chunk.map((f) => f.gebruikId)}::text[], ${chunk.map((f) => f.leerrouteId)}::uuid[], ${chunk.map((f) => f.omschrijving)}::text[])
      ON CONFLICT (partnership_id, wijziging_id, gebruik, gebruik_id) DO NOTHING`.execute(db);
  }
}

/** Per samenwerking: the changed items its routes plan and the number of planned places (route × item). */
export type PlanningFindings = Map<string, { items: string[]; gebruik: number }>;

/**
 * Planning at the import, in one statement: the changed ids joined to `leerroute_planning_item (item_id)` and to the
 * route (its samenwerking), counted per samenwerking; one `samenwerking_impact` row per samenwerking × release is
 * written with the counts (a few hundred rows, not one per planned place). The findings themselves are written when the
 * samenwerking's page or badge is first read (`uitwerken`).
 */
export async function insertPlanningImpact(db: Db, releaseId: number, itemIds: readonly string[]): Promise<PlanningFindings> {
  const out: PlanningFindings = new Map();
  if (itemIds.length === 0) return out;
  // The planned rows of a changed item lie all over the table (one per route): one bitmap scan of
  // `leerroute_planning_item (item_id)` for all ids at once reads each page once (a lookup per id read them again and
  // again: 4–6 s in the bench). The plan is pinned for this statement only: without statistics (PGlite has no
  // autovacuum) the planner takes 244 ids for the whole table and scans it, or walks the primary key; the ~50,000
  // samenwerking × item pairs are grouped in memory (work_mem).
  for (const [name, value] of PINNED) await sql.raw(`SET LOCAL ${name} = '${value}'`).execute(db);
  const rows = await sql<{ partnership_id: string; items: string[]; n: string }>`
    WITH planned AS MATERIALIZED (SELECT leerroute_id, item_id FROM leerroute_planning_item WHERE item_id = ANY(${[...itemIds]}::text[])),
    pairs AS (
      SELECT r.partnership_id, p.item_id, count(*) AS n FROM planned p JOIN leerroute r ON r.id = p.leerroute_id
       WHERE r.verwijderd_at IS NULL GROUP BY r.partnership_id, p.item_id),
    per AS (SELECT partnership_id, array_agg(item_id) AS items, sum(n) AS n FROM pairs GROUP BY partnership_id),
    ins AS (
      INSERT INTO samenwerking_impact (partnership_id, release_id, items, plekken)
      SELECT partnership_id, ${releaseId}::int, cardinality(items), n FROM per
      ON CONFLICT (partnership_id, release_id) DO UPDATE SET items = EXCLUDED.items, plekken = EXCLUDED.plekken, uitgewerkt_at = NULL)
    SELECT partnership_id, items, n FROM per`.execute(db);
  for (const r of rows.rows) out.set(r.partnership_id, { items: asList(r.items), gebruik: Number(r.n) });
  // Back to the defaults for the rest of the import's transaction (on an error the rollback undoes the SET LOCAL).
  for (const [name] of PINNED) await sql.raw(`RESET ${name}`).execute(db);
  return out;
}
/** Only a bitmap scan of the item index; room to group the ~50,000 pairs in memory. */
const PINNED = [['enable_seqscan', 'off'], ['enable_indexscan', 'off'], ['enable_indexonlyscan', 'off'], ['work_mem', '32MB']] as const;

/**
 * Writes the findings of planning of imports not yet worked out for these samenwerkingen: one row per samenwerking ×
 * changed item that one of its routes plans now (gebruik 'planning', gebruik_id the item id, no route). Cheap when
 * there is nothing to do (one indexed read); idempotent (a second caller finds nothing left, the rows are unique).
 */
export async function uitwerken(db: Db, partnershipIds: readonly string[]): Promise<void> {
  if (partnershipIds.length === 0) return;
  const ids = [...partnershipIds];
  const todo = await sql<{ n: string }>`SELECT count(*) AS n FROM samenwerking_impact WHERE partnership_id = ANY(${ids}::uuid[]) AND uitgewerkt_at IS NULL`.execute(db);
  if (Number(todo.rows[0]?.n ?? 0) === 0) return;
  await sql`
    WITH todo AS (
      UPDATE samenwerking_impact SET uitgewerkt_at = now()
       WHERE partnership_id = ANY(${ids}::uuid[]) AND uitgewerkt_at IS NULL
      RETURNING partnership_id, release_id, created_at)
    INSERT INTO samenwerking_wijziging (partnership_id, wijziging_id, item_id, gebruik, gebruik_id, leerroute_id, omschrijving, created_at)
    SELECT DISTINCT ON (t.partnership_id, c.id) t.partnership_id, c.id, c.item_id, 'planning', c.item_id, NULL::uuid, 'planning van de leerroutes', t.created_at
      FROM todo t
      JOIN catalogus_wijziging c ON c.release_id = t.release_id AND c.wijziging <> 'nieuw'
      JOIN leerroute r ON r.partnership_id = t.partnership_id AND r.verwijderd_at IS NULL
      JOIN leerroute_planning_item pi ON pi.leerroute_id = r.id AND pi.item_id = c.item_id
    ON CONFLICT (partnership_id, wijziging_id, gebruik, gebruik_id) DO NOTHING`.execute(db);
}

export interface PlanningPlek {
  itemId: string;
  planningId: string;
  leerrouteId: string;
  routeNaam: string;
  leerjaar: number;
  periode: number;
}

/**
 * Where a samenwerking plans these items now: every planningsregel of its routes (not deleted) whose items name one
 * of them. Routes by `leerroute (partnership_id)`, regels by `leerroute_planning (leerroute_id)`.
 */
export async function planningPlekken(db: Db, partnershipId: string, itemIds: readonly string[], opts: { forUpdate?: boolean } = {}): Promise<PlanningPlek[]> {
  if (itemIds.length === 0) return [];
  const rows = await sql<{ item_id: string; planning_id: string; leerroute_id: string; naam: string; leerjaar: number; periode: number }>`
    SELECT x.item AS item_id, p.id AS planning_id, r.id AS leerroute_id, r.naam, p.leerjaar, p.periode
      FROM leerroute r
      JOIN leerroute_planning p ON p.leerroute_id = r.id
      CROSS JOIN LATERAL jsonb_array_elements_text(p.items) AS x(item)
     WHERE r.partnership_id = ${partnershipId} AND r.verwijderd_at IS NULL AND x.item = ANY(${[...itemIds]}::text[])
     ORDER BY r.naam, r.id, p.leerjaar, p.periode, p.id
     ${opts.forUpdate ? sql`FOR UPDATE OF p` : sql``}`.execute(db);
  return rows.rows.map((r) => ({ itemId: r.item_id, planningId: r.planning_id, leerrouteId: r.leerroute_id, routeNaam: r.naam, leerjaar: Number(r.leerjaar), periode: Number(r.periode) }));
}

/** Who gets the mail: beheerders and ontwikkelaars of the member organisations (mail not turned off), and watchers. */
export async function mailRecipients(db: Db, partnershipIds: readonly string[], itemIds: readonly string[]): Promise<{ perPartnership: Map<string, Array<{ email: string; naam: string; userId: string }>>; watchers: Array<{ email: string; naam: string; userId: string; itemId: string }> }> {
  const perPartnership = new Map<string, Array<{ email: string; naam: string; userId: string }>>();
  if (partnershipIds.length) {
    const rows = await db
      .selectFrom('partnership_member as pm')
      .innerJoin('membership as m', 'm.organisation_id', 'pm.organisation_id')
      .innerJoin('app_user as u', 'u.id', 'm.user_id')
      .select(['pm.partnership_id', 'u.id', 'u.email', 'u.naam'])
      .where('pm.partnership_id', 'in', [...partnershipIds])
      .where('pm.status', '=', 'lid')
      .where('m.rol', 'in', ['beheerder', 'ontwikkelaar'])
      .where('u.impact_mail', '=', true)
      .execute();
    for (const r of rows) {
      const list = perPartnership.get(r.partnership_id) ?? [];
      if (!list.some((x) => x.userId === r.id)) list.push({ email: r.email, naam: r.naam, userId: r.id });
      perPartnership.set(r.partnership_id, list);
    }
  }
  const watchers = itemIds.length
    ? await db
        .selectFrom('catalogus_volgen as v')
        .innerJoin('app_user as u', 'u.id', 'v.user_id')
        .select(['u.id as userId', 'u.email', 'u.naam', 'v.item_id as itemId'])
        .where('v.item_id', 'in', [...itemIds])
        .where('u.impact_mail', '=', true)
        .execute()
    : [];
  return { perPartnership, watchers };
}

// ---------------------------------------------------------------------------------------------------------------
// The repair page

export interface WijzigingRow {
  id: string;
  partnership_id: string;
  item_id: string;
  gebruik: GebruikSoort;
  gebruik_id: string;
  leerroute_id: string | null;
  omschrijving: string;
  status: 'open' | 'verplaatst' | 'behouden' | 'verwijderd';
  reden: string | null;
  afgehandeld_door: string | null;
  afgehandeld_at: Date | null;
  created_at: Date;
  soort: CatalogChange['soort'];
  wijziging: CatalogChange['wijziging'];
  code: string | null;
  oude_tekst: string | null;
  nieuwe_tekst: string | null;
  opvolger_id: string | null;
  opvolger_herkomst: 'bron' | 'suggestie' | null;
  opvolger_tekst: string | null;
  release: string;
  bron: string;
}

function wijzigingQuery(db: Db) {
  return db
    .selectFrom('samenwerking_wijziging as s')
    .innerJoin('catalogus_wijziging as c', 'c.id', 's.wijziging_id')
    .innerJoin('source_release as r', 'r.id', 'c.release_id')
    .select([
      's.id', 's.partnership_id', 's.item_id', 's.gebruik', 's.gebruik_id', 's.leerroute_id', 's.omschrijving', 's.status', 's.reden', 's.afgehandeld_door', 's.afgehandeld_at', 's.created_at',
      'c.soort', 'c.wijziging', 'c.code', 'c.oude_tekst', 'c.nieuwe_tekst', 'c.opvolger_id', 'c.opvolger_herkomst', 'c.opvolger_tekst', 'r.release', 'r.source as bron',
    ]);
}

export async function listWijzigingen(db: Db, partnershipId: string): Promise<WijzigingRow[]> {
  return (await wijzigingQuery(db).where('s.partnership_id', '=', partnershipId).orderBy('s.created_at', 'desc').orderBy('c.id').orderBy('s.gebruik').limit(5000).execute()) as WijzigingRow[];
}

export async function findWijzigingen(db: Db, partnershipId: string, ids: readonly string[]): Promise<WijzigingRow[]> {
  if (ids.length === 0) return [];
  return (await wijzigingQuery(db).where('s.partnership_id', '=', partnershipId).where('s.id', 'in', [...ids]).forUpdate('s').execute()) as WijzigingRow[];
}

export async function openCounts(db: Db, partnershipIds: readonly string[]): Promise<Map<string, number>> {
  if (partnershipIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('samenwerking_wijziging')
    .select(['partnership_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('partnership_id', 'in', [...partnershipIds])
    .where('status', '=', 'open')
    .groupBy('partnership_id')
    .execute();
  return new Map(rows.map((r) => [r.partnership_id, Number(r.n)]));
}

export async function closeWijziging(db: Db, id: string, v: { status: 'verplaatst' | 'behouden' | 'verwijderd'; reden: string | null; userId: string }): Promise<void> {
  await db.updateTable('samenwerking_wijziging').set({ status: v.status, reden: v.reden, afgehandeld_door: v.userId, afgehandeld_at: new Date() }).where('id', '=', id).execute();
}

/** Rows of the same usage and item that are still open (another release may have flagged the same spot). */
export async function closeSameUsage(db: Db, v: { partnershipId: string; itemId: string; gebruik: string; gebruikId: string; status: 'verplaatst' | 'behouden' | 'verwijderd'; reden: string | null; userId: string }): Promise<void> {
  await db
    .updateTable('samenwerking_wijziging')
    .set({ status: v.status, reden: v.reden, afgehandeld_door: v.userId, afgehandeld_at: new Date() })
    .where('partnership_id', '=', v.partnershipId)
    .where('item_id', '=', v.itemId)
    .where('gebruik', '=', v.gebruik as GebruikSoort)
    .where('gebruik_id', '=', v.gebruikId)
    .where('status', '=', 'open')
    .execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Changing the work (move or remove an item id)

export async function routeSettings(db: Db, routeId: string): Promise<{ vmbo: Record<string, unknown>; mbo: Record<string, unknown>; versie: number } | undefined> {
  const r = await db.selectFrom('leerroute').select(['vmbo', 'mbo', 'versie']).where('id', '=', routeId).where('verwijderd_at', 'is', null).forUpdate().executeTakeFirst();
  return r ? { vmbo: asObject(r.vmbo), mbo: asObject(r.mbo), versie: r.versie } : undefined;
}

export async function saveRouteSettings(db: Db, routeId: string, v: { vmbo: Record<string, unknown>; mbo: Record<string, unknown>; userId: string; organisationId: string | null }): Promise<void> {
  await db
    .updateTable('leerroute')
    .set((eb) => ({ vmbo: JSON.stringify(v.vmbo), mbo: JSON.stringify(v.mbo), versie: eb('versie', '+', 1), updated_by: v.userId, updated_org: v.organisationId, updated_at: new Date() }))
    .where('id', '=', routeId)
    .execute();
}

export type ItemListTable = 'leerroute_planning' | 'leerroute_toets' | 'leerroute_activiteit';

export async function itemList(db: Db, table: ItemListTable, id: string): Promise<{ leerrouteId: string; items: string[] } | undefined> {
  if (table === 'leerroute_planning') {
    const r = await db.selectFrom('leerroute_planning').select(['leerroute_id', 'items']).where('id', '=', id).forUpdate().executeTakeFirst();
    return r ? { leerrouteId: r.leerroute_id, items: asList(r.items) } : undefined;
  }
  const r = await db.selectFrom(table as 'leerroute_toets').select(['leerroute_id', 'doelen']).where('id', '=', id).forUpdate().executeTakeFirst();
  return r ? { leerrouteId: r.leerroute_id, items: asList(r.doelen) } : undefined;
}

/** Saves a changed list; for a planningsregel also its item rows (a doel is planned once per route). */
export async function saveItemList(db: Db, table: ItemListTable, id: string, leerrouteId: string, items: readonly string[], by: { userId: string; organisationId: string | null }): Promise<void> {
  const stamp = { updated_by: by.userId, updated_org: by.organisationId, updated_at: new Date() };
  if (table === 'leerroute_planning') {
    if (items.length === 0) {
      await db.deleteFrom('leerroute_planning').where('id', '=', id).execute();
      return;
    }
    await db.updateTable('leerroute_planning').set((eb) => ({ items: JSON.stringify(items), versie: eb('versie', '+', 1), ...stamp })).where('id', '=', id).execute();
    await db.deleteFrom('leerroute_planning_item').where('planning_id', '=', id).execute();
    // An item the route already plans elsewhere keeps its first regel (the coverage check warns about the double).
    await db
      .insertInto('leerroute_planning_item')
      .values(items.map((item_id) => ({ leerroute_id: leerrouteId, item_id, planning_id: id })))
      .onConflict((oc) => oc.columns(['leerroute_id', 'item_id']).doNothing())
      .execute();
    return;
  }
  await db.updateTable(table as 'leerroute_toets').set((eb) => ({ doelen: JSON.stringify(items), versie: eb('versie', '+', 1), ...stamp })).where('id', '=', id).execute();
}

export async function moveCrosswalkLink(db: Db, partnershipId: string, from: { eindtermId: string; werkprocesId: string }, to: { eindtermId: string; werkprocesId: string } | null): Promise<boolean> {
  const link = await db.selectFrom('crosswalk_link').selectAll().where('partnership_id', '=', partnershipId).where('eindterm_id', '=', from.eindtermId).where('werkproces_id', '=', from.werkprocesId).executeTakeFirst();
  if (!link) return false;
  await db.deleteFrom('crosswalk_link').where('partnership_id', '=', partnershipId).where('eindterm_id', '=', from.eindtermId).where('werkproces_id', '=', from.werkprocesId).execute();
  if (to) {
    await db
      .insertInto('crosswalk_link')
      .values({ partnership_id: partnershipId, eindterm_id: to.eindtermId, werkproces_id: to.werkprocesId, status: link.status, herkomst: link.herkomst, relatie: link.relatie, toelichting: link.toelichting, reviewed_by: link.reviewed_by, reviewed_at: new Date() })
      .onConflict((oc) => oc.columns(['partnership_id', 'eindterm_id', 'werkproces_id']).doNothing())
      .execute();
  }
  return true;
}

export async function moveUnlinked(db: Db, partnershipId: string, from: string, to: string | null): Promise<void> {
  const row = await db.selectFrom('crosswalk_unlinked').selectAll().where('partnership_id', '=', partnershipId).where('item_id', '=', from).executeTakeFirst();
  if (!row) return;
  await db.deleteFrom('crosswalk_unlinked').where('partnership_id', '=', partnershipId).where('item_id', '=', from).execute();
  if (to) {
    await db
      .insertInto('crosswalk_unlinked')
      .values({ partnership_id: partnershipId, item_id: to, toelichting: row.toelichting, marked_by: row.marked_by })
      .onConflict((oc) => oc.columns(['partnership_id', 'item_id']).doNothing())
      .execute();
  }
}

export async function appendCrosswalkReview(db: Db, v: { partnershipId: string; eindtermId: string | null; werkprocesId: string | null; itemId: string | null; actie: 'toevoegen' | 'afwijzen' | 'niet-koppelen' | 'wel-koppelen'; toelichting: string; userId: string }): Promise<void> {
  await db.insertInto('crosswalk_review').values({ partnership_id: v.partnershipId, eindterm_id: v.eindtermId, werkproces_id: v.werkprocesId, item_id: v.itemId, actie: v.actie, relatie: null, toelichting: v.toelichting, user_id: v.userId }).execute();
}

// ---------------------------------------------------------------------------------------------------------------
// Watching and the mail setting

export async function watch(db: Db, userId: string, itemId: string, on: boolean): Promise<void> {
  if (on) await db.insertInto('catalogus_volgen').values({ user_id: userId, item_id: itemId }).onConflict((oc) => oc.columns(['user_id', 'item_id']).doNothing()).execute();
  else await db.deleteFrom('catalogus_volgen').where('user_id', '=', userId).where('item_id', '=', itemId).execute();
}

export async function isWatching(db: Db, userId: string, itemId: string): Promise<boolean> {
  return (await db.selectFrom('catalogus_volgen').select('item_id').where('user_id', '=', userId).where('item_id', '=', itemId).executeTakeFirst()) !== undefined;
}

export async function impactMail(db: Db, userId: string): Promise<boolean> {
  const r = await db.selectFrom('app_user').select('impact_mail').where('id', '=', userId).executeTakeFirst();
  return r?.impact_mail ?? true;
}

export async function setImpactMail(db: Db, userId: string, on: boolean): Promise<void> {
  await db.updateTable('app_user').set({ impact_mail: on }).where('id', '=', userId).execute();
}

/** Partnerships of the organisations a user belongs to (for the menu badge). */
export async function partnershipsOfOrganisations(db: Db, organisationIds: readonly string[]): Promise<string[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db.selectFrom('partnership_member').select('partnership_id').distinct().where('organisation_id', 'in', [...organisationIds]).where('status', '=', 'lid').execute();
  return rows.map((r) => r.partnership_id);
}

export async function partnershipNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('partnership').select(['id', 'naam']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, r.naam]));
}
