/**
 * The lifecycle of a menukaart module (issue 15; the source: every module is reviewed once in five years, a module that
 * needs revising is revised within a year, and a module in which no exam was taken for five years is removed). Pure:
 * dates are calendar dates 'YYYY-MM-DD', the peildatum is given by the caller.
 */

export const REVIEW_CYCLUS_JAREN = 5;
export const HERZIENING_MAX_MAANDEN = 12;
export const JAREN_ZONDER_EXAMEN = 5;
/** A review counts as "due" on the dashboard this many days before its date. */
export const REVIEW_VOORUIT_DAGEN = 183;

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar date of a Date or ISO string ('YYYY-MM-DD'); null stays null. */
export function datum(v: Date | string | null | undefined): string | null {
  if (v == null) return null;
  if (v instanceof Date) return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  return v.slice(0, 10);
}

/** 'YYYY-MM-DD' plus whole years (29 February becomes 28 February in a common year). */
export function plusJaren(d: string, jaren: number): string {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const ny = y + jaren;
  const leap = (ny % 4 === 0 && ny % 100 !== 0) || ny % 400 === 0;
  return `${ny}-${pad(m)}-${pad(m === 2 && day === 29 && !leap ? 28 : day)}`;
}

export function plusDagen(d: string, dagen: number): string {
  return datum(new Date(Date.parse(`${d}T00:00:00Z`) + dagen * 86_400_000))!;
}

/** The schooljaar a date falls in: from 1 August. '2027-03-01' → '2026-2027'. */
export function schooljaarVan(d: string): string {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7));
  return m >= 8 ? `${y}-${y + 1}` : `${y - 1}-${y}`;
}

/** The schooljaar `n` years before (negative) or after this one. */
export function schooljaarPlus(sj: string, n: number): string {
  const y = Number(sj.slice(0, 4)) + n;
  return `${y}-${y + 1}`;
}

export interface LevenscyclusInput {
  /** Published (or, never published, created): the cycle starts there when there was no review yet. */
  sinds: string;
  laatsteReview: string | null;
  herziening: { opdracht: string; deadline: string } | null;
  /** Exams per schooljaar (summed over sources); zero rows may be there. */
  examens: ReadonlyArray<{ schooljaar: string; aantal: number }>;
}

export interface LevenscyclusStand {
  volgendeReview: string;
  reviewVerlopen: boolean;
  /** The review is due within REVIEW_VOORUIT_DAGEN (or overdue). */
  reviewNodig: boolean;
  herzieningVerlopen: boolean;
  /** The latest schooljaar with at least one exam. */
  laatsteExamen: string | null;
  voorstelVerwijderen: boolean;
  meldingen: string[];
}

export function levenscyclus(input: LevenscyclusInput, peildatum: string): LevenscyclusStand {
  const basis = input.laatsteReview ?? input.sinds;
  const volgendeReview = plusJaren(basis, REVIEW_CYCLUS_JAREN);
  const reviewVerlopen = volgendeReview <= peildatum;
  const reviewNodig = volgendeReview <= plusDagen(peildatum, REVIEW_VOORUIT_DAGEN);
  const herzieningVerlopen = input.herziening !== null && input.herziening.deadline < peildatum;
  const metExamen = input.examens.filter((e) => e.aantal > 0).map((e) => e.schooljaar).sort();
  const laatsteExamen = metExamen.at(-1) ?? null;
  // The five completed schooljaren before the current one; the module must have existed throughout them.
  const huidig = schooljaarVan(peildatum);
  const eerste = schooljaarPlus(huidig, -JAREN_ZONDER_EXAMEN);
  const bestondAl = input.sinds < `${eerste.slice(0, 4)}-08-01`;
  const voorstelVerwijderen = bestondAl && !metExamen.some((sj) => sj >= eerste && sj < huidig) && !metExamen.includes(huidig);
  const meldingen: string[] = [];
  if (reviewVerlopen) meldingen.push(`De vijfjaarlijkse review was uiterlijk ${volgendeReview} nodig en is nog niet gedaan.`);
  else if (reviewNodig) meldingen.push(`De vijfjaarlijkse review is nodig vóór ${volgendeReview}.`);
  if (herzieningVerlopen) meldingen.push(`De herziening had af moeten zijn op ${input.herziening!.deadline}.`);
  if (voorstelVerwijderen) meldingen.push(`In vijf schooljaren (${eerste} tot en met ${schooljaarPlus(huidig, -1)}) is in deze module geen examen afgenomen: voorstel om haar van de menukaart te halen.`);
  return { volgendeReview, reviewVerlopen, reviewNodig, herzieningVerlopen, laatsteExamen, voorstelVerwijderen, meldingen };
}

/** A revision deadline must lie after the day it is given and at most a year later. Answers the Dutch refusal, or null. */
export function herzieningDeadlineFout(deadline: string, gegevenOp: string): string | null {
  if (deadline <= gegevenOp) return 'De deadline van een herziening ligt na vandaag.';
  if (deadline > plusJaren(gegevenOp, 1)) return `Een herziening is binnen een jaar klaar: kies een deadline uiterlijk ${plusJaren(gegevenOp, 1)}.`;
  return null;
}

/** A review date cannot lie in the future. */
export function reviewDatumFout(d: string, peildatum: string): string | null {
  return d > peildatum ? 'Een review kan niet in de toekomst liggen.' : null;
}
