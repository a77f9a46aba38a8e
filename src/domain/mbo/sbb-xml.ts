/**
 * Reader for the SBB kwalificatiedossier export (XML, model basisdeel/profieldeel, 2015+).
 *
 * Structure (element names as SBB writes them):
 *   sbb
 *     domeinen/domein[@nr,@titel,@crebo]          opleidingsdomeinen (79xxx)
 *     sectorkamers/sectorkamer[@nr,@titel]
 *     competenties/competentie[@nr,@titel,@code]  A–Y
 *     dossiers/dossier[@nr,@titel,@status,@versie,@referentiedomein]
 *       dossiercrebos/dossiercrebo[@ministerie,@prijsfactor,@Geldig_vanaf,...]  text = crebo
 *       kennisenvaardigheden/kennisofvaardigheid[@nr,@titel]                   pool, referred to by nr
 *       categoriekennisenvaardigheden/categorie[@nr,@titel]
 *       voorblad/omschrijving/penvoerder/sectorkamer[@referentie], .../vaststellingsinformatie
 *       basis/typeringberoepengroep/{context,beroepshouding,resultaatvanhetberoep}/omschrijving
 *       basis/basistaken/basiskerntaken/kerntaak[@nr,@titel,@hoofdstuk]            code B1-K{hoofdstuk}
 *         complexiteit (text + complexiteitperprofiel/aanvullend/{profiel[@referentie],complexiteit})
 *         verantwoordelijkheid (same, with verantwoordelijkheid)
 *         vakkennisenvaardigheden/vakkennisenvaardigheden[@referentie]
 *           + vakkennisenvaardighedenperprofiel/aanvullend/{profiel, vakkennisenvaardighedenonderdelen/vakkennisenvaardigheden}
 *         basiswerkprocessen/werkproces[@nr,@titel,@hoofdstuk]                      code B1-K{k}-W{hoofdstuk}
 *           werkprocesomschrijving | werkprocesresultaat | werkprocesgedrag
 *             (text + ...perprofiel/aanvullend/{profiel, omschrijving})
 *           werkprocescompetenties/competentie[@referentie] (+ perprofiel/aanvullend/{profiel, omschrijving/competentie})
 *       profielen/profiel[@nr,@titel,@hoofdstuk,@niveau,@beroepsgroep]          code P{hoofdstuk}
 *         omschrijving/{typeringvanhetberoep,wettelijkeberoepsvereisten,...,sbu,soortopleiding}
 *         creboinformatie/crebo (like dossiercrebo)
 *         profielkerntaken/kerntaak (as above, werkprocessen in profielwerkprocessen)
 *
 * Not imported: inleiding, generieke_onderdelen and verantwoordingsinformatie (HTML
 * prose about the dossier, not catalogue data).
 *
 * Every reference (domein, sectorkamer, kennis/vaardigheid, competentie, profiel) must
 * resolve, codes and crebos must be unique, required elements must be present; otherwise
 * an MboImportError is thrown. There is never a partial result.
 */
import { MboImportError } from './errors.js';
import type {
  Basisdeel,
  Bron,
  Competentie,
  CreboRegistratie,
  Geldigheid,
  KennisOfVaardigheid,
  Kerntaak,
  KerntaakAanvulling,
  Kwalificatie,
  Opleidingsdomein,
  ParsedDossier,
  Profiel,
  Sectorkamer,
  TyperingBeroepengroep,
  Werkproces,
  WerkprocesAanvulling,
} from './model.js';
import {
  ValueError,
  checkSoortBijNiveau,
  normalizeText,
  normalizeTitle,
  parseCrebo,
  parseDate,
  parseDecimal,
  parseNiveau,
  parsePositiveInteger,
  parseSoortOpleiding,
  quote,
} from './values.js';
import { parseXmlDocument, type XmlElement } from './xml-tree.js';

export type { ParsedDossier } from './model.js';

/** Read an SBB export that holds exactly one dossier (the usual download per dossier). */
export function parseSbbDossierXml(xml: string, fileName: string): ParsedDossier {
  const dossiers = parseSbbXml(xml, fileName);
  if (dossiers.length !== 1) {
    throw new MboImportError({
      file: fileName,
      reason: `het bestand bevat ${dossiers.length} kwalificatiedossiers; verwacht precies één (gebruik parseSbbXml voor een export met meerdere dossiers)`,
    });
  }
  return dossiers[0]!;
}

/** Read an SBB export with one or more dossiers. */
export function parseSbbXml(xml: string, fileName: string): ParsedDossier[] {
  const root = parseXmlDocument(xml, fileName);
  const ctx = new Context(fileName);
  if (root.name !== 'sbb') ctx.fail(root, `het root-element is <${root.name}>, verwacht <sbb> (SBB-export van kwalificatiedossiers)`);
  const lists = readReferenceLists(ctx, root);
  const dossierElements = ctx.all(ctx.one(root, 'dossiers'), 'dossier');
  if (dossierElements.length === 0) ctx.fail(root, 'het bestand bevat geen <dossier>');
  const dossiers = dossierElements.map((element) => readDossier(ctx, element, lists));
  ctx.unique(dossiers.flatMap((d) => d.dossiercrebos.map((c) => [c.crebo, d.bron.regel ?? 0] as const)), 'dossiercrebo');
  return dossiers;
}

/** Kerntaken of one kwalificatie: the basisdeel plus the profieldeel of its profiel. */
export function kerntakenVoorCrebo(dossier: ParsedDossier, crebo: string): Kerntaak[] | null {
  const profiel = dossier.profielen.find((p) => p.crebos.some((c) => c.crebo === crebo));
  return profiel === undefined ? null : [...dossier.basisdeel.kerntaken, ...profiel.kerntaken];
}

// ---------------------------------------------------------------------------
// Context: file name, error helpers and the element accessors

class Context {
  constructor(readonly file: string) {}

  fail(element: XmlElement, reason: string): never {
    throw new MboImportError({ file: this.file, line: element.line, path: element.path, reason });
  }

  bron(element: XmlElement): Bron {
    return { bestand: this.file, regel: element.line };
  }

  /** Run a value parser; a ValueError becomes an MboImportError at this element. */
  value<T>(element: XmlElement, parse: () => T): T {
    try {
      return parse();
    } catch (error) {
      if (error instanceof ValueError) this.fail(element, error.message);
      throw error;
    }
  }

  all(parent: XmlElement, name: string): XmlElement[] {
    return parent.children.filter((c) => c.name === name);
  }

  optionalOne(parent: XmlElement, name: string): XmlElement | undefined {
    const found = this.all(parent, name);
    if (found.length > 1) this.fail(found[1]!, `<${name}> komt meer dan één keer voor in <${parent.name}>`);
    return found[0];
  }

  one(parent: XmlElement, name: string): XmlElement {
    return this.optionalOne(parent, name) ?? this.fail(parent, `verplicht element <${name}> ontbreekt in <${parent.name}>`);
  }

  attr(element: XmlElement, name: string): string {
    const value = element.attrs[name]?.trim() ?? '';
    if (value === '') this.fail(element, `verplicht attribuut ${name} ontbreekt of is leeg bij <${element.name}>`);
    return value;
  }

  optionalAttr(element: XmlElement, name: string): string | null {
    const value = element.attrs[name]?.trim() ?? '';
    return value === '' ? null : value;
  }

  /** Title-like attribute: required, white space collapsed. */
  titel(element: XmlElement, name = 'titel'): string {
    return normalizeTitle(this.attr(element, name));
  }

  /** Trimmed text of an optional child element; null when absent or empty. */
  childText(parent: XmlElement, name: string): string | null {
    const child = this.optionalOne(parent, name);
    return child === undefined ? null : normalizeText(child.text);
  }

  unique(entries: readonly (readonly [string, number])[], label: string, element?: XmlElement): void {
    const seen = new Map<string, number>();
    for (const [key, line] of entries) {
      const first = seen.get(key);
      if (first !== undefined) {
        throw new MboImportError({
          file: this.file,
          line,
          path: element?.path ?? null,
          reason: `dubbele ${label} ${key} (ook op regel ${first})`,
        });
      }
      seen.set(key, line);
    }
  }

  resolve<T>(map: ReadonlyMap<string, T>, element: XmlElement, attribute: string, label: string): T {
    const ref = this.attr(element, attribute);
    return map.get(ref) ?? this.fail(element, `${label} met nr ${ref} bestaat niet in dit bestand`);
  }
}

// ---------------------------------------------------------------------------
// Reference lists

interface ReferenceLists {
  domeinen: Map<string, Opleidingsdomein>;
  sectorkamers: Map<string, Sectorkamer>;
  competenties: Map<string, Competentie>;
}

function readReferenceLists(ctx: Context, root: XmlElement): ReferenceLists {
  const list = <T>(container: string, item: string, read: (e: XmlElement) => T): Map<string, T> => {
    const parent = ctx.optionalOne(root, container);
    const elements = parent === undefined ? [] : ctx.all(parent, item);
    ctx.unique(elements.map((e) => [ctx.attr(e, 'nr'), e.line] as const), `${item} nr`);
    return new Map(elements.map((e) => [ctx.attr(e, 'nr'), read(e)]));
  };
  const competenties = list('competenties', 'competentie', (e) => ({ code: ctx.attr(e, 'code'), titel: ctx.titel(e) }));
  const codes = [...competenties.values()].map((c) => c.code);
  if (new Set(codes).size !== codes.length) ctx.fail(ctx.one(root, 'competenties'), 'dubbele competentiecode');
  return {
    domeinen: list('domeinen', 'domein', (e) => ({
      naam: ctx.titel(e),
      crebo: ctx.optionalAttr(e, 'crebo') === null ? null : ctx.value(e, () => parseCrebo(ctx.attr(e, 'crebo'), 'crebo van het opleidingsdomein')),
      sbbNr: ctx.attr(e, 'nr'),
    })),
    sectorkamers: list('sectorkamers', 'sectorkamer', (e) => ({ naam: ctx.titel(e), sbbNr: ctx.attr(e, 'nr') })),
    competenties,
  };
}

// ---------------------------------------------------------------------------
// Dossier

/** Per-dossier lookups that kerntaken and werkprocessen refer to. */
interface DossierRefs {
  kennis: Map<string, KennisOfVaardigheid>;
  competenties: Map<string, Competentie>;
  /** profiel nr -> profiel code ("P1"). */
  profielen: Map<string, string>;
}

function readDossier(ctx: Context, element: XmlElement, lists: ReferenceLists): ParsedDossier {
  const dossiercrebos = readCrebos(ctx, ctx.one(element, 'dossiercrebos'), 'dossiercrebo');
  const primary = dossiercrebos[0]!;
  const kennisEnVaardigheden = readKennisEnVaardigheden(ctx, element);
  const profielElements = ctx.all(ctx.one(element, 'profielen'), 'profiel');
  if (profielElements.length === 0) ctx.fail(element, 'het dossier heeft geen <profiel>');
  const refs: DossierRefs = {
    kennis: new Map(kennisEnVaardigheden.map((k) => [k.sbbNr, k])),
    competenties: lists.competenties,
    profielen: readProfielCodes(ctx, profielElements),
  };
  const basis = ctx.one(element, 'basis');
  const basisdeel = readBasisdeel(ctx, basis, refs);
  const profielen = profielElements.map((p) => readProfiel(ctx, p, refs));
  const domeinRef = ctx.optionalAttr(element, 'referentiedomein');
  const opleidingsdomein =
    domeinRef === null ? null : (lists.domeinen.get(domeinRef) ?? ctx.fail(element, `opleidingsdomein met nr ${domeinRef} bestaat niet in dit bestand`));
  const voorblad = ctx.optionalOne(element, 'voorblad');
  const omschrijving = voorblad === undefined ? undefined : ctx.optionalOne(voorblad, 'omschrijving');
  const vaststelling = readVaststelling(ctx, omschrijving);
  const dossier: ParsedDossier['dossier'] = {
    crebo: primary.crebo,
    titel: ctx.titel(element),
    geldigheid: primary.geldigheid,
    opleidingsdomein,
    sectorkamer: readPenvoerder(ctx, omschrijving, lists),
    bron: ctx.bron(element),
    sbbNr: ctx.attr(element, 'nr'),
    status: ctx.optionalAttr(element, 'status'),
    versie: ctx.optionalAttr(element, 'versie'),
    ...vaststelling,
  };
  const kwalificaties = profielen.flatMap((profiel) => toKwalificaties(profiel, primary.crebo));
  const creboElements = [
    ...ctx.all(ctx.one(element, 'dossiercrebos'), 'dossiercrebo'),
    ...profielElements.flatMap((p) => ctx.all(ctx.one(p, 'creboinformatie'), 'crebo')),
  ];
  ctx.unique(
    creboElements.map((e) => [e.text.trim(), e.line] as const),
    'crebo',
    element,
  );
  return {
    bron: ctx.bron(element),
    dossier,
    dossiercrebos,
    typeringBeroepengroep: readTypering(ctx, basis),
    basisdeel,
    profielen,
    kwalificaties,
    kennisEnVaardigheden,
    categorieenKennisEnVaardigheden: readCategorieen(ctx, element),
    competenties: [...lists.competenties.values()],
    opleidingsdomeinen: [...lists.domeinen.values()],
    sectorkamers: [...lists.sectorkamers.values()],
  };
}

function readCrebos(ctx: Context, container: XmlElement, item: string): CreboRegistratie[] {
  const elements = ctx.all(container, item);
  if (elements.length === 0) ctx.fail(container, `verplicht element <${item}> ontbreekt in <${container.name}>`);
  return elements.map((e) => {
    const crebo = ctx.value(e, () => parseCrebo(e.text, item));
    const prijsfactor = ctx.optionalAttr(e, 'prijsfactor');
    return {
      crebo,
      ministerie: ctx.optionalAttr(e, 'ministerie'),
      prijsfactor: prijsfactor === null ? null : ctx.value(e, () => parseDecimal(prijsfactor, 'prijsfactor')),
      geldigheid: readGeldigheid(ctx, e),
    };
  });
}

function readGeldigheid(ctx: Context, element: XmlElement): Geldigheid {
  const date = (attribute: string): string | null => {
    const raw = ctx.optionalAttr(element, attribute);
    return raw === null ? null : ctx.value(element, () => parseDate(raw, attribute));
  };
  return {
    geldigVanaf: date('Geldig_vanaf'),
    eindeInstroom: date('Datum_einde_instroom'),
    eindeOpleiding: date('Datum_einde_opleiding'),
  };
}

function readKennisEnVaardigheden(ctx: Context, dossier: XmlElement): KennisOfVaardigheid[] {
  const container = ctx.optionalOne(dossier, 'kennisenvaardigheden');
  const items = container === undefined ? [] : ctx.all(container, 'kennisofvaardigheid');
  ctx.unique(items.map((e) => [ctx.attr(e, 'nr'), e.line] as const), 'kennisofvaardigheid nr');
  return items.map((e) => ({ sbbNr: ctx.attr(e, 'nr'), tekst: ctx.titel(e) }));
}

function readCategorieen(ctx: Context, dossier: XmlElement): { sbbNr: string; titel: string }[] {
  const container = ctx.optionalOne(dossier, 'categoriekennisenvaardigheden');
  const items = container === undefined ? [] : ctx.all(container, 'categorie');
  ctx.unique(items.map((e) => [ctx.attr(e, 'nr'), e.line] as const), 'categorie nr');
  return items.map((e) => ({ sbbNr: ctx.attr(e, 'nr'), titel: ctx.titel(e) }));
}

function readPenvoerder(ctx: Context, omschrijving: XmlElement | undefined, lists: ReferenceLists): Sectorkamer | null {
  const penvoerder = omschrijving === undefined ? undefined : ctx.optionalOne(omschrijving, 'penvoerder');
  const ref = penvoerder === undefined ? undefined : ctx.optionalOne(penvoerder, 'sectorkamer');
  return ref === undefined ? null : ctx.resolve(lists.sectorkamers, ref, 'referentie', 'sectorkamer');
}

function readVaststelling(ctx: Context, omschrijving: XmlElement | undefined): { vastgesteldOp: string | null; vastgesteldDoor: string | null } {
  const verantwoording = omschrijving === undefined ? undefined : ctx.optionalOne(omschrijving, 'verantwoording');
  const info = verantwoording === undefined ? undefined : ctx.optionalOne(verantwoording, 'vaststellingsinformatie');
  if (info === undefined) return { vastgesteldOp: null, vastgesteldDoor: null };
  const op = ctx.optionalOne(info, 'vastgesteldop');
  const opText = op === undefined ? null : normalizeText(op.text);
  return {
    vastgesteldOp: op === undefined || opText === null ? null : ctx.value(op, () => parseDate(opText, 'vastgesteldop')),
    vastgesteldDoor: ctx.childText(info, 'vastgestelddoor'),
  };
}

function readTypering(ctx: Context, basis: XmlElement): TyperingBeroepengroep {
  const typering = ctx.optionalOne(basis, 'typeringberoepengroep');
  const part = (name: string): string | null => {
    const element = typering === undefined ? undefined : ctx.optionalOne(typering, name);
    return element === undefined ? null : ctx.childText(element, 'omschrijving');
  };
  return { context: part('context'), beroepshouding: part('beroepshouding'), resultaatVanHetBeroep: part('resultaatvanhetberoep') };
}

// ---------------------------------------------------------------------------
// Basisdeel and profielen

function hoofdstuk(ctx: Context, element: XmlElement): number {
  return ctx.value(element, () => parsePositiveInteger(ctx.attr(element, 'hoofdstuk'), `hoofdstuk van <${element.name}>`));
}

function readProfielCodes(ctx: Context, profielen: readonly XmlElement[]): Map<string, string> {
  const entries = profielen.map((p) => [ctx.attr(p, 'nr'), `P${hoofdstuk(ctx, p)}`, p] as const);
  ctx.unique(entries.map(([nr, , p]) => [nr, p.line] as const), 'profiel nr');
  ctx.unique(entries.map(([, code, p]) => [code, p.line] as const), 'profielcode');
  return new Map(entries.map(([nr, code]) => [nr, code]));
}

function readBasisdeel(ctx: Context, basis: XmlElement, refs: DossierRefs): Basisdeel {
  const container = ctx.one(ctx.one(basis, 'basistaken'), 'basiskerntaken');
  const elements = ctx.all(container, 'kerntaak');
  if (elements.length === 0) ctx.fail(container, 'het basisdeel heeft geen <kerntaak>');
  return { code: 'B1', kerntaken: readKerntaken(ctx, elements, 'B1', 'basiswerkprocessen', refs) };
}

function readProfiel(ctx: Context, element: XmlElement, refs: DossierRefs): Profiel {
  const code = `P${hoofdstuk(ctx, element)}`;
  const niveau = ctx.value(element, () => parseNiveau(ctx.attr(element, 'niveau')));
  const omschrijving = ctx.optionalOne(element, 'omschrijving');
  const text = (name: string): string | null => (omschrijving === undefined ? null : ctx.childText(omschrijving, name));
  const soortText = text('soortopleiding');
  const soort = soortText === null ? null : ctx.value(element, () => parseSoortOpleiding(soortText));
  if (soort !== null) ctx.value(element, () => checkSoortBijNiveau(soort, niveau));
  const sbu = text('sbu');
  return {
    code,
    sbbNr: ctx.attr(element, 'nr'),
    titel: ctx.titel(element),
    niveau,
    soort,
    beroepsgroep: ctx.optionalAttr(element, 'beroepsgroep'),
    typeringVanHetBeroep: text('typeringvanhetberoep'),
    wettelijkeBeroepsvereisten: readJaNee(ctx, element, text('wettelijkeberoepsvereisten')),
    toelichtingWettelijkeBeroepsvereisten: text('toelichtingwettelijkeberoepsvereisten'),
    certificaten: text('certificaten'),
    studiebelastingSbu: sbu === null ? null : ctx.value(element, () => parsePositiveInteger(sbu, 'sbu van het profiel')),
    crebos: readCrebos(ctx, ctx.one(element, 'creboinformatie'), 'crebo'),
    kerntaken: readKerntaken(ctx, ctx.all(ctx.one(element, 'profielkerntaken'), 'kerntaak'), code, 'profielwerkprocessen', refs),
    bron: ctx.bron(element),
  };
}

function readJaNee(ctx: Context, element: XmlElement, raw: string | null): boolean | null {
  if (raw === null) return null;
  const value = raw.toLowerCase();
  if (value === 'ja') return true;
  if (value === 'nee') return false;
  return ctx.fail(element, `wettelijkeberoepsvereisten ${quote(raw)} is ongeldig: verwacht Ja of Nee`);
}

function toKwalificaties(profiel: Profiel, dossierCrebo: string): Kwalificatie[] {
  return profiel.crebos.map((registratie) => ({
    crebo: registratie.crebo,
    naam: profiel.titel,
    niveau: profiel.niveau,
    soort: profiel.soort,
    leerwegen: null,
    dossierCrebo,
    opleidingsdomein: null,
    sectorkamer: null,
    geldigheid: registratie.geldigheid,
    profielCode: profiel.code,
    studiebelastingSbu: profiel.studiebelastingSbu,
    bron: profiel.bron,
  }));
}

// ---------------------------------------------------------------------------
// Kerntaken and werkprocessen

function readKerntaken(ctx: Context, elements: readonly XmlElement[], deel: string, werkprocessenName: string, refs: DossierRefs): Kerntaak[] {
  const kerntaken = elements.map((e) => readKerntaak(ctx, e, deel, werkprocessenName, refs));
  ctx.unique(kerntaken.map((k) => [k.code, k.bron.regel ?? 0] as const), 'kerntaakcode');
  return kerntaken;
}

function readKerntaak(ctx: Context, element: XmlElement, deel: string, werkprocessenName: string, refs: DossierRefs): Kerntaak {
  const code = `${deel}-K${hoofdstuk(ctx, element)}`;
  const complexiteit = ctx.optionalOne(element, 'complexiteit');
  const verantwoordelijkheid = ctx.optionalOne(element, 'verantwoordelijkheid');
  const vakkennis = ctx.optionalOne(element, 'vakkennisenvaardigheden');
  const werkprocesElements = ctx.all(ctx.one(element, werkprocessenName), 'werkproces');
  const werkprocessen = werkprocesElements.map((w) => readWerkproces(ctx, w, code, refs));
  ctx.unique(werkprocessen.map((w) => [w.code, w.bron.regel ?? 0] as const), 'werkprocescode');
  return {
    code,
    titel: ctx.titel(element),
    complexiteit: complexiteit === undefined ? null : normalizeText(complexiteit.text),
    verantwoordelijkheid: verantwoordelijkheid === undefined ? null : normalizeText(verantwoordelijkheid.text),
    vakkennisEnVaardigheden: vakkennis === undefined ? null : readVakkennisRefs(ctx, vakkennis, refs),
    aanvullingenPerProfiel: readKerntaakAanvullingen(ctx, { complexiteit, verantwoordelijkheid, vakkennis }, refs),
    werkprocessen,
    bron: ctx.bron(element),
  };
}

function readVakkennisRefs(ctx: Context, container: XmlElement, refs: DossierRefs): KennisOfVaardigheid[] {
  const metCategorie = ctx.optionalOne(container, 'vakkennisenvaardigheden_met_categorie');
  if (metCategorie !== undefined && (metCategorie.children.length > 0 || metCategorie.text.trim() !== '')) {
    ctx.fail(metCategorie, 'vakkennis en vaardigheden met categorie worden nog niet ondersteund; het bestand is niet ingelezen om geen inhoud te verliezen');
  }
  return ctx
    .all(container, 'vakkennisenvaardigheden')
    .map((ref) => ctx.resolve(refs.kennis, ref, 'referentie', 'kennisofvaardigheid'));
}

function readCompetentieRefs(ctx: Context, container: XmlElement, refs: DossierRefs): Competentie[] {
  return ctx.all(container, 'competentie').map((ref) => ctx.resolve(refs.competenties, ref, 'referentie', 'competentie'));
}

function readWerkproces(ctx: Context, element: XmlElement, kerntaakCode: string, refs: DossierRefs): Werkproces {
  const omschrijving = ctx.optionalOne(element, 'werkprocesomschrijving');
  const resultaat = ctx.optionalOne(element, 'werkprocesresultaat');
  const gedrag = ctx.optionalOne(element, 'werkprocesgedrag');
  const competenties = ctx.optionalOne(element, 'werkprocescompetenties');
  return {
    code: `${kerntaakCode}-W${hoofdstuk(ctx, element)}`,
    titel: ctx.titel(element),
    omschrijving: omschrijving === undefined ? null : normalizeText(omschrijving.text),
    resultaat: resultaat === undefined ? null : normalizeText(resultaat.text),
    gedrag: gedrag === undefined ? null : normalizeText(gedrag.text),
    competenties: competenties === undefined ? null : readCompetentieRefs(ctx, competenties, refs),
    aanvullingenPerProfiel: readWerkprocesAanvullingen(ctx, { omschrijving, resultaat, gedrag, competenties }, refs),
    bron: ctx.bron(element),
  };
}

// ---------------------------------------------------------------------------
// Per-profiel additions (…perprofiel/aanvullend) to basisdeel kerntaken and werkprocessen

/** profiel code -> value, read from `<field><fieldperprofiel><aanvullend><profiel referentie/>…`. */
function readAanvullend<T>(
  ctx: Context,
  field: XmlElement | undefined,
  perProfielName: string,
  refs: DossierRefs,
  read: (aanvullend: XmlElement) => T,
): Map<string, T> {
  const result = new Map<string, T>();
  const perProfiel = field === undefined ? undefined : ctx.optionalOne(field, perProfielName);
  if (perProfiel === undefined) return result;
  for (const aanvullend of ctx.all(perProfiel, 'aanvullend')) {
    const profielCode = ctx.resolve(refs.profielen, ctx.one(aanvullend, 'profiel'), 'referentie', 'profiel');
    if (result.has(profielCode)) ctx.fail(aanvullend, `dubbele aanvulling voor profiel ${profielCode} in <${perProfielName}>`);
    result.set(profielCode, read(aanvullend));
  }
  return result;
}

function profielOrder(refs: DossierRefs, maps: readonly Map<string, unknown>[]): string[] {
  const codes = new Set(maps.flatMap((m) => [...m.keys()]));
  return [...new Set(refs.profielen.values())].filter((code) => codes.has(code));
}

function readKerntaakAanvullingen(
  ctx: Context,
  fields: { complexiteit: XmlElement | undefined; verantwoordelijkheid: XmlElement | undefined; vakkennis: XmlElement | undefined },
  refs: DossierRefs,
): KerntaakAanvulling[] {
  const complexiteit = readAanvullend(ctx, fields.complexiteit, 'complexiteitperprofiel', refs, (a) => ctx.childText(a, 'complexiteit'));
  const verantwoordelijkheid = readAanvullend(ctx, fields.verantwoordelijkheid, 'verantwoordelijkheidperprofiel', refs, (a) =>
    ctx.childText(a, 'verantwoordelijkheid'),
  );
  const vakkennis = readAanvullend(ctx, fields.vakkennis, 'vakkennisenvaardighedenperprofiel', refs, (a) => {
    const onderdelen = ctx.optionalOne(a, 'vakkennisenvaardighedenonderdelen');
    return onderdelen === undefined ? [] : readVakkennisRefs(ctx, onderdelen, refs);
  });
  return profielOrder(refs, [complexiteit, verantwoordelijkheid, vakkennis])
    .map((profielCode) => ({
      profielCode,
      complexiteit: complexiteit.get(profielCode) ?? null,
      verantwoordelijkheid: verantwoordelijkheid.get(profielCode) ?? null,
      vakkennisEnVaardigheden: vakkennis.get(profielCode) ?? [],
    }))
    .filter((a) => a.complexiteit !== null || a.verantwoordelijkheid !== null || a.vakkennisEnVaardigheden.length > 0);
}

function readWerkprocesAanvullingen(
  ctx: Context,
  fields: Record<'omschrijving' | 'resultaat' | 'gedrag' | 'competenties', XmlElement | undefined>,
  refs: DossierRefs,
): WerkprocesAanvulling[] {
  const text = (field: XmlElement | undefined, name: string): Map<string, string | null> =>
    readAanvullend(ctx, field, name, refs, (a) => ctx.childText(a, 'omschrijving'));
  const omschrijving = text(fields.omschrijving, 'werkprocesomschrijvingperprofiel');
  const resultaat = text(fields.resultaat, 'werkprocesresultaatperprofiel');
  const gedrag = text(fields.gedrag, 'werkprocesgedragperprofiel');
  const competenties = readAanvullend(ctx, fields.competenties, 'werkprocescompetentiesperprofiel', refs, (a) => {
    const lijst = ctx.optionalOne(a, 'omschrijving');
    return lijst === undefined ? [] : readCompetentieRefs(ctx, lijst, refs);
  });
  return profielOrder(refs, [omschrijving, resultaat, gedrag, competenties])
    .map((profielCode) => ({
      profielCode,
      omschrijving: omschrijving.get(profielCode) ?? null,
      resultaat: resultaat.get(profielCode) ?? null,
      gedrag: gedrag.get(profielCode) ?? null,
      competenties: competenties.get(profielCode) ?? [],
    }))
    .filter((a) => a.omschrijving !== null || a.resultaat !== null || a.gedrag !== null || a.competenties.length > 0);
}
