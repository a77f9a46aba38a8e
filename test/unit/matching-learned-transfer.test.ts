/** Issue 17: what the units with evidence teach the others (learned-transfer.ts), and how the uitleg says it. */
import { describe, expect, it } from 'vitest';
import type { Bewijs } from '../../src/domain/matching/evidence.js';
import { LearnedTransfer, TRANSFER, TRANSFER_SHOWN, transferUitleg, unitLength, withTransfer, type TransferUnit } from '../../src/domain/matching/learned-transfer.js';

const b = (x: Partial<Bewijs>): Bewijs => ({ bevestigd: 0, afgewezen: 0, voor: 0, tegen: 0, ...x });
const terms = (...words: string[]) => new Map(words.map((w) => [w, 1]));
const unit = (key: string, profiel: string | null, ...words: string[]): TransferUnit => ({ key, profiel, terms: terms(...words) });

const units = [
  unit('keuzevak|K/PIE/1', 'PIE', 'lassen', 'plaat', 'constructie'),
  unit('keuzevak|K/PIE/2', 'PIE', 'lassen', 'plaat', 'snijden'),
  unit('profielmodule|P/PIE/1', 'PIE', 'lassen', 'constructie', 'tekening'),
  unit('keuzevak|K/BWI/1', 'BWI', 'lassen', 'plaat', 'constructie'),
  unit('keuzevak|K/PIE/9', 'PIE', 'koude', 'koelen'),
];
const evidence = new Map([
  ['keuzevak|K/PIE/1', new Map([['metaal', b({ bevestigd: 2 })]])],
  ['keuzevak|K/PIE/2', new Map([['metaal', b({ bevestigd: 1 })], ['bouw', b({ afgewezen: 1 })]])],
  ['profielmodule|P/PIE/1', new Map([['metaal', b({ voor: 2 })]])],
  ['keuzevak|K/BWI/1', new Map([['bouw', b({ bevestigd: 3 })]])],
  ['keuzevak|K/PIE/9', new Map([['koel', b({ bevestigd: 1 })]])],
]);

describe('learned transfer', () => {
  const learned = new LearnedTransfer(units, evidence);
  const ask = (profiel: string | null, ...words: string[]) => learned.of({ key: null, profiel, terms: terms(...words) });

  it('reads only units with evidence and with words', () => {
    expect(learned.size).toBe(5);
    expect(new LearnedTransfer([...units, unit('keuzevak|K/PIE/7', 'PIE', 'x')], evidence).size).toBe(5);
    expect(new LearnedTransfer([unit('keuzevak|K/PIE/1', 'PIE')], evidence).size).toBe(0);
    expect(new LearnedTransfer(units, new Map()).of({ key: null, profiel: 'PIE', terms: terms('lassen') }).size).toBe(0);
  });

  it('an unseen unit learns from alike units of its own profiel: confirmations raise, rejections lower, damped', () => {
    const out = ask('PIE', 'lassen', 'plaat', 'constructie');
    const metaal = out.get('metaal')!;
    expect(metaal.strength).toBeGreaterThan(0);
    expect(metaal.strength).toBeLessThan(0.75);
    expect(metaal.voor).toEqual({ keuzevak: 2, profielmodule: 1 });
    expect(out.get('bouw')!.strength).toBeLessThan(0);
    // K/BWI/1 (another profiel) confirmed "bouw", but is not read: only the PIE rejection counts.
    expect(out.get('bouw')!.tegen).toEqual({ keuzevak: 1 });
    expect(out.get('bouw')!.voor).toEqual({});
    // The units about cooling are not alike: nothing about "koel".
    expect(out.has('koel')).toBe(false);
  });

  it('a question without a profiel reads every profiel; the option turns the profiel rule off', () => {
    expect(ask(null, 'lassen', 'plaat', 'constructie').get('bouw')!.voor).toEqual({ keuzevak: 1 });
    const all = new LearnedTransfer(units, evidence, { sameProfiel: false });
    expect(all.of({ key: null, profiel: 'PIE', terms: terms('lassen', 'plaat', 'constructie') }).get('bouw')!.sameProfiel).toBe(false);
  });

  it('leaves the unit itself out (its own evidence counts as itself) and needs the minimum similarity', () => {
    const self = learned.of({ key: 'keuzevak|K/PIE/9', profiel: 'PIE', terms: terms('koude', 'koelen') });
    expect(self.has('koel')).toBe(false);
    expect(ask('PIE', 'boren', 'frezen').size).toBe(0);
    const near = ask('PIE', 'lassen', 'plaat', 'constructie').get('metaal')!.strength;
    const far = ask('PIE', 'lassen', 'boren', 'frezen', 'draaien', 'slijpen', 'meten').get('metaal')?.strength ?? 0;
    expect(near).toBeGreaterThan(far);
  });

  it('adds to the relative score with its weight, never below 0; without evidence nothing changes', () => {
    const t = ask('PIE', 'lassen', 'plaat', 'constructie').get('metaal')!;
    expect(withTransfer(0.5, undefined)).toBe(0.5);
    expect(withTransfer(0.5, t)).toBeCloseTo(0.5 + TRANSFER.weight * t.strength);
    expect(withTransfer(0.1, { ...t, strength: -0.9 })).toBe(0);
  });

  it('unit length', () => {
    const v = unitLength(new Map([['a', 3], ['b', 4]]));
    expect(v.get('a')).toBeCloseTo(0.6);
    expect(v.get('b')).toBeCloseTo(0.8);
    expect(unitLength(new Map()).size).toBe(0);
  });
});

describe('the uitleg of the learned part', () => {
  it('says in plain words which alike units teachers found fitting or not, only when it moved the result', () => {
    expect(transferUitleg(undefined)).toBeNull();
    expect(transferUitleg({ strength: TRANSFER_SHOWN / 2, voor: { keuzevak: 1 }, tegen: {}, sameProfiel: true })).toBeNull();
    expect(transferUitleg({ strength: 0.4, voor: { keuzevak: 2 }, tegen: {}, sameProfiel: true })).toBe(
      'Docenten vonden dit dossier passend bij 2 keuzevakken van hetzelfde profiel met een vergelijkbare tekst; daardoor staat het hoger.',
    );
    expect(transferUitleg({ strength: 0.2, voor: { keuzevak: 1, profielmodule: 1 }, tegen: {}, sameProfiel: false })).toBe(
      'Docenten vonden dit dossier passend bij 1 keuzevak en 1 profielmodule met een vergelijkbare tekst; daardoor staat het hoger.',
    );
    expect(transferUitleg({ strength: -0.3, voor: { keuzevak: 1 }, tegen: { profielmodule: 2 }, sameProfiel: true })).toBe(
      'Docenten vonden dit dossier niet passend bij 2 profielmodulen van hetzelfde profiel met een vergelijkbare tekst; daardoor staat het lager.',
    );
  });
});
