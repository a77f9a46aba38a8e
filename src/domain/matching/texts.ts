/**
 * The texts the matching engine and the baseline compare (as ../shared/eval/README.md describes them):
 * a keuzevak = title, description, deeltaken and eindtermen; a dossier = kwalificatie names, dossier name and
 * kerntaak/werkproces titles. Structured per field so the engine can weigh them. Pure.
 */
import type { MboCatalog } from '../mbo/read-model.js';

export interface KeuzevakText {
  code: string;
  profielCode: string | null;
  title: string;
  description: string;
  deeltaken: string[];
  eindtermen: string[];
  /** Everything joined, for the baseline. */
  plain: string;
}

export interface DossierText {
  crebo: string;
  titel: string;
  opleidingsdomein: string | null;
  kwalificaties: string[];
  kerntaken: string[];
  werkprocessen: string[];
  /** Issue 17: the rest of the catalogue's text, used by the engine only where cross-validation shows it helps
   * (BENCHMARKS.md, the ablation): werkproces omschrijving, resultaat and gedrag (SBB XML dossiers), the vakkennis en
   * vaardigheden, the sectorkamer and opleidingsdomein names, and the titles and descriptions of the keuzedelen the
   * dossier's kwalificaties offer. */
  werkprocesDetails?: string[];
  vakkennis?: string[];
  sector?: string[];
  keuzedelen?: string[];
  plain: string;
}

interface VmboNodeSource {
  byKindCode: Map<string, Array<{ id: string; title: string; description: string | null; profiel_code: string | null; duplicate_of: string | null; status: string }>>;
  children: Map<string, Array<{ id: string; title: string; status: string }>>;
}

export function keuzevakText(snapshot: VmboNodeSource, code: string): KeuzevakText {
  const rows = snapshot.byKindCode.get(`keuzevak|${code}`) ?? [];
  const kv = rows.find((r) => r.duplicate_of === null && r.status === 'actief') ?? rows[0];
  if (!kv) return { code, profielCode: null, title: '', description: '', deeltaken: [], eindtermen: [], plain: '' };
  const deeltaken = (snapshot.children.get(kv.id) ?? []).filter((d) => d.status === 'actief');
  const eindtermen = deeltaken.flatMap((d) => (snapshot.children.get(d.id) ?? []).filter((e) => e.status === 'actief').map((e) => e.title));
  const text: KeuzevakText = {
    code,
    profielCode: kv.profiel_code,
    title: kv.title,
    description: kv.description ?? '',
    deeltaken: deeltaken.map((d) => d.title),
    eindtermen,
    plain: '',
  };
  text.plain = [text.title, text.description, ...text.deeltaken, ...text.eindtermen].join(' ');
  return text;
}

export function dossierTexts(mbo: MboCatalog): DossierText[] {
  const out: DossierText[] = [];
  // Per kwalificatie the texts of the active keuzedelen it offers.
  const offered = new Map<string, string[]>();
  for (const kd of mbo.keuzedelen.values()) {
    if (kd.status !== 'actief') continue;
    for (const crebo of mbo.kwalificatieCrebosVan(kd.code)) offered.set(crebo, [...(offered.get(crebo) ?? []), `${kd.titel} ${kd.omschrijving ?? ''}`.trim()]);
  }
  for (const d of mbo.dossiers.values()) {
    if (d.status !== 'actief') continue;
    const kwalificaties = mbo.kwalificatiesIn(d.crebo).filter((k) => k.status === 'actief' && k.dossierCrebo === d.crebo);
    if (kwalificaties.length === 0) continue;
    const kerntaken = new Set<string>();
    const werkprocessen = new Set<string>();
    const details = new Set<string>();
    const vakkennis = new Set<string>();
    const sector = new Set<string>();
    const keuzedelen = new Set<string>();
    for (const k of kwalificaties) {
      if (k.sectorkamer) sector.add(k.sectorkamer);
      if (k.opleidingsdomein) sector.add(k.opleidingsdomein);
      for (const kd of offered.get(k.crebo) ?? []) keuzedelen.add(kd);
      for (const kt of mbo.kerntakenOf(k).kerntaken) {
        if (kt.titel) kerntaken.add(kt.titel);
        for (const v of kt.vakkennisEnVaardigheden ?? []) vakkennis.add(v);
        for (const w of kt.werkprocessen) {
          werkprocessen.add(w.titel);
          const detail = [w.omschrijving, w.resultaat, w.gedrag].filter((x): x is string => !!x).join(' ');
          if (detail) details.add(detail);
        }
      }
    }
    if (d.sectorkamer) sector.add(d.sectorkamer);
    if (d.opleidingsdomein) sector.add(d.opleidingsdomein);
    const names = [...new Set(kwalificaties.map((k) => k.naam))];
    const text: DossierText = {
      crebo: d.crebo,
      titel: d.titel,
      opleidingsdomein: d.opleidingsdomein,
      kwalificaties: names,
      kerntaken: [...kerntaken],
      werkprocessen: [...werkprocessen],
      werkprocesDetails: [...details],
      vakkennis: [...vakkennis],
      sector: [...sector],
      keuzedelen: [...keuzedelen],
      plain: '',
    };
    text.plain = [...names, d.titel, ...text.kerntaken, ...text.werkprocessen].join(' ');
    out.push(text);
  }
  return out;
}
