/**
 * The result statement (resultaatverklaring) of a vastgesteld keuzedeel result, its verification code, what the
 * public check page may show, and the rules of a vrijstelling request and its decision (issue 14). Pure: no I/O.
 *
 * Privacy: the public check answers only what makes a statement checkable (keuzedeel, result, date, the
 * examencommissie, the pupil's initials); the statement itself, with the full name, is the pupil's to hand over.
 */
import { GRONDSLAG_UITLEG_LEERLING } from '../../shared/mijn-api.js';
import { datumNl, type Blok, type ExportDocument } from '../exports/document-model.js';

export type Grondslag = 'extraneus' | 'gezamenlijk-pta-oer';
export type KeuzedeelResultaat = 'behaald' | 'niet-behaald';

/** Why the result counts, in words a 14-year-old understands (the pupil's view; the contract holds the text). */
export const GRONDSLAG_UITLEG: Record<Grondslag, string> = GRONDSLAG_UITLEG_LEERLING;

/** Short, for staff (the decision page) and the statement. */
export const GRONDSLAG_KORT: Record<Grondslag, string> = {
  extraneus: 'mbo-examen, afgelegd als extraneus',
  'gezamenlijk-pta-oer': 'onderdeel van het gezamenlijke PTA/OER van de doorlopende leerroute',
};

export const RESULTAAT_TEKST: Record<KeuzedeelResultaat, string> = { behaald: 'behaald', 'niet-behaald': 'niet behaald' };

const CODE_TEKENS = /^[A-Z0-9]{12}$/;

/**
 * A verification code as typed by anyone: case, spaces and dashes do not matter. Returns `XXXX-XXXX-XXXX`, or null
 * when it cannot be a code (then nothing is looked up).
 */
export function normaliseVerificatiecode(input: string): string | null {
  const plat = input.toUpperCase().replace(/[\s\u00a0\-\u2010-\u2015_.]/g, '');
  if (!CODE_TEKENS.test(plat)) return null;
  return `${plat.slice(0, 4)}-${plat.slice(4, 8)}-${plat.slice(8, 12)}`;
}

/** The pupil's initials for the public page: "J. v.d. B." (roepnaam, tussenvoegsel, achternaam). */
export function initialen(roepnaam: string, tussenvoegsel: string, achternaam: string): string {
  const eerste = (s: string) => [...s.trim()][0] ?? '';
  const delen: string[] = [];
  const r = eerste(roepnaam);
  if (r) delen.push(`${r.toUpperCase()}.`);
  const tv = tussenvoegsel
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `${eerste(w).toLowerCase()}.`)
    .join('');
  if (tv) delen.push(tv);
  const a = eerste(achternaam);
  if (a) delen.push(`${a.toUpperCase()}.`);
  return delen.join(' ');
}

/** The full name: "Jan van den Berg". */
export function volledigeNaam(roepnaam: string, tussenvoegsel: string, achternaam: string): string {
  return [roepnaam, tussenvoegsel, achternaam].map((s) => s.trim()).filter(Boolean).join(' ');
}

/** A result yields a vrijstelling request only when vastgesteld and passed. */
export function magVrijstellingAanvragen(r: { status: string; keuzedeelResultaat: KeuzedeelResultaat | null }): boolean {
  return r.status === 'vastgesteld' && r.keuzedeelResultaat === 'behaald';
}

export type VrijstellingStatus = 'ingediend' | 'toegekend' | 'afgewezen';

/**
 * The decision on a request: only an open request, with the versie the examencommissie saw; a reason is required when
 * afgewezen. Returns the problem as a code, or null when the decision may be taken.
 */
export function besluitProbleem(
  verzoek: { status: VrijstellingStatus; versie: number },
  besluit: { besluit: 'toegekend' | 'afgewezen'; reden: string | null | undefined; versie: number },
): 'al-besloten' | 'verouderd' | 'reden-ontbreekt' | null {
  if (verzoek.status !== 'ingediend') return 'al-besloten';
  if (verzoek.versie !== besluit.versie) return 'verouderd';
  if (besluit.besluit === 'afgewezen' && !(besluit.reden ?? '').trim()) return 'reden-ontbreekt';
  return null;
}

/** The facts on a result statement. */
export interface VerklaringFeiten {
  leerling: { roepnaam: string; tussenvoegsel: string; achternaam: string };
  school: string;
  keuzedeel: { code: string; titel: string | null };
  keuzevak: { id: string; titel: string | null } | null;
  keuzedeelResultaat: KeuzedeelResultaat;
  keuzedeelCijfer: number | null;
  keuzevakCijfer: number | null;
  afgenomenOp: string | null;
  vastgesteldOp: string;
  examencommissie: string;
  grondslag: Grondslag;
  poging: number;
  verificatiecode: string;
  /** The public check page, e.g. https://doorlopend.example/verificatie */
  verificatieAdres: string;
}

/** A grade as written in Dutch: 7,0 or 6,5. */
export const cijfer = (n: number): string => n.toFixed(1).replace('.', ',');

/** The result statement as a document (rendered as an accessible PDF in src/server/exports). */
export function resultaatverklaringDocument(f: VerklaringFeiten, stand: string): ExportDocument {
  const naam = volledigeNaam(f.leerling.roepnaam, f.leerling.tussenvoegsel, f.leerling.achternaam);
  const keuzedeel = f.keuzedeel.titel ? `${f.keuzedeel.code} ${f.keuzedeel.titel}` : f.keuzedeel.code;
  const rijen: Array<[string, string]> = [
    ['Naam', naam],
    ['School (vmbo)', f.school],
    ['Keuzedeel', keuzedeel],
    ['Resultaat keuzedeel', RESULTAAT_TEKST[f.keuzedeelResultaat]],
  ];
  if (f.keuzedeelCijfer !== null) rijen.push(['Cijfer keuzedeel', cijfer(f.keuzedeelCijfer)]);
  if (f.keuzevak) rijen.push(['Keuzevak (vmbo)', f.keuzevak.titel ? `${f.keuzevak.id} ${f.keuzevak.titel}` : f.keuzevak.id]);
  if (f.keuzevakCijfer !== null) rijen.push(['Cijfer keuzevak', cijfer(f.keuzevakCijfer)]);
  if (f.afgenomenOp) rijen.push(['Examen afgelegd op', datumNl(f.afgenomenOp)]);
  rijen.push(['Vastgesteld op', datumNl(f.vastgesteldOp)], ['Vastgesteld door', `de examencommissie van ${f.examencommissie}`], ['Poging', f.poging === 1 ? 'eerste afname' : `herkansing (poging ${f.poging})`]);
  const blokken: Blok[] = [
    { soort: 'kop', niveau: 1, tekst: 'Resultaatverklaring keuzedeel' },
    {
      soort: 'alinea',
      tekst: `Deze verklaring laat zien welk resultaat ${naam} heeft behaald voor een keuzedeel-examen dat de vmbo-school en de mbo-instelling samen afnamen. De leerling kan haar meenemen naar een mbo-opleiding om een vrijstelling te vragen.`,
    },
    { soort: 'gegevens', rijen },
    { soort: 'kop', niveau: 2, tekst: 'Waarom dit resultaat telt' },
    { soort: 'alinea', tekst: `Grondslag: ${GRONDSLAG_KORT[f.grondslag]}.` },
    {
      soort: 'alinea',
      tekst:
        f.grondslag === 'extraneus'
          ? 'De leerling was voor dit examen als extraneus ingeschreven bij de mbo-instelling; het examen is een mbo-examen en de examencommissie van de mbo-instelling heeft het resultaat vastgesteld.'
          : 'Het examen is onderdeel van het gezamenlijke programma van toetsing en afsluiting (PTA) en de onderwijs- en examenregeling (OER) van de doorlopende leerroute; de examencommissie van de mbo-instelling heeft het resultaat vastgesteld.',
    },
    { soort: 'kop', niveau: 2, tekst: 'Echtheid controleren' },
    { soort: 'gegevens', rijen: [['Verificatiecode', f.verificatiecode], ['Controleren op', f.verificatieAdres]] },
    {
      soort: 'alinea',
      tekst: `Wie deze verklaring ontvangt, kan op ${f.verificatieAdres} de verificatiecode invullen. De pagina toont dan het keuzedeel, het resultaat, de datum, de examencommissie en de initialen van de leerling, zodat u kunt zien dat de verklaring echt is.`,
    },
  ];
  return { titel: `Resultaatverklaring ${f.keuzedeel.code}`, onderwerp: `Resultaat keuzedeel ${keuzedeel}`, taal: 'nl-NL', orientatie: 'staand', stand, blokken };
}
