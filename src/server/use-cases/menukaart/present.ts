/**
 * What the API answers about modules (a presenter, apart from the commands): the summary for lists and the whole
 * module with its catalogue names, "leidt naar" (confirmed crosswalk links first, the zoekmonitor's suggestions after)
 * and, for staff, its lifecycle.
 */
import type { Kysely, Transaction } from 'kysely';
import { datum, levenscyclus } from '../../../domain/menukaart/lifecycle.js';
import { profielNaam } from '../../../domain/vmbo/profiel-names.js';
import { parseMboItemId } from '../../../domain/inventory/ids.js';
import type { LeidtNaar, Levenscyclus, ModuleDetail, ModuleSamenvatting } from '../../../shared/menukaart-api.js';
import type { DB } from '../../db/schema.js';
import * as repo from '../../repositories/menukaart-repository.js';
import { confirmationCounts } from '../../repositories/crosswalk-repository.js';
import { snapshotOf, type CatalogSnapshot } from '../../read-models/catalogue-snapshot.js';
import { matchIndexOf } from '../../read-models/match-index.js';

type Db = Kysely<DB> | Transaction<DB>;

export const LEIDT_NAAR_TOELICHTING =
  'Bevestigd: samenwerkingen hebben de eindtermen van deze module gekoppeld aan werkprocessen van deze opleiding, of de module noemt de opleiding zelf. Suggesties komen van de zoekmonitor en zijn door niemand bevestigd.';

/** Today in Amsterdam, 'YYYY-MM-DD'. */
export function vandaag(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

function vmboNaam(s: CatalogSnapshot, kind: 'keuzevak' | 'profielmodule' | 'profiel', code: string): string {
  const row = s.byKindCode.get(`${kind}|${code}`)?.[0];
  if (kind === 'profiel') return row ? profielNaam(code, row.title) : code;
  return row?.title ?? code;
}

export function profielRefs(s: CatalogSnapshot, codes: readonly string[]) {
  return codes.map((code) => ({ code, naam: vmboNaam(s, 'profiel', code) }));
}

export function samenvatting(m: repo.ModuleRow, s: CatalogSnapshot): ModuleSamenvatting {
  const tekst = m.beschrijving.replace(/\s+/g, ' ').trim();
  return {
    id: m.id,
    slug: m.slug,
    titel: m.titel,
    samenvatting: tekst.length > 240 ? `${tekst.slice(0, 239).replace(/\s+\S*$/, '')}…` : tekst,
    soort: m.soort,
    status: m.status,
    omvangEenheden: m.omvangEenheden,
    aanbieder: { id: m.aanbiederId, naam: m.aanbiederNaam },
    locatie: m.locatie,
    leerjaar: m.leerjaar,
    periode: m.periode,
    leerwegen: m.leerwegen,
    profielen: profielRefs(s, m.profielen),
    sectoren: m.sectoren,
    capaciteit: m.capaciteit,
    versie: m.versie,
  };
}

/** The eindterm ids under these vmbo units (keuzevak or profielmodule codes). */
function eindtermenVan(s: CatalogSnapshot, units: ReadonlyArray<{ kind: 'keuzevak' | 'profielmodule'; code: string }>): string[] {
  const out: string[] = [];
  const walk = (id: string) => {
    for (const c of s.children.get(id) ?? []) {
      if (c.kind === 'eindterm') out.push(c.id);
      walk(c.id);
    }
  };
  for (const u of units) for (const row of s.byKindCode.get(`${u.kind}|${u.code}`) ?? []) walk(row.id);
  return out;
}

/** "Leidt naar": the kwalificaties of confirmed crosswalk links (and those the module names), then the suggestions. */
type Counts = Awaited<ReturnType<typeof confirmationCounts>>;
const unitsVan = (m: Pick<repo.ModuleRow, 'keuzevakken' | 'profielmodulen'>) => [
  ...m.keuzevakken.map((code) => ({ kind: 'keuzevak' as const, code })),
  ...m.profielmodulen.map((code) => ({ kind: 'profielmodule' as const, code })),
];

/** `alleCounts`: the confirmation counts read ahead for many modules at once (the exports); else read here. */
export async function leidtNaar(
  db: Db,
  s: CatalogSnapshot,
  m: Pick<repo.ModuleRow, 'keuzevakken' | 'profielmodulen' | 'kwalificaties'>,
  maxSuggesties = 5,
  alleCounts?: Map<string, Counts>,
  /** The zoekmonitor's ranking per set of units, kept over many modules (the exports). */
  rangen?: Map<string, ReturnType<ReturnType<typeof matchIndexOf>['matchForward']>>,
): Promise<LeidtNaar> {
  const units = unitsVan(m);
  const eindtermen = eindtermenVan(s, units);
  const counts = alleCounts ? eindtermen.flatMap((e) => alleCounts.get(e) ?? []) : await confirmationCounts(db, 'eindterm', eindtermen);
  const perCrebo = new Map<string, number>();
  for (const c of counts) {
    const ref = parseMboItemId(c.werkprocesId);
    if (ref?.soort === 'werkproces') perCrebo.set(ref.crebo, Math.max(perCrebo.get(ref.crebo) ?? 0, c.aantal));
  }
  const kwal = (crebo: string) => s.mbo.kwalificaties.get(crebo);
  const bevestigd: LeidtNaar['bevestigd'] = [...perCrebo]
    .filter(([crebo]) => kwal(crebo))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([crebo, n]) => ({ crebo, naam: kwal(crebo)!.naam, niveau: kwal(crebo)!.niveau ?? null, samenwerkingen: n, bron: 'crosswalk' as const }));
  for (const crebo of m.kwalificaties) {
    if (!perCrebo.has(crebo) && kwal(crebo)) bevestigd.push({ crebo, naam: kwal(crebo)!.naam, niveau: kwal(crebo)!.niveau ?? null, samenwerkingen: 0, bron: 'module' });
  }
  const suggesties: LeidtNaar['suggesties'] = [];
  if (units.length > 0) {
    const index = matchIndexOf(s);
    const found = units.map((u) => index.unit(u.kind, u.code)).filter((u) => u !== undefined);
    if (found.length > 0) {
      const bekend = new Set(bevestigd.map((b) => b.crebo));
      const key = `${units.map((u) => `${u.kind}:${u.code}`).join(',')}|${maxSuggesties + bekend.size}`;
      let ranking = rangen?.get(key);
      if (!ranking) {
        ranking = index.matchForward({ units: found }, { soort: 'kwalificatie', limit: maxSuggesties + bekend.size });
        rangen?.set(key, ranking);
      }
      for (const r of ranking) {
        if (r.type !== 'kwalificatie' || bekend.has(r.crebo) || suggesties.length >= maxSuggesties) continue;
        suggesties.push({ crebo: r.crebo, naam: r.title, niveau: r.niveau, betrouwbaarheid: r.confidence });
      }
    }
  }
  return { bevestigd, suggesties, toelichting: LEIDT_NAAR_TOELICHTING };
}

export function levenscyclusVan(m: repo.ModuleRow, tellingen: readonly repo.ExamenTelling[], peildatum: string): Levenscyclus {
  const perJaar = new Map<string, { aantal: number; bron: 'vastgelegd' | 'examen' }>();
  for (const t of tellingen) {
    if (t.moduleId !== m.id) continue;
    const cur = perJaar.get(t.schooljaar);
    perJaar.set(t.schooljaar, { aantal: (cur?.aantal ?? 0) + t.aantal, bron: cur?.bron === 'examen' || t.bron === 'examen' ? 'examen' : 'vastgelegd' });
  }
  const examens = [...perJaar].map(([schooljaar, v]) => ({ schooljaar, ...v })).sort((a, b) => b.schooljaar.localeCompare(a.schooljaar));
  const herziening = m.herzieningOpdracht && m.herzieningDeadline ? { opdracht: m.herzieningOpdracht, deadline: m.herzieningDeadline } : null;
  const stand = levenscyclus({ sinds: datum(m.gepubliceerdAt ?? m.createdAt)!, laatsteReview: m.laatsteReview, herziening, examens }, peildatum);
  return {
    laatsteReview: m.laatsteReview,
    volgendeReview: stand.volgendeReview,
    reviewVerlopen: stand.reviewVerlopen,
    reviewNodig: stand.reviewNodig,
    herziening: herziening && { ...herziening, verlopen: stand.herzieningVerlopen },
    examens,
    laatsteExamen: stand.laatsteExamen,
    voorstelVerwijderen: stand.voorstelVerwijderen,
    meldingen: stand.meldingen,
  };
}

export interface DetailOpties {
  regioSlug: string;
  regioNaam: string;
  /** Staff: the lifecycle and what they may do; null for the public answer. */
  intern: { mag: ModuleDetail['mag']; peildatum: string } | null;
}

export async function moduleDetail(db: Db, m: repo.ModuleRow, o: DetailOpties): Promise<ModuleDetail> {
  const s = await snapshotOf(db as Kysely<DB>);
  const voorwaarden = await repo.modulesIn(db, m.regioId, m.voorwaarden);
  const routes = m.leerrouteId ? await repo.leerrouteNamen(db, [m.leerrouteId]) : new Map<string, string>();
  const tellingen = o.intern ? await repo.examenTellingen(db, [m]) : [];
  const kd = (code: string) => ({ code, naam: s.mbo.keuzedelen.get(code)?.titel ?? code });
  const kw = (crebo: string) => ({ code: crebo, naam: s.mbo.kwalificaties.get(crebo)?.naam ?? crebo });
  return {
    ...samenvatting(m, s),
    beschrijving: m.beschrijving,
    regio: { id: m.regioId, naam: o.regioNaam, slug: o.regioSlug },
    vestiging: m.vestigingId ? { id: m.vestigingId, naam: m.vestigingNaam ?? '' } : null,
    voorwaarden: voorwaarden
      .filter((v) => o.intern || v.status === 'gepubliceerd')
      .map((v) => ({ id: v.id, slug: v.slug, titel: v.titel, soort: v.soort })),
    keuzevakken: m.keuzevakken.map((code) => ({ code, naam: vmboNaam(s, 'keuzevak', code) })),
    profielmodulen: m.profielmodulen.map((code) => ({ code, naam: vmboNaam(s, 'profielmodule', code) })),
    keuzedelen: m.keuzedelen.map(kd),
    kwalificaties: m.kwalificaties.map(kw),
    leerroute: m.leerrouteId && routes.has(m.leerrouteId) ? { id: m.leerrouteId, naam: routes.get(m.leerrouteId)! } : null,
    leidtNaar: await leidtNaar(db, s, m),
    redenTeruggestuurd: o.intern ? m.redenTeruggestuurd : null,
    levenscyclus: o.intern ? levenscyclusVan(m, tellingen, o.intern.peildatum) : null,
    gepubliceerdOp: m.gepubliceerdAt,
    mag: o.intern?.mag ?? { wijzigen: false, besluiten: false, levenscyclus: false, examensVastleggen: false, intrekken: false, inschrijvingen: false },
  };
}

/**
 * The public details of many modules of one menukaart at once (the exports): prerequisites, leerroutes and the
 * confirmed crosswalk counts each read in one query instead of per module.
 */
export async function publiekeDetails(db: Db, rows: readonly repo.ModuleRow[], o: { regioSlug: string; regioNaam: string }): Promise<ModuleDetail[]> {
  const s = await snapshotOf(db as Kysely<DB>);
  const regioId = rows[0]?.regioId;
  if (!regioId) return [];
  const voorwaarden = new Map((await repo.modulesIn(db, regioId, [...new Set(rows.flatMap((m) => m.voorwaarden))])).map((v) => [v.id, v]));
  const routes = await repo.leerrouteNamen(db, [...new Set(rows.flatMap((m) => (m.leerrouteId ? [m.leerrouteId] : [])))]);
  const alleCounts = new Map<string, Counts>();
  for (const c of await confirmationCounts(db, 'eindterm', [...new Set(rows.flatMap((m) => eindtermenVan(s, unitsVan(m))))])) {
    const list = alleCounts.get(c.eindtermId) ?? [];
    list.push(c);
    alleCounts.set(c.eindtermId, list);
  }
  const kd = (code: string) => ({ code, naam: s.mbo.keuzedelen.get(code)?.titel ?? code });
  const kw = (crebo: string) => ({ code: crebo, naam: s.mbo.kwalificaties.get(crebo)?.naam ?? crebo });
  const out: ModuleDetail[] = [];
  const rangen = new Map<string, ReturnType<ReturnType<typeof matchIndexOf>['matchForward']>>();
  for (const m of rows) {
    out.push({
      ...samenvatting(m, s),
      beschrijving: m.beschrijving,
      regio: { id: m.regioId, naam: o.regioNaam, slug: o.regioSlug },
      vestiging: m.vestigingId ? { id: m.vestigingId, naam: m.vestigingNaam ?? '' } : null,
      voorwaarden: m.voorwaarden.flatMap((id) => {
        const v = voorwaarden.get(id);
        return v && v.status === 'gepubliceerd' ? [{ id: v.id, slug: v.slug, titel: v.titel, soort: v.soort }] : [];
      }),
      keuzevakken: m.keuzevakken.map((code) => ({ code, naam: vmboNaam(s, 'keuzevak', code) })),
      profielmodulen: m.profielmodulen.map((code) => ({ code, naam: vmboNaam(s, 'profielmodule', code) })),
      keuzedelen: m.keuzedelen.map(kd),
      kwalificaties: m.kwalificaties.map(kw),
      leerroute: m.leerrouteId && routes.has(m.leerrouteId) ? { id: m.leerrouteId, naam: routes.get(m.leerrouteId)! } : null,
      leidtNaar: await leidtNaar(db, s, m, 5, alleCounts, rangen),
      redenTeruggestuurd: null,
      levenscyclus: null,
      gepubliceerdOp: m.gepubliceerdAt,
      mag: { wijzigen: false, besluiten: false, levenscyclus: false, examensVastleggen: false, intrekken: false, inschrijvingen: false },
    });
  }
  return out;
}
