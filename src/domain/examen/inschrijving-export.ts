/**
 * The registration list for the mbo student administration (issue 14): one row per pupil registered for a joint exam
 * as extraneus, with exactly the fields the registration needs (docs/examen.md says why each is there), and the pupils
 * whose needed field is missing. Pure; the CSV text is made here, the XLSX in src/server/exports.
 */
export const INSCHRIJVING_KOLOMMEN = [
  'Leerlingnummer',
  'Roepnaam',
  'Tussenvoegsel',
  'Achternaam',
  'Geboortedatum',
  'Vmbo-school',
  'Keuzedeelcode',
  'Keuzedeel',
  'Examendatum',
  'Status',
] as const;

export interface InschrijvingRij {
  leerlingId: string;
  leerlingnummer: string;
  roepnaam: string;
  tussenvoegsel: string;
  achternaam: string;
  /** yyyy-mm-dd, or null when the school has not recorded it. */
  geboortedatum: string | null;
  school: string;
  keuzedeelCode: string;
  keuzedeelTitel: string;
  /** yyyy-mm-dd: the first planned date of the plan in force, or null. */
  examendatum: string | null;
  status: 'aangemeld' | 'ingeschreven';
}

export interface InschrijvingWaarschuwing {
  leerlingId: string;
  naam: string;
  ontbreekt: string[];
}

export const volledigeNaam = (r: Pick<InschrijvingRij, 'roepnaam' | 'tussenvoegsel' | 'achternaam'>) => [r.roepnaam, r.tussenvoegsel, r.achternaam].filter(Boolean).join(' ');

/** Pupils whose registration lacks a needed field (the birth date; the exam date concerns the whole list). */
export function waarschuwingen(rijen: readonly InschrijvingRij[]): InschrijvingWaarschuwing[] {
  const out: InschrijvingWaarschuwing[] = [];
  for (const r of rijen) {
    const ontbreekt: string[] = [];
    if (!r.geboortedatum) ontbreekt.push('geboortedatum');
    if (ontbreekt.length) out.push({ leerlingId: r.leerlingId, naam: volledigeNaam(r), ontbreekt });
  }
  return out;
}

export const rijWaarden = (r: InschrijvingRij): string[] => [
  r.leerlingnummer,
  r.roepnaam,
  r.tussenvoegsel,
  r.achternaam,
  r.geboortedatum ?? '',
  r.school,
  r.keuzedeelCode,
  r.keuzedeelTitel,
  r.examendatum ?? '',
  r.status,
];

function csvVeld(v: string): string {
  // A leading =, +, - or @ would be a formula in a spreadsheet program: quoted with a leading apostrophe.
  const veilig = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[";\r\n]/.test(veilig) || veilig !== v ? `"${veilig.replaceAll('"', '""')}"` : veilig;
}

/** CSV with a semicolon (what Dutch spreadsheet programs expect), a BOM for the accents, CRLF line ends. */
export function inschrijvingCsv(rijen: readonly InschrijvingRij[]): string {
  const lines = [INSCHRIJVING_KOLOMMEN.join(';'), ...rijen.map((r) => rijWaarden(r).map(csvVeld).join(';'))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
