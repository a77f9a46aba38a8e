import { describe, expect, it } from 'vitest';
import { MboCatalog, TABLE_SOURCE, type MboRows } from '../../src/domain/mbo/read-model.js';
import { Lexicon, vocabulary } from '../../src/domain/text/analyzer.js';
import { type DomainMatchResult, MatchIndex, combinedText, confidenceBand, type VmboRow, type VmboSource } from '../../src/domain/matching/match.js';

const base = (source: string, key: string) => ({ source, key, status: 'actief', bron: {}, first_release_id: 1, last_release_id: 1 });

/** A small mbo: a metaal dossier (two kwalificaties sharing werkprocessen), a zorg dossier, keuzedelen offered with them. */
function mbo(): MboCatalog {
  const dossier = (crebo: string, titel: string, domein: string) => ({ ...base(TABLE_SOURCE.kwalificaties, crebo), dossier_crebo: crebo, titel, opleidingsdomein: domein, sectorkamer: null });
  const kwal = (crebo: string, naam: string, d: string, niveau: number, domein: string) => ({
    ...base(TABLE_SOURCE.kwalificaties, crebo), crebo, naam, niveau, soort: null, leerwegen: null, dossier_crebo: d, opleidingsdomein: domein, sectorkamer: null, profiel_code: null,
  });
  const kerntaak = (crebo: string, code: string, titel: string) => ({ ...base(TABLE_SOURCE.kerntaken, `${crebo}:${code}`), code, crebo, dossier_crebo: null, profiel_code: null, titel, position: 0 });
  const wp = (crebo: string, kt: string, code: string, titel: string, position: number) => ({
    ...base(TABLE_SOURCE.kerntaken, `${crebo}:${code}`), kerntaak_key: `${crebo}:${kt}`, code, titel, omschrijving: null, resultaat: null, gedrag: null, position,
  });
  const rows: MboRows = {
    dossiers: [dossier('20001', 'Metaal en lassen', 'Techniek en procesindustrie'), dossier('20002', 'Zorg en welzijn', 'Zorg en welzijn')],
    kwalificaties: [
      kwal('30001', 'Lasser', '20001', 2, 'Techniek en procesindustrie'),
      kwal('30002', 'Allround lasser', '20001', 3, 'Techniek en procesindustrie'),
      kwal('30003', 'Helpende zorg', '20002', 2, 'Zorg en welzijn'),
      // A newer crebo of the same kwalificatie (same dossier, name and niveau): one lineage with 30001.
      kwal('30004', 'Lasser', '20001', 2, 'Techniek en procesindustrie'),
    ],
    kerntaken: [kerntaak('30001', 'B1-K1', 'Maakt constructies'), kerntaak('30002', 'B1-K1', 'Maakt constructies'), kerntaak('30003', 'B1-K1', 'Verzorgt cliënten'), kerntaak('30004', 'B1-K1', 'Maakt constructies')],
    werkprocessen: [
      ...['30001', '30002', '30004'].flatMap((c) => [
        wp(c, 'B1-K1', 'B1-K1-W1', 'Last plaatmateriaal met booglassen', 0),
        wp(c, 'B1-K1', 'B1-K1-W2', 'Leest werktekeningen van constructies', 1),
      ]),
      wp('30003', 'B1-K1', 'B1-K1-W1', 'Helpt cliënten bij de maaltijden', 0),
      wp('30003', 'B1-K1', 'B1-K1-W2', 'Verzorgt cliënten en observeert hun gezondheid', 1),
    ],
    kennis: [],
    keuzedelen: [
      { ...base(TABLE_SOURCE.keuzedelen, 'K0001'), code: 'K0001', titel: 'Lassen van dunne plaat', sbu: 240, niveau: 2, omschrijving: 'De student last plaatmateriaal met booglassen.' },
      { ...base(TABLE_SOURCE.keuzedelen, 'K0002'), code: 'K0002', titel: 'Gezonde voeding', sbu: 240, niveau: null, omschrijving: 'Maaltijden en gezondheid van cliënten.' },
    ],
    aanbod: [
      { ...base(TABLE_SOURCE.aanbod, '30001:K0001'), crebo: '30001', keuzedeel_code: 'K0001', instellingen: null },
      { ...base(TABLE_SOURCE.aanbod, '30003:K0002'), crebo: '30003', keuzedeel_code: 'K0002', instellingen: null },
    ],
    koppelingen: [],
    koppelingenGeladen: false,
  };
  return new MboCatalog(rows);
}

/** A small vmbo: a las-keuzevak and a zorg-keuzevak with deeltaken and eindtermen, and a vervallen keuzevak. */
function vmbo(): VmboSource {
  const items: VmboRow[] = [];
  const children = new Map<string, VmboRow[]>();
  const add = (row: Omit<VmboRow, 'duplicate_of' | 'status' | 'description'> & { status?: string; description?: string | null }, parent: string | null) => {
    const r: VmboRow = { duplicate_of: null, status: 'actief', description: null, ...row };
    items.push(r);
    if (parent) children.set(parent, [...(children.get(parent) ?? []), r]);
  };
  add({ id: 'kv1', kind: 'keuzevak', code: 'K/PIE/08', title: 'Praktisch booglassen', profiel_code: 'PIE', description: 'Booglassen van plaatmateriaal' }, null);
  add({ id: 'dt1', kind: 'deeltaak', code: 'K/PIE/08/01', title: 'Lassen met booglassen', profiel_code: 'PIE' }, 'kv1');
  add({ id: 'et1', kind: 'eindterm', code: 'K/PIE/08/01-01', title: 'De kandidaat kan plaatmateriaal lassen met booglassen', profiel_code: 'PIE' }, 'dt1');
  add({ id: 'et2', kind: 'eindterm', code: 'K/PIE/08/01-02', title: 'De kandidaat kan een werktekening lezen', profiel_code: 'PIE' }, 'dt1');
  add({ id: 'kv2', kind: 'keuzevak', code: 'K/ZW/07', title: 'Zorg voor cliënten', profiel_code: 'ZW' }, null);
  add({ id: 'dt2', kind: 'deeltaak', code: 'K/ZW/07/01', title: 'Cliënten verzorgen', profiel_code: 'ZW' }, 'kv2');
  add({ id: 'et3', kind: 'eindterm', code: 'K/ZW/07/01-01', title: 'De kandidaat kan cliënten helpen bij de maaltijden', profiel_code: 'ZW' }, 'dt2');
  add({ id: 'kv3', kind: 'keuzevak', code: 'K/PIE/99', title: 'Oud lassen', profiel_code: 'PIE', status: 'vervallen' }, null);
  return { items, children };
}

describe('MatchIndex', () => {
  const catalog = mbo();
  const source = vmbo();
  const words = vocabulary([...source.items.map((i) => i.title), ...[...catalog.keuzedelen.values()].map((k) => k.titel), 'lassen booglassen plaatmateriaal werktekeningen constructies cliënten maaltijden']);
  const index = new MatchIndex({ vmbo: source, mbo: catalog, lexicon: new Lexicon(words.keys()) });

  it('knows active units only, and kwalificaties of active dossiers', () => {
    expect(index.unit('keuzevak', 'k/pie/08')?.title).toBe('Praktisch booglassen');
    expect(index.unit('keuzevak', 'K-PIE-08')?.code).toBe('K/PIE/08');
    expect(index.unit('keuzevak', 'K/PIE/99')).toBeUndefined();
    expect(index.kwalificatie('30003')).toMatchObject({ title: 'Helpende zorg', dossierCrebo: '20002' });
    expect(index.keuzedeel('k0001')).toMatchObject({ code: 'K0001' });
  });

  it('ranks the fitting dossier first, folded with its kwalificaties and their versions, with pairs of real codes', () => {
    const results = index.matchForward({ units: [index.unit('keuzevak', 'K/PIE/08')!] }, { limit: 10 });
    const kwalificaties = results.filter((r) => r.type === 'kwalificatie');
    // One result per dossier: the next dossier follows directly, however many kwalificaties the first one has.
    const dossiers = kwalificaties.map((r) => r.type === 'kwalificatie' && r.dossierCrebo);
    expect(dossiers[0]).toBe('20001');
    expect(new Set(dossiers).size).toBe(dossiers.length);
    const first = kwalificaties[0]!;
    if (first.type !== 'kwalificatie') throw new Error('a kwalificatie');
    // Lasser under its newest crebo, the older one as a version; Allround lasser folded in the dossier.
    const names = [first, ...first.kwalificaties].map((k) => `${k.crebo} ${k.title} ${k.versies.join(',')}`);
    expect(names).toEqual(expect.arrayContaining(['30004 Lasser 30001', '30002 Allround lasser ']));
    expect(names).toHaveLength(2);
    // Kwalificaties before keuzedelen, whatever their scores.
    expect(results.findIndex((r) => r.type === 'keuzedeel')).toBe(kwalificaties.length);
    expect(first.score).toBe(1);
    expect(first.uitleg).toMatch(/^Dit dossier past het best bij de vraag .*Betrouwbaarheid (sterk|mogelijk)/);
    expect(first.status).toBe('suggestie');
    expect(first.explanation.sharedTerms).toContain('booglassen');
    const pair = first.explanation.pairs[0]!;
    expect(pair.eindterm.code).toBe('K/PIE/08/01-01');
    expect(pair.werkproces).toMatchObject({ code: 'B1-K1-W1', title: 'Last plaatmateriaal met booglassen', kerntaak: { code: 'B1-K1' } });
    expect(pair.eindterm.highlight.filter((h) => h.mark).map((h) => h.text)).toEqual(expect.arrayContaining(['booglassen', 'plaatmateriaal']));
    // Explanations never show stems or generic words.
    expect(first.explanation.sharedTerms).not.toContain('kandidaat');
  });

  it('says in words what a score and a band rest on, and a band never claims more than the evidence', () => {
    for (const r of index.matchForward({ units: [index.unit('keuzevak', 'K/ZW/07')!] }, { limit: 10 })) {
      expect(r.uitleg).toMatch(new RegExp(`Betrouwbaarheid ${r.confidence}`));
      if (r.explanation.sharedTerms.length === 0 && r.explanation.pairs.length === 0) {
        expect(r.confidence).toBe('zwak');
        expect(r.uitleg).toMatch(/geen inhoudswoorden/);
      }
    }
  });

  it('says when the dossier is named after what was asked (the reverse name coverage), and only then', () => {
    const [zorg] = index.matchForward({ tekst: 'Zorg en welzijn' }, { soort: 'kwalificatie', limit: 10 });
    expect(zorg).toMatchObject({ type: 'kwalificatie', dossierCrebo: '20002' });
    expect(zorg!.uitleg).toContain('de naam van het dossier noemt de zoektekst');
    for (const r of index.matchForward({ units: [index.unit('keuzevak', 'K/ZW/07')!] }, { soort: 'kwalificatie', limit: 10 })) {
      if (r.type === 'kwalificatie' && r.dossierCrebo === '20001') expect(r.uitleg).not.toContain('de naam van het dossier');
    }
  });

  it('ranks keuzedelen by the dossiers that offer them and by their text', () => {
    const results = index.matchForward({ units: [index.unit('keuzevak', 'K/PIE/08')!] }, { limit: 10, soort: 'keuzedeel' });
    expect(results.every((r) => r.type === 'keuzedeel')).toBe(true);
    expect(results[0]).toMatchObject({ type: 'keuzedeel', code: 'K0001', url: '/mbo/keuzedelen/K0001' });
    const zorg = results.find((r) => r.type === 'keuzedeel' && r.code === 'K0002');
    if (zorg) expect(zorg.score).toBeLessThan(results[0]!.score);
  });

  it('answers free text and a set of units', () => {
    const text = index.matchForward({ tekst: 'cliënten helpen met maaltijden' }, { limit: 5, soort: 'kwalificatie' });
    expect(text[0]).toMatchObject({ type: 'kwalificatie', crebo: '30003' });
    expect(text[0]!.explanation.pairs[0]?.eindterm.code).toBeNull();
    const both = combinedText([index.unit('keuzevak', 'K/PIE/08')!, index.unit('keuzevak', 'K/ZW/07')!]);
    expect(both.eindtermen).toHaveLength(3);
    expect(both.profielCode).toBeNull();
  });

  it('gives a smaller limit the first results of each kind of a larger one (answers are cached for a larger limit)', () => {
    const unit = { units: [index.unit('keuzevak', 'K/PIE/08')!] };
    const firstOfEach = (results: DomainMatchResult[], limit: number) => {
      const n = new Map<string, number>();
      return results.filter((r) => {
        const kind = r.type === 'profielmodule' ? 'keuzevak' : r.type;
        n.set(kind, (n.get(kind) ?? 0) + 1);
        return n.get(kind)! <= limit;
      });
    };
    for (let limit = 1; limit <= 4; limit += 1) {
      expect(index.matchForward(unit, { limit })).toEqual(firstOfEach(index.matchForward(unit, { limit: 30 }), limit));
      expect(index.matchReverse({ kwalificatie: '30001' }, { limit })).toEqual(index.matchReverse({ kwalificatie: '30001' }, { limit: 30 }).slice(0, limit));
    }
  });

  it('ranks the units in slices when asked, and all at once for a backward query', () => {
    const fresh = new MatchIndex({ vmbo: source, mbo: catalog, lexicon: new Lexicon(words.keys()) });
    expect(fresh.rankSome(1)).toBe(false);
    expect(fresh.rankSome(100)).toBe(true);
    expect(fresh.matchReverse({ kwalificatie: '30003' }, { limit: 1 })).toEqual(index.matchReverse({ kwalificatie: '30003' }, { limit: 1 }));
  });

  it('goes back from a kwalificatie and from a keuzedeel to keuzevakken', () => {
    const fromK = index.matchReverse({ kwalificatie: '30003' }, { limit: 5 });
    expect(fromK[0]).toMatchObject({ type: 'keuzevak', code: 'K/ZW/07', url: '/vmbo/keuzevakken/K-ZW-07' });
    expect(fromK[0]!.explanation.pairs[0]?.werkproces.code).toBe('B1-K1-W1');
    const fromKd = index.matchReverse({ keuzedeel: 'K0001' }, { limit: 5 });
    expect(fromKd[0]).toMatchObject({ code: 'K/PIE/08' });
    expect(index.matchReverse({ kwalificatie: '30003' }, { limit: 5, soort: 'profielmodule' })).toEqual([]);
  });

  it('aligns every eindterm with werkprocessen of one kwalificatie, each werkproces of a dossier once', () => {
    const a = index.alignment([index.unit('keuzevak', 'K/PIE/08')!], { perEindterm: 3 });
    expect(a.kwalificaties.map((k) => k.dossierCrebo)).toContain('20001');
    expect(a.eindtermen.map((e) => e.code)).toEqual(['K/PIE/08/01-01', 'K/PIE/08/01-02']);
    const links = a.eindtermen[0]!.links;
    expect(links[0]!.werkproces.code).toBe('B1-K1-W1');
    // 30001 and 30002 share their werkprocessen: the alignment shows B1-K1-W1 once, not once per kwalificatie.
    expect(links.filter((l) => l.werkproces.code === 'B1-K1-W1')).toHaveLength(1);
    const tekening = a.eindtermen[1]!.links;
    expect(tekening[0]?.werkproces.code).toBe('B1-K1-W2');
  });
});

describe('confidenceBand', () => {
  it('needs both a high relative score and evidence for sterk', () => {
    expect(confidenceBand(1, 3)).toBe('sterk');
    expect(confidenceBand(1, 2)).toBe('mogelijk');
    expect(confidenceBand(0.5, 5)).toBe('mogelijk');
    expect(confidenceBand(0.2, 5)).toBe('zwak');
    expect(confidenceBand(1, 0)).toBe('zwak');
  });
});
