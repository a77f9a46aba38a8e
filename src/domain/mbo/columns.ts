/**
 * Column specifications of the five mbo tables. Header names are exactly those of the
 * catalogue files (`shared/data/mbo/catalog/*.csv`); the same specs drive validation
 * (tables.ts), table detection and the downloadable templates (templates.ts).
 *
 * - `inHeader: 'verplicht'`: the column must be in the header; `'optioneel'`: it may be left out.
 * - `waardeVerplicht`: every data row must have a non-empty value.
 * - Any column that is not listed here is an error.
 */

export const TABLE_KINDS = ['kwalificaties', 'kerntaken-werkprocessen', 'keuzedelen', 'keuzedeel-aanbod', 'keuzedeel-koppelingen'] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

export interface ColumnSpec {
  naam: string;
  inHeader: 'verplicht' | 'optioneel';
  waardeVerplicht: boolean;
  /** Format and meaning, in Dutch, for people filling in a template. */
  formaat: string;
  /** Closed list of values, when there is one. */
  toegestaneWaarden?: readonly string[];
  voorbeeld: string;
}

export interface TableSpec {
  kind: TableKind;
  omschrijving: string;
  /** Columns whose combined value must be unique per row. */
  sleutel: readonly string[];
  kolommen: readonly ColumnSpec[];
}

const CREBO_FORMAAT = '5 cijfers';

export const TABLE_SPECS: Readonly<Record<TableKind, TableSpec>> = {
  kwalificaties: {
    kind: 'kwalificaties',
    omschrijving: 'Eén regel per kwalificatie (crebo), met het kwalificatiedossier waar die bij hoort.',
    sleutel: ['crebo'],
    kolommen: [
      { naam: 'crebo', inHeader: 'verplicht', waardeVerplicht: true, formaat: `crebo van de kwalificatie, ${CREBO_FORMAAT}; uniek`, voorbeeld: '25486' },
      { naam: 'naam', inHeader: 'verplicht', waardeVerplicht: true, formaat: 'naam van de kwalificatie', voorbeeld: 'Pedagogisch medewerker kinderopvang' },
      { naam: 'niveau', inHeader: 'verplicht', waardeVerplicht: true, formaat: 'mbo-niveau', toegestaneWaarden: ['1', '2', '3', '4'], voorbeeld: '3' },
      {
        naam: 'soort',
        inHeader: 'verplicht',
        waardeVerplicht: true,
        formaat:
          'soort opleiding; moet passen bij het niveau: entree = 1, basisberoeps = 2, vak = 3, middenkader en specialisten = 4 (ook de korte vorm, bijv. "vak", wordt geaccepteerd)',
        toegestaneWaarden: ['entreeopleiding', 'basisberoepsopleiding', 'vakopleiding', 'middenkaderopleiding', 'specialistenopleiding'],
        voorbeeld: 'vakopleiding',
      },
      {
        naam: 'leerwegen',
        inHeader: 'optioneel',
        waardeVerplicht: false,
        formaat: 'een of meer leerwegen gescheiden door spaties (of komma, puntkomma, schuine streep); leeg = onbekend',
        toegestaneWaarden: ['BOL', 'BBL', 'OVO'],
        voorbeeld: 'BBL BOL',
      },
      { naam: 'opleidingsdomein', inHeader: 'optioneel', waardeVerplicht: false, formaat: 'naam van het opleidingsdomein; gelijk voor alle kwalificaties van één dossier', voorbeeld: 'Zorg en welzijn' },
      { naam: 'dossier_crebo', inHeader: 'verplicht', waardeVerplicht: true, formaat: `crebo van het kwalificatiedossier, ${CREBO_FORMAAT}`, voorbeeld: '23183' },
      { naam: 'dossier_naam', inHeader: 'verplicht', waardeVerplicht: true, formaat: 'naam van het kwalificatiedossier; gelijk voor alle regels met hetzelfde dossier_crebo', voorbeeld: 'Pedagogisch werk' },
      { naam: 'sectorkamer', inHeader: 'optioneel', waardeVerplicht: false, formaat: 'naam van de sectorkamer van de kwalificatie', voorbeeld: 'Zorg, welzijn en sport' },
    ],
  },
  'kerntaken-werkprocessen': {
    kind: 'kerntaken-werkprocessen',
    omschrijving: 'Kerntaken en werkprocessen per kwalificatie (crebo), één regel per kerntaak of werkproces.',
    sleutel: ['crebo', 'code'],
    kolommen: [
      { naam: 'crebo', inHeader: 'verplicht', waardeVerplicht: true, formaat: `crebo van de kwalificatie, ${CREBO_FORMAAT}`, voorbeeld: '25486' },
      {
        naam: 'code',
        inHeader: 'verplicht',
        waardeVerplicht: true,
        formaat: 'kerntaak: B1-K1 (basisdeel) of P2-K1 (profieldeel); werkproces: B1-K1-W1; uniek per crebo; een werkproces hoort bij een kerntaak van dezelfde crebo',
        voorbeeld: 'B1-K1-W1',
      },
      { naam: 'soort', inHeader: 'verplicht', waardeVerplicht: true, formaat: 'moet bij de code passen', toegestaneWaarden: ['kerntaak', 'werkproces'], voorbeeld: 'werkproces' },
      { naam: 'titel', inHeader: 'verplicht', waardeVerplicht: true, formaat: 'titel van de kerntaak of het werkproces', voorbeeld: 'Voert de opdracht uit' },
    ],
  },
  keuzedelen: {
    kind: 'keuzedelen',
    omschrijving: 'Keuzedelen: code, titel en omvang.',
    sleutel: ['code'],
    kolommen: [
      { naam: 'code', inHeader: 'verplicht', waardeVerplicht: true, formaat: 'K gevolgd door 4 cijfers; uniek', voorbeeld: 'K0072' },
      { naam: 'titel', inHeader: 'verplicht', waardeVerplicht: true, formaat: 'titel van het keuzedeel', voorbeeld: 'Ondernemend gedrag' },
      { naam: 'sbu', inHeader: 'optioneel', waardeVerplicht: false, formaat: 'omvang in sbu: 240, 480 of 720 (een positief veelvoud van 240); leeg = onbekend', voorbeeld: '240' },
      { naam: 'niveau', inHeader: 'optioneel', waardeVerplicht: false, formaat: 'niveau van het keuzedeel; leeg = onbekend', toegestaneWaarden: ['1', '2', '3', '4'], voorbeeld: '4' },
      { naam: 'omschrijving', inHeader: 'optioneel', waardeVerplicht: false, formaat: 'beschrijving van het keuzedeel; leeg = onbekend', voorbeeld: '' },
    ],
  },
  'keuzedeel-aanbod': {
    kind: 'keuzedeel-aanbod',
    omschrijving: 'Welke keuzedelen instellingen aanbieden bij een kwalificatie (aanbod, niet de officiële SBB-koppeling).',
    sleutel: ['crebo', 'keuzedeel'],
    kolommen: [
      { naam: 'crebo', inHeader: 'verplicht', waardeVerplicht: true, formaat: `crebo van de kwalificatie (of van het dossier), ${CREBO_FORMAAT}`, voorbeeld: '25486' },
      { naam: 'keuzedeel', inHeader: 'verplicht', waardeVerplicht: true, formaat: 'keuzedeelcode: K gevolgd door 4 cijfers; uniek per crebo', voorbeeld: 'K0072' },
      {
        naam: 'instellingen',
        inHeader: 'optioneel',
        waardeVerplicht: false,
        formaat: 'korte namen van de instellingen zonder spaties (gebruik _), gescheiden door spaties, komma of puntkomma; leeg = onbekend',
        voorbeeld: 'utrecht rijn_ijssel',
      },
    ],
  },
  'keuzedeel-koppelingen': {
    kind: 'keuzedeel-koppelingen',
    omschrijving:
      'De officiële SBB-koppeling: welke keuzedelen aan een kwalificatie gekoppeld zijn (niet het aanbod van instellingen), met de geldigheid van de koppeling.',
    sleutel: ['crebo', 'keuzedeel'],
    kolommen: [
      { naam: 'crebo', inHeader: 'verplicht', waardeVerplicht: true, formaat: `crebo van de kwalificatie, ${CREBO_FORMAAT}`, voorbeeld: '25486' },
      { naam: 'keuzedeel', inHeader: 'verplicht', waardeVerplicht: true, formaat: 'keuzedeelcode: K gevolgd door 4 cijfers; uniek per crebo', voorbeeld: 'K0072' },
      {
        naam: 'geldig_vanaf',
        inHeader: 'optioneel',
        waardeVerplicht: false,
        formaat: 'begindatum van de koppeling, jjjj-mm-dd; leeg = niet opgegeven',
        voorbeeld: '2020-08-01',
      },
      {
        naam: 'geldig_tot',
        inHeader: 'optioneel',
        waardeVerplicht: false,
        formaat: 'einddatum van de koppeling, jjjj-mm-dd, niet vóór geldig_vanaf; leeg = niet opgegeven',
        voorbeeld: '',
      },
    ],
  },
};
