/**
 * One rule for all text that comes in from outside (request bodies and query strings, imported files), shared by
 * server and client:
 * - no NUL character (U+0000): PostgreSQL refuses it in text, so it could only end in an error;
 * - no lone UTF-16 surrogate (half of a pair, U+D800–U+DFFF on its own): not Unicode, it cannot be written as UTF-8.
 * Every string field of a request schema in src/shared/*-api.ts is built on `tekst()`, so such input is a 400 naming
 * the field, before any use case runs. Stored links go through `httpUrl()`: only http: and https:.
 */
import { z } from 'zod';

export type OngeldigTekenSoort = 'nul' | 'losse-surrogaat';

export interface OngeldigTeken {
  /** Position in the string (UTF-16 code units). */
  index: number;
  soort: OngeldigTekenSoort;
}

/** The first character that cannot be stored as text, or null when there is none. */
export function vindOngeldigTeken(s: string): OngeldigTeken | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) return { index: i, soort: 'nul' };
    if (c < 0xd800 || c > 0xdfff) continue;
    const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
    if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      i++; // a valid pair: one character outside the BMP (an emoji, say)
      continue;
    }
    return { index: i, soort: 'losse-surrogaat' };
  }
  return null;
}

/** The Dutch message for a character found by `vindOngeldigTeken` (without a field name: the caller adds one). */
export function ongeldigTekenMelding(teken: OngeldigTeken): string {
  return teken.soort === 'nul'
    ? `bevat een NUL-teken (U+0000) op positie ${teken.index + 1}; dat teken kan niet worden opgeslagen`
    : `bevat een ongeldig teken op positie ${teken.index + 1} (een losse helft van een UTF-16-tekenpaar, geen geldige Unicode)`;
}

export const isGeldigeTekst = (s: string): boolean => vindOngeldigTeken(s) === null;

/**
 * A string without NUL and without lone surrogates. Use it instead of `z.string()` for every string a request
 * carries; chain `.trim()`, `.min()`, `.max()`, `.regex()` and so on as usual.
 */
export function tekst() {
  return z.string().check((ctx) => {
    const teken = vindOngeldigTeken(ctx.value);
    if (teken !== null) ctx.issues.push({ code: 'custom', input: ctx.value, message: ongeldigTekenMelding(teken) });
  });
}

export const HTTP_URL_MELDING = 'geen geldige link: alleen een volledig adres dat begint met http:// of https://';

/** An absolute http: or https: URL with a host and without user name or password (no javascript:, data:, file:, …). */
export function isHttpUrl(s: string): boolean {
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && url.username === '' && url.password === '';
}

/** A stored link: trimmed, at most `max` characters, only http: and https: (with a Dutch message otherwise). */
export function httpUrl(max = 2000) {
  return tekst()
    .trim()
    .max(max, `hooguit ${max} tekens`)
    .refine(isHttpUrl, HTTP_URL_MELDING);
}

/**
 * Every bad string anywhere in a parsed request part (body, query, params), with its path, for a global guard in
 * front of the schemas (so a route with its own inline schema cannot forget the rule). Object keys are checked too.
 */
export function vindOngeldigeTekst(value: unknown, pad: string[] = []): { pad: string; melding: string }[] {
  const found: { pad: string; melding: string }[] = [];
  const walk = (v: unknown, p: string[], depth: number): void => {
    if (depth > 64) return;
    if (typeof v === 'string') {
      const teken = vindOngeldigTeken(v);
      if (teken !== null) found.push({ pad: p.join('.'), melding: ongeldigTekenMelding(teken) });
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, [...p, String(i)], depth + 1));
    } else if (v !== null && typeof v === 'object' && !(v instanceof Uint8Array)) {
      for (const [key, item] of Object.entries(v)) {
        const teken = vindOngeldigTeken(key);
        if (teken !== null) found.push({ pad: [...p, '(naam van een veld)'].join('.'), melding: ongeldigTekenMelding(teken) });
        walk(item, [...p, key], depth + 1);
      }
    }
  };
  walk(value, pad, 0);
  return found;
}
