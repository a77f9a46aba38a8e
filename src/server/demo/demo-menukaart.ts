/**
 * Demo mode (issue 15): the menukaart of the demo region, so a fresh clone shows one at /regio/demo-regio-techniek/
 * menukaart: a few published modules of the demo vmbo school and the demo ROC, and one proposal waiting for the
 * region's beheerder (beheerder@regio.demo, a demo account of demo-accounts.ts, who publishes it and manages the
 * region's member schools from the region's organisation page). Our own words; catalogue codes of the demo catalogue.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { insertMenukaart, insertModule, setModuleStatus, type ModuleValues } from '../repositories/menukaart-repository.js';

type DemoModule = Omit<ModuleValues, 'aanbiederId' | 'vestigingId' | 'voorwaarden' | 'leerrouteId' | 'sectoren'> & { slug: string; door: 'vmbo' | 'mbo'; gepubliceerd: boolean; na?: string };

const MODULEN: DemoModule[] = [
  {
    slug: 'kennismaken-met-installatietechniek', door: 'vmbo', gepubliceerd: true,
    titel: 'Kennismaken met installatietechniek', soort: 'kennismakend', omvangEenheden: 1, locatie: 'Centrum', leerjaar: 3, periode: 'P1', leerwegen: ['BB', 'KB'], capaciteit: 24,
    beschrijving: 'Leerlingen leggen een eenvoudige waterleiding aan, zetten een schakeling in elkaar en ontdekken welk installatiewerk bij hen past.',
    keuzevakken: [], profielmodulen: ['P/PIE/02'], keuzedelen: [], kwalificaties: [], profielen: ['PIE'],
  },
  {
    slug: 'duurzame-energie-in-de-praktijk', door: 'vmbo', gepubliceerd: true, na: 'kennismaken-met-installatietechniek',
    titel: 'Duurzame energie in de praktijk', soort: 'verdiepend', omvangEenheden: 2, locatie: 'Centrum', leerjaar: 4, periode: 'P2', leerwegen: ['BB', 'KB'], capaciteit: 16,
    beschrijving: 'Zonnepanelen, warmtepompen en meten aan energiegebruik: leerlingen ontwerpen en bouwen een kleine installatie voor een echte opdrachtgever.',
    keuzevakken: ['K/PIE/16'], profielmodulen: [], keuzedelen: [], kwalificaties: ['25282'], profielen: ['PIE'],
  },
  {
    slug: 'ondernemend-aan-de-slag', door: 'mbo', gepubliceerd: true,
    titel: 'Ondernemend aan de slag', soort: 'keuzevak-keuzedeel', omvangEenheden: 2, locatie: 'ROC-campus', leerjaar: 4, periode: 'jaar', leerwegen: ['KB', 'GL', 'TL'], capaciteit: 20,
    beschrijving: 'Een keuzevak dat tegelijk het keuzedeel Ondernemend gedrag van het mbo is: leerlingen starten een mini-onderneming en doen één examen voor beide.',
    keuzevakken: ['K/EO/05'], profielmodulen: [], keuzedelen: ['K0072'], kwalificaties: [], profielen: ['EO'],
  },
  {
    slug: 'zorg-en-technologie-verkennen', door: 'mbo', gepubliceerd: true,
    titel: 'Zorg en technologie verkennen', soort: 'orienterend', omvangEenheden: 1, locatie: 'ROC-campus', leerjaar: 2, periode: 'P3', leerwegen: ['BB', 'KB', 'GL', 'TL'], capaciteit: 30,
    beschrijving: 'Een oriënterende module in het zorglab van het ROC: leerlingen proberen hulpmiddelen uit en praten met studenten over hun opleiding.',
    keuzevakken: [], profielmodulen: ['P/ZW/01'], keuzedelen: [], kwalificaties: [], profielen: ['ZW'],
  },
  {
    slug: 'slimme-gebouwen', door: 'vmbo', gepubliceerd: false,
    titel: 'Slimme gebouwen', soort: 'verdiepend', omvangEenheden: 2, locatie: 'Centrum', leerjaar: 4, periode: 'P3', leerwegen: ['KB', 'GL'], capaciteit: 16,
    beschrijving: 'Domotica en sensoren in een woning: leerlingen programmeren een regeling voor licht en klimaat. Wacht op publicatie door de regio.',
    keuzevakken: ['K/PIE/08'], profielmodulen: [], keuzedelen: [], kwalificaties: [], profielen: ['PIE'],
  },
];

const SECTOR: Record<string, string> = { PIE: 'techniek', EO: 'economie', ZW: 'zorg-en-welzijn' };

export async function seedDemoMenukaart(trx: Transaction<DB>, ids: { regio: string; vmbo: string; mbo: string }): Promise<void> {
  await insertMenukaart(trx, {
    regioId: ids.regio,
    slug: 'demo-regio-techniek',
    titel: 'Menukaart Demo Regio Techniek',
    toelichting: 'Wat de scholen van de demoregio samen aanbieden: modulen van de vmbo-school en het ROC, om uit te kiezen in leerjaar 2 tot en met 4.',
  });
  const bySlug = new Map<string, string>();
  for (const m of MODULEN) {
    const { slug, door, gepubliceerd, na, ...rest } = m;
    const id = await insertModule(trx, {
      ...rest,
      aanbiederId: ids[door],
      vestigingId: null,
      voorwaarden: na && bySlug.has(na) ? [bySlug.get(na)!] : [],
      leerrouteId: null,
      sectoren: [...new Set(rest.profielen.map((p) => SECTOR[p]!).filter(Boolean))],
      regioId: ids.regio,
      slug,
      ingediendDoor: null,
    });
    bySlug.set(slug, id);
    if (gepubliceerd) await setModuleStatus(trx, id, 1, { status: 'gepubliceerd', reden: null, door: null });
  }
}
