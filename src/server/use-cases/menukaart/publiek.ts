/**
 * The public menukaart (issue 15): readable without signing in, published modules only, filterable, each module at a
 * stable address (/regio/{slug}/menukaart/{module slug or id}); exports as CSV, XLSX and a printable PDF brochure.
 * No access check: what is published is public (a module that is not published is a 404, like a missing one).
 */
import { filterModulen, filterOpties } from '../../../domain/menukaart/filter.js';
import { menukaartBrochure, menukaartCsv, menukaartRijen } from '../../../domain/menukaart/export.js';
import { bestandsnaam } from '../../../domain/exports/document-model.js';
import { MODULE_SOORT_NAMEN, PERIODE_NAMEN, PubliekeMenukaart, SECTOR_NAMEN, type MenukaartFilter, type ModuleDetail, type ModuleSamenvatting } from '../../../shared/menukaart-api.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import * as repo from '../../repositories/menukaart-repository.js';
import { snapshotOf, type CatalogSnapshot } from '../../read-models/catalogue-snapshot.js';
import { runInWorker } from '../../workers/pool.js';
import { menukaartXlsx } from '../../exports/menukaart-xlsx.js';
import type { UseCaseContext } from '../../access/context.js';
import type { ExportFile } from '../inventory/export-inventory.js';
import { CONTENT_TYPES } from '../leerroute-export/export-leerroute.js';
import { moduleDetail, publiekeDetails, samenvatting } from './present.js';

export const MENUKAART_NOT_FOUND = 'Deze menukaart bestaat niet.';
export const PUBLIEKE_MODULE_NOT_FOUND = 'Deze module staat niet (meer) op de menukaart.';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function kaartVan(opts: UseCaseContext & { slug: string }): Promise<repo.MenukaartRow> {
  const kaart = await repo.findMenukaartBySlug(opts.db, opts.slug.toLowerCase());
  if (!kaart) throw notFound(MENUKAART_NOT_FOUND);
  return kaart;
}

/**
 * The published modules of a menukaart as summaries, with the filter options: computed once per state of the menukaart
 * and catalogue snapshot, and each filtered answer serialised once. The state is the database's (one small query: the
 * number of modules, the sum of their versies, the last change), looked at again after CHECK_MS, and at once after a
 * change made in this process (`vergeetPubliekeStand`, called by every write of the menukaart): another instance's
 * change shows within CHECK_MS, like a catalogue import by another process.
 */
interface PubliekeStand {
  vingerafdruk: string;
  gecontroleerd: number;
  snapshot: CatalogSnapshot;
  kaart: repo.MenukaartRow;
  alle: ModuleSamenvatting[];
  opties: PubliekeMenukaart['opties'];
  antwoorden: Map<string, string>;
}
const standen = new WeakMap<Kysely<DB>, Map<string, PubliekeStand>>();
const MAX_ANTWOORDEN = 500;
const CHECK_MS = 1000;

/** After a change of a menukaart in this process: its public answers are computed again at the next request. */
export function vergeetPubliekeStand(db: Kysely<DB>): void {
  standen.delete(db);
}

async function publiekeStand(opts: UseCaseContext & { slug: string }): Promise<PubliekeStand> {
  const slug = opts.slug.toLowerCase();
  let perSlug = standen.get(opts.db);
  if (!perSlug) standen.set(opts.db, (perSlug = new Map()));
  const known = perSlug.get(slug);
  const s = await snapshotOf(opts.db);
  if (known && known.snapshot === s && performance.now() - known.gecontroleerd < CHECK_MS) return known;
  const stand = await repo.publiekeStand(opts.db, slug);
  if (!stand) throw notFound(MENUKAART_NOT_FOUND);
  if (known && known.vingerafdruk === stand.vingerafdruk && known.snapshot === s) {
    known.gecontroleerd = performance.now();
    return known;
  }
  const rows = await repo.listModules(opts.db, stand.regioId, { statussen: ['gepubliceerd'] });
  const alle = rows.map((m) => samenvatting(m, s));
  const fresh: PubliekeStand = { vingerafdruk: stand.vingerafdruk, gecontroleerd: performance.now(), snapshot: s, kaart: stand, alle, opties: filterOpties(alle), antwoorden: new Map() };
  perSlug.set(slug, fresh);
  return fresh;
}

function antwoord(st: PubliekeStand, filter: MenukaartFilter): PubliekeMenukaart {
  return {
    regio: { naam: st.kaart.regioNaam, slug: st.kaart.slug, titel: st.kaart.titel, toelichting: st.kaart.toelichting },
    filter,
    opties: st.opties,
    totaal: st.alle.length,
    modulen: filterModulen(st.alle, filter),
  };
}

export async function publiekeMenukaart(opts: UseCaseContext & { slug: string; filter: MenukaartFilter }): Promise<PubliekeMenukaart> {
  return antwoord(await publiekeStand(opts), opts.filter);
}

/** The same answer as JSON text, checked against the contract once per state and filter. */
export async function publiekeMenukaartJson(opts: UseCaseContext & { slug: string; filter: MenukaartFilter }): Promise<string> {
  const st = await publiekeStand(opts);
  const key = JSON.stringify(opts.filter);
  let json = st.antwoorden.get(key);
  if (json === undefined) {
    json = JSON.stringify(PubliekeMenukaart.parse(antwoord(st, opts.filter)));
    if (st.antwoorden.size >= MAX_ANTWOORDEN) st.antwoorden.delete(st.antwoorden.keys().next().value!);
    st.antwoorden.set(key, json);
  }
  return json;
}

export async function publiekeModule(opts: UseCaseContext & { slug: string; module: string }): Promise<ModuleDetail> {
  const kaart = await kaartVan(opts);
  const m = UUID.test(opts.module) ? await repo.findModule(opts.db, opts.module.toLowerCase()) : await repo.findModuleBySlug(opts.db, kaart.regioId, opts.module.toLowerCase());
  if (!m || m.regioId !== kaart.regioId || m.status !== 'gepubliceerd') throw notFound(PUBLIEKE_MODULE_NOT_FOUND);
  return moduleDetail(opts.db, m, { regioSlug: kaart.slug, regioNaam: kaart.regioNaam, intern: null });
}

/** The filter in words, for the brochure: "profiel PIE, leerweg BB". */
function filterTekst(f: MenukaartFilter): string {
  const parts: string[] = [];
  if (f.profiel) parts.push(`profiel ${f.profiel}`);
  if (f.leerweg) parts.push(`leerweg ${f.leerweg}`);
  if (f.sector) parts.push(`sector ${SECTOR_NAMEN[f.sector as keyof typeof SECTOR_NAMEN] ?? f.sector}`);
  if (f.locatie) parts.push(`locatie ${f.locatie}`);
  if (f.soort) parts.push((MODULE_SOORT_NAMEN[f.soort as keyof typeof MODULE_SOORT_NAMEN] ?? f.soort).toLowerCase());
  if (f.periode) parts.push((PERIODE_NAMEN[f.periode as keyof typeof PERIODE_NAMEN] ?? f.periode).toLowerCase());
  if (f.leerjaar) parts.push(`leerjaar ${f.leerjaar}`);
  if (f.q) parts.push(`met ‘${f.q}’`);
  return parts.length ? `gekozen: ${parts.join(', ')}` : '';
}

export async function exportMenukaart(opts: UseCaseContext & { slug: string; filter: MenukaartFilter; formaat: 'csv' | 'xlsx' | 'pdf'; basisUrl: string }): Promise<ExportFile> {
  const kaart = await kaartVan(opts);
  const s = await snapshotOf(opts.db);
  const rows = await repo.listModules(opts.db, kaart.regioId, { statussen: ['gepubliceerd'] });
  const ids = new Set(filterModulen(rows.map((m) => ({ ...samenvatting(m, s) })), opts.filter).map((m) => m.id));
  const details = await publiekeDetails(opts.db, rows.filter((m) => ids.has(m.id)), { regioSlug: kaart.slug, regioNaam: kaart.regioNaam });
  const adres = (m: ModuleDetail) => `${opts.basisUrl}/regio/${kaart.slug}/menukaart/${m.slug}`;
  const naam = `menukaart-${bestandsnaam(kaart.slug)}`;
  if (opts.formaat === 'csv') return { fileName: `${naam}.csv`, contentType: 'text/csv; charset=utf-8', body: menukaartCsv(details, adres) };
  if (opts.formaat === 'xlsx') return { fileName: `${naam}.xlsx`, contentType: CONTENT_TYPES.xlsx, body: await menukaartXlsx(menukaartRijen(details, adres)) };
  const stand = new Date().toISOString();
  const document = menukaartBrochure({ regio: { naam: kaart.regioNaam, titel: kaart.titel, toelichting: kaart.toelichting }, filterTekst: filterTekst(opts.filter), modulen: details, stand, adres });
  return { fileName: `${naam}.pdf`, contentType: CONTENT_TYPES.pdf, body: await runInWorker('pdf', { document }) };
}
