/**
 * The pupil's share links (issue 15): pure rules. A link is valid until the end of its expiry day (Dutch time) and
 * until the pupil revokes it; an expired or revoked link answers as if it never existed (404).
 */
import type { DeellinkStatus } from '../../shared/lob-api.js';
import { LOB_LIMIETEN } from '../../shared/lob-api.js';

/** The offset of Europe/Amsterdam from UTC at an instant, in minutes (60 in winter, 120 in summer). */
function amsterdamOffsetMinuten(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Amsterdam', timeZoneName: 'longOffset' }).formatToParts(at);
  const naam = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT+01:00';
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(naam);
  if (!m) return 60;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/** The calendar day (YYYY-MM-DD) of an instant in Europe/Amsterdam. */
export function dagInNederland(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The instant a link made to last through `datum` (YYYY-MM-DD) stops working: midnight after that day, Dutch time. */
export function verlooptAt(datum: string): Date {
  const volgendeDagUtc = new Date(`${datum}T00:00:00Z`);
  volgendeDagUtc.setUTCDate(volgendeDagUtc.getUTCDate() + 1);
  // Midnight in Amsterdam is earlier than midnight UTC by the offset at that moment.
  const schatting = new Date(volgendeDagUtc.getTime() - 60 * 60_000);
  return new Date(volgendeDagUtc.getTime() - amsterdamOffsetMinuten(schatting) * 60_000);
}

/** Why an expiry date cannot be chosen, or null when it can: from today up to LOB_LIMIETEN.maxDagenGeldig days ahead. */
export function verloopdatumProbleem(datum: string, now: Date): string | null {
  const vandaag = dagInNederland(now);
  if (datum < vandaag) return 'kies een datum vanaf vandaag';
  const grens = new Date(`${vandaag}T00:00:00Z`);
  grens.setUTCDate(grens.getUTCDate() + LOB_LIMIETEN.maxDagenGeldig);
  if (datum > grens.toISOString().slice(0, 10)) return `een link werkt hooguit ${LOB_LIMIETEN.maxDagenGeldig} dagen; kies een eerdere datum`;
  return null;
}

export function deellinkStatus(link: { verlooptAt: Date; ingetrokkenAt: Date | null }, now: Date): DeellinkStatus {
  if (link.ingetrokkenAt) return 'ingetrokken';
  if (now.getTime() >= link.verlooptAt.getTime()) return 'verlopen';
  return 'actief';
}

/** The last day a link works (YYYY-MM-DD), from its stored expiry instant. */
export function laatsteDag(verloopt: Date): string {
  return dagInNederland(new Date(verloopt.getTime() - 1));
}
