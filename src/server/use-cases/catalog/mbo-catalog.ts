/**
 * Read use cases of the mbo catalogue: opleidingsdomeinen, dossiers, kwalificaties and keuzedelen,
 * served from the in-memory snapshot. Every detail says what its sources do not give (`ontbreekt`).
 */
import type { Kysely } from 'kysely';
import { slugify } from '../../../domain/mbo/read-model.js';
import type {
  DossierDetail, DossierSummary, KeuzedeelDetail, KeuzedeelListQuery, KeuzedeelSummary, KwalificatieDetail,
  KwalificatieListQuery, KwalificatieSummary, OpleidingsdomeinSummary,
} from '../../../shared/mbo-api.js';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import { pageOf, type Page } from './paging.js';
import { snapshotOf } from '../../read-models/catalogue-snapshot.js';
import { matchingItemIds } from './search-catalog.js';
import { bronnenOf, dossierSummary, keuzedeelSummary, kwalificatieSummary } from './mbo-mappers.js';

type Opts = { db: Kysely<DB> };
const statusOk = (wanted: 'actief' | 'vervallen' | 'alle', status: string) => wanted === 'alle' || wanted === status;

export async function listOpleidingsdomeinen({ db }: Opts): Promise<OpleidingsdomeinSummary[]> {
  const { mbo } = await snapshotOf(db);
  return mbo.opleidingsdomeinen().map((d) => ({ slug: d.slug, naam: d.naam, aantalDossiers: d.dossiers.length, aantalKwalificaties: d.aantalKwalificaties }));
}

export async function listDossiers({ db, domein }: Opts & { domein?: string }): Promise<DossierSummary[]> {
  const { mbo } = await snapshotOf(db);
  return [...mbo.dossiers.values()]
    .filter((d) => d.status === 'actief' && (!domein || (d.opleidingsdomein && slugify(d.opleidingsdomein) === domein)))
    .sort((a, b) => a.titel.localeCompare(b.titel) || a.crebo.localeCompare(b.crebo))
    .map((d) => dossierSummary(mbo, d));
}

export async function getDossier({ db, crebo }: Opts & { crebo: string }): Promise<DossierDetail> {
  const snapshot = await snapshotOf(db);
  const { mbo } = snapshot;
  const d = mbo.dossiers.get(crebo);
  if (!d) throw notFound(`Kwalificatiedossier ${crebo} bestaat niet in de catalogus.`);
  return {
    ...dossierSummary(mbo, d),
    kwalificaties: mbo.kwalificatiesIn(crebo).map((k) => kwalificatieSummary(mbo, k)),
    bronnen: bronnenOf(snapshot, d.rows),
  };
}

/** The kwalificaties that match the filters, by naam; one page of them when `pagina`/`perPagina` ask for it. */
export async function listKwalificaties({ db, query }: Opts & { query: KwalificatieListQuery }): Promise<Page<KwalificatieSummary>> {
  const { mbo } = await snapshotOf(db);
  const ids = query.q ? new Set(await matchingItemIds(db, query.q, 'kwalificatie', 'mbo')) : null;
  const dossiersInDomein = query.domein
    ? new Set([...mbo.dossiers.values()].filter((d) => d.opleidingsdomein && slugify(d.opleidingsdomein) === query.domein).map((d) => d.crebo))
    : null;
  const matching = [...mbo.kwalificaties.values()]
    .filter(
      (k) =>
        statusOk(query.status, k.status) &&
        (!query.dossier || k.dossierCrebo === query.dossier) &&
        (!query.niveau || k.niveau === query.niveau) &&
        (!dossiersInDomein || dossiersInDomein.has(k.dossierCrebo)) &&
        (!ids || ids.has(k.crebo)),
    )
    .sort((a, b) => a.naam.localeCompare(b.naam) || a.crebo.localeCompare(b.crebo));
  // Only the asked page is mapped to summaries (they count kerntaken and keuzedelen).
  const page = pageOf(matching, query);
  return { items: page.items.map((k) => kwalificatieSummary(mbo, k)), totaal: page.totaal };
}

export async function getKwalificatie({ db, crebo }: Opts & { crebo: string }): Promise<KwalificatieDetail> {
  const snapshot = await snapshotOf(db);
  const { mbo } = snapshot;
  const k = mbo.kwalificaties.get(crebo);
  if (!k) throw notFound(`Kwalificatie met crebo ${crebo} bestaat niet in de catalogus.`);
  const { kerntaken, source } = mbo.kerntakenOf(k);
  const dossier = mbo.dossiers.get(k.dossierCrebo);
  const ref = (code: string) => {
    const kd = mbo.keuzedelen.get(code);
    return { code, titel: kd?.titel ?? null, sbu: kd?.sbu ?? null };
  };
  const koppelingen = mbo.koppelingenOf(k.crebo);
  const aanbod = mbo.aanbodOf(k);
  const ontbreekt: string[] = [];
  if (kerntaken.length === 0) ontbreekt.push('De kerntaken en werkprocessen van deze kwalificatie staan in geen van de geïmporteerde bronnen.');
  const zonderTitel = kerntaken.filter((kt) => kt.titel === null).length;
  if (zonderTitel > 0) ontbreekt.push(`Van ${zonderTitel} kerntaak/kerntaken is alleen de code bekend: de bron noemt wel de werkprocessen, niet de titel.`);
  if (kerntaken.length > 0 && kerntaken.every((kt) => kt.werkprocessen.every((w) => w.omschrijving === null))) {
    ontbreekt.push('Omschrijving, resultaat en gedrag van de werkprocessen ontbreken: de bron geeft alleen titels.');
  }
  if (k.leerwegen === null) ontbreekt.push('De leerwegen (BOL/BBL) zijn niet bekend.');
  if (koppelingen === null) ontbreekt.push('De officiële SBB-koppeling van keuzedelen aan kwalificaties is niet geïmporteerd; getoond wordt alleen wat instellingen aanbieden.');
  for (const a of aanbod) if (!mbo.keuzedelen.has(a.keuzedeel_code)) ontbreekt.push(`Van keuzedeel ${a.keuzedeel_code} is alleen de code bekend.`);
  const rows = [...k.rows, ...(dossier?.rows ?? []), ...kerntaken.map((kt) => kt.row), ...aanbod];
  return {
    ...kwalificatieSummary(mbo, k),
    heeftKerntaken: kerntaken.length > 0,
    sectorkamer: k.sectorkamer ?? dossier?.sectorkamer ?? null,
    dossier: dossier ? dossierSummary(mbo, dossier) : null,
    kerntaken: kerntaken.map((kt) => ({
      code: kt.code,
      titel: kt.titel,
      werkprocessen: kt.werkprocessen.map(({ row: _row, ...w }) => w),
      vakkennisEnVaardigheden: kt.vakkennisEnVaardigheden,
    })),
    versies: mbo.versiesOf(k).map((v) => ({ crebo: v.crebo, naam: v.naam, status: v.status, isDeze: v.crebo === k.crebo })),
    keuzedelen: {
      gekoppeld: koppelingen === null ? null : koppelingen.map((c) => ref(c.keuzedeel_code)),
      aangeboden: dedupeAanbod(aanbod).map((a) => ({ ...ref(a.keuzedeel_code), instellingen: a.instellingen })),
    },
    bronnen: bronnenOf(snapshot, source ? rows : rows.filter((r) => !('kerntaak_key' in r))),
    ontbreekt: [...new Set(ontbreekt)],
  };
}

function dedupeAanbod<T extends { keuzedeel_code: string; instellingen: string[] | null }>(rows: readonly T[]): T[] {
  const byCode = new Map<string, T>();
  for (const r of rows) {
    const seen = byCode.get(r.keuzedeel_code);
    if (!seen) byCode.set(r.keuzedeel_code, { ...r });
    else if (r.instellingen) seen.instellingen = [...new Set([...(seen.instellingen ?? []), ...r.instellingen])];
  }
  return [...byCode.values()].sort((a, b) => a.keuzedeel_code.localeCompare(b.keuzedeel_code));
}

/** The keuzedelen that match the filters, by code; one page of them when `pagina`/`perPagina` ask for it. */
export async function listKeuzedelen({ db, query }: Opts & { query: KeuzedeelListQuery }): Promise<Page<KeuzedeelSummary>> {
  const { mbo } = await snapshotOf(db);
  const ids = query.q ? new Set(await matchingItemIds(db, query.q, 'keuzedeel', 'mbo')) : null;
  // A kwalificatie crebo, or a dossier crebo (offers may name a whole dossier).
  const offeredOrLinked = (code: string, crebo: string) =>
    mbo.kwalificatieCrebosVan(code).has(crebo) || [...mbo.aanbodVan(code), ...(mbo.koppelingenVan(code) ?? [])].some((a) => a.crebo === crebo);
  const matching = [...mbo.keuzedelen.values()]
    .filter(
      (kd) =>
        statusOk(query.status, kd.status) &&
        (!query.sbu || kd.sbu === query.sbu) &&
        (!query.niveau || kd.niveau === query.niveau) &&
        (!query.kwalificatie || offeredOrLinked(kd.code, query.kwalificatie)) &&
        (!ids || ids.has(kd.code)),
    )
    .sort((a, b) => a.code.localeCompare(b.code));
  const page = pageOf(matching, query);
  return { items: page.items.map((kd) => keuzedeelSummary(mbo, kd)), totaal: page.totaal };
}

export async function getKeuzedeel({ db, code }: Opts & { code: string }): Promise<KeuzedeelDetail> {
  const snapshot = await snapshotOf(db);
  const { mbo } = snapshot;
  const kd = mbo.keuzedelen.get(code.toUpperCase());
  if (!kd) throw notFound(`Keuzedeel ${code.toUpperCase()} bestaat niet in de catalogus.`);
  const summaryOf = (crebo: string) => {
    const k = mbo.kwalificaties.get(crebo);
    return k ? [kwalificatieSummary(mbo, k)] : mbo.kwalificatiesIn(crebo).map((x) => kwalificatieSummary(mbo, x));
  };
  const koppelingen = mbo.koppelingenVan(kd.code);
  const aanbod = mbo.aanbodVan(kd.code);
  const ontbreekt: string[] = [];
  if (kd.sbu === null) ontbreekt.push('De omvang in SBU is niet bekend.');
  if (kd.niveau === null) ontbreekt.push('Het niveau is niet bekend.');
  if (kd.omschrijving === null) ontbreekt.push('De inhoud (omschrijving, werkprocessen, kennis en vaardigheden) is niet bekend in de geïmporteerde bronnen.');
  if (koppelingen === null) ontbreekt.push('De officiële SBB-koppeling aan kwalificaties is niet geïmporteerd; getoond wordt alleen wat instellingen aanbieden.');
  return {
    ...keuzedeelSummary(mbo, kd),
    omschrijving: kd.omschrijving,
    gekoppeldAan: koppelingen === null ? null : koppelingen.flatMap((c) => summaryOf(c.crebo)),
    aangebodenBij: aanbod.flatMap((a) => summaryOf(a.crebo).map((s) => ({ ...s, instellingen: a.instellingen }))),
    bronnen: bronnenOf(snapshot, [...kd.rows, ...aanbod]),
    ontbreekt,
  };
}
