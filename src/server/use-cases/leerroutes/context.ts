/**
 * Shared pieces of the leerroute use cases (opening a route and who a change is attributed to: server/access/leerroute):
 * the doelen of a route from the catalogue, checks of places and doelen,
 * and running a change in a transaction that ends with the whole route (ADR 8).
 */
import { profielNaam } from '../../../domain/vmbo/profiel-names.js';
import { periodExists } from '../../../domain/leerroute/shape.js';
import type { AnderDoel, LeerrouteDoel } from '../../../shared/leerroute-api.js';
import { itemLabelZonderCatalogus } from '../../../domain/leerroute/coverage.js';
import { EINDTERM_ID, parseMboItemId } from '../../../domain/inventory/ids.js';
import { AppError, validationFailed, type FieldError } from '../../errors.js';
import type { CatalogSnapshot, VmboItemRow } from '../../read-models/catalogue-snapshot.js';
import { leerrouteDoelenOf, type RouteDoelen } from '../../read-models/leerroute-doelen.js';
import * as repo from '../../repositories/leerroute-repository.js';
import * as vmboRepo from '../../repositories/vmbo-catalog-repository.js';
import { resolveSelection } from '../inventory/selection.js';

/** @deprecated moved to server/access (issue 11) */
export { actingOrganisation, openRoute, ROUTE_NOT_FOUND, type RouteAccess } from '../../access/leerroute.js';

export const stale = (wat: string) =>
  new AppError('conflict', `${wat} is intussen door iemand anders gewijzigd of verwijderd. Laad de leerroute opnieuw; uw wijziging is niet opgeslagen.`);

// ---------------------------------------------------------------------------------------------------------------
// Doelen from the catalogue
// ---------------------------------------------------------------------------------------------------------------

export type { RouteDoelen } from '../../read-models/leerroute-doelen.js';

function shown(snapshot: CatalogSnapshot, kind: 'profiel' | 'keuzevak' | 'profielmodule', code: string): VmboItemRow | undefined {
  return vmboRepo.findByKindAndCode(snapshot, kind, code).find((r) => r.status === 'actief' && r.duplicate_of === null);
}

/** Codes of the settings that the catalogue does not hold, as field errors (for create and settings changes). */
export function catalogueProblems(snapshot: CatalogSnapshot, s: repo.RouteSettings): { errors: FieldError[]; kwalificatieNiveau: number | null } {
  const errors: FieldError[] = [];
  if (s.vmbo.profiel && !shown(snapshot, 'profiel', s.vmbo.profiel)) errors.push({ path: 'body.vmbo.profiel', message: `Profiel ${s.vmbo.profiel} bestaat niet in de catalogus.` });
  for (const code of s.vmbo.keuzevakken) if (!shown(snapshot, 'keuzevak', code)) errors.push({ path: 'body.vmbo.keuzevakken', message: `Keuzevak ${code} bestaat niet in de catalogus.` });
  for (const code of s.vmbo.profielmodulen) if (!shown(snapshot, 'profielmodule', code)) errors.push({ path: 'body.vmbo.profielmodulen', message: `Profielmodule ${code} bestaat niet in de catalogus.` });
  const kw = s.mbo.kwalificatie ? snapshot.mbo.kwalificaties.get(s.mbo.kwalificatie) : undefined;
  if (s.mbo.kwalificatie && !kw) errors.push({ path: 'body.mbo.kwalificatie', message: `Kwalificatie ${s.mbo.kwalificatie} bestaat niet in de catalogus.` });
  for (const code of s.mbo.keuzedelen) if (!snapshot.mbo.keuzedelen.has(code)) errors.push({ path: 'body.mbo.keuzedelen', message: `Keuzedeel ${code} bestaat niet in de catalogus.` });
  return { errors, kwalificatieNiveau: kw?.niveau ?? null };
}

/**
 * The doelen of a route: the eindtermen of the chosen keuzevakken and profielmodulen for its leerweg, the
 * werkprocessen of the kwalificatie and each keuzedeel (ids of the overlap inventory, src/domain/inventory/ids.ts).
 * A code the catalogue no longer holds (after a re-import) is left out with a remark instead of failing.
 */
export function routeDoelen(snapshot: CatalogSnapshot, s: repo.RouteSettings): RouteDoelen {
  // Every change answers with the whole route: the doelen are kept per catalogue version and selection (read model).
  return leerrouteDoelenOf(snapshot, s, () => resolveRouteDoelen(snapshot, s));
}

function resolveRouteDoelen(snapshot: CatalogSnapshot, s: repo.RouteSettings): RouteDoelen {
  const opmerkingen: string[] = [];
  const profielRow = s.vmbo.profiel ? shown(snapshot, 'profiel', s.vmbo.profiel) : undefined;
  const keep = (kind: 'keuzevak' | 'profielmodule', codes: string[]) =>
    codes.filter((c) => {
      const ok = shown(snapshot, kind, c) !== undefined;
      if (!ok) opmerkingen.push(`${kind === 'keuzevak' ? 'Keuzevak' : 'Profielmodule'} ${c} staat niet (meer) in de catalogus.`);
      return ok;
    });
  const keuzevakken = keep('keuzevak', s.vmbo.keuzevakken);
  const profielmodulen = keep('profielmodule', s.vmbo.profielmodulen);
  const kwalificatie = s.mbo.kwalificatie && snapshot.mbo.kwalificaties.has(s.mbo.kwalificatie) ? s.mbo.kwalificatie : undefined;
  if (s.mbo.kwalificatie && !kwalificatie) opmerkingen.push(`Kwalificatie ${s.mbo.kwalificatie} staat niet (meer) in de catalogus.`);
  const keuzedelen = s.mbo.keuzedelen.filter((c) => {
    const ok = snapshot.mbo.keuzedelen.has(c);
    if (!ok) opmerkingen.push(`Keuzedeel ${c} staat niet (meer) in de catalogus.`);
    return ok;
  });

  const kw = kwalificatie ? snapshot.mbo.kwalificaties.get(kwalificatie)! : undefined;
  const selectie: RouteDoelen['selectie'] = {
    vmbo: {
      profiel: profielRow ? { code: profielRow.code, titel: profielNaam(profielRow.code, profielRow.title) } : s.vmbo.profiel ? { code: s.vmbo.profiel, titel: s.vmbo.profiel } : null,
      leerweg: s.vmbo.leerweg,
      keuzevakken: keuzevakken.map((c) => ({ code: c, titel: shown(snapshot, 'keuzevak', c)!.title })),
      profielmodulen: profielmodulen.map((c) => ({ code: c, titel: shown(snapshot, 'profielmodule', c)!.title })),
    },
    mbo: {
      kwalificatie: kw ? { crebo: kw.crebo, naam: kw.naam, niveau: kw.niveau } : null,
      keuzedelen: keuzedelen.map((c) => ({ code: c, titel: snapshot.mbo.keuzedelen.get(c)!.titel })),
    },
  };

  const doelen: LeerrouteDoel[] = [];
  const vmboParents = [
    ...selectie.vmbo.profielmodulen.map((p) => ({ ...p, soort: 'profielmodule' as const })),
    ...selectie.vmbo.keuzevakken.map((p) => ({ ...p, soort: 'keuzevak' as const })),
  ];
  const hasVmbo = vmboParents.length > 0;
  const hasMbo = kwalificatie !== undefined || keuzedelen.length > 0;
  if (hasVmbo || hasMbo) {
    // The overlap inventory's resolution (issue 5) wants both sides; a side that is gone from the catalogue gets a
    // stand-in whose items are not used.
    let r: ReturnType<typeof resolveSelection>;
    try {
      r = resolveSelection(snapshot, {
        ...(hasVmbo ? { keuzevakken, profielmodulen } : vmboStandIn(snapshot)),
        leerweg: s.vmbo.leerweg ?? undefined,
        ...(hasMbo ? { kwalificatie, keuzedelen } : mboStandIn(snapshot)),
      });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      opmerkingen.push(`De doelen konden niet uit de catalogus worden gelezen: ${e.message}`);
      return { doelen, selectie, opmerkingen };
    }
    if (hasVmbo) {
      for (const e of r.eindtermen) {
        const parent = vmboParents.find((p) => e.context[0]?.startsWith(`${p.code} `)) ?? vmboParents[0]!;
        doelen.push({ id: e.id, side: 'vmbo', soort: 'eindterm', code: e.code, titel: e.titel, bron: { soort: parent.soort, code: parent.code, titel: parent.titel }, context: e.context.slice(1) });
      }
    }
    if (hasMbo) {
      for (const w of r.mboItems) {
        if (w.soort === 'keuzedeel') {
          doelen.push({ id: w.id, side: 'mbo', soort: 'keuzedeel', code: w.code, titel: w.titel, bron: { soort: 'keuzedeel', code: w.code, titel: w.titel }, context: [] });
        } else {
          doelen.push({ id: w.id, side: 'mbo', soort: 'werkproces', code: w.code, titel: w.titel, bron: { soort: 'kwalificatie', code: kw!.crebo, titel: kw!.naam }, context: w.context.slice(1) });
        }
      }
    }
    opmerkingen.push(...r.opmerkingen.filter((o) => !o.startsWith('Van keuzedelen')));
  }
  return { doelen, selectie, opmerkingen };
}

/**
 * The items a route names (planning, toetsen, activiteiten) that are not its doelen, with the code and title the
 * catalogue keeps: an import marks a removed eindterm `vervallen` but keeps its row, so a plan made before still
 * names it ("K/PIE/16/01-01 … bestaat niet meer in de nieuwe release"), never by its id.
 */
export function andereDoelen(snapshot: CatalogSnapshot, doelen: RouteDoelen, genoemd: readonly string[]): AnderDoel[] {
  const bekend = new Set(doelen.doelen.map((d) => d.id));
  const out: AnderDoel[] = [];
  for (const id of new Set(genoemd)) {
    if (bekend.has(id)) continue;
    bekend.add(id);
    if (EINDTERM_ID.test(id)) {
      const row = snapshot.byId.get(id);
      out.push(row ? { id, side: 'vmbo', code: row.code, titel: row.title, reden: row.status === 'vervallen' ? 'vervallen' : 'niet-in-route' } : { id, side: 'vmbo', code: '', titel: itemLabelZonderCatalogus(id), reden: 'vervallen' });
      continue;
    }
    const ref = parseMboItemId(id);
    if (ref?.soort === 'keuzedeel') {
      const k = snapshot.mbo.keuzedelen.get(ref.code);
      out.push({ id, side: 'mbo', code: ref.code, titel: k?.titel ?? '', reden: k && k.status === 'actief' ? 'niet-in-route' : 'vervallen' });
    } else if (ref?.soort === 'werkproces') {
      const kw = snapshot.mbo.kwalificaties.get(ref.crebo);
      const wp = kw ? snapshot.mbo.kerntakenOf(kw).kerntaken.flatMap((k) => k.werkprocessen).find((w) => w.code === ref.code) : undefined;
      out.push({ id, side: 'mbo', code: ref.code, titel: wp ? wp.titel : `(kwalificatie ${ref.crebo})`, reden: wp ? 'niet-in-route' : 'vervallen' });
    } else {
      out.push({ id, side: 'vmbo', code: '', titel: itemLabelZonderCatalogus(id), reden: 'vervallen' });
    }
  }
  return out;
}

function mboStandIn(snapshot: CatalogSnapshot): { keuzedelen: string[] } {
  const first = snapshot.mbo.keuzedelen.keys().next();
  return { keuzedelen: first.done ? [] : [first.value] };
}
function vmboStandIn(snapshot: CatalogSnapshot): { keuzevakken: string[] } {
  const any = snapshot.items.find((r) => r.kind === 'keuzevak' && r.status === 'actief' && r.duplicate_of === null);
  return { keuzevakken: any ? [any.code] : [] };
}

// ---------------------------------------------------------------------------------------------------------------
// Checks of input against the route
// ---------------------------------------------------------------------------------------------------------------

export function checkPlace(route: repo.RouteRow, leerjaar: number, periode: number, errors: FieldError[]): void {
  if (!periodExists(route.tijdpad, leerjaar, periode)) {
    errors.push({ path: 'body.periode', message: `Leerjaar ${leerjaar}, periode ${periode} bestaat niet in het tijdpad van deze leerroute.` });
  }
}

export function checkDoelen(ids: readonly string[], doelIds: ReadonlySet<string>, path: string, errors: FieldError[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (!doelIds.has(id)) errors.push({ path, message: `${id} is geen doel van deze leerroute.` });
    else if (seen.has(id)) errors.push({ path, message: `${id} staat er twee keer in.` });
    seen.add(id);
  }
}

export function checkOrganisation(id: string | null, memberOrganisationIds: readonly string[], path: string, errors: FieldError[]): void {
  if (id !== null && !memberOrganisationIds.includes(id)) errors.push({ path, message: 'Deze organisatie is geen partner in de samenwerking.' });
}

export function throwIfErrors(errors: FieldError[]): void {
  if (errors.length > 0) throw validationFailed(errors.map((e) => e.message).join(' '), errors);
}

export const placeText = (leerjaar: number, periode: number) => `leerjaar ${leerjaar}, periode ${periode}`;
