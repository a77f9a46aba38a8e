import { describe, expect, it } from 'vitest';
import { MboImportError } from '../../../src/domain/mbo/errors.js';
import { kerntakenVoorCrebo, parseSbbDossierXml, parseSbbXml } from '../../../src/domain/mbo/sbb-xml.js';
import { SBB_FIXTURE, lineOf, replaceOnce } from './fixtures/sbb-fixture.js';
import { catchImportError } from './helpers.js';

const FILE = 'test-dossier.xml';
const parse = (xml: string) => parseSbbDossierXml(xml, FILE);
const fails = (xml: string) => catchImportError(() => parse(xml));
const broken = (search: string, replacement: string) => fails(replaceOnce(SBB_FIXTURE, search, replacement));

describe('parseSbbDossierXml: a complete dossier', () => {
  const result = parse(SBB_FIXTURE);
  const [b1k1] = result.basisdeel.kerntaken;
  const [p1, p2] = result.profielen;

  it('reads the dossier with crebo, validity, opleidingsdomein, sectorkamer and vaststelling', () => {
    expect(result.dossier).toMatchObject({
      crebo: '23990',
      titel: 'Testdossier',
      sbbNr: '9000',
      status: 'Vastgesteld',
      versie: null,
      geldigheid: { geldigVanaf: '2020-08-01', eindeInstroom: '2024-07-31', eindeOpleiding: null },
      opleidingsdomein: { naam: 'Testdomein', crebo: '79990', sbbNr: '1' },
      sectorkamer: { naam: 'Sectorkamer test', sbbNr: '10' },
      vastgesteldOp: '2020-02-01',
      vastgesteldDoor: 'Sectorkamer test',
    });
    expect(result.dossiercrebos).toEqual([
      { crebo: '23990', ministerie: 'OCW', prijsfactor: 1.1, geldigheid: result.dossier.geldigheid },
    ]);
    expect(result.bron).toEqual({ bestand: FILE, regel: lineOf(SBB_FIXTURE, '<dossier nr="9000"') });
  });

  it('reads the reference lists, decoding entities and keeping a domain without crebo as null', () => {
    expect(result.competenties).toEqual([
      { code: 'E', titel: 'Samenwerken "goed"' },
      { code: 'Q', titel: 'Plannen en organiseren' },
    ]);
    expect(result.opleidingsdomeinen[1]).toEqual({ naam: 'Niet toebedeeld aan opleidingsdomein', crebo: null, sbbNr: '2' });
    expect(result.sectorkamers.map((s) => s.naam)).toEqual(['Sectorkamer test', 'Bovensectoraal']);
    expect(result.categorieenKennisEnVaardigheden).toEqual([{ sbbNr: '550', titel: 'Testcategorie' }]);
  });

  it('keeps every kennis- of vaardigheid item, also unreferenced ones, with white space normalised', () => {
    expect(result.kennisEnVaardigheden).toEqual([
      { sbbNr: '500', tekst: 'heeft kennis van testen' },
      { sbbNr: '501', tekst: 'kan plannen' },
      { sbbNr: '502', tekst: 'wordt nergens gebruikt' },
    ]);
  });

  it('reads the typering of the beroepengroep, empty parts as null', () => {
    expect(result.typeringBeroepengroep).toEqual({ context: 'Context van de test.', beroepshouding: 'Houding.', resultaatVanHetBeroep: null });
  });

  it('builds codes from the chapter numbers: B1-K1-W1, P2-K1-W2', () => {
    const codes = [result.basisdeel, ...result.profielen].flatMap((deel) =>
      deel.kerntaken.flatMap((k) => [k.code, ...k.werkprocessen.map((w) => w.code)]),
    );
    expect(codes).toEqual(['B1-K1', 'B1-K1-W1', 'B1-K1-W2', 'P1-K1', 'P1-K1-W1', 'P2-K1', 'P2-K1-W1', 'P2-K1-W2']);
    expect(result.basisdeel.code).toBe('B1');
  });

  it('reads a kerntaak with complexiteit, verantwoordelijkheid and resolved vakkennis', () => {
    expect(b1k1).toMatchObject({
      titel: 'Bereidt het werk voor',
      complexiteit: 'Basis & complex.',
      verantwoordelijkheid: 'Werkt zelfstandig.',
      vakkennisEnVaardigheden: [{ sbbNr: '500', tekst: 'heeft kennis van testen' }],
      bron: { bestand: FILE, regel: lineOf(SBB_FIXTURE, '<kerntaak nr="600"') },
    });
    expect(p1?.kerntaken[0]?.vakkennisEnVaardigheden?.map((k) => k.sbbNr)).toEqual(['501', '500']);
    expect(p2?.kerntaken[0]?.vakkennisEnVaardigheden).toEqual([]);
  });

  it('reads a werkproces with omschrijving (line breaks kept), resultaat, gedrag and competenties', () => {
    const [w1, w2] = b1k1?.werkprocessen ?? [];
    expect(w1).toMatchObject({
      code: 'B1-K1-W1',
      titel: 'Plant het werk',
      omschrijving: 'Regel een.\nRegel twee.',
      resultaat: 'Het werk is gepland.',
      gedrag: 'De medewerker:\n- werkt nauwkeurig.',
      competenties: [
        { code: 'E', titel: 'Samenwerken "goed"' },
        { code: 'Q', titel: 'Plannen en organiseren' },
      ],
    });
    expect(w2).toMatchObject({ resultaat: null, competenties: [{ code: 'Q', titel: 'Plannen en organiseren' }], aanvullingenPerProfiel: [] });
  });

  it('merges the per-profiel additions and drops empty ones', () => {
    expect(b1k1?.aanvullingenPerProfiel).toEqual([
      { profielCode: 'P1', complexiteit: 'Extra voor profiel 1.', verantwoordelijkheid: null, vakkennisEnVaardigheden: [] },
      { profielCode: 'P2', complexiteit: null, verantwoordelijkheid: null, vakkennisEnVaardigheden: [{ sbbNr: '501', tekst: 'kan plannen' }] },
    ]);
    expect(b1k1?.werkprocessen[0]?.aanvullingenPerProfiel).toEqual([
      { profielCode: 'P1', omschrijving: 'Alleen voor profiel 1.', resultaat: null, gedrag: null, competenties: [{ code: 'Q', titel: 'Plannen en organiseren' }] },
    ]);
  });

  it('reads the profielen', () => {
    expect(p1).toMatchObject({
      code: 'P1',
      sbbNr: '700',
      titel: 'Testmedewerker',
      niveau: 3,
      soort: 'vak',
      beroepsgroep: 'Test',
      typeringVanHetBeroep: 'De testmedewerker test.',
      wettelijkeBeroepsvereisten: false,
      toelichtingWettelijkeBeroepsvereisten: null,
      certificaten: null,
      studiebelastingSbu: 4800,
    });
    expect(p2).toMatchObject({ code: 'P2', niveau: 4, soort: 'middenkader', wettelijkeBeroepsvereisten: true, studiebelastingSbu: 6400 });
  });

  it('turns every profiel crebo into a kwalificatie; what the XML does not give is null', () => {
    expect(result.kwalificaties).toEqual([
      {
        crebo: '25990',
        naam: 'Testmedewerker',
        niveau: 3,
        soort: 'vak',
        leerwegen: null,
        dossierCrebo: '23990',
        opleidingsdomein: null,
        sectorkamer: null,
        geldigheid: { geldigVanaf: '2020-08-01', eindeInstroom: null, eindeOpleiding: null },
        profielCode: 'P1',
        studiebelastingSbu: 4800,
        bron: { bestand: FILE, regel: lineOf(SBB_FIXTURE, '<profiel nr="700"') },
      },
      expect.objectContaining({ crebo: '25991', profielCode: 'P2', niveau: 4, geldigheid: expect.objectContaining({ geldigVanaf: '2021-08-01' }) }),
    ]);
  });

  it('gives the kerntaken of a kwalificatie: basisdeel plus its own profieldeel', () => {
    expect(kerntakenVoorCrebo(result, '25991')?.map((k) => k.code)).toEqual(['B1-K1', 'P2-K1']);
    expect(kerntakenVoorCrebo(result, '11111')).toBeNull();
  });

  it('accepts a UTF-8 byte order mark and CRLF line ends', () => {
    const withBom = `\uFEFF${SBB_FIXTURE.replace(/\n/g, '\r\n')}`;
    const again = parse(withBom);
    expect(again.basisdeel.kerntaken[0]?.werkprocessen[0]?.omschrijving).toBe('Regel een.\nRegel twee.');
    expect(again.basisdeel.kerntaken[0]?.bron.regel).toBe(b1k1?.bron.regel);
  });
});

describe('parseSbbXml: exports with several dossiers', () => {
  const second = SBB_FIXTURE.slice(SBB_FIXTURE.indexOf('    <dossier nr'), SBB_FIXTURE.indexOf('  </dossiers>'))
    .replace('<dossier nr="9000"', '<dossier nr="9001"')
    .replace('>23990<', '>23991<')
    .replace('>25990<', '>25992<')
    .replace('>25991<', '>25993<');
  const two = SBB_FIXTURE.replace('  </dossiers>', `${second}  </dossiers>`);

  it('reads every dossier', () => {
    expect(parseSbbXml(two, FILE).map((d) => d.dossier.crebo)).toEqual(['23990', '23991']);
  });

  it('parseSbbDossierXml refuses a file with more than one dossier', () => {
    expect(catchImportError(() => parseSbbDossierXml(two, FILE)).message).toMatch(/bevat 2 kwalificatiedossiers/);
  });

  it('rejects a dossier crebo that two dossiers share', () => {
    const clash = two.replace('>23991<', '>23990<');
    expect(catchImportError(() => parseSbbXml(clash, FILE)).message).toMatch(/dubbele dossiercrebo 23990/);
  });
});

describe('parseSbbDossierXml: malformed XML', () => {
  it('reports an unclosed element with file and line', () => {
    const error = broken('<![CDATA[Is kritisch.]]></werkprocesgedrag>', '<![CDATA[Is kritisch.]]>');
    expect(error).toBeInstanceOf(MboImportError);
    expect(error.file).toBe(FILE);
    expect(error.message).toMatch(/^test-dossier\.xml, regel \d+, sbb\/dossiers\/dossier\/.*\/werkprocesgedrag: ongeldige XML: sluittag <\/werkproces> past niet bij <werkprocesgedrag> \(geopend op regel \d+\)$/);
    expect(error.line).toBeGreaterThan(1);
    expect(error.location).toMatch(/^regel \d+, sbb\//);
  });

  it.each([
    ['an empty document', ''],
    ['plain text', 'dit is geen xml'],
    ['two root elements', '<sbb></sbb><sbb></sbb>'],
    ['a repeated attribute', '<sbb a="1" a="2"></sbb>'],
  ])('rejects %s', (_label, xml) => {
    expect(fails(xml).message).toMatch(/ongeldige XML/);
  });

  it('rejects another root element', () => {
    expect(fails('<?xml version="1.0"?><dossiers />').message).toMatch(/root-element is <dossiers>, verwacht <sbb>/);
  });
});

describe('parseSbbDossierXml: missing or invalid elements', () => {
  it('rejects a dossier without dossiercrebo, naming the element and its location', () => {
    const error = broken(
      '<dossiercrebo ministerie="OCW" prijsfactor="1,10" Geldig_vanaf="01-08-2020" Datum_einde_instroom="31-07-2024" Datum_einde_opleiding="">23990</dossiercrebo>',
      '',
    );
    expect(error.message).toMatch(/<dossiercrebo> ontbreekt in <dossiercrebos>/);
    expect(error.location).toBe(`regel ${lineOf(SBB_FIXTURE, '<dossiercrebos>')}, sbb/dossiers/dossier/dossiercrebos`);
  });

  it.each([
    ['an invalid dossier crebo', '>23990<', '>2399<', /dossiercrebo "2399" is ongeldig: verwacht 5 cijfers/],
    ['no kerntaak titel', '<kerntaak nr="600" titel="Bereidt  het werk voor"', '<kerntaak nr="600"', /attribuut titel ontbreekt of is leeg bij <kerntaak>/],
    ['no werkproces hoofdstuk', 'titel="Plant het werk" hoofdstuk="1"', 'titel="Plant het werk"', /attribuut hoofdstuk ontbreekt/],
    ['a hoofdstuk that is not a number', 'titel="Plant het werk" hoofdstuk="1"', 'titel="Plant het werk" hoofdstuk="een"', /hoofdstuk van <werkproces> "een" is ongeldig/],
    ['a profiel without crebo', '>25991</crebo>', '></crebo>', /crebo "" is ongeldig/],
    ['niveau 5', 'hoofdstuk="2" niveau="4"', 'hoofdstuk="2" niveau="5"', /niveau "5" is ongeldig/],
    ['a soort that does not fit the niveau', '<soortopleiding>vakopleiding</soortopleiding>', '<soortopleiding>middenkaderopleiding</soortopleiding>', /middenkaderopleiding hoort bij niveau 4, niet bij niveau 3/],
    ['an unknown soort', '<soortopleiding>vakopleiding</soortopleiding>', '<soortopleiding>cursus</soortopleiding>', /soort "cursus" is ongeldig/],
    ['an impossible date', 'Geldig_vanaf="01-08-2021"', 'Geldig_vanaf="31-02-2021"', /Geldig_vanaf "31-02-2021" is geen bestaande datum/],
    ['a sbu that is not a number', '<sbu>6400</sbu>', '<sbu>veel</sbu>', /sbu van het profiel "veel" is ongeldig/],
  ])('rejects %s', (_label, search, replacement, message) => {
    const error = broken(search, replacement);
    expect(error.message).toMatch(message);
    expect(error.line).not.toBeNull();
  });

  const rename = (xml: string, from: string, to: string): string =>
    xml.replaceAll(`<${from}>`, `<${to}>`).replaceAll(`<${from} `, `<${to} `).replaceAll(`</${from}>`, `</${to}>`);

  it.each([
    ['dossiercrebos', 'dossier'],
    ['dossiers', 'sbb'],
    ['basis', 'dossier'],
    ['basistaken', 'basis'],
    ['basiskerntaken', 'basistaken'],
    ['profielen', 'dossier'],
    ['creboinformatie', 'profiel'],
    ['profielkerntaken', 'profiel'],
    ['basiswerkprocessen', 'kerntaak'],
  ])('rejects a file without <%s>, naming the element', (element, parent) => {
    const error = fails(rename(SBB_FIXTURE, element, 'iets_anders'));
    expect(error.message).toContain(`verplicht element <${element}> ontbreekt in <${parent}>`);
    expect(error.line).not.toBeNull();
  });

  it('rejects a basisdeel without kerntaken', () => {
    const start = SBB_FIXTURE.indexOf('<kerntaak nr="600"');
    const end = SBB_FIXTURE.indexOf('</basiskerntaken>');
    const xml = SBB_FIXTURE.slice(0, start) + SBB_FIXTURE.slice(end);
    expect(fails(xml).message).toMatch(/het basisdeel heeft geen <kerntaak>/);
  });

  it('rejects content it cannot import yet instead of dropping it', () => {
    const error = broken(
      '<vakkennisenvaardigheden referentie="500" />\n                <vakkennisenvaardigheden_met_categorie />',
      '<vakkennisenvaardigheden referentie="500" />\n                <vakkennisenvaardigheden_met_categorie><categorie referentie="550" /></vakkennisenvaardigheden_met_categorie>',
    );
    expect(error.message).toMatch(/met categorie worden nog niet ondersteund/);
  });
});

describe('parseSbbDossierXml: duplicates and references', () => {
  it.each([
    ['werkproces code', 'titel="Zet materiaal klaar" hoofdstuk="2"', 'titel="Zet materiaal klaar" hoofdstuk="1"', /dubbele werkprocescode B1-K1-W1/],
    ['profiel code', 'hoofdstuk="2" niveau="4"', 'hoofdstuk="1" niveau="4"', /dubbele profielcode P1/],
    ['crebo of two profielen', '>25991<', '>25990<', /dubbele crebo 25990/],
    ['profiel crebo equal to the dossier crebo', '>25991<', '>23990<', /dubbele crebo 23990/],
    ['kennisofvaardigheid nr', '<kennisofvaardigheid nr="502"', '<kennisofvaardigheid nr="501"', /dubbele kennisofvaardigheid nr 501/],
    ['competentie nr', '<competentie nr="101"', '<competentie nr="100"', /dubbele competentie nr 100/],
  ])('rejects a duplicate %s', (_label, search, replacement, message) => {
    expect(broken(search, replacement).message).toMatch(message);
  });

  it('rejects a duplicate kerntaak code within a profiel', () => {
    const kerntaak = SBB_FIXTURE.slice(SBB_FIXTURE.indexOf('<kerntaak nr="810"'), SBB_FIXTURE.indexOf('</profielkerntaken>', SBB_FIXTURE.indexOf('<kerntaak nr="810"')));
    const copy = kerntaak.replace('nr="810"', 'nr="820"').replace('nr="811"', 'nr="821"').replace('nr="812"', 'nr="822"');
    const xml = SBB_FIXTURE.replace(kerntaak, kerntaak + copy);
    expect(fails(xml).message).toMatch(/dubbele kerntaakcode P2-K1/);
  });

  it.each([
    ['kennisofvaardigheid', '<vakkennisenvaardigheden referentie="500" />\n                <vakkennisenvaardigheden_met', '<vakkennisenvaardigheden referentie="599" />\n                <vakkennisenvaardigheden_met', /kennisofvaardigheid met nr 599 bestaat niet/],
    ['competentie', '<competentie referentie="100" />', '<competentie referentie="199" />', /competentie met nr 199 bestaat niet/],
    ['profiel in an aanvulling', '<profiel referentie="700" /><complexiteit>', '<profiel referentie="799" /><complexiteit>', /profiel met nr 799 bestaat niet/],
    ['opleidingsdomein', 'referentiedomein="1"', 'referentiedomein="9"', /opleidingsdomein met nr 9 bestaat niet/],
    ['sectorkamer', '<sectorkamer referentie="10" />', '<sectorkamer referentie="19" />', /sectorkamer met nr 19 bestaat niet/],
  ])('rejects a reference to an unknown %s', (_label, search, replacement, message) => {
    expect(broken(search, replacement).message).toMatch(message);
  });
});

const ANCHOR = '<vastgesteldte>Teststad</vastgesteldte>';

describe('parseSbbXml: DTDs, entities and characters are refused before parsing (issue 10, finding 7)', () => {
  const BILLION_LAUGHS = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE sbb [',
    '  <!ENTITY lol "lol">',
    '  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">',
    '  <!ENTITY lol9 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">',
    ']>',
    '<sbb><dossiers><dossier nr="1" titel="&lol9;"/></dossiers></sbb>',
  ].join('\n');

  it('refuses "billion laughs" with a Dutch message naming file and line of the DOCTYPE', () => {
    const error = fails(BILLION_LAUGHS);
    expect(error.file).toBe(FILE);
    expect(error.line).toBe(2);
    expect(error.message).toMatch(/^test-dossier\.xml, regel 2: <!DOCTYPE> is niet toegestaan: een SBB-export heeft geen DTD of eigen entiteiten nodig/);
  });

  it.each([
    ['an external entity', '<!DOCTYPE sbb [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<sbb>&x;</sbb>', 1, /<!DOCTYPE> is niet toegestaan/],
    ['an ENTITY declaration without DOCTYPE', '<sbb>\n<!ENTITY x "y">\n</sbb>', 2, /<!ENTITY> is niet toegestaan/],
    ['a DOCTYPE written in lower case', '<!doctype sbb>\n<sbb/>', 1, /<!doctype> is niet toegestaan/],
  ])('refuses %s', (_label, xml, line, message) => {
    const error = fails(xml);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
  });

  it('refuses a reference to an undeclared entity, naming line and element', () => {
    const error = broken(ANCHOR, '<vastgesteldte>Test &lol9; stad</vastgesteldte>');
    expect(error.message).toMatch(/verwijzing naar een onbekende entiteit &lol9;; alleen &lt; &gt; &amp; &quot; &apos; en tekenverwijzingen/);
    expect(error.line).toBe(lineOf(SBB_FIXTURE, ANCHOR));
    expect(error.location).toMatch(/^regel \d+, sbb\/dossiers\/dossier\/voorblad\/omschrijving\/verantwoording\/vaststellingsinformatie\/vastgesteldte$/);
  });

  it('refuses an undeclared entity in an attribute value, naming the element', () => {
    const error = broken('<kerntaak nr="600" titel="Bereidt  het werk voor"', '<kerntaak nr="600" titel="Bereidt &nbsp; het werk voor"');
    expect(error.message).toMatch(/onbekende entiteit &nbsp;/);
    expect(error.location).toMatch(/\/kerntaak$/);
  });

  it('keeps the five XML entities and character references', () => {
    const xml = replaceOnce(SBB_FIXTURE, ANCHOR, '<vastgesteldte>A &amp; B &lt;C&gt; &quot;D&quot; &apos;E&apos; &#233;&#xE9;</vastgesteldte>');
    expect(() => parse(xml)).not.toThrow();
  });

  it.each([
    ['a character reference to NUL', '&#0;', /tekenverwijzing &#0; verwijst naar een teken dat XML niet toestaat/],
    ['a character reference to a surrogate', '&#xD800;', /tekenverwijzing &#xD800;/],
    ['a raw NUL', '\u0000', /NUL-teken \(U\+0000\)/],
    ['a lone surrogate', '\uD800', /losse helft van een UTF-16-tekenpaar/],
    ['a control character', '\u0001', /het teken U\+0001, dat niet is toegestaan in XML/],
    ['a bare ampersand', ' & ', /ongeldige XML: los &-teken; schrijf &amp;/],
  ])('refuses %s', (_label, inserted, message) => {
    const error = broken(ANCHOR, `<vastgesteldte>Test${inserted}stad</vastgesteldte>`);
    expect(error.message).toMatch(message);
    expect(error.location).toMatch(/^regel \d+, sbb\/dossiers\/dossier\/voorblad\/omschrijving\/verantwoording\/vaststellingsinformatie\/vastgesteldte$/);
  });

  it('keeps a DOCTYPE-like text inside a comment or CDATA out of the check', () => {
    const xml = replaceOnce(SBB_FIXTURE, ANCHOR, '<vastgesteldte><!-- <!DOCTYPE x> --><![CDATA[<!ENTITY y "z"> &lol;]]></vastgesteldte>');
    expect(() => parse(xml)).not.toThrow();
  });

  it.each([
    ['a closing tag that was never opened', '<sbb></dossiers></sbb>', /^test-dossier\.xml, regel 1, sbb: ongeldige XML: sluittag <\/dossiers> past niet bij <sbb>/],
    ['an element that is never closed', '<sbb>\n<dossiers>\n</sbb>', /^test-dossier\.xml, regel 3, sbb\/dossiers: ongeldige XML: sluittag <\/sbb> past niet bij <dossiers> \(geopend op regel 2\)/],
    ['a document that ends inside an element', '<sbb>\n<dossiers>', /^test-dossier\.xml, regel 2, sbb\/dossiers: ongeldige XML: element <dossiers> \(geopend op regel 2\) wordt niet gesloten/],
    ['a start tag without >', '<sbb>\n<dossiers', /regel 2, sbb\/dossiers: ongeldige XML: begintag <dossiers> wordt niet afgesloten met >/],
    ['a repeated attribute', '<sbb a="1" a="2"></sbb>', /^test-dossier\.xml, regel 1: ongeldige XML \(kolom \d+\): attribuut 'a' staat twee keer in dezelfde tag$/],
  ])('gives a Dutch message with file, line and element for %s', (_label, xml, message) => {
    expect(fails(xml).message).toMatch(message);
  });
});
