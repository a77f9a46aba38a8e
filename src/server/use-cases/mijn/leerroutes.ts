/**
 * The pupil's own leerroute: for each group the signed-in pupil is in, the route of that group as the pupil needs it:
 * what it leads to, both schools, and per leerjaar and periode the doelen, the lessons and the toetsen. Only the own
 * account's groups; staff have no pupil records, so their list is empty. Names of teachers, versions and the coverage
 * check stay on the teachers' pages.
 */
import { leidtTot } from '../../../domain/leerroute/shape.js';
import type { MijnLeerroute, MijnLeerroutePeriode, MijnLeerroutes } from '../../../shared/mijn-api.js';
import type { LeerrouteDoel } from '../../../shared/leerroute-api.js';
import { requireAuth } from '../../access/require-auth.js';
import type { UseCaseContext } from '../../access/context.js';
import { findRoute } from '../../repositories/leerroute-repository.js';
import { leerroutesVanAccount } from '../../repositories/vrijstelling-repository.js';
import { loadRouteModel, type RouteModel } from '../leerroutes/get-route.js';

export async function mijnLeerroutes(opts: UseCaseContext): Promise<MijnLeerroutes> {
  const auth = requireAuth(opts.auth);
  const { db } = opts;
  const groepen = await leerroutesVanAccount(db, auth.user.id);
  const leerroutes: MijnLeerroute[] = [];
  for (const g of groepen) {
    const route = await findRoute(db, g.routeId);
    if (!route) continue; // a removed route: nothing to show
    const model = await loadRouteModel(db, route);
    leerroutes.push({ leerlingId: g.leerlingId, cohort: g.cohort, schooljaar: g.schooljaar, ...voorLeerling(model) });
  }
  return { leerroutes };
}

/** The route in the pupil's terms (pure: the model is loaded). */
function voorLeerling(m: RouteModel): Omit<MijnLeerroute, 'leerlingId' | 'cohort' | 'schooljaar'> {
  const { route, doelen, bundle } = m;
  const { planning, activiteiten, toetsen } = bundle.parts;
  const doelById = new Map<string, LeerrouteDoel>(doelen.doelen.map((d) => [d.id, d]));
  const plek = new Map(doelen.doelen.map((d, i) => [d.id, i]));
  const schoolNaam = (id: string | null) => (id ? (bundle.organisations.get(id) ?? bundle.partners.find((p) => p.id === id)?.naam ?? null) : null);
  const perioden: MijnLeerroutePeriode[] = [];
  for (const jaar of route.tijdpad) {
    for (let periode = 1; periode <= jaar.perioden; periode += 1) {
      const hier = <T extends { leerjaar: number; periode: number }>(rows: T[]) => rows.filter((r) => r.leerjaar === jaar.leerjaar && r.periode === periode);
      // In the order of the catalogue (vmbo before mbo), not in the order the teachers planned them.
      const items = hier(planning).flatMap((p) => p.items).sort((a, b) => (plek.get(a) ?? Number.MAX_SAFE_INTEGER) - (plek.get(b) ?? Number.MAX_SAFE_INTEGER));
      const p: MijnLeerroutePeriode = {
        leerjaar: jaar.leerjaar,
        periode,
        fase: jaar.fase,
        school: schoolNaam(jaar.organisatieId),
        doelen: items.flatMap((id) => {
          const d = doelById.get(id);
          return d ? [{ code: d.code, titel: d.titel, kant: d.side, bron: `${d.bron.code} ${d.bron.titel}` }] : [];
        }),
        activiteiten: hier(activiteiten).map((a) => ({ titel: a.titel, omschrijving: a.omschrijving, uren: a.uren, school: schoolNaam(a.organisatieId) })),
        toetsen: hier(toetsen).map((t) => ({ toetscode: t.toetscode, naam: t.naam, vorm: t.vorm, soort: t.soort, onderdeelVan: t.onderdeelVan, herkansbaar: t.herkansbaar })),
      };
      if (p.doelen.length + p.activiteiten.length + p.toetsen.length > 0) perioden.push(p);
    }
  }
  const { vmbo, mbo } = doelen.selectie;
  return {
    naam: route.naam,
    type: route.type,
    leidtTot: leidtTot(route.type),
    scholen: bundle.partners.map((p) => p.naam),
    keuzevakken: vmbo.keuzevakken,
    profielmodulen: vmbo.profielmodulen,
    kwalificatie: mbo.kwalificatie ? { crebo: mbo.kwalificatie.crebo, naam: mbo.kwalificatie.naam } : null,
    keuzedelen: mbo.keuzedelen,
    perioden,
  };
}
