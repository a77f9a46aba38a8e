import { describe, expect, it } from 'vitest';
import { Lexicon } from '../../src/domain/text/analyzer.js';
import { MatchingEngine } from '../../src/domain/matching/engine.js';
import type { DossierText, KeuzevakText } from '../../src/domain/matching/texts.js';

const dossier = (crebo: string, titel: string, domein: string, werkprocessen: string[]): DossierText => ({
  crebo, titel, opleidingsdomein: domein, kwalificaties: [titel], kerntaken: [], werkprocessen, plain: '',
});
const keuzevak = (profielCode: string, title: string, eindtermen: string[]): KeuzevakText => ({
  code: 'K/X/01', profielCode, title, description: '', deeltaken: [], eindtermen, plain: '',
});

describe('MatchingEngine (first version)', () => {
  const dossiers = [
    dossier('1', 'Metaalbewerken', 'Techniek en procesindustrie', ['Last constructies met booglassen', 'Bewerkt plaatmateriaal']),
    dossier('2', 'Helpende zorg', 'Zorg en welzijn', ['Verzorgt cliënten', 'Ondersteunt bij maaltijden']),
    dossier('3', 'Betonstaal', 'Bouw en infra', ['Lassen van betonstaal']),
  ];
  const engine = new MatchingEngine(dossiers, { lexicon: new Lexicon(['lassen', 'booglassen', 'booglasprocessen', 'constructies', 'plaatmateriaal', 'verzorgen']) });

  it('ranks dossiers sharing the keuzevak\'s words, compound parts included', () => {
    const ranked = engine.rankDossiers(keuzevak('PIE', 'Praktisch booglassen', ['De kandidaat kan lassen van plaatmateriaal']));
    expect(ranked[0]!.crebo).toBe('1');
    expect(ranked.map((r) => r.crebo)).not.toContain('2');
  });

  it('prefers the usual opleidingsdomeinen of the profiel when texts are close', () => {
    const ratio = (profiel: string) => {
      const ranked = engine.rankDossiers(keuzevak(profiel, 'Lassen', []));
      const score = (crebo: string) => ranked.find((r) => r.crebo === crebo)!.score;
      return score('1') / score('3'); // metaal (Techniek) against betonstaal (Bouw)
    };
    expect(ratio('PIE')).toBeGreaterThan(ratio('BWI'));
  });
});
