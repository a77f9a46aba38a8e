/**
 * The platform's proposal for a new agreement (issue 13), composed from plain inputs: the parties (name, BRIN,
 * vestigingen), and of every covered leerroute its type and diplomas, profiel and kwalificatie (clause a), tijdpad,
 * activities and materials (clause d). The schools edit the proposal; places only people can fill in are written as
 * "[...]", which the completeness check reports as still open. No I/O.
 */
import { LEERWEG_NAMEN } from '../exports/pta.js';
import { ONDERWERP_NAMEN, type Onderwerp, type OvereenkomstSoort } from '../../shared/overeenkomst-api.js';
import { clausulesVoor } from './clausules.js';

export interface VoorstelPartij {
  naam: string;
  soort: string;
  brin: string | null;
  vestigingen: ReadonlyArray<{ naam: string; brin: string | null }>;
}

export interface VoorstelRoute {
  naam: string;
  /** "Doorlopende leerroute" */
  typeNaam: string;
  diplomas: { vmbo: boolean; mbo: boolean };
  leidtTot: readonly string[];
  profiel: { code: string; titel: string } | null;
  leerweg: 'BB' | 'KB' | 'GL' | 'TL' | null;
  keuzevakken: ReadonlyArray<{ code: string; titel: string }>;
  kwalificatie: { crebo: string; naam: string; niveau: number | null } | null;
  keuzedelen: ReadonlyArray<{ code: string; titel: string }>;
  tijdpad: ReadonlyArray<{ leerjaar: number; fase: 'vmbo' | 'mbo'; organisatie: string | null }>;
  activiteiten: ReadonlyArray<{ titel: string; leerjaar: number; organisatie: string | null; uren: number | null }>;
  materialen: ReadonlyArray<{ titel: string; soort: string; organisatie: string | null }>;
}

export interface VoorstelInput {
  samenwerking: string;
  partijen: readonly VoorstelPartij[];
  routes: readonly VoorstelRoute[];
  onderwerpen: readonly Onderwerp[];
}

const SOORT_WOORD: Record<string, string> = { 'vmbo-school': 'vmbo-school', 'mbo-instelling': 'mbo-instelling', regio: 'regionaal samenwerkingsverband' };

function opsomming(delen: readonly string[]): string {
  if (delen.length <= 1) return delen.join('');
  return `${delen.slice(0, -1).join(', ')} en ${delen[delen.length - 1]}`;
}

export function partijenTekst(partijen: readonly VoorstelPartij[]): string {
  return partijen
    .map((p) => {
      const vest = p.vestigingen.length
        ? ` Vestigingen: ${p.vestigingen.map((v) => (v.brin ? `${v.naam} (${v.brin})` : v.naam)).join('; ')}.`
        : '';
      return `${p.naam}, ${SOORT_WOORD[p.soort] ?? p.soort}, BRIN ${p.brin ?? '[BRIN-nummer]'}, vertegenwoordigd door haar bevoegd gezag.${vest}`;
    })
    .join('\n');
}

function clausuleA(routes: readonly VoorstelRoute[]): string {
  if (routes.length === 0) return '';
  return routes
    .map((r) => {
      const vmbo = r.profiel ? `het vmbo-profiel ${r.profiel.titel} (${r.profiel.code})` : 'het vmbo-profiel [profiel]';
      const leerweg = r.leerweg ? `, ${LEERWEG_NAMEN[r.leerweg]}` : '';
      const kv = r.keuzevakken.length ? `, met de keuzevakken ${opsomming(r.keuzevakken.map((k) => `${k.code} ${k.titel}`))}` : '';
      const mbo = r.kwalificatie
        ? `de kwalificatie ${r.kwalificatie.naam} (crebo ${r.kwalificatie.crebo}${r.kwalificatie.niveau ? `, niveau ${r.kwalificatie.niveau}` : ''})`
        : 'het opleidingsdomein [opleidingsdomein of kwalificatie]';
      const kd = r.keuzedelen.length ? ` en de keuzedelen ${opsomming(r.keuzedelen.map((k) => `${k.code} ${k.titel}`))}` : '';
      const diploma = [r.diplomas.vmbo ? 'een vmbo-diploma' : null, r.diplomas.mbo ? 'een mbo-diploma' : null].filter(Boolean) as string[];
      const leidt = diploma.length ? ` De route leidt tot ${opsomming(diploma)}.` : '';
      return `${r.naam} (${r.typeNaam.toLowerCase()}) begint in ${vmbo}${leerweg}${kv}, en sluit aan op ${mbo}${kd}.${leidt}`;
    })
    .join('\n');
}

function clausuleD(routes: readonly VoorstelRoute[]): string {
  if (routes.length === 0) return '';
  const delen: string[] = [];
  for (const r of routes) {
    const jaren = r.tijdpad.map((j) => `leerjaar ${j.leerjaar} (${j.fase}): ${j.organisatie ?? '[partner die dit jaar verzorgt]'}`);
    delen.push(`${r.naam}. Wie welk leerjaar verzorgt: ${jaren.join('; ')}.`);
    const personeel = r.activiteiten.filter((a) => a.organisatie);
    if (personeel.length) {
      delen.push(
        `Inzet van personeel bij activiteiten: ${personeel
          .map((a) => `${a.titel} (leerjaar ${a.leerjaar}, door ${a.organisatie}${a.uren != null ? `, ${String(a.uren).replace('.', ',')} uur` : ''})`)
          .join('; ')}.`,
      );
    }
    if (r.materialen.length) {
      delen.push(`Faciliteiten en materialen: ${r.materialen.map((m) => `${m.titel} (${m.soort}${m.organisatie ? `, van ${m.organisatie}` : ''})`).join('; ')}.`);
    }
  }
  delen.push('Docenten die worden ingezet en hun bevoegdheid: [namen of rollen, per partner].');
  return delen.join('\n');
}

function doel(input: VoorstelInput): string {
  const routes = input.routes.map((r) => `${r.naam} (${r.typeNaam.toLowerCase()})`);
  const onderwerpen = input.onderwerpen.map((o) => ONDERWERP_NAMEN[o].toLowerCase());
  const wat = [routes.length ? `de leerroutes ${opsomming(routes)}` : null, onderwerpen.length ? `${opsomming(onderwerpen)}` : null].filter(Boolean) as string[];
  if (wat.length === 0) return '';
  return `De partijen werken in de samenwerking ${input.samenwerking} samen aan ${opsomming(wat)}, zodat leerlingen zonder onnodige overlap en zonder drempel van het vmbo naar het mbo gaan.`;
}

function onderwerpen(input: VoorstelInput): string {
  const delen = [...input.routes.map((r) => `de leerroute ${r.naam}`), ...input.onderwerpen.map((o) => ONDERWERP_NAMEN[o].toLowerCase())];
  return delen.length ? `De samenwerking betreft ${opsomming(delen)}.` : '';
}

function kvkdProgramma(routes: readonly VoorstelRoute[]): string {
  const delen = routes
    .filter((r) => r.keuzevakken.length || r.keuzedelen.length)
    .map((r) => {
      const kv = r.keuzevakken.map((k) => `${k.code} ${k.titel}`);
      const kd = r.keuzedelen.map((k) => `${k.code} ${k.titel}`);
      const jaren = r.tijdpad.map((j) => `leerjaar ${j.leerjaar}: ${j.organisatie ?? '[partner]'}`);
      return `${r.naam}: keuzevak ${opsomming(kv) || '[keuzevak]'} samen met keuzedeel ${opsomming(kd) || '[keuzedeel]'}; ${jaren.join('; ')}.`;
    });
  return delen.join('\n');
}

/** The proposal per clause of the soort (empty where the platform knows nothing). */
export function voorstel(soort: OvereenkomstSoort, input: VoorstelInput): Map<string, string> {
  const teksten = new Map<string, string>();
  const bekend: Record<string, () => string> = {
    partijen: () => partijenTekst(input.partijen),
    doel: () => doel(input),
    onderwerpen: () => onderwerpen(input),
    a: () => clausuleA(input.routes),
    d: () => clausuleD(input.routes),
    'kvkd-programma': () => kvkdProgramma(input.routes),
  };
  for (const c of clausulesVoor(soort)) teksten.set(c.id, bekend[c.id]?.() ?? '');
  return teksten;
}
