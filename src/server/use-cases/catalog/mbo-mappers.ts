/** Merged mbo read model -> API shapes. */
import type { MboCatalog, MergedKwalificatie, MergedDossier, MergedKeuzedeel, MboBaseRow } from '../../../domain/mbo/read-model.js';
import type { DossierSummary, KeuzedeelSummary, KwalificatieSummary, MboBron } from '../../../shared/mbo-api.js';
import type { CatalogSnapshot } from '../../read-models/catalogue-snapshot.js';

const SOURCE_LABELS: Record<string, string> = {
  'sbb-xml': 'SBB kwalificatiedossier (XML-export)',
  'mbo-tabel:kwalificaties': 'Tabel kwalificaties',
  'mbo-tabel:kerntaken-werkprocessen': 'Tabel kerntaken en werkprocessen',
  'mbo-tabel:keuzedelen': 'Tabel keuzedelen',
  'mbo-tabel:keuzedeel-aanbod': 'Tabel keuzedeelaanbod',
  'mbo-tabel:keuzedeel-koppelingen': 'Tabel keuzedeelkoppelingen (SBB)',
};

export function mboSourceLabel(source: string): string {
  return SOURCE_LABELS[source] ?? source;
}

export function bronnenOf(snapshot: CatalogSnapshot, rows: readonly MboBaseRow[]): MboBron[] {
  const seen = new Set<string>();
  const out: MboBron[] = [];
  for (const r of rows) {
    const release = snapshot.releases.get(r.last_release_id);
    const bron = (r.bron ?? {}) as { bestand?: string; regel?: number | null };
    const key = `${r.source}|${bron.bestand ?? ''}|${bron.regel ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      source: release?.is_demo ? `${mboSourceLabel(r.source)} (demodata van Doorlopend)` : mboSourceLabel(r.source),
      release: release?.release ?? 'onbekend',
      importedAt: (release?.imported_at ?? new Date(0)).toISOString(),
      bestand: bron.bestand ?? null,
      regel: bron.regel ?? null,
    });
  }
  return out;
}

export function kwalificatieSummary(mbo: MboCatalog, k: MergedKwalificatie): KwalificatieSummary {
  return {
    crebo: k.crebo,
    naam: k.naam,
    niveau: k.niveau,
    soort: k.soort as KwalificatieSummary['soort'],
    leerwegen: k.leerwegen as KwalificatieSummary['leerwegen'],
    dossierCrebo: k.dossierCrebo,
    dossierTitel: mbo.dossiers.get(k.dossierCrebo)?.titel ?? null,
    status: k.status,
    heeftKerntaken: mbo.kerntakenOf(k).kerntaken.length > 0,
  };
}

export function dossierSummary(mbo: MboCatalog, d: MergedDossier): DossierSummary {
  return {
    crebo: d.crebo,
    titel: d.titel,
    opleidingsdomein: d.opleidingsdomein,
    sectorkamer: d.sectorkamer,
    geldigheid: d.geldigheid,
    status: d.status,
    aantalKwalificaties: mbo.kwalificatiesIn(d.crebo).filter((k) => k.status === 'actief').length,
  };
}

export function keuzedeelSummary(mbo: MboCatalog, kd: MergedKeuzedeel): KeuzedeelSummary {
  return {
    code: kd.code,
    titel: kd.titel,
    sbu: kd.sbu,
    niveau: kd.niveau,
    status: kd.status,
    aantalKwalificaties: mbo.kwalificatieCrebosVan(kd.code).size,
  };
}
