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
  for (const d of mbo.dossiers.values()) {
    if (d.status !== 'actief') continue;
    const kwalificaties = mbo.kwalificatiesIn(d.crebo).filter((k) => k.status === 'actief' && k.dossierCrebo === d.crebo);
    if (kwalificaties.length === 0) continue;
    const kerntaken = new Set<string>();
    const werkprocessen = new Set<string>();
    for (const k of kwalificaties) {
      for (const kt of mbo.kerntakenOf(k).kerntaken) {
        if (kt.titel) kerntaken.add(kt.titel);
        for (const w of kt.werkprocessen) werkprocessen.add(w.titel);
      }
    }
    const names = [...new Set(kwalificaties.map((k) => k.naam))];
    const text: DossierText = { crebo: d.crebo, titel: d.titel, opleidingsdomein: d.opleidingsdomein, kwalificaties: names, kerntaken: [...kerntaken], werkprocessen: [...werkprocessen], plain: '' };
    text.plain = [...names, d.titel, ...text.kerntaken, ...text.werkprocessen].join(' ');
    out.push(text);
  }
  return out;
}
