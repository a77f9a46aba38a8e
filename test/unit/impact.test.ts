/**
 * Issue 16, the pure impact computation: findings from changes × usages (each once, only changes that can break
 * work), counts, the crebo lineage, werkproces successors, list moves, setting codes and the suggestion.
 */
import { describe, expect, it } from 'vitest';
import {
  beschrijfActie,
  findImpact,
  impactCounts,
  kwalificatieOpvolgers,
  planningOmschrijving,
  plekOmschrijving,
  removeItem,
  replaceItem,
  settingCode,
  werkprocesOpvolger,
  type CatalogChange,
  type WorkUsage,
} from '../../src/domain/impact/impact.js';
import { zoekmonitorSuggesties } from '../../src/domain/impact/suggestie.js';

const change = (itemId: string, wijziging: CatalogChange['wijziging'], soort: CatalogChange['soort'] = 'eindterm'): CatalogChange => ({
  itemId, soort, wijziging, code: null, oudeTekst: null, nieuweTekst: null, opvolgerId: null, opvolgerHerkomst: null, opvolgerTekst: null,
});
const usage = (partnershipId: string, gebruik: WorkUsage['gebruik'], gebruikId: string, itemIds: string[]): WorkUsage => ({ partnershipId, gebruik, gebruikId, leerrouteId: null, omschrijving: gebruik, itemIds });

describe('findImpact', () => {
  it('finds every usage of a changed item once, and ignores new items and unchanged ones', () => {
    const changes = [change('e1', 'tekst'), change('25119:B1-K1-W1', 'vervangen', 'werkproces'), change('e9', 'nieuw')];
    const usages = [
      usage('p1', 'planning', 'r1', ['e1', 'e2']),
      usage('p1', 'koppeling', 'e1|25119:B1-K1-W1', ['e1', '25119:B1-K1-W1']),
      usage('p2', 'toets', 't1', ['e2', 'e9']),
      usage('p1', 'planning', 'r1', ['e1']),
    ];
    const findings = findImpact(changes, usages);
    expect(findings.map((f) => `${f.partnershipId} ${f.gebruik} ${f.itemId}`)).toEqual(['p1 planning e1', 'p1 koppeling e1', 'p1 koppeling 25119:B1-K1-W1']);
    expect(impactCounts(findings)).toEqual({ items: 2, samenwerkingen: 1, gebruik: 3 });
  });

  it('handles the bench size (200 samenwerkingen × 50 routes × 300 doelen against 5000 changes) in one pass', () => {
    const changes = Array.from({ length: 5000 }, (_, i) => change(`c${i}`, 'vervallen'));
    const usages: WorkUsage[] = [];
    for (let p = 0; p < 200; p++) for (let r = 0; r < 50; r++) usages.push(usage(`p${p}`, 'planning', `r${p}-${r}`, Array.from({ length: 300 }, (_, d) => (d === 0 ? `c${(p * 50 + r) % 5000}` : `x${d}`))));
    const findings = findImpact(changes, usages);
    expect(findings).toHaveLength(10_000);
    expect(impactCounts(findings).samenwerkingen).toBe(200);
  });
});

describe('successors', () => {
  it('follows the crebo lineage: same dossier, name (folded) and niveau, the newest crebo', () => {
    const vervallen = [{ crebo: '25119', dossierCrebo: '23058', naam: 'Uitvoerder bouw/infra', niveau: 4 }, { crebo: '25001', dossierCrebo: '23001', naam: 'Iets', niveau: 2 }];
    const actief = [
      { crebo: '29119', dossierCrebo: '23058', naam: 'Uitvoerder  Bouw/Infra', niveau: 4 },
      { crebo: '29000', dossierCrebo: '23058', naam: 'Uitvoerder bouw/infra', niveau: 3 },
      { crebo: '29200', dossierCrebo: '23058', naam: 'Uitvoerder bouw/infra', niveau: 4 },
    ];
    expect(kwalificatieOpvolgers(vervallen, actief)).toEqual(new Map([['25119', '29200']]));
  });

  it('moves a werkproces with its kwalificatie only when the successor has the same code', () => {
    const opvolgers = new Map([['25119', '29119']]);
    const bestaat = (id: string) => id === '29119:B1-K1-W1';
    expect(werkprocesOpvolger('25119:B1-K1-W1', opvolgers, bestaat)).toBe('29119:B1-K1-W1');
    expect(werkprocesOpvolger('25119:B1-K1-W9', opvolgers, bestaat)).toBeNull();
    expect(werkprocesOpvolger('25001:B1-K1-W1', opvolgers, bestaat)).toBeNull();
    expect(werkprocesOpvolger('keuzedeel:K0008', opvolgers, bestaat)).toBeNull();
  });

  it('suggests the zoekmonitor aligner\'s best match (band mogelijk or better), none for an unrelated text', () => {
    const kandidaten = [
      { id: 'a', tekst: 'Metselwerk uitvoeren met baksteen' },
      { id: 'b', tekst: 'Constructieve aansluitingen maken met verschillende materialen' },
      { id: 'c', tekst: 'Een kozijn schilderen en afwerken' },
    ];
    const s = zoekmonitorSuggesties([
      { id: 'oud1', tekst: 'Aansluitingen maken tussen verschillende materialen', kandidaten },
      { id: 'oud2', tekst: 'Klantgesprek voeren over een hypotheek', kandidaten },
      { id: 'oud3', tekst: '', kandidaten },
      { id: 'oud4', tekst: 'Metselwerk uitvoeren', kandidaten: [] },
    ]);
    expect(s.get('oud1')).toMatchObject({ id: 'b' });
    expect(['sterk', 'mogelijk']).toContain(s.get('oud1')!.confidence);
    expect(s.has('oud2')).toBe(false);
    expect(s.has('oud3')).toBe(false);
    expect(s.has('oud4')).toBe(false);
  });

  it('meets compounds and word families as the zoekmonitor does (booglassen ~ lassen)', () => {
    const kandidaten = [
      { id: 'las', tekst: 'Lassen van stalen constructies' },
      { id: 'verf', tekst: 'Schilderen van houten kozijnen' },
    ];
    expect(zoekmonitorSuggesties([{ id: 'oud', tekst: 'Booglassen aan een constructie', kandidaten }]).get('oud')?.id).toBe('las');
  });
});

describe('repair helpers', () => {
  it('replaces an item in place without doubles, removes one, and reads setting codes', () => {
    expect(replaceItem(['a', 'b', 'c'], 'b', 'x')).toEqual(['a', 'x', 'c']);
    expect(replaceItem(['a', 'b', 'x'], 'b', 'x')).toEqual(['a', 'x']);
    expect(removeItem(['a', 'b'], 'a')).toEqual(['b']);
    expect(settingCode('keuzevak:K/BWI/01')).toEqual({ soort: 'keuzevak', code: 'K/BWI/01' });
    expect(settingCode('kwalificatie:25119')).toEqual({ soort: 'kwalificatie', code: '25119' });
    expect(settingCode('keuzedeel:K0008')).toEqual({ soort: 'keuzedeel', code: 'K0008' });
    expect(settingCode('25119:B1-K1-W1')).toBeNull();
    expect(beschrijfActie('verplaatsen', { omschrijving: 'planning' }, 'werkproces W1', 'werkproces W1 (29119)')).toBe('planning: werkproces W1 wordt werkproces W1 (29119)');
    expect(beschrijfActie('verwijderen', { omschrijving: 'toets' }, 'keuzedeel K0008', null)).toBe('toets: keuzedeel K0008 wordt verwijderd');
  });

  it('describes the planning entry of an item for the whole samenwerking and each of its regels', () => {
    expect(planningOmschrijving([{ leerrouteId: 'r1' }, { leerrouteId: 'r2' }, { leerrouteId: 'r2' }])).toBe('planning van 2 leerroutes (3 planningsregels)');
    expect(planningOmschrijving([{ leerrouteId: 'r1' }])).toBe('planning van 1 leerroute (1 planningsregel)');
    expect(planningOmschrijving([])).toBe('planning van de leerroutes (nergens meer gepland)');
    expect(plekOmschrijving({ routeNaam: 'Bouw', leerjaar: 3, periode: 2 })).toBe('planning van leerroute ‘Bouw’, leerjaar 3 periode 2');
  });
});
