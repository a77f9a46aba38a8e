/**
 * The verificatiecode of a vastgesteld result (issue 14): three groups of four characters (`XXXX-XXXX-XXXX`) from an
 * alphabet without the characters people mix up (no I, L, O, U, 0 and 1), drawn with the operating system's
 * cryptographic random generator: 29^12 ≈ 3.5 × 10^17 codes, so guessing one is hopeless. Anyone holding the code can
 * check the result statement on the public page (the vrijstelling part); uniqueness is also enforced by the database.
 */
import { randomInt } from 'node:crypto';

export const VERIFICATIE_ALFABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';
export const VERIFICATIECODE_PATROON = /^[ABCDEFGHJKMNPQRSTVWXYZ23456789]{4}-[ABCDEFGHJKMNPQRSTVWXYZ23456789]{4}-[ABCDEFGHJKMNPQRSTVWXYZ23456789]{4}$/;

export function nieuweVerificatiecode(): string {
  const teken = () => VERIFICATIE_ALFABET[randomInt(VERIFICATIE_ALFABET.length)]!;
  const groep = () => Array.from({ length: 4 }, teken).join('');
  return `${groep()}-${groep()}-${groep()}`;
}

/** A typed-in code in its canonical form (upper case, dashes where they belong), or null when it cannot be one. */
export function normaliseerVerificatiecode(invoer: string): string | null {
  const tekens = invoer.toUpperCase().replace(/[\s-]/g, '');
  if (tekens.length !== 12) return null;
  const code = `${tekens.slice(0, 4)}-${tekens.slice(4, 8)}-${tekens.slice(8)}`;
  return VERIFICATIECODE_PATROON.test(code) ? code : null;
}
