/**
 * The world of the menukaart journey (issue 15, test/browser/menukaart-reis.test.ts): a region made with its two member
 * schools (a vmbo school and an mbo instelling, `regio_id` set at creation), the people of the story (the region's
 * beheerder, a docent per school, the vmbo school's decaan and one pupil), and ten modules the two schools proposed
 * (five each, through the API as their docent: the story starts after the proposals). Nothing is published.
 */
import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD } from '../../src/server/demo/seed-demo-organisations.js';
import { insertOrganisation } from '../../src/server/repositories/account-repository.js';
import { createUser } from '../../src/server/use-cases/auth/create-user.js';
import type { ModuleDetail, ModuleInvoer } from '../../src/shared/menukaart-api.js';
import type { TestApp } from './app.js';
import { asUser, signIn } from './accounts.js';

export const REIS_WACHTWOORD = DEMO_PASSWORD;

export const REIS = {
  regio: 'Regio Rivierenland',
  regioSlug: 'regio-rivierenland',
  vmbo: 'Maaswaal College',
  mbo: 'ROC Rivierenland',
  mensen: {
    regio: { email: 'regie@rivierenland.test', naam: 'Roos Regie' },
    vmboDocent: { email: 'docent@maaswaal.test', naam: 'Vera Vakdocent' },
    mboDocent: { email: 'docent@roc-rivierenland.test', naam: 'Mo Mbo-docent' },
    decaan: { email: 'decaan@maaswaal.test', naam: 'Daan Decaan' },
    leerling: { email: 'sam@leerling.maaswaal.test', naam: 'Sam de Vries' },
  },
} as const;

export interface ReisWereld {
  regioId: string;
  vmboId: string;
  mboId: string;
  /** The ten proposals, in the order they were made. */
  modulen: Array<{ id: string; titel: string; slug: string; aanbieder: string }>;
}

type Voorstel = Pick<ModuleInvoer, 'titel' | 'beschrijving' | 'soort' | 'periode' | 'leerwegen' | 'keuzevakken' | 'kwalificaties'> & { omvang?: number; leerjaar?: number; locatie: string };

const VMBO_MODULEN: Voorstel[] = [
  { titel: 'Kennismaken met installatietechniek', beschrijving: 'Leidingen leggen en een eenvoudige schakeling aansluiten in de werkplaats.', soort: 'kennismakend', periode: 'P3', leerwegen: ['BB', 'KB'], keuzevakken: ['K/PIE/16'], kwalificaties: [], locatie: 'Tiel' },
  { titel: 'Lassen en verbinden', beschrijving: 'Metaal verbinden met verschillende lastechnieken, veilig werken voorop.', soort: 'kennismakend', periode: 'P4', leerwegen: ['BB', 'KB'], keuzevakken: ['K/PIE/08'], kwalificaties: [], locatie: 'Tiel' },
  { titel: 'Werken in de zorg', beschrijving: 'Een week meelopen en oefenen met eenvoudige zorgtaken.', soort: 'orienterend', periode: 'P2', leerwegen: ['BB', 'KB', 'GL'], keuzevakken: ['K/ZW/05'], kwalificaties: [], locatie: 'Tiel' },
  { titel: 'Ondernemen op de markt', beschrijving: 'Een eigen kraam op de schoolmarkt: inkopen, prijzen en verkopen.', soort: 'kennismakend', periode: 'P1', leerwegen: ['BB', 'KB', 'GL', 'TL'], keuzevakken: ['K/EO/05'], kwalificaties: ['25167'], locatie: 'Tiel' },
  { titel: 'Spelen en leren met kinderen', beschrijving: 'Activiteiten bedenken en begeleiden voor kinderen van de basisschool.', soort: 'kennismakend', periode: 'jaar', leerwegen: ['KB', 'GL', 'TL'], keuzevakken: ['K/ZW/07'], kwalificaties: ['25486'], locatie: 'Culemborg' },
];
const MBO_MODULEN: Voorstel[] = [
  { titel: 'Koude- en klimaattechniek', beschrijving: 'Hoe een warmtepomp en een airco werken, en hoe je ze onderhoudt.', soort: 'verdiepend', periode: 'P4', leerwegen: ['BB', 'KB'], keuzevakken: ['K/PIE/16'], kwalificaties: ['25282'], locatie: 'ROC-campus Tiel' },
  { titel: 'Elektrotechniek op de campus', beschrijving: 'Groepen en aardlekschakelaars in een oefenwoning op het ROC.', soort: 'keuzevak-keuzedeel', periode: 'P2', leerwegen: ['BB', 'KB'], keuzevakken: ['K/PIE/02'], kwalificaties: ['25333'], locatie: 'ROC-campus Tiel' },
  { titel: 'Constructiewerk', beschrijving: 'Een stalen frame lezen, tekenen en in elkaar zetten.', soort: 'verdiepend', periode: 'P3', leerwegen: ['BB', 'KB'], keuzevakken: ['K/PIE/05'], kwalificaties: ['25291'], locatie: 'ROC-campus Tiel' },
  { titel: 'Helpen in zorg en welzijn', beschrijving: 'Samen met studenten van het ROC werken in een zorgcentrum.', soort: 'doorlopende-leerroute', periode: 'jaar', leerwegen: ['BB', 'KB'], keuzevakken: ['K/ZW/12'], kwalificaties: ['25498'], locatie: 'ROC-campus Culemborg' },
  { titel: 'Verkopen in de winkel', beschrijving: 'Klanten helpen en een winkel inrichten, op de leerwinkel van het ROC.', soort: 'orienterend', periode: 'P1', leerwegen: ['KB', 'GL', 'TL'], keuzevakken: ['K/EO/06'], kwalificaties: ['25167'], locatie: 'ROC-campus Culemborg' },
];

export async function maakReisWereld(t: TestApp): Promise<ReisWereld> {
  const db = t.database.db;
  const regioId = await insertOrganisation(db, { naam: REIS.regio, soort: 'regio' });
  const vmboId = await insertOrganisation(db, { naam: REIS.vmbo, soort: 'vmbo-school', regioId });
  const mboId = await insertOrganisation(db, { naam: REIS.mbo, soort: 'mbo-instelling', regioId });
  const m = REIS.mensen;
  const gebruiker = (p: { email: string; naam: string }, organisatie: string, rol: 'beheerder' | 'ontwikkelaar' | 'decaan' | 'leerling') =>
    createUser({ db, email: p.email, naam: p.naam, organisatie, rol, password: REIS_WACHTWOORD });
  await gebruiker(m.regio, REIS.regio, 'beheerder');
  await gebruiker(m.vmboDocent, REIS.vmbo, 'ontwikkelaar');
  await gebruiker(m.mboDocent, REIS.mbo, 'ontwikkelaar');
  await gebruiker(m.decaan, REIS.vmbo, 'decaan');
  await gebruiker(m.leerling, REIS.vmbo, 'leerling');

  const modulen: ReisWereld['modulen'] = [];
  for (const [docent, aanbiederId, aanbieder, voorstellen] of [
    [m.vmboDocent.email, vmboId, REIS.vmbo, VMBO_MODULEN],
    [m.mboDocent.email, mboId, REIS.mbo, MBO_MODULEN],
  ] as const) {
    const headers = asUser(await signIn(t.app as FastifyInstance, docent, REIS_WACHTWOORD));
    for (const [i, v] of voorstellen.entries()) {
      const payload: ModuleInvoer = {
        titel: v.titel, beschrijving: v.beschrijving, soort: v.soort, omvangEenheden: v.omvang ?? 1 + (i % 2), aanbiederId, vestigingId: null, locatie: v.locatie,
        leerjaar: v.leerjaar ?? 3, periode: v.periode, leerwegen: v.leerwegen, capaciteit: 16, voorwaarden: [], keuzevakken: v.keuzevakken, profielmodulen: [], keuzedelen: [],
        kwalificaties: v.kwalificaties, profielen: [], leerrouteId: null,
      };
      const res = await t.app.inject({ method: 'POST', url: `/api/regios/${regioId}/menukaart/modulen`, headers, payload });
      if (res.statusCode !== 201) throw new Error(`proposal ${v.titel}: ${res.statusCode} ${res.body}`);
      const d = res.json() as ModuleDetail;
      modulen.push({ id: d.id, titel: d.titel, slug: d.slug, aanbieder });
    }
  }
  return { regioId, vmboId, mboId, modulen };
}
