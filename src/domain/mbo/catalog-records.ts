/**
 * From parsed mbo sources to the rows of the mbo catalogue, and what an import changes:
 * pure comparison of the stored state with the incoming records. Rows are never deleted:
 * what is gone becomes "vervallen", but only within the scopes this import replaces
 * (one table kind, or the dossiers in an SBB export), so one source never retires
 * what another source brought in.
 */
import { createHash } from 'node:crypto';
import { MboImportError } from './errors.js';
import type { Bron, Competentie, Kerntaak, KennisOfVaardigheid, Kwalificatie, ParsedDossier, Werkproces } from './model.js';
import type { ParsedTable } from './tables.js';

export const MBO_RECORD_KINDS = [
  'kwalificatiedossier',
  'kwalificatie',
  'kerntaak',
  'werkproces',
  'kennis-vaardigheid',
  'keuzedeel',
  'keuzedeel-aanbod',
  'keuzedeel-koppeling',
] as const;
export type MboRecordKind = (typeof MBO_RECORD_KINDS)[number];

/** Source names as stored in source_release.source and on every row. */
export const SBB_XML_SOURCE = 'sbb-xml';
export const tableSource = (kind: ParsedTable['kind']): string => `mbo-tabel:${kind}`;
export const dossierScope = (dossierCrebo: string): string => `${SBB_XML_SOURCE}:${dossierCrebo}`;

/** One row of the catalogue as an import wants it; `columns` are named as in the database. */
export interface MboRecord {
  kind: MboRecordKind;
  /** Unique per kind within a source. */
  key: string;
  /** The unit an import replaces as a whole (vervallen is decided within the scopes of one import). */
  scope: string;
  columns: Record<string, unknown>;
  /** Source-specific data without a column of its own. */
  details: Record<string, unknown>;
  bron: Bron;
}

export interface StoredMboState {
  kind: MboRecordKind;
  key: string;
  scope: string;
  contentHash: string;
  status: 'actief' | 'vervallen';
}

export interface MboDiff {
  added: MboRecord[];
  changed: MboRecord[];
  unchanged: MboRecord[];
  vervallen: StoredMboState[];
}

/** A stable hash of everything an import sets on a row (not the bron: a moved line is no change). */
export function mboContentHash(r: MboRecord): string {
  return createHash('sha256').update(JSON.stringify([r.kind, r.key, r.scope, r.columns, r.details])).digest('hex').slice(0, 32);
}

/**
 * stored: all rows of the same source (any scope); scopes: the scopes this import replaces.
 * A key that is stored is compared (and its scope updated when it moved); an active stored
 * row in one of the scopes that the import does not bring becomes vervallen.
 */
export function diffMboRecords(stored: readonly StoredMboState[], incoming: readonly MboRecord[], scopes: ReadonlySet<string>): MboDiff {
  const id = (kind: string, key: string): string => `${kind}|${key}`;
  const storedById = new Map(stored.map((s) => [id(s.kind, s.key), s]));
  const incomingIds = new Set<string>();
  const diff: MboDiff = { added: [], changed: [], unchanged: [], vervallen: [] };
  for (const record of incoming) {
    const rid = id(record.kind, record.key);
    if (incomingIds.has(rid)) throw new Error(`dubbele sleutel ${record.key} (${record.kind}) in de import`);
    incomingIds.add(rid);
    const before = storedById.get(rid);
    if (!before) diff.added.push(record);
    else if (before.status !== 'actief' || before.contentHash !== mboContentHash(record)) diff.changed.push(record);
    else diff.unchanged.push(record);
  }
  for (const s of stored) {
    if (s.status === 'actief' && scopes.has(s.scope) && !incomingIds.has(id(s.kind, s.key))) diff.vervallen.push(s);
  }
  return diff;
}

export function emptyMboCounts(): Record<MboRecordKind, number> {
  return Object.fromEntries(MBO_RECORD_KINDS.map((k) => [k, 0])) as Record<MboRecordKind, number>;
}

export function countMboByKind(items: ReadonlyArray<{ kind: MboRecordKind }>): Record<MboRecordKind, number> {
  const counts = emptyMboCounts();
  for (const i of items) counts[i.kind] += 1;
  return counts;
}

/** Throws an MboImportError naming the line of the second occurrence when a key repeats. */
function checkUniqueKeys(records: readonly MboRecord[]): void {
  const seen = new Map<string, MboRecord>();
  for (const r of records) {
    const first = seen.get(`${r.kind}|${r.key}`);
    if (first !== undefined) {
      throw new MboImportError({
        file: r.bron.bestand,
        line: r.bron.regel,
        reason: `${r.kind} ${r.key} komt twee keer voor (ook in ${first.bron.bestand}${first.bron.regel === null ? '' : `, regel ${first.bron.regel}`})`,
      });
    }
    seen.set(`${r.kind}|${r.key}`, r);
  }
}

// ---------------------------------------------------------------------------
// Tables

export interface TableRecords {
  source: string;
  scope: string;
  records: MboRecord[];
  /** kerntaken-werkprocessen: kerntaken added because werkprocessen named them without their own row (titel null). */
  derivedKerntaken: number;
}

/** The mbo_kwalificatie columns of a parsed kwalificatie, from a table or from SBB XML alike. */
function kwalificatieColumns(k: Kwalificatie): Record<string, unknown> {
  return {
    crebo: k.crebo,
    naam: k.naam,
    niveau: k.niveau,
    soort: k.soort,
    leerwegen: k.leerwegen,
    dossier_crebo: k.dossierCrebo,
    opleidingsdomein: k.opleidingsdomein,
    sectorkamer: k.sectorkamer,
    profiel_code: k.profielCode,
    studiebelasting_sbu: k.studiebelastingSbu,
    geldig_vanaf: k.geldigheid.geldigVanaf,
    einde_instroom: k.geldigheid.eindeInstroom,
    einde_opleiding: k.geldigheid.eindeOpleiding,
  };
}

export function recordsFromTable(table: ParsedTable): TableRecords {
  const source = tableSource(table.kind);
  const scope = source;
  const records: MboRecord[] = [];
  let derivedKerntaken = 0;
  switch (table.kind) {
    case 'kwalificaties':
      for (const d of table.dossiers) {
        records.push({
          kind: 'kwalificatiedossier',
          key: d.crebo,
          scope,
          columns: {
            dossier_crebo: d.crebo,
            titel: d.titel,
            opleidingsdomein: d.opleidingsdomein?.naam ?? null,
            sectorkamer: d.sectorkamer?.naam ?? null,
            geldig_vanaf: d.geldigheid.geldigVanaf,
            einde_instroom: d.geldigheid.eindeInstroom,
            einde_opleiding: d.geldigheid.eindeOpleiding,
          },
          details: {},
          bron: d.bron,
        });
      }
      for (const k of table.kwalificaties) {
        records.push({
          kind: 'kwalificatie',
          key: k.crebo,
          scope,
          columns: kwalificatieColumns(k),
          details: {},
          bron: k.bron,
        });
      }
      break;
    case 'kerntaken-werkprocessen':
      for (const { crebo, kerntaken } of table.perKwalificatie) {
        kerntaken.forEach((kt, position) => {
          if (kt.titel === null) derivedKerntaken += 1;
          records.push(...kerntaakRecords(kt, { scope, prefix: crebo, crebo, dossierCrebo: null, profielCode: null, position }));
        });
      }
      break;
    case 'keuzedelen':
      for (const k of table.keuzedelen) {
        records.push({
          kind: 'keuzedeel',
          key: k.code,
          scope,
          columns: { code: k.code, titel: k.titel, sbu: k.sbu, niveau: k.niveau, omschrijving: k.omschrijving },
          details: {},
          bron: k.bron,
        });
      }
      break;
    case 'keuzedeel-aanbod':
      for (const a of table.aanbod) {
        records.push({
          kind: 'keuzedeel-aanbod',
          key: `${a.crebo}:${a.keuzedeelCode}`,
          scope,
          columns: { crebo: a.crebo, keuzedeel_code: a.keuzedeelCode, instellingen: a.instellingen },
          details: {},
          bron: a.bron,
        });
      }
      break;
    case 'keuzedeel-koppelingen':
      for (const k of table.koppelingen) {
        records.push({
          kind: 'keuzedeel-koppeling',
          key: `${k.crebo}:${k.keuzedeelCode}`,
          scope,
          columns: { crebo: k.crebo, keuzedeel_code: k.keuzedeelCode, geldig_vanaf: k.geldigVanaf, geldig_tot: k.geldigTot },
          details: {},
          bron: k.bron,
        });
      }
      break;
  }
  checkUniqueKeys(records);
  return { source, scope, records, derivedKerntaken };
}

// ---------------------------------------------------------------------------
// SBB XML

const kennisNrs = (items: readonly KennisOfVaardigheid[] | null): string[] | null => (items === null ? null : items.map((k) => k.sbbNr));
const competentieCodes = (items: readonly Competentie[] | null): string[] | null => (items === null ? null : items.map((c) => c.code));

function werkprocesDetails(w: Werkproces): Record<string, unknown> {
  return {
    competenties: competentieCodes(w.competenties),
    aanvullingenPerProfiel: w.aanvullingenPerProfiel.map((a) => ({ ...a, competenties: competentieCodes(a.competenties) })),
  };
}

function kerntaakRecords(
  kt: Kerntaak,
  ctx: { scope: string; prefix: string; crebo: string | null; dossierCrebo: string | null; profielCode: string | null; position: number },
): MboRecord[] {
  const kerntaakKey = `${ctx.prefix}:${kt.code}`;
  const isXml = ctx.dossierCrebo !== null;
  const kerntaak: MboRecord = {
    kind: 'kerntaak',
    key: kerntaakKey,
    scope: ctx.scope,
    columns: {
      code: kt.code,
      crebo: ctx.crebo,
      dossier_crebo: ctx.dossierCrebo,
      profiel_code: ctx.profielCode,
      titel: kt.titel,
      complexiteit: kt.complexiteit,
      verantwoordelijkheid: kt.verantwoordelijkheid,
      position: ctx.position,
    },
    details: isXml
      ? {
          vakkennisEnVaardigheden: kennisNrs(kt.vakkennisEnVaardigheden),
          aanvullingenPerProfiel: kt.aanvullingenPerProfiel.map((a) => ({ ...a, vakkennisEnVaardigheden: kennisNrs(a.vakkennisEnVaardigheden) })),
        }
      : {},
    bron: kt.bron,
  };
  const werkprocessen = kt.werkprocessen.map(
    (w, position): MboRecord => ({
      kind: 'werkproces',
      key: `${ctx.prefix}:${w.code}`,
      scope: ctx.scope,
      columns: {
        kerntaak_key: kerntaakKey,
        code: w.code,
        titel: w.titel,
        omschrijving: w.omschrijving,
        resultaat: w.resultaat,
        gedrag: w.gedrag,
        position,
      },
      details: isXml ? werkprocesDetails(w) : {},
      bron: w.bron,
    }),
  );
  return [kerntaak, ...werkprocessen];
}

export function recordsFromDossiers(dossiers: readonly ParsedDossier[]): { scopes: string[]; records: MboRecord[] } {
  const records: MboRecord[] = [];
  const scopes: string[] = [];
  for (const d of dossiers) {
    const dossierCrebo = d.dossier.crebo;
    const scope = dossierScope(dossierCrebo);
    scopes.push(scope);
    const { crebo: _c, titel, geldigheid, opleidingsdomein, sectorkamer, bron: _b, ...dossierRest } = d.dossier;
    records.push({
      kind: 'kwalificatiedossier',
      key: dossierCrebo,
      scope,
      columns: {
        dossier_crebo: dossierCrebo,
        titel,
        opleidingsdomein: opleidingsdomein?.naam ?? null,
        sectorkamer: sectorkamer?.naam ?? null,
        geldig_vanaf: geldigheid.geldigVanaf,
        einde_instroom: geldigheid.eindeInstroom,
        einde_opleiding: geldigheid.eindeOpleiding,
      },
      details: {
        ...dossierRest,
        opleidingsdomein,
        sectorkamer,
        dossiercrebos: d.dossiercrebos,
        typeringBeroepengroep: d.typeringBeroepengroep,
        categorieenKennisEnVaardigheden: d.categorieenKennisEnVaardigheden,
      },
      bron: d.dossier.bron,
    });
    for (const k of d.kwalificaties) {
      const profiel = d.profielen.find((p) => p.code === k.profielCode);
      const registratie = profiel?.crebos.find((c) => c.crebo === k.crebo);
      records.push({
        kind: 'kwalificatie',
        key: k.crebo,
        scope,
        columns: kwalificatieColumns(k),
        details: {
          ministerie: registratie?.ministerie ?? null,
          prijsfactor: registratie?.prijsfactor ?? null,
          profiel:
            profiel === undefined
              ? null
              : {
                  code: profiel.code,
                  sbbNr: profiel.sbbNr,
                  titel: profiel.titel,
                  beroepsgroep: profiel.beroepsgroep,
                  typeringVanHetBeroep: profiel.typeringVanHetBeroep,
                  wettelijkeBeroepsvereisten: profiel.wettelijkeBeroepsvereisten,
                  toelichtingWettelijkeBeroepsvereisten: profiel.toelichtingWettelijkeBeroepsvereisten,
                  certificaten: profiel.certificaten,
                },
        },
        bron: k.bron,
      });
    }
    const allKerntaken: Array<{ kt: Kerntaak; profielCode: string | null }> = [
      ...d.basisdeel.kerntaken.map((kt) => ({ kt, profielCode: null })),
      ...d.profielen.flatMap((p) => p.kerntaken.map((kt) => ({ kt, profielCode: p.code }))),
    ];
    allKerntaken.forEach(({ kt, profielCode }, position) => {
      records.push(...kerntaakRecords(kt, { scope, prefix: dossierCrebo, crebo: null, dossierCrebo, profielCode, position }));
    });
    d.kennisEnVaardigheden.forEach((kv, position) => {
      const codes = allKerntaken
        .filter(({ kt }) =>
          [...(kt.vakkennisEnVaardigheden ?? []), ...kt.aanvullingenPerProfiel.flatMap((a) => a.vakkennisEnVaardigheden)].some((x) => x.sbbNr === kv.sbbNr),
        )
        .map(({ kt }) => kt.code);
      records.push({
        kind: 'kennis-vaardigheid',
        key: `${dossierCrebo}:${kv.sbbNr}`,
        scope,
        columns: { dossier_crebo: dossierCrebo, sbb_nr: kv.sbbNr, tekst: kv.tekst, kerntaak_codes: [...new Set(codes)], position },
        details: {},
        bron: d.dossier.bron,
      });
    });
  }
  checkUniqueKeys(records);
  return { scopes, records };
}
