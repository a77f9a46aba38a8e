/**
 * One pure check per rule id of regels.json (issue 13). A check reads the RegelContext and says whether the rule is
 * broken (overtreden), met (voldaan), cannot be decided for lack of data (onbekend) or does not concern this route
 * (geldt-niet), with a Dutch sentence and the place where it is fixed. test/unit/regels.test.ts fails for a rule
 * without a check, a check without a rule, and a rule without a passing and a failing example.
 */
import type { RegelPlek } from '../../shared/regels-api.js';
import { CLAUSULES, type Check, type CheckUitkomst, type OvereenkomstFeiten, type RegelContext, type RouteFeiten } from './types.js';

// ---------------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------------

const ok = (melding: string, plek: RegelPlek | null = null): CheckUitkomst => ({ status: 'voldaan', melding, plek });
const fout = (melding: string, plek: RegelPlek | null): CheckUitkomst => ({ status: 'overtreden', melding, plek });
const onbekend = (melding: string, plek: RegelPlek | null): CheckUitkomst => ({ status: 'onbekend', melding, plek });
const geldtNiet = (melding: string): CheckUitkomst => ({ status: 'geldt-niet', melding, plek: null });

const stap = (s: 'instellingen' | 'toetsing' | 'activiteiten', leerjaar: number | null = null, periode: number | null = null): RegelPlek => ({ soort: 'leerroute', stap: s, leerjaar, periode });
const overeenkomstPlek = (o?: OvereenkomstFeiten): RegelPlek => ({ soort: 'overeenkomst', overeenkomstId: o?.id ?? null });
const inzetPlek = (ctx: RegelContext): RegelPlek => ({ soort: 'docentinzet', schooljaar: ctx.schooljaar });
const kalenderPlek = (ctx: RegelContext): RegelPlek => ({ soort: 'kalender', schooljaar: ctx.schooljaar });

/** The agreements that cover the route (all of them when the rules run on one agreement alone). */
function dekkend(ctx: RegelContext): readonly OvereenkomstFeiten[] {
  return ctx.route ? ctx.overeenkomsten.filter((o) => o.leerrouteIds.includes(ctx.route!.id)) : ctx.overeenkomsten;
}
const actief = (o: OvereenkomstFeiten) => o.status !== 'beeindigd';
const STATUS_NAMEN: Record<OvereenkomstFeiten['status'], string> = {
  concept: 'een concept',
  'ter-ondertekening': 'ter ondertekening',
  ondertekend: 'ondertekend',
  beeindigd: 'beëindigd',
};

/** Needs a signed agreement of the given kind covering the route; `geldt` says whether the route is of that kind. */
function getekendeOvereenkomst(ctx: RegelContext, soort: OvereenkomstFeiten['soort'], wat: string): CheckUitkomst {
  const kandidaten = dekkend(ctx).filter((o) => o.soort === soort && actief(o));
  const getekend = kandidaten.find((o) => o.status === 'ondertekend');
  if (getekend) return ok(`De overeenkomst voor ${wat} is ondertekend en dekt deze leerroute.`, overeenkomstPlek(getekend));
  const eerste = kandidaten[0];
  if (eerste) return fout(`De overeenkomst voor ${wat} is ${STATUS_NAMEN[eerste.status]}, nog niet ondertekend.`, overeenkomstPlek(eerste));
  return fout(`Er is geen overeenkomst voor ${wat} die deze leerroute dekt.`, overeenkomstPlek());
}

const heeftVmbo = (r: RouteFeiten) => r.tijdpad.some((j) => j.fase === 'vmbo');
const heeftOvergang = (r: RouteFeiten) => heeftVmbo(r) && r.tijdpad.some((j) => j.fase === 'mbo');
/** A route is a leerwerktraject when an agreement of that kind covers it. */
const isLeerwerktraject = (ctx: RegelContext) => ctx.route !== null && dekkend(ctx).some((o) => o.soort === 'leerwerktraject' && actief(o));
/** Entree in the vmbo: vmbo years leading to a kwalificatie of niveau 1. */
const isEntreeInVmbo = (r: RouteFeiten) => r.kwalificatieNiveau === 1 && heeftVmbo(r);

const inPta = (t: RouteFeiten['toetsen'][number]) => t.onderdeelVan === 'pta' || t.onderdeelVan === 'beide';
const LOB = /\bLOB\b|loopbaan/i;
const isLob = (t: RouteFeiten['toetsen'][number]) => LOB.test(`${t.toetscode} ${t.naam} ${t.omschrijving}`);
const PRAKTIJK = /stage|leerbedrijf|\bbpv\b|beroepspraktijk|praktijkdeel|buitenschools|leerwerkplek/i;

function telwoord(n: number, een: string, meer: string): string {
  return `${n} ${n === 1 ? een : meer}`;
}

/** The first mbo leerjaar after a vmbo leerjaar, and the schooljaar it falls in. */
export function overgang(r: Pick<RouteFeiten, 'tijdpad' | 'schooljaar'>): { leerjaar: number; schooljaar: string | null; beginjaar: number | null } | null {
  const jaren = [...r.tijdpad].sort((a, b) => a.leerjaar - b.leerjaar);
  const eersteMbo = jaren.find((j, i) => j.fase === 'mbo' && jaren.slice(0, i).some((v) => v.fase === 'vmbo'));
  if (!eersteMbo) return null;
  if (!r.schooljaar) return { leerjaar: eersteMbo.leerjaar, schooljaar: null, beginjaar: null };
  const begin = Number(r.schooljaar.slice(0, 4)) + (eersteMbo.leerjaar - jaren[0]!.leerjaar);
  return { leerjaar: eersteMbo.leerjaar, schooljaar: `${begin}-${begin + 1}`, beginjaar: begin };
}

// ---------------------------------------------------------------------------------------------------------------
// The checks, by rule id
// ---------------------------------------------------------------------------------------------------------------

export const CHECKS: Record<string, Check> = {
  'ovk-doorlopende-leerroute': (ctx) => {
    const r = ctx.route;
    if (r && r.type !== 'doorlopend' && r.type !== 'geintegreerd') return geldtNiet('Geen doorlopende of geïntegreerde leerroute.');
    if (!r && !ctx.overeenkomsten.some((o) => o.soort === 'doorlopende-leerroute')) return geldtNiet('Geen overeenkomst voor een doorlopende leerroute.');
    return getekendeOvereenkomst(ctx, 'doorlopende-leerroute', 'een doorlopende leerroute');
  },

  'ovk-clausules-doorlopende-leerroute': (ctx) => {
    const relevant = dekkend(ctx).filter((o) => o.soort === 'doorlopende-leerroute' && actief(o));
    if (relevant.length === 0) {
      if (ctx.route && (ctx.route.type === 'doorlopend' || ctx.route.type === 'geintegreerd')) return onbekend('Er is nog geen overeenkomst voor deze doorlopende leerroute om na te kijken.', overeenkomstPlek());
      return geldtNiet('Geen overeenkomst voor een doorlopende leerroute.');
    }
    for (const o of relevant) {
      const missend = CLAUSULES.filter((c) => !o.ingevuldeClausules.includes(c));
      if (missend.length > 0) return fout(`In de overeenkomst ${missend.length === 1 ? 'ontbreekt onderdeel' : 'ontbreken de onderdelen'} ${missend.join(', ')}.`, overeenkomstPlek(o));
    }
    return ok('De onderdelen a tot en met i zijn ingevuld.', overeenkomstPlek(relevant[0]));
  },

  'ovk-leerwerktraject': (ctx) => {
    if (!ctx.route) {
      const lwt = ctx.overeenkomsten.find((o) => o.soort === 'leerwerktraject' && actief(o));
      if (!lwt) return geldtNiet('Geen overeenkomst voor een leerwerktraject.');
      return lwt.status === 'ondertekend' ? ok('De overeenkomst van het leerwerktraject is ondertekend.', overeenkomstPlek(lwt)) : fout(`De overeenkomst van het leerwerktraject is ${STATUS_NAMEN[lwt.status]}, nog niet ondertekend.`, overeenkomstPlek(lwt));
    }
    if (!isLeerwerktraject(ctx)) return geldtNiet('Deze leerroute is geen leerwerktraject (geen overeenkomst van die soort dekt haar).');
    return getekendeOvereenkomst(ctx, 'leerwerktraject', 'het leerwerktraject');
  },

  'ovk-entree': (ctx) => {
    const r = ctx.route;
    if (!r) {
      const e = ctx.overeenkomsten.find((o) => o.soort === 'entree' && actief(o));
      if (!e) return geldtNiet('Geen overeenkomst voor een entree-opleiding.');
      return e.status === 'ondertekend' ? ok('De overeenkomst voor de entree-opleiding is ondertekend.', overeenkomstPlek(e)) : fout(`De overeenkomst voor de entree-opleiding is ${STATUS_NAMEN[e.status]}, nog niet ondertekend.`, overeenkomstPlek(e));
    }
    if (!isEntreeInVmbo(r)) return geldtNiet('Geen entree-opleiding in het vmbo (geen vmbo-jaren met een kwalificatie op niveau 1).');
    return getekendeOvereenkomst(ctx, 'entree', 'de entree-opleiding in het vmbo');
  },

  'ovk-vastleggen': (ctx) => {
    const o = dekkend(ctx).filter(actief);
    if (o.length > 0) return ok(`${telwoord(o.length, 'overeenkomst dekt', 'overeenkomsten dekken')} deze samenwerking${ctx.route ? ' en leerroute' : ''}.`, overeenkomstPlek(o[0]));
    return fout(ctx.route ? 'Geen enkele overeenkomst van de samenwerking dekt deze leerroute.' : 'De samenwerking heeft geen overeenkomst.', overeenkomstPlek());
  },

  'keuzevakken-bb-kb': (ctx) => {
    const r = ctx.route;
    if (!r || (r.leerweg !== 'BB' && r.leerweg !== 'KB')) return geldtNiet('Geen basis- of kaderberoepsgerichte leerweg.');
    const n = r.keuzevakken.length;
    return n <= 4 ? ok(`${telwoord(n, 'keuzevak', 'keuzevakken')} gekozen; er passen er vier.`, stap('instellingen')) : fout(`${n} keuzevakken gekozen; in ${r.leerweg} passen er vier.`, stap('instellingen'));
  },

  'keuzevakken-gl': (ctx) => {
    const r = ctx.route;
    if (!r || r.leerweg !== 'GL') return geldtNiet('Geen gemengde leerweg.');
    const n = r.keuzevakken.length;
    return n <= 2 ? ok(`${telwoord(n, 'keuzevak', 'keuzevakken')} gekozen; er passen er twee.`, stap('instellingen')) : fout(`${n} keuzevakken gekozen; in de gemengde leerweg passen er twee.`, stap('instellingen'));
  },

  'keuzevakken-tl': (ctx) => {
    const r = ctx.route;
    if (!r || r.leerweg !== 'TL') return geldtNiet('Geen theoretische leerweg.');
    const n = r.keuzevakken.length;
    return n === 0 ? ok('Geen beroepsgerichte keuzevakken in deze TL-route.', stap('instellingen')) : fout(`${telwoord(n, 'beroepsgericht keuzevak', 'beroepsgerichte keuzevakken')} in een TL-route: die tellen niet mee voor het diploma.`, stap('instellingen'));
  },

  'lwt-programma': (ctx) => {
    const r = ctx.route;
    if (!r || !isLeerwerktraject(ctx)) return geldtNiet('Deze leerroute is geen leerwerktraject.');
    const problemen: string[] = [];
    if (r.leerweg !== 'BB') problemen.push(`de leerweg is ${r.leerweg ?? 'niet gekozen'} in plaats van BB`);
    if (!r.profiel) problemen.push('er is geen profiel (profielvak) gekozen');
    if (r.keuzevakken.length !== 4) problemen.push(`er ${r.keuzevakken.length === 1 ? 'is 1 keuzevak' : `zijn ${r.keuzevakken.length} keuzevakken`} gekozen in plaats van vier`);
    return problemen.length === 0 ? ok('BB, met profielvak en vier keuzevakken.', stap('instellingen')) : fout(`In dit leerwerktraject ${problemen.join('; ')}.`, stap('instellingen'));
  },

  'lwt-praktijk': (ctx) => {
    const r = ctx.route;
    if (!r || !isLeerwerktraject(ctx)) return geldtNiet('Deze leerroute is geen leerwerktraject.');
    const praktijk = r.activiteiten.filter((a) => (a.leerjaar === 3 || a.leerjaar === 4) && PRAKTIJK.test(`${a.titel} ${a.omschrijving}`));
    const uren = praktijk.reduce((s, a) => s + (a.uren ?? 0), 0);
    if (praktijk.length === 0 || uren === 0) return onbekend('Er staat nog geen buitenschoolse praktijk met uren bij de activiteiten van leerjaar 3 en 4.', stap('activiteiten', 3, 1));
    if (uren < 640) return fout(`De buitenschoolse praktijk telt ${uren} klokuren; dat is minder dan 640.`, stap('activiteiten', 3, 1));
    if (uren > 1280) return fout(`De buitenschoolse praktijk telt ${uren} klokuren; dat is meer dan 1280.`, stap('activiteiten', 3, 1));
    return ok(`De buitenschoolse praktijk telt ${uren} klokuren (tussen 640 en 1280).`, stap('activiteiten', 3, 1));
  },

  'gastdocent-160-uur': (ctx) => {
    if (ctx.docentinzet === null) return onbekend('Zonder schooljaar is de docentinzet niet te controleren.', ctx.route ? stap('instellingen') : inzetPlek(ctx));
    const perPersoon = new Map<string, { naam: string; uren: number }>();
    for (const i of ctx.docentinzet) {
      if (i.bevoegdheid !== 'gastdocent' || i.onderwijsAan !== 'vmbo') continue;
      const key = i.naamOfRol.trim().toLowerCase();
      const v = perPersoon.get(key) ?? { naam: i.naamOfRol.trim(), uren: 0 };
      v.uren += i.uren;
      perPersoon.set(key, v);
    }
    if (perPersoon.size === 0) return geldtNiet(`Geen gastdocenten op het vmbo in ${ctx.schooljaar}.`);
    const teVeel = [...perPersoon.values()].filter((p) => p.uren > 160);
    if (teVeel.length > 0) return fout(`${teVeel.map((p) => `${p.naam}: ${p.uren} uur`).join('; ')} in ${ctx.schooljaar}; hooguit 160 uur per gastdocent.`, inzetPlek(ctx));
    return ok(`Elke gastdocent blijft in ${ctx.schooljaar} binnen 160 uur.`, inzetPlek(ctx));
  },

  'mbo-docent-overeenkomst': (ctx) => {
    if (ctx.docentinzet === null) return onbekend('Zonder schooljaar is de docentinzet niet te controleren.', ctx.route ? stap('instellingen') : inzetPlek(ctx));
    const betreft = ctx.docentinzet.filter((i) => i.bevoegdheid === 'pedagogisch-didactisch-getuigschrift' && i.onderwijsAan === 'vmbo');
    if (betreft.length === 0) return geldtNiet(`Geen mbo-docenten zonder tweedegraads bevoegdheid voor vmbo-leerlingen in ${ctx.schooljaar}.`);
    // Any signed agreement of the samenwerking allows it (not only one covering this route).
    const getekend = ctx.overeenkomsten.find((o) => o.status === 'ondertekend');
    const namen = betreft.map((i) => i.naamOfRol).join(', ');
    if (getekend) return ok(`${namen}: toegestaan onder de ondertekende overeenkomst.`, overeenkomstPlek(getekend));
    return fout(`${namen} ${betreft.length === 1 ? 'geeft' : 'geven'} vmbo-leerlingen les zonder tweedegraads bevoegdheid, en de samenwerking heeft geen ondertekende overeenkomst.`, inzetPlek(ctx));
  },

  'tweedegraads-in-mbo': (ctx) => {
    if (ctx.docentinzet === null) return onbekend('Zonder schooljaar is de docentinzet niet te controleren.', ctx.route ? stap('instellingen') : inzetPlek(ctx));
    const betreft = ctx.docentinzet.filter((i) => i.bevoegdheid === 'tweedegraads' && i.onderwijsAan === 'mbo' && i.organisatie.soort === 'vmbo-school');
    if (betreft.length === 0) return geldtNiet(`Geen vmbo-docenten die in ${ctx.schooljaar} mbo-studenten lesgeven.`);
    // The inzet van personeel is clause d of the agreement: a signed one with d filled in records it.
    const vastgelegd = ctx.overeenkomsten.find((o) => o.status === 'ondertekend' && o.ingevuldeClausules.includes('d'));
    if (vastgelegd) return ok(`${betreft.map((i) => i.naamOfRol).join(', ')}: de inzet van personeel staat in de ondertekende overeenkomst (onderdeel d).`, overeenkomstPlek(vastgelegd));
    return fout(`${betreft.map((i) => i.naamOfRol).join(', ')}: laat de mbo-instelling de bekwaamheid voor de mbo-vakken vastleggen.`, inzetPlek(ctx));
  },

  'lob-in-pta': (ctx) => {
    const r = ctx.route;
    if (!r || (r.type !== 'doorlopend' && r.type !== 'gl-tl-niveau4') || !heeftVmbo(r)) return geldtNiet('Deze leerroute heeft geen eigen vmbo-examenprogramma (LOB staat dan in het PTA van de school).');
    const lob = r.toetsen.filter((t) => inPta(t) && isLob(t));
    return lob.length > 0 ? ok(`LOB staat in het PTA (${lob.map((t) => t.toetscode).join(', ')}).`, stap('toetsing', lob[0]!.leerjaar, lob[0]!.periode)) : fout('Geen PTA-onderdeel voor LOB gevonden (een toets in het PTA met LOB of loopbaan in code, naam of omschrijving).', stap('toetsing'));
  },

  'lob-geen-cijfer': (ctx) => {
    const r = ctx.route;
    if (!r) return geldtNiet('Geen leerroute.');
    const lob = r.toetsen.filter((t) => inPta(t) && isLob(t));
    if (lob.length === 0) return geldtNiet('Geen LOB-onderdeel in het PTA.');
    const gewogen = lob.filter((t) => (t.seWeging ?? 0) > 0);
    if (gewogen.length > 0) return fout(`${gewogen.map((t) => `${t.toetscode} weegt ${t.seWeging}% in het schoolexamen`).join('; ')}.`, stap('toetsing', gewogen[0]!.leerjaar, gewogen[0]!.periode));
    return ok('Het LOB-onderdeel heeft geen SE-weging.', stap('toetsing', lob[0]!.leerjaar, lob[0]!.periode));
  },

  'keuzevak-afsluiting-pta': (ctx) => {
    const r = ctx.route;
    if (!r || r.keuzevakken.length === 0) return geldtNiet('Geen keuzevakken in deze leerroute.');
    if (r.type === 'geintegreerd') return geldtNiet('Een geïntegreerde route leidt niet tot een vmbo-examen.');
    const ptaDoelen = new Set(r.toetsen.filter(inPta).flatMap((t) => t.doelen));
    const zonder = r.keuzevakken.filter((k) => !k.eindtermIds.some((id) => ptaDoelen.has(id))).map((k) => k.code);
    return zonder.length === 0 ? ok('Elk keuzevak heeft een afsluiting in het PTA.', stap('toetsing')) : fout(`Geen PTA-toets voor ${zonder.join(', ')}.`, stap('toetsing'));
  },

  'keuzedeel-240-sbu': (ctx) => {
    const r = ctx.route;
    if (!r || r.keuzedelen.length === 0) return geldtNiet('Geen keuzedelen in deze leerroute.');
    const fouten = r.keuzedelen.filter((k) => k.sbu !== null && (k.sbu <= 0 || k.sbu % 240 !== 0));
    if (fouten.length > 0) return fout(`${fouten.map((k) => `${k.code} heeft ${k.sbu} SBU`).join('; ')}: geen veelvoud van 240.`, stap('instellingen'));
    const zonder = r.keuzedelen.filter((k) => k.sbu === null);
    if (zonder.length > 0) return onbekend(`De omvang van ${zonder.map((k) => k.code).join(', ')} staat niet in de catalogus.`, stap('instellingen'));
    return ok(`${r.keuzedelen.map((k) => `${k.code} ${k.sbu} SBU`).join(', ')}.`, stap('instellingen'));
  },

  'aanmelden-1-april': (ctx) => {
    const r = ctx.route;
    if (!r || !heeftOvergang(r)) return geldtNiet('Deze leerroute heeft geen overgang van een vmbo-jaar naar een mbo-jaar.');
    const o = overgang(r)!;
    if (o.beginjaar === null) return onbekend(`Zonder schooljaar is niet te zeggen vóór welke 1 april de leerlingen zich voor leerjaar ${o.leerjaar} aanmelden.`, stap('instellingen'));
    return ok(`Aanmelden voor leerjaar ${o.leerjaar} (schooljaar ${o.schooljaar}) uiterlijk 1 april ${o.beginjaar}; de datum staat in de kalender.`, kalenderPlek(ctx));
  },

  'aanvullende-eisen-1-februari': (ctx) => {
    const r = ctx.route;
    if (!r || !heeftOvergang(r)) return geldtNiet('Deze leerroute heeft geen overgang van een vmbo-jaar naar een mbo-jaar.');
    const o = overgang(r)!;
    if (o.beginjaar === null) return onbekend('Zonder schooljaar is niet te zeggen vóór welke 1 februari eventuele aanvullende eisen bekend moeten zijn.', stap('instellingen'));
    return ok(`Eventuele aanvullende eisen en selectie voor schooljaar ${o.schooljaar} zijn bekend vóór 1 februari ${o.beginjaar}; de datum staat in de kalender.`, kalenderPlek(ctx));
  },

  'loopbaandossier-leerling': (ctx) => {
    const r = ctx.route;
    if (!r) return geldtNiet('Geen leerroute.');
    const fouten = r.activiteiten.filter((a) => {
      const t = `${a.titel} ${a.omschrijving}`;
      return /loopbaandossier/i.test(t) && /overdr|doorsturen|doorgestuurd|versturen|verstuurd|opsturen|toesturen|\bsturen\b|stuurt/i.test(t) && !/leerling (neemt|deelt|brengt|stuurt)|zelf mee|door de leerling|de leerling zelf/i.test(t);
    });
    if (fouten.length > 0) return fout(`${fouten.map((a) => `‘${a.titel}’`).join(', ')}: de school draagt het loopbaandossier over.`, stap('activiteiten', fouten[0]!.leerjaar, fouten[0]!.periode));
    return ok('Geen activiteit waarin de school het loopbaandossier overdraagt.', stap('activiteiten'));
  },
};
