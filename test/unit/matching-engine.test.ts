import { describe, expect, it } from 'vitest';
import { Lexicon } from '../../src/domain/text/analyzer.js';
import { DerivationFamilies, MatchingEngine } from '../../src/domain/matching/engine.js';
import { Associations } from '../../src/domain/matching/associations.js';
import { Thesaurus } from '../../src/domain/matching/thesaurus.js';
import type { DossierText, KeuzevakText } from '../../src/domain/matching/texts.js';

const dossier = (crebo: string, titel: string, domein: string, werkprocessen: string[], kwalificaties: string[] = [titel]): DossierText => ({
  crebo, titel, opleidingsdomein: domein, kwalificaties, kerntaken: [], werkprocessen, plain: '',
});
const keuzevak = (profielCode: string, title: string, eindtermen: string[], deeltaken: string[] = []): KeuzevakText => ({
  code: 'K/X/01', profielCode, title, description: '', deeltaken, eindtermen, plain: '',
});
const noThesaurus = new Thesaurus({ groepen: [] });

describe('MatchingEngine', () => {
  const dossiers = [
    dossier('1', 'Metaalbewerken', 'Techniek en procesindustrie', ['Last constructies met booglassen', 'Bewerkt plaatmateriaal']),
    dossier('2', 'Helpende zorg', 'Zorg en welzijn', ['Verzorgt cliënten', 'Ondersteunt bij maaltijden']),
    dossier('3', 'Betonstaal', 'Bouw en infra', ['Lassen van betonstaal']),
  ];
  const lexicon = new Lexicon(['lassen', 'booglassen', 'booglasprocessen', 'constructies', 'plaatmateriaal', 'verzorgen']);
  const engine = new MatchingEngine(dossiers, { lexicon }, { thesaurus: noThesaurus });

  it("ranks dossiers sharing the keuzevak's words, compound parts included, and leaves out those without any", () => {
    const ranked = engine.rankDossiers(keuzevak('PIE', 'Praktisch booglassen', ['De kandidaat kan lassen van plaatmateriaal']));
    expect(ranked[0]!.crebo).toBe('1');
    expect(ranked.map((r) => r.crebo)).not.toContain('2');
  });

  it('prefers the usual opleidingsdomeinen of the profiel when texts are close', () => {
    const gap = (profiel: string) => {
      const ranked = engine.rankDossiers(keuzevak(profiel, 'Lassen', []));
      const score = (crebo: string) => ranked.find((r) => r.crebo === crebo)!.score;
      return score('1') - score('3'); // metaal (Techniek) against betonstaal (Bouw)
    };
    expect(gap('PIE')).toBeGreaterThan(gap('BWI'));
  });

  it('puts Entree (niveau 1) below a dossier with the same text: it is no continuation of a beroepsgericht keuzevak', () => {
    const same = ['Ontvangt goederen en slaat ze op', 'Verzamelt orders'];
    const e = new MatchingEngine(
      [dossier('30', 'Logistiek', 'Transport, scheepvaart en logistiek', same, ['Logistiek medewerker']), dossier('29', 'Entree', 'Entree', same, ['Assistent logistiek'])],
      { lexicon: new Lexicon(['goederen', 'orders']) },
      { thesaurus: noThesaurus },
    );
    for (const profiel of ['EO', 'ZW', 'XX']) {
      const ranked = e.rankDossiers(keuzevak(profiel, 'Goederen en orders', ['De kandidaat ontvangt goederen en verzamelt orders']));
      expect(ranked.map((r) => r.crebo)).toEqual(['30', '29']); // a tie would put 29 first
      expect(ranked[1]!.signals.domein).toBe(-1);
    }
  });

  it('finds a dossier of which only the name is known, when the keuzevak names it', () => {
    const names = [
      dossier('10', 'Dekvloeren leggen', 'Afbouw, hout en onderhoud', [], ['Dekvloerenlegger']),
      dossier('11', 'Timmeren', 'Bouw en infra', ['Maakt kozijnen en vloeren van hout', 'Plaatst vloeren en trappen', 'Monteert vloeren'], ['Timmerman']),
    ];
    const e = new MatchingEngine(names, { lexicon: new Lexicon(['dekvloeren', 'vloeren', 'leggen']) }, { thesaurus: noThesaurus });
    const ranked = e.rankDossiers(keuzevak('BWI', 'Dekvloeren', ['De kandidaat kan een dekvloer leggen']));
    expect(ranked[0]!.crebo).toBe('10');
    expect(ranked[0]!.signals.name).toBeGreaterThanOrEqual(0.5);
  });

  it('brings in related words from the thesaurus when the keuzevak names the subject in its title', () => {
    const thesaurus = new Thesaurus({ groepen: [{ onderwerp: 'tuin', woorden: ['tuin', 'hovenier'] }] });
    const groen = [dossier('20', 'Groene ruimte', 'Voedsel, natuur en leefomgeving', [], ['Vakbekwaam hovenier']), dossier('21', 'Schilderen', 'Afbouw, hout en onderhoud', ['Schildert kozijnen'])];
    const lex = new Lexicon(['tuinen', 'ontwerp', 'aanleg']);
    const without = new MatchingEngine(groen, { lexicon: lex }, { thesaurus: noThesaurus }).rankDossiers(keuzevak('GR', 'Tuinontwerp en -aanleg', []));
    const withT = new MatchingEngine(groen, { lexicon: lex }, { thesaurus }).rankDossiers(keuzevak('GR', 'Tuinontwerp en -aanleg', []));
    expect(without.map((r) => r.crebo)).not.toContain('20');
    expect(withT[0]!.crebo).toBe('20');
  });

  it('does not use a thesaurus group on the strength of one word in one eindterm', () => {
    const thesaurus = new Thesaurus({ groepen: [{ onderwerp: 'huid', woorden: ['huid', 'schoonheidsspecialist'] }] });
    const ds = [dossier('30', 'Schoonheidsverzorging', 'Uiterlijke verzorging', [], ['Schoonheidsspecialist']), dossier('31', 'Dakdekken', 'Bouw en infra', ['Legt dakbedekking'], ['Dakdekker'])];
    const e = new MatchingEngine(ds, { lexicon: new Lexicon(['dakbedekking', 'huid']) }, { thesaurus });
    const ranked = e.rankDossiers(keuzevak('PIE', 'Dakbedekking', ['De kandidaat kan de huid van het dak herstellen'], ['Dakbedekking aanbrengen']));
    expect(ranked[0]!.crebo).toBe('31');
    expect(ranked.map((r) => r.crebo)).not.toContain('30');
  });

  it('weighs down words that nearly every keuzevak uses', () => {
    const ds = [dossier('40', 'Praktijkopleider', 'Zorg en welzijn', ['Begeleidt de kandidaat', 'Beoordeelt de kandidaat'], ['Praktijkopleider']), dossier('41', 'Bloem, groen en styling', 'Voedsel, natuur en leefomgeving', ['Maakt bloemwerk'], ['Medewerker bloem, groen en styling'])];
    const kv = keuzevak('GR', 'Bloemwerk', ['De kandidaat kan een boeket maken', 'De kandidaat kan bloemwerk verkopen', 'De kandidaat kan bloemen verzorgen']);
    const others = ['Lassen', 'Koken', 'Zagen', 'Verven'].map((t) => keuzevak('X', t, [`De kandidaat kan ${t.toLowerCase()}`]));
    const lex = new Lexicon(['bloemwerk', 'bloemen']);
    const scoreOf = (e: MatchingEngine, crebo: string) => e.rankDossiers(kv).find((r) => r.crebo === crebo)?.score ?? 0;
    const plain = new MatchingEngine(ds, { lexicon: lex }, { thesaurus: noThesaurus });
    const informed = new MatchingEngine(ds, { lexicon: lex }, { thesaurus: noThesaurus, keuzevakken: [kv, ...others] });
    expect(scoreOf(informed, '40')).toBeLessThan(scoreOf(plain, '40'));
    expect(informed.rankDossiers(kv)[0]!.crebo).toBe('41');
  });

  it('meets a trade named after the work: a keuzevak about lassen finds the dossier of the lasser (word families)', () => {
    const ds = [dossier('50', 'Productietechniek', 'Techniek en procesindustrie', [], ['Basislasser', 'Allround lasser']), dossier('51', 'Schilderen', 'Afbouw, hout en onderhoud', [], ['Schilder'])];
    const kv = keuzevak('PIE', 'Lassen', ['De kandidaat kan lassen']);
    const lex = new Lexicon(['lassen', 'lasser', 'basis', 'allround']);
    const off = new MatchingEngine(ds, { lexicon: lex }, { thesaurus: noThesaurus, keuzevakken: [kv], families: 'off' }).rankDossiers(kv);
    const on = new MatchingEngine(ds, { lexicon: lex }, { thesaurus: noThesaurus, keuzevakken: [kv] }).rankDossiers(kv);
    expect(off.map((r) => r.crebo)).not.toContain('50');
    expect(on[0]!.crebo).toBe('50');
    expect(on[0]!.signals.name).toBeGreaterThan(0);
  });

  it('leaves the ranking as it was while feedback and smoothing are off (their default)', () => {
    const ds = [
      dossier('60', 'Metaalbewerken', 'Techniek en procesindustrie', ['Last constructies', 'Bewerkt plaatmateriaal']),
      dossier('61', 'Constructiewerk', 'Techniek en procesindustrie', ['Monteert constructies', 'Last plaatmateriaal']),
      dossier('62', 'Helpende zorg', 'Zorg en welzijn', ['Verzorgt cliënten']),
    ];
    const lex = new Lexicon(['lassen', 'constructies', 'plaatmateriaal']);
    const kv = keuzevak('PIE', 'Constructies lassen', []);
    const plain = new MatchingEngine(ds, { lexicon: lex }, { thesaurus: noThesaurus }).rankDossiers(kv);
    const explicit = new MatchingEngine(ds, { lexicon: lex }, { thesaurus: noThesaurus, weights: { feedback: 0, smooth: 0, derived: 0 } }).rankDossiers(kv);
    expect(explicit).toEqual(plain);
    const fed = new MatchingEngine(ds, { lexicon: lex }, { thesaurus: noThesaurus, weights: { feedback: 0.4, smooth: 0.3 } }).rankDossiers(kv);
    expect(fed.map((r) => r.crebo).slice(0, 2).sort()).toEqual(['60', '61']);
  });
});

describe('DerivationFamilies', () => {
  const families = new DerivationFamilies(new Set(['lass', 'dans', 'monter', 'teken', 'timmer', 'robot', 'viss', 'visser', 'schip', 'techniek', 'educatie', 'installer', 'installatie']));

  it('takes a person or trade name as the word it is derived from, only towards a word the catalogue has', () => {
    expect(families.familyOf('lasser')).toBe('lass');
    expect(families.familyOf('danser')).toBe('dans');
    expect(families.familyOf('monteur')).toBe('monter');
    expect(families.familyOf('tekenar')).toBe('teken');
    expect(families.familyOf('timmerman')).toBe('timmer');
    expect(families.familyOf('robotica')).toBe('robot');
    expect(families.familyOf('visserij')).toBe('viss');
    expect(families.familyOf('schipper')).toBe('schip');
    expect(families.familyOf('computer')).toBe('computer');
  });

  it('with all families also adjectives, plurals and -atie nouns; agent names only when asked', () => {
    expect(families.familyOf('technisch')).toBe('techniek');
    expect(families.familyOf('educatief')).toBe('educatie');
    expect(families.familyOf('installaties')).toBe('installer');
    const agent = new DerivationFamilies(new Set(['techniek', 'lass']), { agentOnly: true });
    expect(agent.familyOf('technisch')).toBe('technisch');
    expect(agent.familyOf('lasser')).toBe('lass');
  });
  it('never goes to a word of three letters: the "mede" of "medewerker" is no family of "medisch"', () => {
    const short = new DerivationFamilies(new Set(['med', 'gev', 'medisch']));
    expect(short.familyOf('medisch')).toBe('medisch');
    expect(short.familyOf('gevar')).toBe('gevar');
  });
});

describe('Associations', () => {
  it('relates terms that occur together in several short texts, not terms that are everywhere', () => {
    const units = [
      ['hovenier', 'tuin', 'aanleg'],
      ['hovenier', 'tuin', 'onderhoud'],
      ['tuin', 'hovenier', 'beplanting'],
      ['lass', 'constructie'],
      ['lass', 'constructie', 'plat'],
      ...Array.from({ length: 40 }, (_, i) => [`woord${i}`, `ander${i}`]),
    ];
    const a = new Associations(units, { maxShare: 0.2 });
    expect(a.of('tuin').map((r) => r.term)).toContain('hovenier');
    expect(a.of('lass').map((r) => r.term)).toEqual(['constructie']);
    expect(a.of('aanleg')).toEqual([]);
  });
});
