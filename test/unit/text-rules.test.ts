/** Issue 10, finding 6: the shared rules for incoming text (src/shared/text.ts). */
import { describe, expect, it } from 'vitest';
import { httpUrl, isGeldigeTekst, isHttpUrl, tekst, vindOngeldigTeken, vindOngeldigeTekst } from '../../src/shared/text.js';

describe('vindOngeldigTeken', () => {
  it.each([
    ['plain text', 'Doorlopende leerroute Zorg & Welzijn', null],
    ['accents and an emoji (a valid surrogate pair)', 'Café 😀 ë', null],
    ['a NUL', 'ab\u0000c', { index: 2, soort: 'nul' }],
    ['a lone high surrogate', 'a\uD800', { index: 1, soort: 'losse-surrogaat' }],
    ['a high surrogate followed by a normal character', '\uD83Dx', { index: 0, soort: 'losse-surrogaat' }],
    ['a lone low surrogate', 'x\uDE00', { index: 1, soort: 'losse-surrogaat' }],
    ['two high surrogates', '\uD83D\uD83D\uDE00', { index: 0, soort: 'losse-surrogaat' }],
  ])('%s', (_label, input, expected) => {
    expect(vindOngeldigTeken(input)).toEqual(expected);
    expect(isGeldigeTekst(input)).toBe(expected === null);
  });
});

describe('tekst()', () => {
  const naam = tekst().trim().min(1, 'vul een naam in').max(10);
  it('passes good text through the usual checks and transforms', () => {
    expect(naam.parse('  Café 😀 ')).toBe('Café 😀');
  });
  it.each(['\u0000', 'a\u0000', '\uD800', 'x\uDFFF'])('refuses %j with a Dutch message', (input) => {
    const result = naam.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/^bevat (een NUL-teken \(U\+0000\)|een ongeldig teken) op positie \d+/);
  });
});

describe('httpUrl()', () => {
  it.each(['https://example.org/les?id=1#deel', 'http://intranet.school.nl/map', ' https://x.nl '])('accepts %s', (url) => {
    expect(httpUrl().safeParse(url).success).toBe(true);
  });
  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'vbscript:msgbox(1)',
    'ftp://example.org/bestand',
    'mailto:iemand@example.org',
    '//example.org/zonder-schema',
    '/relatief/pad',
    'https://gebruiker:wachtwoord@example.org/',
    'https://',
  ])('refuses %s with a Dutch message', (url) => {
    const result = httpUrl().safeParse(url);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join(' ')).toMatch(/geen geldige link: alleen een volledig adres dat begint met http:\/\/ of https:\/\/|NUL-teken/);
    expect(isHttpUrl(url.trim())).toBe(false);
  });
  it('refuses a link with a NUL (the text rule comes first)', () => {
    expect(httpUrl().safeParse('https://example.org/\u0000').error?.issues[0]?.message).toMatch(/NUL-teken/);
  });
  it('keeps its length limit', () => {
    expect(httpUrl(30).safeParse(`https://example.org/${'a'.repeat(20)}`).success).toBe(false);
  });
});

describe('vindOngeldigeTekst (a guard over a whole request part)', () => {
  it('finds bad strings at any depth, with their path, and bad keys', () => {
    expect(vindOngeldigeTekst({ naam: 'ok', vmbo: { keuzevakken: ['K/PIE/1', 'x\u0000'] }, ['sleutel\uD800']: 1 }, ['body'])).toEqual([
      { pad: 'body.vmbo.keuzevakken.1', melding: expect.stringMatching(/NUL-teken/) },
      { pad: 'body.(naam van een veld)', melding: expect.stringMatching(/losse helft/) },
    ]);
  });
  it('finds nothing in good input, numbers, booleans and null', () => {
    expect(vindOngeldigeTekst({ a: 1, b: true, c: null, d: ['é', '😀'] })).toEqual([]);
  });
});
