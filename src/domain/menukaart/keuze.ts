/**
 * The pupil's programme (issue 15): the pure rules of choosing menukaart modules. No I/O: the use cases give the
 * module, the pupil's other choices, the counts and the school's settings; these functions answer with the refusal
 * (a Dutch message and whether it is a 400 or a 409) or null when the choice may be made.
 *
 * - a period of a schooljaar: P1–P4 or the whole year ('jaar', overlapping every period);
 * - how many modules per period: the school's setting (default `STANDAARD_MODULES_PER_PERIODE`);
 * - prerequisites: every module in `voorwaarden` chosen (waiting or approved) in an earlier period;
 * - capacity per period: approved plus waiting choices of the module in that schooljaar;
 * - a deadline per period: the school's date, or by default two weeks before the period starts.
 */
export type Periode = 'P1' | 'P2' | 'P3' | 'P4' | 'jaar';
export type KeuzeStatus = 'aangevraagd' | 'goedgekeurd' | 'teruggestuurd' | 'ingetrokken';

export const STANDAARD_MODULES_PER_PERIODE = 2;
export const ACTIEVE_STATUSSEN: readonly KeuzeStatus[] = ['aangevraagd', 'goedgekeurd'];

/** The first day of each period in a schooljaar "YYYY-YYYY+1" (month 1–12, in the first or second calendar year). */
const PERIODE_START: Record<Periode, { jaar: 0 | 1; maand: number; dag: number }> = {
  P1: { jaar: 0, maand: 9, dag: 1 },
  jaar: { jaar: 0, maand: 9, dag: 1 },
  P2: { jaar: 0, maand: 11, dag: 15 },
  P3: { jaar: 1, maand: 2, dag: 1 },
  P4: { jaar: 1, maand: 4, dag: 15 },
};

/** [start, end) of a period on a scale of quarters: P1 = [0,1), …, jaar = [0,4). */
const SPAN: Record<Periode, [number, number]> = { P1: [0, 1], P2: [1, 2], P3: [2, 3], P4: [3, 4], jaar: [0, 4] };

const pad = (n: number) => String(n).padStart(2, '0');

export function isSchooljaar(s: string): boolean {
  const m = /^(\d{4})-(\d{4})$/.exec(s);
  return !!m && Number(m[2]) === Number(m[1]) + 1;
}

/** The first day (ISO date) of a period of a schooljaar. */
export function periodeStart(schooljaar: string, periode: Periode): string {
  const begin = Number(schooljaar.slice(0, 4));
  const s = PERIODE_START[periode];
  return `${begin + s.jaar}-${pad(s.maand)}-${pad(s.dag)}`;
}

/** The default deadline: two weeks before the period starts. */
export function standaardDeadline(schooljaar: string, periode: Periode): string {
  const d = new Date(`${periodeStart(schooljaar, periode)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 14);
  return d.toISOString().slice(0, 10);
}

export const deadlineSleutel = (schooljaar: string, periode: Periode) => `${schooljaar}/${periode}`;

/** The school's deadline for a period, else the default. */
export function deadlineVoor(deadlines: Record<string, string>, schooljaar: string, periode: Periode): string {
  return deadlines[deadlineSleutel(schooljaar, periode)] ?? standaardDeadline(schooljaar, periode);
}

/** The schooljaar a date falls in (from 1 August). */
export function schooljaarVan(vandaag: string): string {
  const jaar = Number(vandaag.slice(0, 4));
  const maand = Number(vandaag.slice(5, 7));
  const begin = maand >= 8 ? jaar : jaar - 1;
  return `${begin}-${begin + 1}`;
}

/** Two periods overlap (in the same schooljaar). */
export function overlapt(a: Periode, b: Periode): boolean {
  const [as, ae] = SPAN[a];
  const [bs, be] = SPAN[b];
  return as < be && bs < ae;
}

/** `eerder` ends before `later` starts (schooljaar first, then the periods). */
export function eindigtVoor(eerder: { schooljaar: string; periode: Periode }, later: { schooljaar: string; periode: Periode }): boolean {
  if (eerder.schooljaar !== later.schooljaar) return eerder.schooljaar < later.schooljaar;
  return SPAN[eerder.periode][1] <= SPAN[later.periode][0];
}

export const PERIODE_NAAM: Record<Periode, string> = { P1: 'periode 1', P2: 'periode 2', P3: 'periode 3', P4: 'periode 4', jaar: 'het hele schooljaar' };

export function datumNl(iso: string): string {
  const maanden = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
  return `${Number(iso.slice(8, 10))} ${maanden[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

export interface KeuzeModule {
  id: string;
  titel: string;
  periode: Periode;
  capaciteit: number;
  voorwaarden: readonly string[];
}

export interface EigenKeuze {
  moduleId: string;
  schooljaar: string;
  periode: Periode;
  status: KeuzeStatus;
}

export interface KeuzeContext {
  module: KeuzeModule;
  schooljaar: string;
  /** Today, ISO date (Dutch time). */
  vandaag: string;
  /** The pupil's own choices (any status). */
  eigen: readonly EigenKeuze[];
  /** Approved plus waiting choices of this module in this schooljaar, all schools. */
  bezet: number;
  modulesPerPeriode: number;
  deadlines: Record<string, string>;
  /** Titles of the prerequisite modules, for the message. */
  titels: ReadonlyMap<string, string>;
}

export interface Weigering {
  status: 400 | 409;
  veld: string;
  melding: string;
}

/** Why a choice is refused, or null when it may be made. The order: deadline, duplicate, prerequisites, limit, capacity. */
export function beoordeelKeuze(c: KeuzeContext): Weigering | null {
  const { module: m, schooljaar } = c;
  if (!isSchooljaar(schooljaar)) return { status: 400, veld: 'schooljaar', melding: 'Kies een schooljaar als 2026-2027.' };
  const deadline = deadlineVoor(c.deadlines, schooljaar, m.periode);
  if (c.vandaag > deadline)
    return { status: 409, veld: 'moduleId', melding: `Kiezen voor ${PERIODE_NAAM[m.periode]} van ${schooljaar} kon tot en met ${datumNl(deadline)}. Die datum is voorbij; vraag je decaan of mentor wat je nu kunt doen.` };
  const actief = c.eigen.filter((k) => ACTIEVE_STATUSSEN.includes(k.status));
  if (actief.some((k) => k.moduleId === m.id && k.schooljaar === schooljaar))
    return { status: 409, veld: 'moduleId', melding: `Je hebt ‘${m.titel}’ voor ${schooljaar} al gekozen.` };
  const ontbreekt = m.voorwaarden.filter((v) => !actief.some((k) => k.moduleId === v && eindigtVoor(k, { schooljaar, periode: m.periode })));
  if (ontbreekt.length > 0) {
    const namen = ontbreekt.map((v) => `‘${c.titels.get(v) ?? 'een andere module'}’`).join(' en ');
    return { status: 400, veld: 'moduleId', melding: `Voor ‘${m.titel}’ moet je eerst ${namen} volgen. Kies die eerst voor een eerdere periode.` };
  }
  const inPeriode = actief.filter((k) => k.schooljaar === schooljaar && overlapt(k.periode, m.periode)).length;
  if (inPeriode >= c.modulesPerPeriode)
    return { status: 409, veld: 'moduleId', melding: `Je kiest op jouw school hoogstens ${c.modulesPerPeriode} ${c.modulesPerPeriode === 1 ? 'module' : 'modules'} per periode, en voor ${PERIODE_NAAM[m.periode]} van ${schooljaar} heb je er al ${inPeriode}.` };
  if (c.bezet >= m.capaciteit)
    return { status: 409, veld: 'moduleId', melding: `‘${m.titel}’ is vol: alle ${m.capaciteit} plaatsen voor ${PERIODE_NAAM[m.periode]} van ${schooljaar} zijn al gekozen. Kies een andere module.` };
  return null;
}

/** The pupil's name as a leerling record: roepnaam and achternaam from the account's full name. */
export function naamDelen(naam: string): { roepnaam: string; tussenvoegsel: string; achternaam: string } {
  const delen = naam.trim().split(/\s+/).filter(Boolean);
  if (delen.length === 0) return { roepnaam: 'Leerling', tussenvoegsel: '', achternaam: 'Onbekend' };
  if (delen.length === 1) return { roepnaam: delen[0]!.slice(0, 100), tussenvoegsel: '', achternaam: delen[0]!.slice(0, 100) };
  return { roepnaam: delen[0]!.slice(0, 100), tussenvoegsel: '', achternaam: delen.slice(1).join(' ').slice(0, 100) };
}

/** A leerlingnummer for a pupil placed from a choice, when the school has none for them yet. */
export function afgeleidLeerlingnummer(accountId: string): string {
  return `K-${accountId.replace(/[^0-9a-f]/gi, '').slice(0, 12)}`;
}

/** The end of a cohort made for a choice: 31 July of the schooljaar's second year. */
export function cohortEinddatum(schooljaar: string): string {
  return `${schooljaar.slice(5, 9)}-07-31`;
}

/** Admission dates for an mbo start in `startjaar` (September): sign up before 1 April, extra requirements known before 1 February. */
export function toelatingsDatums(startjaar: number): { aanmeldenVoor: string; eisenBekendVoor: string } {
  return { aanmeldenVoor: `${startjaar}-04-01`, eisenBekendVoor: `${startjaar}-02-01` };
}
