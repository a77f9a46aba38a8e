/**
 * Issue 17: the data files of the matching engine hold general domain knowledge only. They may not name a keuzevak or
 * profielmodule (SLO codes such as K/PIE/16 or P/ZW/02, also written with "-"), a keuzedeel (K0072), a crebo (five
 * digits: a dossier or kwalificatie), nor a keuzevak or dossier of the dev set of ../shared/eval when that set is present.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = path.resolve(import.meta.dirname, '../../src/domain/matching');
const FILES = fs.readdirSync(DIR).filter((f) => f.endsWith('.json'));
const SHARED = path.resolve(process.env.DOORLOPEND_SHARED_DIR ?? path.resolve(import.meta.dirname, '../../../shared'));

/** Finds what a data file may not contain; exported shape for the test of the test below. */
export function forbiddenIn(text: string, devCodes: readonly string[] = []): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/\b[KP][/-][A-Z&]{1,4}[/-][0-9A-Z.]{1,6}\b/gi)) found.push(`vmbo-code ${m[0]}`);
  for (const m of text.matchAll(/\bK\d{4}\b/g)) found.push(`keuzedeelcode ${m[0]}`);
  for (const m of text.matchAll(/\b\d{5}\b/g)) found.push(`crebo ${m[0]}`);
  const lower = text.toLowerCase();
  for (const c of devCodes) if (lower.includes(c.toLowerCase())) found.push(`uit de devset: ${c}`);
  return [...new Set(found)];
}

function devSetCodes(): string[] {
  const file = path.join(SHARED, 'eval', 'dev-gold.tsv');
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() && !l.startsWith('#'))
    .flatMap((l) => l.split(/\s+/))
    .filter(Boolean);
}

describe('data files of the matching engine', () => {
  it('are there', () => {
    expect(FILES).toEqual(expect.arrayContaining(['thesaurus.json', 'profiel-opleidingsdomeinen.json', 'generieke-woorden.json']));
  });

  it.each(FILES)('%s names no keuzevak, profielmodule, keuzedeel, crebo or item of the dev set', (f) => {
    expect(forbiddenIn(fs.readFileSync(path.join(DIR, f), 'utf8'), devSetCodes())).toEqual([]);
  });

  it('the check itself finds such names', () => {
    expect(forbiddenIn('{"woorden": ["koel", "K/PIE/16"]}')).toEqual(['vmbo-code K/PIE/16']);
    expect(forbiddenIn('P-ZW-02 en K0072 en 25281')).toEqual(['vmbo-code P-ZW-02', 'keuzedeelcode K0072', 'crebo 25281']);
    expect(forbiddenIn('"koeltechniek"', ['K/PIE/16', '23427'])).toEqual([]);
    expect(forbiddenIn('dossier 23427', ['23427'])).toContain('uit de devset: 23427');
  });
});
