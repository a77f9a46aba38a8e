/**
 * The exports of the joint exam's results (issue 14), pure:
 *
 * - the vmbo SE grades, for the import in Magister or Somtoday: `leerlingnummer;toetscode;cijfer;datum`. Neither
 *   supplier publishes its import format (docs/beoordeling.md), so the file follows what Dutch school administrations
 *   and spreadsheet programs read without a mapping: semicolon-separated, UTF-8 with a BOM, CRLF, the grade with a
 *   decimal comma and one decimal ("7,5", as a Dutch Excel writes it and as both systems show grades), the date as
 *   DD-MM-JJJJ. The column names are the ones both import screens let you map.
 * - the mbo keuzedeel results (CSV and XLSX): pupil, keuzedeelcode, resultaat, cijfer (where the plan gives one),
 *   datum, beoordelaar;
 * - the filled-in assessment form as the export document model (rendered as accessible PDF by the server).
 */
import { datumNl, type ExportDocument } from '../exports/document-model.js';
import { cijferNl } from './resultaat.js';

export const SE_KOLOMMEN = ['leerlingnummer', 'toetscode', 'cijfer', 'datum'] as const;
export const KEUZEDEEL_KOLOMMEN = ['leerlingnummer', 'leerling', 'keuzedeelcode', 'resultaat', 'cijfer', 'datum', 'beoordelaar'] as const;

/** "2027-03-14" → "14-03-2027" */
export function datumKort(iso: string): string {
  const [j, m, d] = iso.slice(0, 10).split('-');
  return `${d}-${m}-${j}`;
}

function csvVeld(v: string, vrijeTekst = false): string {
  // Free text starting with =, +, - or @ would be a formula in a spreadsheet program: a leading apostrophe.
  const veilig = vrijeTekst && /^[=+\-@\t]/.test(v) ? `'${v}` : v;
  return /[";\r\n]/.test(veilig) ? `"${veilig.replaceAll('"', '""')}"` : veilig;
}

const csv = (regels: string[][], vrij: readonly number[] = []) =>
  `\uFEFF${regels.map((r, i) => r.map((v, k) => csvVeld(v, i > 0 && vrij.includes(k))).join(';')).join('\r\n')}\r\n`;

export interface SeCijferRij {
  leerlingnummer: string;
  toetscode: string;
  cijfer: number;
  datum: string;
}

export function seCijferCsv(rijen: readonly SeCijferRij[]): string {
  return csv([[...SE_KOLOMMEN], ...rijen.map((r) => [r.leerlingnummer, r.toetscode, cijferNl(r.cijfer), datumKort(r.datum)])]);
}

export interface KeuzedeelRij {
  leerlingnummer: string;
  leerling: string;
  keuzedeelcode: string;
  resultaat: 'behaald' | 'niet-behaald';
  cijfer: number | null;
  datum: string;
  beoordelaar: string;
}

export const resultaatTekst = (r: 'behaald' | 'niet-behaald') => (r === 'behaald' ? 'behaald' : 'niet behaald');

export function keuzedeelCsv(rijen: readonly KeuzedeelRij[]): string {
  return csv(
    [[...KEUZEDEEL_KOLOMMEN], ...rijen.map((r) => [r.leerlingnummer, r.leerling, r.keuzedeelcode, resultaatTekst(r.resultaat), r.cijfer === null ? '' : cijferNl(r.cijfer), datumKort(r.datum), r.beoordelaar])],
    [1, 6],
  );
}

export interface FormulierDocumentInput {
  leerling: { naam: string; leerlingnummer: string; klas: string };
  keuzedeelCode: string;
  keuzevakId: string | null;
  poging: number;
  examenplanVersie: number;
  cesuur: number;
  maximum: number;
  resultaatvorm: 'behaald-niet-behaald' | 'cijfer';
  criteria: Array<{ onderdeel: string; omschrijving: string; maxScore: number; minimumScore: number | null; eerste: { score: number; notitie: string } | null; tweede: { score: number; notitie: string } | null }>;
  berekend: { totaal: number; behaald: boolean; cijfer: number };
  keuzedeelResultaat: 'behaald' | 'niet-behaald' | null;
  keuzedeelCijfer: number | null;
  keuzevakCijfer: number | null;
  cijferToelichting: string | null;
  afgenomenOp: string | null;
  beoordelaars: { eerste: string; tweede: string };
  status: 'open' | 'vastgesteld';
  vastgesteld: { at: string; naam: string; verificatiecode: string } | null;
  historie: Array<{ at: string; door: string; omschrijving: string; reden: string | null }>;
  stand: string;
}

const punten = (n: number) => String(n).replace('.', ',');

export function formulierDocument(f: FormulierDocumentInput): ExportDocument {
  const titel = `Beoordelingsformulier keuzedeel ${f.keuzedeelCode}: ${f.leerling.naam}`;
  const correcties = f.historie.filter((h) => h.reden);
  return {
    titel,
    onderwerp: `Beoordeling van het gezamenlijke examen keuzevak/keuzedeel ${f.keuzedeelCode}, poging ${f.poging}`,
    taal: 'nl-NL',
    orientatie: 'staand',
    stand: f.stand,
    blokken: [
      { soort: 'kop', niveau: 1, tekst: titel },
      {
        soort: 'gegevens',
        rijen: [
          ['Leerling', f.leerling.naam],
          ['Leerlingnummer', f.leerling.leerlingnummer],
          ['Klas', f.leerling.klas || '-'],
          ['Keuzedeel', f.keuzedeelCode],
          ['Keuzevak', f.keuzevakId ?? '-'],
          ['Poging', f.poging === 1 ? '1' : `${f.poging} (herkansing)`],
          ['Examenplan', `versie ${f.examenplanVersie}`],
          ['Afgenomen op', f.afgenomenOp ? datumNl(f.afgenomenOp) : '-'],
          ['1e beoordelaar (vmbo-examinator)', f.beoordelaars.eerste || '-'],
          ['2e beoordelaar (mbo-beoordelaar)', f.beoordelaars.tweede || '-'],
        ],
      },
      { soort: 'kop', niveau: 2, tekst: 'Scores per criterium' },
      {
        soort: 'tabel',
        kolommen: [
          { kop: 'Opdracht', breedte: 2 },
          { kop: 'Criterium', breedte: 4 },
          { kop: 'Maximum', breedte: 1 },
          { kop: '1e beoordelaar', breedte: 2 },
          { kop: '2e beoordelaar', breedte: 2 },
        ],
        rijen: f.criteria.map((c) => [
          c.onderdeel,
          c.omschrijving + (c.minimumScore !== null ? `\n(minimaal ${punten(c.minimumScore)})` : ''),
          punten(c.maxScore),
          c.eerste ? `${punten(c.eerste.score)}${c.eerste.notitie ? `\n${c.eerste.notitie}` : ''}` : '-',
          c.tweede ? `${punten(c.tweede.score)}${c.tweede.notitie ? `\n${c.tweede.notitie}` : ''}` : '-',
        ]),
      },
      { soort: 'kop', niveau: 2, tekst: 'Resultaten' },
      {
        soort: 'gegevens',
        rijen: [
          ['Totaal (2e beoordelaar)', `${punten(f.berekend.totaal)} van ${punten(f.maximum)} punten; cesuur ${punten(f.cesuur)}`],
          ['Keuzedeel', f.keuzedeelResultaat ? resultaatTekst(f.keuzedeelResultaat) : 'nog niet vastgelegd'],
          ...(f.resultaatvorm === 'cijfer' ? ([['Keuzedeelcijfer', f.keuzedeelCijfer === null ? '-' : cijferNl(f.keuzedeelCijfer)]] as Array<[string, string]>) : []),
          ['Keuzevakcijfer', f.keuzevakCijfer === null ? 'nog niet vastgelegd' : cijferNl(f.keuzevakCijfer)],
          ['Volgens de omzetting', cijferNl(f.berekend.cijfer)],
          ...(f.cijferToelichting ? ([['Toelichting bij het cijfer', f.cijferToelichting]] as Array<[string, string]>) : []),
          ['Status', f.vastgesteld ? `vastgesteld op ${datumNl(f.vastgesteld.at)} door ${f.vastgesteld.naam} (examencommissie)` : 'nog niet vastgesteld'],
          ...(f.vastgesteld ? ([['Verificatiecode', f.vastgesteld.verificatiecode]] as Array<[string, string]>) : []),
        ],
      },
      ...(correcties.length > 0
        ? ([
            { soort: 'kop', niveau: 2, tekst: 'Correcties na vaststelling' },
            { soort: 'lijst', items: correcties.map((h) => `${datumNl(h.at)}, ${h.door}: ${h.omschrijving}. Reden: ${h.reden}`) },
          ] as ExportDocument['blokken'])
        : []),
    ],
  };
}
