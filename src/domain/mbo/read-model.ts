/**
 * The mbo catalogue as users see it, merged from its sources (SBB XML and the
 * plain tables). Pure: built from the stored rows. Rules:
 * - a kwalificatie (crebo) takes its name, niveau, soort, leerwegen and dossier from the
 *   kwalificaties table when it has a row there (the current register), else from SBB XML;
 * - its kerntaken and werkprocessen come from the SBB XML when the dossier is there (it has
 *   omschrijving, resultaat and gedrag), else from the kerntaken table;
 * - successive crebos of the same kwalificatie (same dossier, name and niveau) form one lineage;
 * - nothing is invented: what no source gives stays null and is named in `ontbreekt`.
 */
import { fold } from '../text/analyzer.js';

export interface MboBaseRow {
  source: string;
  key: string;
  status: string;
  bron: unknown;
  first_release_id: number;
  last_release_id: number;
}
type DateValue = Date | string | null;
export interface DossierRow extends MboBaseRow {
  dossier_crebo: string;
  titel: string;
  opleidingsdomein: string | null;
  sectorkamer: string | null;
  geldig_vanaf?: DateValue;
  einde_instroom?: DateValue;
  einde_opleiding?: DateValue;
}
export interface KwalificatieRow extends MboBaseRow {
  crebo: string;
  naam: string;
  niveau: number;
  soort: string | null;
  leerwegen: string[] | null;
  dossier_crebo: string;
  opleidingsdomein: string | null;
  sectorkamer: string | null;
  profiel_code: string | null;
}
export interface KerntaakRow extends MboBaseRow {
  code: string;
  crebo: string | null;
  dossier_crebo: string | null;
  profiel_code: string | null;
  titel: string | null;
  position: number;
}
export interface WerkprocesRow extends MboBaseRow {
  kerntaak_key: string;
  code: string;
  titel: string;
  omschrijving: string | null;
  resultaat: string | null;
  gedrag: string | null;
  position: number;
}
export interface KennisRow extends MboBaseRow {
  dossier_crebo: string;
  tekst: string;
  kerntaak_codes: string[];
  position: number;
}
export interface KeuzedeelRow extends MboBaseRow {
  code: string;
  titel: string;
  sbu: number | null;
  niveau: number | null;
  omschrijving: string | null;
}
export interface AanbodRow extends MboBaseRow {
  crebo: string;
  keuzedeel_code: string;
  instellingen: string[] | null;
}
export interface KoppelingRow extends MboBaseRow {
  crebo: string;
  keuzedeel_code: string;
}

export interface MboRows {
  dossiers: DossierRow[];
  kwalificaties: KwalificatieRow[];
  kerntaken: KerntaakRow[];
  werkprocessen: WerkprocesRow[];
  kennis: KennisRow[];
  keuzedelen: KeuzedeelRow[];
  aanbod: AanbodRow[];
  koppelingen: KoppelingRow[];
  /** Whether the official koppeling keuzedeel ↔ kwalificatie was ever imported. */
  koppelingenGeladen: boolean;
}

export const XML_SOURCE = 'sbb-xml';
export const TABLE_SOURCE = {
  kwalificaties: 'mbo-tabel:kwalificaties',
  kerntaken: 'mbo-tabel:kerntaken-werkprocessen',
  keuzedelen: 'mbo-tabel:keuzedelen',
  aanbod: 'mbo-tabel:keuzedeel-aanbod',
  koppelingen: 'mbo-tabel:keuzedeel-koppelingen',
} as const;

export interface MergedWerkproces {
  code: string;
  titel: string;
  omschrijving: string | null;
  resultaat: string | null;
  gedrag: string | null;
  row: WerkprocesRow;
}
export interface MergedKerntaak {
  code: string;
  titel: string | null;
  werkprocessen: MergedWerkproces[];
  vakkennisEnVaardigheden: string[] | null;
  row: KerntaakRow;
}
export interface MergedKwalificatie {
  crebo: string;
  naam: string;
  niveau: number;
  soort: string | null;
  leerwegen: string[] | null;
  dossierCrebo: string;
  opleidingsdomein: string | null;
  sectorkamer: string | null;
  status: 'actief' | 'vervallen';
  lineage: string;
  /** All rows of all sources for this crebo; the primary one first. */
  rows: KwalificatieRow[];
}
export interface Geldigheid {
  geldigVanaf: string | null;
  eindeInstroom: string | null;
  eindeOpleiding: string | null;
}
export interface MergedDossier {
  crebo: string;
  titel: string;
  opleidingsdomein: string | null;
  sectorkamer: string | null;
  geldigheid: Geldigheid;
  status: 'actief' | 'vervallen';
  rows: DossierRow[];
}
export interface MergedKeuzedeel {
  code: string;
  titel: string;
  sbu: number | null;
  niveau: number | null;
  omschrijving: string | null;
  status: 'actief' | 'vervallen';
  rows: KeuzedeelRow[];
}

/** A DATE column as YYYY-MM-DD (drivers return Date objects or strings). */
function isoDate(value: DateValue | undefined): string | null {
  if (!value) return null;
  if (value instanceof Date) {
    const local = new Date(value.getTime() - value.getTimezoneOffset() * 60_000);
    return local.toISOString().slice(0, 10);
  }
  return value.slice(0, 10);
}

export function slugify(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const active = <T extends { status: string }>(rows: readonly T[]): 'actief' | 'vervallen' => (rows.some((r) => r.status === 'actief') ? 'actief' : 'vervallen');
const byPosition = <T extends { position: number; code?: string }>(a: T, b: T) => a.position - b.position || (a.code ?? '').localeCompare(b.code ?? '');

function group<T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const i of items) {
    const k = key(i);
    const list = m.get(k);
    if (list) list.push(i);
    else m.set(k, [i]);
  }
  return m;
}

export class MboCatalog {
  readonly kwalificaties = new Map<string, MergedKwalificatie>();
  readonly dossiers = new Map<string, MergedDossier>();
  readonly keuzedelen = new Map<string, MergedKeuzedeel>();
  private readonly lineages: Map<string, MergedKwalificatie[]>;
  private readonly kwalificatiesPerDossier: Map<string, MergedKwalificatie[]>;
  private readonly werkprocessenPerKerntaak: Map<string, WerkprocesRow[]>;
  private readonly tableKerntaken: Map<string, KerntaakRow[]>;
  private readonly xmlKerntaken: Map<string, KerntaakRow[]>;
  private readonly kennisPerDossier: Map<string, KennisRow[]>;
  private readonly aanbodPerCrebo: Map<string, AanbodRow[]>;
  private readonly aanbodPerKeuzedeel: Map<string, AanbodRow[]>;
  private readonly koppelingPerCrebo: Map<string, KoppelingRow[]>;
  private readonly koppelingPerKeuzedeel: Map<string, KoppelingRow[]>;
  readonly koppelingenGeladen: boolean;

  constructor(rows: MboRows) {
    this.koppelingenGeladen = rows.koppelingenGeladen;
    for (const [crebo, list] of group(rows.kwalificaties, (r) => r.crebo)) {
      const sorted = [...list].sort((a, b) => Number(b.source === TABLE_SOURCE.kwalificaties) - Number(a.source === TABLE_SOURCE.kwalificaties) || Number(b.status === 'actief') - Number(a.status === 'actief'));
      const p = sorted[0]!;
      this.kwalificaties.set(crebo, {
        crebo,
        naam: p.naam,
        niveau: p.niveau,
        soort: p.soort,
        leerwegen: p.leerwegen,
        dossierCrebo: p.dossier_crebo,
        opleidingsdomein: p.opleidingsdomein,
        sectorkamer: p.sectorkamer,
        status: active(list),
        lineage: `${p.dossier_crebo}|${fold(p.naam).replace(/\s+/g, ' ').trim()}|${p.niveau}`,
        rows: sorted,
      });
    }
    for (const [crebo, list] of group(rows.dossiers, (r) => r.dossier_crebo)) {
      const sorted = [...list].sort((a, b) => Number(b.source !== XML_SOURCE) - Number(a.source !== XML_SOURCE));
      const p = sorted[0]!;
      this.dossiers.set(crebo, {
        crebo,
        titel: p.titel,
        opleidingsdomein: sorted.find((r) => r.opleidingsdomein)?.opleidingsdomein ?? null,
        sectorkamer: sorted.find((r) => r.sectorkamer)?.sectorkamer ?? null,
        geldigheid: {
          geldigVanaf: isoDate(sorted.find((r) => r.geldig_vanaf)?.geldig_vanaf),
          eindeInstroom: isoDate(sorted.find((r) => r.einde_instroom)?.einde_instroom),
          eindeOpleiding: isoDate(sorted.find((r) => r.einde_opleiding)?.einde_opleiding),
        },
        status: active(list),
        rows: sorted,
      });
    }
    for (const [code, list] of group(rows.keuzedelen, (r) => r.code)) {
      const p = list.find((r) => r.status === 'actief') ?? list[0]!;
      this.keuzedelen.set(code, { code, titel: p.titel, sbu: p.sbu, niveau: p.niveau, omschrijving: p.omschrijving, status: active(list), rows: list });
    }
    const all = [...this.kwalificaties.values()];
    this.lineages = group(all, (k) => k.lineage);
    this.kwalificatiesPerDossier = new Map();
    for (const k of all) {
      for (const d of new Set(k.rows.map((r) => r.dossier_crebo))) {
        const list = this.kwalificatiesPerDossier.get(d) ?? [];
        list.push(k);
        this.kwalificatiesPerDossier.set(d, list);
      }
    }
    this.werkprocessenPerKerntaak = group(rows.werkprocessen, (w) => `${w.source}|${w.kerntaak_key}`);
    this.tableKerntaken = group(rows.kerntaken.filter((k) => k.source !== XML_SOURCE && k.crebo), (k) => k.crebo!);
    this.xmlKerntaken = group(rows.kerntaken.filter((k) => k.source === XML_SOURCE && k.dossier_crebo), (k) => k.dossier_crebo!);
    this.kennisPerDossier = group(rows.kennis, (k) => k.dossier_crebo);
    this.aanbodPerCrebo = group(rows.aanbod, (a) => a.crebo);
    this.aanbodPerKeuzedeel = group(rows.aanbod, (a) => a.keuzedeel_code);
    this.koppelingPerCrebo = group(rows.koppelingen, (a) => a.crebo);
    this.koppelingPerKeuzedeel = group(rows.koppelingen, (a) => a.keuzedeel_code);
  }

  /** Kerntaken of a kwalificatie with their werkprocessen, from the richest source that has them. */
  kerntakenOf(k: MergedKwalificatie): { kerntaken: MergedKerntaak[]; source: string | null } {
    const xml = k.rows.find((r) => r.source === XML_SOURCE);
    if (xml) {
      const rows = (this.xmlKerntaken.get(xml.dossier_crebo) ?? []).filter(
        (kt) => kt.status === 'actief' && (kt.profiel_code === null || kt.profiel_code === xml.profiel_code),
      );
      if (rows.length > 0) {
        const kennis = this.kennisPerDossier.get(xml.dossier_crebo) ?? [];
        return { kerntaken: rows.sort(byPosition).map((kt) => this.mergeKerntaak(kt, kennis)), source: XML_SOURCE };
      }
    }
    const rows = (this.tableKerntaken.get(k.crebo) ?? []).filter((kt) => kt.status === 'actief');
    return { kerntaken: rows.sort(byPosition).map((kt) => this.mergeKerntaak(kt, null)), source: rows.length > 0 ? TABLE_SOURCE.kerntaken : null };
  }

  private mergeKerntaak(kt: KerntaakRow, kennis: KennisRow[] | null): MergedKerntaak {
    const wps = (this.werkprocessenPerKerntaak.get(`${kt.source}|${kt.key}`) ?? []).filter((w) => w.status === 'actief').sort(byPosition);
    const kv = kennis ? kennis.filter((k) => k.status === 'actief' && k.kerntaak_codes.includes(kt.code)).sort(byPosition).map((k) => k.tekst) : null;
    return {
      code: kt.code,
      titel: kt.titel,
      werkprocessen: wps.map((w) => ({ code: w.code, titel: w.titel, omschrijving: w.omschrijving, resultaat: w.resultaat, gedrag: w.gedrag, row: w })),
      vakkennisEnVaardigheden: kv && kv.length > 0 ? kv : null,
      row: kt,
    };
  }

  /** All crebos of the same kwalificatie, newest (highest crebo) first. */
  versiesOf(k: MergedKwalificatie): MergedKwalificatie[] {
    return [...(this.lineages.get(k.lineage) ?? [k])].sort((a, b) => b.crebo.localeCompare(a.crebo));
  }

  kwalificatiesIn(dossierCrebo: string): MergedKwalificatie[] {
    return [...(this.kwalificatiesPerDossier.get(dossierCrebo) ?? [])].sort((a, b) => a.niveau - b.niveau || a.naam.localeCompare(b.naam) || a.crebo.localeCompare(b.crebo));
  }

  /** Offers for this crebo, and for its dossier as a whole. */
  aanbodOf(k: MergedKwalificatie): AanbodRow[] {
    return [...(this.aanbodPerCrebo.get(k.crebo) ?? []), ...(this.aanbodPerCrebo.get(k.dossierCrebo) ?? [])].filter((a) => a.status === 'actief');
  }

  koppelingenOf(crebo: string): KoppelingRow[] | null {
    if (!this.koppelingenGeladen) return null;
    return (this.koppelingPerCrebo.get(crebo) ?? []).filter((a) => a.status === 'actief');
  }

  aanbodVan(keuzedeelCode: string): AanbodRow[] {
    return (this.aanbodPerKeuzedeel.get(keuzedeelCode) ?? []).filter((a) => a.status === 'actief');
  }

  koppelingenVan(keuzedeelCode: string): KoppelingRow[] | null {
    if (!this.koppelingenGeladen) return null;
    return (this.koppelingPerKeuzedeel.get(keuzedeelCode) ?? []).filter((a) => a.status === 'actief');
  }

  /** Kwalificaties (crebo) a keuzedeel is linked to or offered with; a dossier crebo in the offer counts for its kwalificaties. */
  kwalificatieCrebosVan(keuzedeelCode: string): Set<string> {
    const out = new Set<string>();
    for (const a of [...this.aanbodVan(keuzedeelCode), ...(this.koppelingenVan(keuzedeelCode) ?? [])]) {
      if (this.kwalificaties.has(a.crebo)) out.add(a.crebo);
      else for (const k of this.kwalificatiesIn(a.crebo)) out.add(k.crebo);
    }
    return out;
  }

  opleidingsdomeinen(): Array<{ slug: string; naam: string; dossiers: MergedDossier[]; aantalKwalificaties: number }> {
    const byDomein = group(
      [...this.dossiers.values()].filter((d) => d.status === 'actief' && d.opleidingsdomein),
      (d) => d.opleidingsdomein!,
    );
    return [...byDomein]
      .map(([naam, dossiers]) => ({
        slug: slugify(naam),
        naam,
        dossiers: dossiers.sort((a, b) => a.titel.localeCompare(b.titel)),
        aantalKwalificaties: new Set(dossiers.flatMap((d) => this.kwalificatiesIn(d.crebo).filter((k) => k.status === 'actief').map((k) => k.crebo))).size,
      }))
      .sort((a, b) => a.naam.localeCompare(b.naam));
  }
}
