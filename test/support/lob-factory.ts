/**
 * Factories for the LOB tests (issue 15): an activity, an oplegger, a share link and an LOB part, as the API takes
 * them, made through the API as the given actor of the examen world.
 */
import type { ActiviteitInvoer, DeellinkMaken, OnderdeelInvoer, OpleggerWijzigen } from '../../src/shared/lob-api.js';
import type { ExamenWorld, WorldActor } from './examen-world.js';

/** A day (YYYY-MM-DD) `n` days from today (UTC; tests keep away from midnight edge cases by using whole days). */
export function overDagen(n: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function activiteit(over: Partial<ActiviteitInvoer> = {}): ActiviteitInvoer {
  return {
    soort: 'meeloopdag',
    datum: '2026-11-12',
    titel: 'Meeloopdag Installatietechniek bij het ROC',
    doel: 'Kijken of installatietechniek bij mij past.',
    reflecties: { werkexploratie: 'In de werkplaats voelde ik me op mijn gemak; ik werk graag met mijn handen.', kwaliteitenreflectie: 'Ik kon goed meedenken bij het aansluiten.' },
    conclusie: 'Installatietechniek past bij mij.',
    vervolgstap: 'Een snuffelstage bij een installatiebedrijf zoeken.',
    ...over,
  };
}

export function oplegger(activiteitIds: string[], over: Partial<OpleggerWijzigen['inhoud']> = {}, versie = 0): OpleggerWijzigen {
  return {
    versie,
    inhoud: {
      opleiding: 'Eerste monteur elektrotechnische installaties',
      crebo: '25282',
      instelling: 'Demo ROC',
      startjaar: 2027,
      motivatie: 'Ik wil installaties bouwen.',
      sterkePunten: 'Nauwkeurig en handig.',
      ondersteuning: 'Hulp bij plannen.',
      activiteitIds,
      aangemeldOp: null,
      ...over,
    },
  };
}

export function deellink(over: Partial<DeellinkMaken> = {}): DeellinkMaken {
  return { ontvanger: 'Intake Demo ROC', verlooptOp: overDagen(14), activiteitIds: [], oplegger: true, programma: true, ...over };
}

export function onderdeel(over: Partial<OnderdeelInvoer> = {}): OnderdeelInvoer {
  return { leerjaar: 3, titel: 'Beroepenmarkt', omschrijving: 'Bezoek de beroepenmarkt in de regio.', periode: 'november', competenties: ['werkexploratie', 'netwerken'], ...over };
}

export async function maakActiviteit(w: ExamenWorld, actor: WorldActor = 'leerling', over: Partial<ActiviteitInvoer> = {}): Promise<{ id: string; versie: number }> {
  return (await w.call(actor, 'POST', '/api/lob/mijn-dossier/activiteiten', activiteit(over), 201)).body;
}

export async function maakOnderdeel(w: ExamenWorld, over: Partial<OnderdeelInvoer> = {}): Promise<{ id: string; versie: number }> {
  return (await w.call('vmbo-decaan', 'POST', `/api/lob/organisaties/${w.org.vmbo}/programma`, onderdeel(over), 201)).body;
}

export async function maakDeellink(w: ExamenWorld, over: Partial<DeellinkMaken> = {}, actor: WorldActor = 'leerling'): Promise<{ token: string; deellink: { id: string } }> {
  return (await w.call(actor, 'POST', '/api/lob/mijn-dossier/deellinks', deellink(over), 201)).body;
}
