/**
 * The shape of a leerroute per type (issue 6). Pure: the caller resolves the kwalificatie's niveau and the partner
 * organisations of the samenwerking; this says what is wrong, per field, in Dutch.
 *
 * - doorlopend: vmbo diploma and mbo diploma; leerweg and kwalificatie; from leerjaar 3 on; a vmbo and an mbo year.
 * - geintegreerd: leerweg BB into a niveau 2 kwalificatie, no vmbo diploma; at least one mbo year.
 * - keuzevak-keuzedeel: exactly one keuzevak and one keuzedeel (one programme, one exam); no profielmodulen and no
 *   kwalificatie (their werkprocessen would become doelen of the arrangement).
 * - gl-tl-niveau4: leerweg GL or TL towards a niveau 4 kwalificatie; a vmbo and an mbo year.
 * For all: doelen on both sides, unique leerjaren, no vmbo year after an mbo year, a teaching organisation that is a
 * partner of the samenwerking.
 */
import type { Fase, LeerrouteType } from '../../shared/leerroute-api.js';

export interface ShapeVmbo {
  profiel: string | null;
  leerweg: 'BB' | 'KB' | 'GL' | 'TL' | null;
  profielmodulen: readonly string[];
  keuzevakken: readonly string[];
}
export interface ShapeMbo {
  kwalificatie: string | null;
  keuzedelen: readonly string[];
}
export interface ShapeYear {
  leerjaar: number;
  fase: Fase;
  perioden: number;
  organisatieId: string | null;
}
export interface RouteShape {
  type: LeerrouteType;
  vmbo: ShapeVmbo;
  mbo: ShapeMbo;
  tijdpad: readonly ShapeYear[];
}
export interface PartnerRef {
  id: string;
  soort: string;
}
export interface ShapeContext {
  /** Niveau of the chosen kwalificatie; null when none was chosen or it is unknown (the caller reports unknown codes). */
  kwalificatieNiveau: number | null;
  partners: readonly PartnerRef[];
}
export interface ShapeProblem {
  path: string;
  message: string;
}

export function diplomasOf(type: LeerrouteType): { vmbo: boolean; mbo: boolean } {
  switch (type) {
    case 'doorlopend':
    case 'gl-tl-niveau4':
      return { vmbo: true, mbo: true };
    case 'geintegreerd':
      return { vmbo: false, mbo: true };
    case 'keuzevak-keuzedeel':
      return { vmbo: false, mbo: false };
  }
}

/**
 * What a route of this type leads to, per side, in Dutch: for the overview, the route document and the PTA. A
 * keuzevak-keuzedeelarrangement leads to no diploma of its own, but it does lead somewhere on both sides: the keuzevak
 * is part of the vmbo-diploma, and the result of the keuzedeel counts in the mbo.
 */
export function leidtTot(type: LeerrouteType): string[] {
  switch (type) {
    case 'doorlopend':
      return ['het vmbo-diploma', 'het mbo-diploma van de kwalificatie'];
    case 'geintegreerd':
      return ['het mbo-diploma op niveau 2 (zonder vmbo-diploma)'];
    case 'keuzevak-keuzedeel':
      return [
        'het keuzevak, als onderdeel van het vmbo-diploma',
        'het resultaat van het keuzedeel in het mbo: het telt mee als behaald keuzedeel in de mbo-opleiding en komt op de resultatenlijst bij het mbo-diploma',
      ];
    case 'gl-tl-niveau4':
      return ['het vmbo-diploma (GL of TL)', 'het mbo-diploma op niveau 4'];
  }
}

/** Default time frame: leerjaren 3 and 4 (vmbo) and 5 (the first mbo year), 4 periods, taught by a partner of that kind. */
export function defaultTijdpad(partners: readonly PartnerRef[]): ShapeYear[] {
  const vmbo = partners.find((p) => p.soort === 'vmbo-school')?.id ?? null;
  const mbo = partners.find((p) => p.soort === 'mbo-instelling')?.id ?? null;
  return [
    { leerjaar: 3, fase: 'vmbo', perioden: 4, organisatieId: vmbo },
    { leerjaar: 4, fase: 'vmbo', perioden: 4, organisatieId: vmbo },
    { leerjaar: 5, fase: 'mbo', perioden: 4, organisatieId: mbo },
  ];
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

export function validateRouteShape(route: RouteShape, ctx: ShapeContext): ShapeProblem[] {
  const problems: ShapeProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const { vmbo, mbo, tijdpad, type } = route;

  // Both sides need doelen.
  if (vmbo.keuzevakken.length + vmbo.profielmodulen.length === 0) add('vmbo.keuzevakken', 'Kies minstens één keuzevak of profielmodule (vmbo).');
  if (!mbo.kwalificatie && mbo.keuzedelen.length === 0) add('mbo.kwalificatie', 'Kies een kwalificatie of minstens één keuzedeel (mbo).');
  for (const d of duplicates(vmbo.keuzevakken)) add('vmbo.keuzevakken', `Keuzevak ${d} staat er twee keer in.`);
  for (const d of duplicates(vmbo.profielmodulen)) add('vmbo.profielmodulen', `Profielmodule ${d} staat er twee keer in.`);
  for (const d of duplicates(mbo.keuzedelen)) add('mbo.keuzedelen', `Keuzedeel ${d} staat er twee keer in.`);

  // Time frame.
  const sorted = [...tijdpad].sort((a, b) => a.leerjaar - b.leerjaar);
  for (const d of duplicates(tijdpad.map((j) => String(j.leerjaar)))) add('tijdpad', `Leerjaar ${d} staat er twee keer in.`);
  const firstMbo = sorted.findIndex((j) => j.fase === 'mbo');
  if (firstMbo >= 0 && sorted.slice(firstMbo).some((j) => j.fase === 'vmbo')) add('tijdpad', 'Een vmbo-jaar kan niet na een mbo-jaar komen.');
  const partnerIds = new Set(ctx.partners.map((p) => p.id));
  tijdpad.forEach((j, i) => {
    if (j.organisatieId !== null && !partnerIds.has(j.organisatieId)) add(`tijdpad.${i}.organisatieId`, `De school van leerjaar ${j.leerjaar} is geen partner in deze samenwerking.`);
  });
  const hasVmboYear = tijdpad.some((j) => j.fase === 'vmbo');
  const hasMboYear = tijdpad.some((j) => j.fase === 'mbo');
  const niveau = ctx.kwalificatieNiveau;

  switch (type) {
    case 'doorlopend':
      if (!vmbo.leerweg) add('vmbo.leerweg', 'Een doorlopende leerroute heeft een leerweg.');
      if (!mbo.kwalificatie) add('mbo.kwalificatie', 'Een doorlopende leerroute leidt naar een mbo-diploma: kies een kwalificatie.');
      if (sorted.length > 0 && sorted[0]!.leerjaar < 3) add('tijdpad', 'Een doorlopende leerroute begint in leerjaar 3 of later.');
      if (!hasVmboYear || !hasMboYear) add('tijdpad', 'Een doorlopende leerroute heeft minstens één vmbo-jaar en één mbo-jaar.');
      break;
    case 'geintegreerd':
      if (vmbo.leerweg !== 'BB') add('vmbo.leerweg', 'Een geïntegreerde leerroute gaat uit van de basisberoepsgerichte leerweg (BB).');
      if (!mbo.kwalificatie) add('mbo.kwalificatie', 'Een geïntegreerde leerroute leidt naar een mbo-diploma op niveau 2: kies een kwalificatie.');
      else if (niveau !== null && niveau !== 2) add('mbo.kwalificatie', `Een geïntegreerde leerroute leidt naar niveau 2; deze kwalificatie is niveau ${niveau}.`);
      if (!hasMboYear) add('tijdpad', 'Een geïntegreerde leerroute heeft minstens één mbo-jaar.');
      break;
    case 'keuzevak-keuzedeel':
      if (vmbo.keuzevakken.length !== 1) add('vmbo.keuzevakken', 'Een keuzevak-keuzedeelarrangement heeft precies één keuzevak.');
      if (vmbo.profielmodulen.length > 0) add('vmbo.profielmodulen', 'Een keuzevak-keuzedeelarrangement heeft geen profielmodulen.');
      if (mbo.keuzedelen.length !== 1) add('mbo.keuzedelen', 'Een keuzevak-keuzedeelarrangement heeft precies één keuzedeel.');
      if (mbo.kwalificatie) add('mbo.kwalificatie', 'Een keuzevak-keuzedeelarrangement heeft geen kwalificatie: alleen het keuzedeel telt.');
      break;
    case 'gl-tl-niveau4':
      if (vmbo.leerweg !== 'GL' && vmbo.leerweg !== 'TL') add('vmbo.leerweg', 'Deze route gaat uit van de gemengde (GL) of theoretische leerweg (TL).');
      if (!mbo.kwalificatie) add('mbo.kwalificatie', 'Deze route leidt naar mbo niveau 4: kies een kwalificatie.');
      else if (niveau !== null && niveau !== 4) add('mbo.kwalificatie', `Deze route leidt naar niveau 4; deze kwalificatie is niveau ${niveau}.`);
      if (!hasVmboYear || !hasMboYear) add('tijdpad', 'Deze route heeft minstens één vmbo-jaar en één mbo-jaar.');
      break;
  }
  return problems;
}

/** Does (leerjaar, periode) exist in the time frame? */
export function periodExists(tijdpad: readonly ShapeYear[], leerjaar: number, periode: number): boolean {
  const jaar = tijdpad.find((j) => j.leerjaar === leerjaar);
  return jaar !== undefined && periode >= 1 && periode <= jaar.perioden;
}
