/** Search documents for the mbo side: kwalificaties, dossiers, kerntaken, werkprocessen and keuzedelen. Pure. */
import { Lexicon, termsWithCompounds } from '../text/analyzer.js';
import { foldCode, KIND_BOOST, type SearchDocumentInput } from '../vmbo/search-documents.js';
import type { MboCatalog } from './read-model.js';

export function mboTexts(catalog: MboCatalog): string[] {
  const texts: string[] = [];
  for (const k of catalog.kwalificaties.values()) texts.push(k.naam);
  for (const d of catalog.dossiers.values()) texts.push(d.titel);
  for (const kd of catalog.keuzedelen.values()) texts.push(kd.titel, kd.omschrijving ?? '');
  for (const k of catalog.kwalificaties.values()) {
    for (const kt of catalog.kerntakenOf(k).kerntaken) {
      texts.push(kt.titel ?? '');
      for (const w of kt.werkprocessen) texts.push(w.titel);
    }
  }
  return texts;
}

export function buildMboSearchDocuments(catalog: MboCatalog, lexicon: Lexicon): SearchDocumentInput[] {
  const terms = (text: string | null) => (text ? termsWithCompounds(text, lexicon) : []);
  const docs: SearchDocumentInput[] = [];
  const base = (id: string, kind: SearchDocumentInput['kind'], code: string, title: string, url: string, context: string, body = '') => ({
    id: `mbo:${kind}:${id}`,
    side: 'mbo' as const,
    kind,
    itemId: id,
    code,
    codeFolded: foldCode(code),
    title,
    body,
    context,
    url,
    leerwegen: [],
    profielCode: null,
    boost: KIND_BOOST[kind],
  });

  for (const d of catalog.dossiers.values()) {
    if (d.status !== 'actief') continue;
    docs.push({ ...base(d.crebo, 'dossier', d.crebo, d.titel, `/mbo/dossiers/${d.crebo}`, d.opleidingsdomein ?? 'Kwalificatiedossier'), weighted: { A: terms(d.titel), B: terms(d.opleidingsdomein), C: [], D: [] } });
  }
  const indexedKerntaakRows = new Set<string>();
  for (const k of catalog.kwalificaties.values()) {
    if (k.status !== 'actief') continue;
    const { kerntaken } = catalog.kerntakenOf(k);
    const dossier = catalog.dossiers.get(k.dossierCrebo);
    const url = `/mbo/kwalificaties/${k.crebo}`;
    docs.push({
      ...base(k.crebo, 'kwalificatie', k.crebo, k.naam, url, `${dossier?.titel ?? `dossier ${k.dossierCrebo}`} · niveau ${k.niveau}`),
      weighted: {
        A: [k.crebo, ...terms(k.naam)],
        B: terms(dossier?.titel ?? null),
        C: kerntaken.flatMap((kt) => terms(kt.titel)),
        D: kerntaken.flatMap((kt) => kt.werkprocessen.flatMap((w) => terms(w.titel))),
      },
    });
    // A kerntaak of the SBB dossier is shared by its kwalificaties: index it once, at the first.
    for (const kt of kerntaken) {
      const rowId = `${kt.row.source}|${kt.row.key}`;
      if (indexedKerntaakRows.has(rowId)) continue;
      indexedKerntaakRows.add(rowId);
      const context = `${k.crebo} ${k.naam}`;
      if (kt.titel) {
        docs.push({
          ...base(`${k.crebo}:${kt.code}`, 'kerntaak', kt.code, kt.titel, `${url}#${kt.code}`, context),
          weighted: { A: terms(kt.titel), B: [], C: kt.werkprocessen.flatMap((w) => terms(w.titel)), D: [] },
        });
      }
      for (const w of kt.werkprocessen) {
        const body = [w.omschrijving, w.resultaat].filter(Boolean).join(' ');
        docs.push({
          ...base(`${k.crebo}:${w.code}`, 'werkproces', w.code, w.titel, `${url}#${w.code}`, context, body),
          weighted: { A: terms(w.titel), B: terms(w.omschrijving), C: terms(w.resultaat), D: terms(w.gedrag) },
        });
      }
    }
  }
  for (const kd of catalog.keuzedelen.values()) {
    if (kd.status !== 'actief') continue;
    const context = kd.sbu ? `Keuzedeel · ${kd.sbu} SBU` : 'Keuzedeel';
    docs.push({
      ...base(kd.code, 'keuzedeel', kd.code, kd.titel, `/mbo/keuzedelen/${kd.code}`, context, kd.omschrijving ?? ''),
      weighted: { A: [kd.code.toLowerCase(), ...terms(kd.titel)], B: terms(kd.omschrijving), C: [], D: [] },
    });
  }
  return docs;
}
