/**
 * The samenwerkingsovereenkomst's pure domain (issue 13): the clause set as data (valid, every soort's clauses known,
 * a–i required for a doorlopende leerroute, a source per clause, in our own words), completeness per clause, the
 * status transitions, who signs for a party, the difference per clause, the proposal from plain inputs, the facts for
 * the regelbank, and the export document model.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAUSULESET, clausulesVoor, controleerClausuleset } from '../../src/domain/overeenkomst/clausules.js';
import { overeenkomstDocument } from '../../src/domain/overeenkomst/document.js';
import { beoordeelClausule, magVoorPartijTekenen, orgaanPastBij, overeenkomstFeiten, overgang, verschilPerClausule, volledigheid, woordVerschil } from '../../src/domain/overeenkomst/overeenkomst.js';
import { voorstel, type VoorstelInput } from '../../src/domain/overeenkomst/voorstel.js';
import { OVEREENKOMST_SOORTEN, type OvereenkomstDetail } from '../../src/shared/overeenkomst-api.js';

const VOLZIN = 'Dit onderdeel is door beide scholen samen besproken en zo afgesproken.';

describe('the clause set (data)', () => {
  it('is valid: unique ids, a title, explanation, source and minimum length per clause, every soort naming known clauses', () => {
    expect(controleerClausuleset()).toEqual([]);
    expect(CLAUSULESET.versie).toMatch(/^\d{4}-\d{2}-\d+$/);
    expect(Object.keys(CLAUSULESET.soorten).sort()).toEqual([...OVEREENKOMST_SOORTEN].sort());
  });

  it('requires the clauses a–i (and the parties) for a doorlopende leerroute, and the five entree agreements', () => {
    expect(CLAUSULESET.soorten['doorlopende-leerroute'].verplicht).toEqual(['partijen', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);
    expect(CLAUSULESET.soorten.entree.verplicht.filter((c) => c.startsWith('entree-'))).toHaveLength(5);
    expect(CLAUSULESET.soorten.leerwerktraject.verplicht).toContain('lwt-doorstroom');
    for (const soort of OVEREENKOMST_SOORTEN) expect(clausulesVoor(soort)[0]).toMatchObject({ id: 'partijen', verplicht: true });
  });

  it('finds a data mistake', () => {
    const broken = { ...CLAUSULESET, soorten: { ...CLAUSULESET.soorten, algemeen: { ...CLAUSULESET.soorten.algemeen, verplicht: ['partijen', 'bestaat-niet', 'partijen'] } }, clausules: [...CLAUSULESET.clausules, { ...CLAUSULESET.clausules[0]!, bron: { document: '', sectie: '' } }] };
    expect(controleerClausuleset(broken)).toEqual(
      expect.arrayContaining(['clausule partijen staat er twee keer in', 'clausule partijen mist een bron', 'soort algemeen noemt onbekende clausule bestaat-niet', 'soort algemeen noemt een clausule twee keer']),
    );
  });
});

describe('completeness per clause', () => {
  const def = { minLengte: 40 };
  it('tells empty, too short, a place to fill in, and filled apart', () => {
    expect(beoordeelClausule('  ', def, true)).toEqual({ status: 'leeg', melding: 'Verplicht en nog leeg.' });
    expect(beoordeelClausule('', def, false)).toEqual({ status: 'leeg', melding: 'Aanbevolen, nog leeg.' });
    expect(beoordeelClausule('n.v.t.', def, true).status).toBe('te-kort');
    expect(beoordeelClausule('x'.repeat(60), def, true).status).toBe('te-kort'); // no words
    expect(beoordeelClausule('De route wordt geleid door [namen en functies] van beide scholen samen.', def, true)).toEqual({ status: 'open-plek', melding: 'Vul nog in: [namen en functies].' });
    expect(beoordeelClausule(VOLZIN, def, true)).toEqual({ status: 'ingevuld', melding: 'Ingevuld.' });
  });

  it('allows signing only when every required clause is filled; recommended ones do not block', () => {
    const teksten = new Map(CLAUSULESET.soorten.algemeen.verplicht.map((id) => [id, VOLZIN]));
    const v = volledigheid('algemeen', teksten);
    expect(v).toMatchObject({ verplicht: 3, ingevuld: 3, ontbreekt: [], kanTerOndertekening: true });
    expect(v.clausules.filter((c) => !c.verplicht).every((c) => c.status === 'leeg')).toBe(true);
    teksten.set('doel', 'Kort.');
    const w = volledigheid('algemeen', teksten);
    expect(w.kanTerOndertekening).toBe(false);
    expect(w.ontbreekt).toEqual([expect.stringMatching(/^Doel van de samenwerking: te kort om iets vast te leggen/)]);
  });
});

describe('status transitions', () => {
  const klaar = volledigheid('algemeen', new Map(CLAUSULESET.soorten.algemeen.verplicht.map((id) => [id, VOLZIN])));
  const onaf = volledigheid('algemeen', new Map());
  it('concept → ter ondertekening only when complete; back to concept; ondertekend → beëindigd', () => {
    expect(overgang('concept', 'ter-ondertekening', { volledig: klaar })).toEqual({ ok: true });
    expect(overgang('concept', 'ter-ondertekening', { volledig: onaf })).toMatchObject({ ok: false, soort: 'ongeldig', melding: expect.stringMatching(/nog niet compleet/) });
    expect(overgang('ter-ondertekening', 'concept', { volledig: klaar })).toEqual({ ok: true });
    expect(overgang('ondertekend', 'beeindigd', { volledig: klaar })).toEqual({ ok: true });
  });
  it('refuses every other step as a conflict, pointing to a new version for a signed one', () => {
    expect(overgang('ondertekend', 'concept', { volledig: klaar })).toMatchObject({ ok: false, soort: 'conflict', melding: expect.stringMatching(/nieuwe versie/) });
    expect(overgang('ondertekend', 'ter-ondertekening', { volledig: klaar })).toMatchObject({ ok: false, soort: 'conflict' });
    expect(overgang('concept', 'beeindigd', { volledig: klaar })).toMatchObject({ ok: false, soort: 'conflict' });
    expect(overgang('beeindigd', 'beeindigd', { volledig: klaar })).toMatchObject({ ok: false, soort: 'conflict' });
    expect(overgang('concept', 'concept', { volledig: klaar })).toMatchObject({ ok: false, soort: 'conflict' });
  });
  it('lets only a beheerder of that organisation sign for it; matches the body of medezeggenschap to the kind of school', () => {
    const actor = { userId: 'u', memberships: [{ organisationId: 'vmbo', rol: 'beheerder' as const }, { organisationId: 'roc', rol: 'ontwikkelaar' as const }] };
    expect(magVoorPartijTekenen(actor, 'vmbo')).toBe(true);
    expect(magVoorPartijTekenen(actor, 'roc')).toBe(false);
    expect(magVoorPartijTekenen(actor, 'elders')).toBe(false);
    expect(orgaanPastBij('mr', 'vmbo-school')).toBe(true);
    expect(orgaanPastBij('mr', 'mbo-instelling')).toBe(false);
    expect(orgaanPastBij('deelnemersraad', 'mbo-instelling')).toBe(true);
    expect(orgaanPastBij('ondernemingsraad', 'vmbo-school')).toBe(false);
  });
});

describe('difference between versions', () => {
  it('shows words removed and added, keeping the rest', () => {
    expect(woordVerschil('Er wordt geen geld overgedragen.', 'Er wordt wel geld overgedragen.')).toEqual([
      { soort: 'gelijk', tekst: 'Er wordt ' },
      { soort: 'weg', tekst: 'geen' },
      { soort: 'erbij', tekst: 'wel' },
      { soort: 'gelijk', tekst: ' geld overgedragen.' },
    ]);
    expect(woordVerschil('', '')).toEqual([]);
    expect(woordVerschil('a', 'a')).toEqual([{ soort: 'gelijk', tekst: 'a' }]);
    // Long texts stay fast and complete.
    const oud = Array.from({ length: 3000 }, (_, i) => `w${i}`).join(' ');
    const nieuw = `${oud} extra`;
    const d = woordVerschil(oud, nieuw);
    expect(d.map((s) => (s.soort === 'weg' ? '' : s.tekst)).join('')).toBe(nieuw);
  });
  it('per clause: equal, changed, added, removed', () => {
    const d = verschilPerClausule(
      [{ id: 'a', titel: 'A', tekst: 'zelfde' }, { id: 'b', titel: 'B', tekst: 'oud' }, { id: 'c', titel: 'C', tekst: 'weg' }],
      [{ id: 'a', titel: 'A', tekst: 'zelfde' }, { id: 'b', titel: 'B', tekst: 'nieuw' }, { id: 'd', titel: 'D', tekst: 'erbij' }],
    );
    expect(d.map((c) => [c.id, c.soort])).toEqual([['a', 'gelijk'], ['b', 'gewijzigd'], ['d', 'toegevoegd'], ['c', 'verwijderd']]);
  });
});

const INPUT: VoorstelInput = {
  samenwerking: 'Techniek Noord',
  partijen: [
    { naam: 'Vmbo Noord', soort: 'vmbo-school', brin: '01AB', vestigingen: [{ naam: 'Locatie Zuid', brin: '01AB01' }] },
    { naam: 'ROC Noord', soort: 'mbo-instelling', brin: null, vestigingen: [] },
  ],
  routes: [
    {
      naam: 'Installatie BB',
      typeNaam: 'Doorlopende leerroute',
      diplomas: { vmbo: true, mbo: true },
      leidtTot: [],
      profiel: { code: 'PIE', titel: 'Produceren, installeren en energie' },
      leerweg: 'BB',
      keuzevakken: [{ code: 'K/PIE/16', titel: 'Koudetechniek' }],
      kwalificatie: { crebo: '25282', naam: 'Monteur koude- en klimaatsystemen', niveau: 2 },
      keuzedelen: [],
      tijdpad: [
        { leerjaar: 3, fase: 'vmbo', organisatie: 'Vmbo Noord' },
        { leerjaar: 5, fase: 'mbo', organisatie: null },
      ],
      activiteiten: [{ titel: 'Gastles', leerjaar: 4, organisatie: 'ROC Noord', uren: 2.5 }],
      materialen: [{ titel: 'Koelunit', soort: 'apparatuur', organisatie: 'ROC Noord' }],
    },
  ],
  onderwerpen: ['lob'],
};

describe('the proposal', () => {
  it('fills parties, a and d from what the platform knows, marking what only people can say', () => {
    const t = voorstel('doorlopende-leerroute', INPUT);
    expect([...t.keys()]).toEqual(clausulesVoor('doorlopende-leerroute').map((c) => c.id));
    expect(t.get('partijen')).toBe(
      'Vmbo Noord, vmbo-school, BRIN 01AB, vertegenwoordigd door haar bevoegd gezag. Vestigingen: Locatie Zuid (01AB01).\nROC Noord, mbo-instelling, BRIN [BRIN-nummer], vertegenwoordigd door haar bevoegd gezag.',
    );
    expect(t.get('a')).toBe(
      'Installatie BB (doorlopende leerroute) begint in het vmbo-profiel Produceren, installeren en energie (PIE), basisberoepsgerichte leerweg (BB), met de keuzevakken K/PIE/16 Koudetechniek, en sluit aan op de kwalificatie Monteur koude- en klimaatsystemen (crebo 25282, niveau 2). De route leidt tot een vmbo-diploma en een mbo-diploma.',
    );
    expect(t.get('d')).toContain('leerjaar 3 (vmbo): Vmbo Noord; leerjaar 5 (mbo): [partner die dit jaar verzorgt]');
    expect(t.get('d')).toContain('Gastles (leerjaar 4, door ROC Noord, 2,5 uur)');
    expect(t.get('d')).toContain('Koelunit (apparatuur, van ROC Noord)');
    expect(t.get('b')).toBe('');
    expect(t.get('doel')).toContain('Techniek Noord');
    const v = volledigheid('doorlopende-leerroute', t);
    expect(v.clausules.find((c) => c.id === 'partijen')!.status).toBe('open-plek');
    expect(v.clausules.find((c) => c.id === 'a')!.status).toBe('ingevuld');
    expect(v.clausules.find((c) => c.id === 'd')!.status).toBe('open-plek');
  });
  it('without routes: a general agreement on its subjects', () => {
    const t = voorstel('algemeen', { ...INPUT, routes: [], onderwerpen: ['gastdocenten', 'faciliteiten'] });
    expect(t.get('onderwerpen')).toBe('De samenwerking betreft gastdocenten en faciliteiten (lokalen, machines, materialen).');
    expect(volledigheid('algemeen', t).clausules.find((c) => c.id === 'onderwerpen')!.status).toBe('ingevuld');
  });
});

describe('facts for the regelbank', () => {
  it('names the filled clauses a–i and maps a keuzevak-keuzedeelarrangement to a general agreement', () => {
    const teksten = new Map([['a', VOLZIN], ['b', 'kort'], ['d', VOLZIN], ['partijen', VOLZIN]]);
    expect(overeenkomstFeiten({ id: 'o', status: 'concept', soort: 'doorlopende-leerroute', leerrouteIds: ['r'], teksten })).toEqual({ id: 'o', status: 'concept', soort: 'doorlopende-leerroute', leerrouteIds: ['r'], ingevuldeClausules: ['a', 'd'], geldigTot: null });
    expect(overeenkomstFeiten({ id: 'o', status: 'ondertekend', soort: 'keuzevak-keuzedeel', leerrouteIds: [], teksten }).soort).toBe('algemeen');
  });
});

describe('the export document', () => {
  const detail = (over: Partial<OvereenkomstDetail> = {}): OvereenkomstDetail => {
    const wie = { gebruiker: { id: 'u', naam: 'Bea' }, organisatie: null, op: '2026-12-01T10:00:00.000Z' };
    return {
      id: 'o', reeksId: 'r', documentversie: 2, titel: 'Installatie', soort: 'doorlopende-leerroute', status: 'ter-ondertekening', leerroutes: [{ id: 'l', naam: 'Installatie BB' }], onderwerpen: ['lob'],
      compleet: { verplicht: 10, ingevuld: 10 }, gewijzigd: wie, versie: 3, samenwerking: { id: 's', naam: 'Techniek Noord' }, clausuleset: { versie: CLAUSULESET.versie, bron: CLAUSULESET.bron },
      partijen: [{ id: 'p1', naam: 'Vmbo Noord', soort: 'vmbo-school', brin: '01AB', vestigingen: [] }, { id: 'p2', naam: 'ROC Noord', soort: 'mbo-instelling', brin: '02CD', vestigingen: [] }],
      clausules: clausulesVoor('doorlopende-leerroute').map((c) => ({ ...c, tekst: c.id === 'g' ? '' : `${VOLZIN}\nTweede alinea.`, versie: 1, voorstel: false, gewijzigd: wie, status: 'ingevuld' as const, melding: '', opmerkingen: [] })),
      kanTerOndertekening: true, ontbreekt: [],
      ondertekeningen: [{ organisatie: { id: 'p1', naam: 'Vmbo Noord' }, naam: 'Bea', functie: 'Bestuurder', datum: '2026-12-01', vastgelegd: wie }],
      medezeggenschap: [{ organisatie: { id: 'p1', naam: 'Vmbo Noord' }, orgaan: 'mr', uitkomst: 'instemming', datum: '2026-11-20', toelichting: '', vastgelegd: wie }],
      ingediendOp: null, ondertekendOp: null, beeindigd: null, versies: [], historie: [], mijnRechten: { wijzigen: true, ondertekenenVoor: [] },
      ...over,
    };
  };
  it('has the parties, every clause, a signature block per party (filled once signed) and the sources in an annex', () => {
    const doc = overeenkomstDocument(detail());
    expect(doc).toMatchObject({ titel: 'Samenwerkingsovereenkomst: Installatie', taal: 'nl-NL', orientatie: 'staand' });
    const koppen = doc.blokken.filter((b) => b.soort === 'kop').map((b) => (b as { tekst: string }).tekst);
    expect(koppen).toEqual(expect.arrayContaining(['Partijen', 'Wat deze overeenkomst dekt', 'Afspraken', 'a. Profiel en verwante kwalificatie of opleidingsdomein', 'Medezeggenschap', 'Ondertekening', 'Namens Vmbo Noord', 'Bijlage: bronnen van de clausules']));
    // Unsigned party: an empty signature block; signed party: the recorded name, function and date.
    expect(doc.blokken).toContainEqual({ soort: 'ondertekening', partij: 'ROC Noord', velden: ['Naam', 'Functie', 'Datum', 'Handtekening'] });
    expect(doc.blokken).toContainEqual({ soort: 'gegevens', rijen: [['Naam', 'Bea'], ['Functie', 'Bestuurder'], ['Datum', '1 december 2026'], ['Vastgelegd door', 'Bea']] });
    // Paragraphs kept; an empty required clause says so.
    expect(doc.blokken).toContainEqual({ soort: 'alinea', tekst: 'Tweede alinea.' });
    expect(doc.blokken).toContainEqual({ soort: 'alinea', tekst: 'Nog niet ingevuld.' });
    const bijlage = doc.blokken[doc.blokken.length - 1]!;
    expect(bijlage.soort).toBe('tabel');
    expect((bijlage as { rijen: string[][] }).rijen).toHaveLength(clausulesVoor('doorlopende-leerroute').length);
  });
});

// The brochure is read at run time from ../shared (never copied into the project).
const BROCHURE = join(import.meta.dirname, '../../../shared/seeds/001_2af959ba718cfa16.txt');
describe.skipIf(!existsSync(BROCHURE) && process.env.CI !== 'true')('clause texts in our own words', () => {
  it('take no run of eight words from the brochure (titles, explanations, the proposal)', () => {
    const words = (s: string) => s.toLowerCase().replace(/-\s*\n\s*/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ').filter(Boolean);
    const b = words(readFileSync(BROCHURE, 'utf8'));
    const N = 8;
    const runs = new Set<string>();
    for (let i = 0; i + N <= b.length; i++) runs.add(b.slice(i, i + N).join(' '));
    const texts = [
      ...CLAUSULESET.clausules.flatMap((c) => [c.titel, c.toelichting]),
      ...Object.values(CLAUSULESET.soorten).flatMap((s) => [s.naam, s.uitleg]),
      CLAUSULESET.bron,
      ...voorstel('doorlopende-leerroute', INPUT).values(),
    ];
    const copied: string[] = [];
    for (const text of texts) {
      const w = words(text);
      for (let i = 0; i + N <= w.length; i++) if (runs.has(w.slice(i, i + N).join(' '))) copied.push(w.slice(i, i + N).join(' '));
    }
    expect(copied).toEqual([]);
  });
});
