/**
 * The kalender of a samenwerking for one schooljaar (issue 13): the dates that follow from the rules, and their
 * iCalendar text (RFC 5545). All-day dates (VALUE=DATE) as they hold in the Netherlands (Europe/Amsterdam). Pure.
 */
import { regelById } from './regels.js';

export interface KalenderDatum {
  /** Stable per samenwerking and schooljaar: part of the UID, so a re-import updates instead of duplicating. */
  sleutel: string;
  /** ISO date, YYYY-MM-DD. */
  datum: string;
  titel: string;
  beschrijving: string;
  bron: string;
}

const bronVan = (id: string): string => {
  const r = regelById(id);
  if (!r) return '';
  return `${r.bron.document}, ${r.bron.sectie}${r.bron.wetsartikel ? `; ${r.bron.wetsartikel}` : ''}`;
};

/**
 * The dates of schooljaar "2026-2027" (1 August 2026 to 31 July 2027): PTA published before 1 October, additional
 * admission requirements before 1 February, registration before 1 April (both for the schooljaar after), the yearly
 * evaluation and renewal of the agreement in April, and an agreement's end when it has one.
 */
export function kalenderDatums(schooljaar: string, overeenkomsten: ReadonlyArray<{ id: string; geldigTot?: string | null }> = []): KalenderDatum[] {
  const y1 = Number(schooljaar.slice(0, 4));
  const y2 = y1 + 1;
  const volgend = `${y2}-${y2 + 1}`;
  const datums: KalenderDatum[] = [
    {
      sleutel: 'pta-bekend',
      datum: `${y1}-10-01`,
      titel: 'PTA bekendmaken',
      beschrijving: `Het programma van toetsing en afsluiting voor schooljaar ${schooljaar} is vóór 1 oktober bekend bij leerlingen en ouders, met LOB erin verantwoord.`,
      bron: `Eindexamenbesluit VO, artikel 31; voor LOB in het PTA: ${bronVan('lob-in-pta')}`,
    },
    {
      sleutel: 'aanvullende-eisen',
      datum: `${y2}-02-01`,
      titel: 'Uiterste datum: aanvullende eisen en selectie mbo bekend',
      beschrijving: `Mbo-opleidingen die voor schooljaar ${volgend} aanvullende eisen stellen of selecteren, maken dat vóór deze datum bekend.`,
      bron: bronVan('aanvullende-eisen-1-februari'),
    },
    {
      sleutel: 'aanmelden',
      datum: `${y2}-04-01`,
      titel: 'Uiterste aanmelddatum mbo (toelatingsrecht)',
      beschrijving: `Leerlingen die in schooljaar ${volgend} naar het mbo gaan, melden zich vóór 1 april aan om recht op toelating te houden.`,
      bron: bronVan('aanmelden-1-april'),
    },
    {
      sleutel: 'evaluatie-overeenkomst',
      datum: `${y2}-04-01`,
      titel: 'Evaluatie en verlenging van de samenwerkingsovereenkomst',
      beschrijving: `Jaarlijkse evaluatie van de samenwerking en besluit over voortzetting voor schooljaar ${volgend}; let op een opzegtermijn.`,
      bron: bronVan('ovk-vastleggen'),
    },
  ];
  for (const o of overeenkomsten) {
    if (!o.geldigTot || !/^\d{4}-\d{2}-\d{2}$/.test(o.geldigTot)) continue;
    if (o.geldigTot < `${y1}-08-01` || o.geldigTot > `${y2}-07-31`) continue;
    datums.push({ sleutel: `overeenkomst-${o.id}-einde`, datum: o.geldigTot, titel: 'Samenwerkingsovereenkomst loopt af', beschrijving: 'Verleng of vernieuw de overeenkomst op tijd.', bron: bronVan('ovk-vastleggen') });
  }
  return datums.sort((a, b) => a.datum.localeCompare(b.datum) || a.sleutel.localeCompare(b.sleutel));
}

/** The schooljaar a moment falls in, in the Netherlands: from 1 August the next one ("2026-2027"). */
export function schooljaarOp(moment: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: 'numeric' }).formatToParts(moment);
  const jaar = Number(parts.find((p) => p.type === 'year')!.value);
  const maand = Number(parts.find((p) => p.type === 'month')!.value);
  const begin = maand >= 8 ? jaar : jaar - 1;
  return `${begin}-${begin + 1}`;
}

/** RFC 5545 text: escape backslash, semicolon, comma and newlines. */
function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets (UTF-8), never inside a character; continuation lines start with a space. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const n = new TextEncoder().encode(ch).length;
    const limit = out.length === 0 ? 75 : 74;
    if (bytes + n > limit) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

const compact = (isoDate: string) => isoDate.replace(/-/g, '');
function nextDay(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The iCalendar file; `uidBasis` makes the UIDs unique per samenwerking and schooljaar; `stempel` is DTSTAMP (UTC). */
export function naarICalendar(opts: { naam: string; datums: readonly KalenderDatum[]; uidBasis: string; stempel: Date }): string {
  const stamp = opts.stempel.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Doorlopend//Regelkalender//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(opts.naam)}`,
    'X-WR-TIMEZONE:Europe/Amsterdam',
  ];
  for (const d of opts.datums) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${d.sleutel}-${opts.uidBasis}@doorlopend`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(d.datum)}`,
      `DTEND;VALUE=DATE:${compact(nextDay(d.datum))}`,
      `SUMMARY:${escapeText(d.titel)}`,
      `DESCRIPTION:${escapeText(`${d.beschrijving}\nBron: ${d.bron}`)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
