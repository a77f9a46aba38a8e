/**
 * The coverage check of a leerroute (issue 6). Pure and linear in the size of the route.
 *
 * Every doel (the eindtermen of the chosen keuzevakken and profielmodulen for the leerweg, the werkprocessen of the
 * kwalificatie, each keuzedeel) must be planned in an existing period, taught in an activiteit and closed by a
 * summatieve toets. A planningsregel with items of both sides ("Beiden") counts once for all its items, and an
 * activiteit or toets that names one of them counts for all items of that regel (they form one group).
 *
 * Gaps say what is missing and where to fix it. Warnings flag what is clearly suspicious:
 * - a summatieve toets without doelen; an activiteit without doelen;
 * - a doel (group) closed by more than one summatieve toets;
 * - a Beiden item (in a Beiden regel, or in a confirmed link of the crosswalk) planned more than once, or the two
 *   ends of a confirmed link planned in separate regels instead of once together;
 * - a vmbo doel planned only in mbo years, when the route leads to a vmbo exam (not for geïntegreerd);
 * - a summatieve toets of a doel placed before the doel's first planned period;
 * - a toets of the PTA (schoolexamen) in an mbo year, when the route leads to a vmbo exam;
 * - planning, toetsen, activiteiten or materialen in a leerjaar or period that does not exist (after a change of the
 *   tijdpad); such planning does not count;
 * - an item that is not (or no longer) a doel of the route, or that an import removed from the catalogue (named by
 *   the code and title the catalogue keeps for it, never by its id);
 * - a doel planned in more than one regel (a doel is planned once; the database refuses new doubles, this catches
 *   plans made before);
 * - the SE-wegingen of the PTA toetsen of a vak (keuzevak or profielmodule) that do not add up to 100 %.
 */
import type { Dekking, DekkingDoel, Fase, Gat, LeerrouteType, Ontbreekt, Waarschuwing } from '../../shared/leerroute-api.js';
import { type ShapeYear } from './shape.js';

export interface CoverageDoel {
  id: string;
  side: Fase;
  code: string;
  titel: string;
  /** The keuzevak or profielmodule an eindterm belongs to (for the SE-weging per vak). */
  bron?: { soort: string; code: string; titel: string };
}
/** An item the route names that is not one of its doelen, as the catalogue knows it. */
export interface CoverageAnderDoel {
  id: string;
  code: string;
  titel: string;
  reden: 'vervallen' | 'niet-in-route';
}
export interface CoverageRegel {
  id: string;
  items: readonly string[];
  leerjaar: number;
  periode: number;
}
export interface CoverageToets {
  id: string;
  toetscode: string;
  leerjaar: number;
  periode: number;
  soort: 'formatief' | 'summatief';
  doelen: readonly string[];
  onderdeelVan?: 'pta' | 'examenplan' | 'beide' | 'geen';
  seWeging?: number | null;
}
export interface CoverageActiviteit {
  id: string;
  titel: string;
  leerjaar: number;
  periode: number;
  doelen: readonly string[];
}
export interface CoverageMateriaal {
  id: string;
  titel: string;
  leerjaar: number;
  periode: number;
}
export interface CoverageInput {
  type: LeerrouteType;
  doelen: readonly CoverageDoel[];
  tijdpad: readonly ShapeYear[];
  planning: readonly CoverageRegel[];
  toetsen: readonly CoverageToets[];
  activiteiten: readonly CoverageActiviteit[];
  materialen?: readonly CoverageMateriaal[];
  /** Confirmed (or hand-added) links of the samenwerking's crosswalk: [eindtermId, werkprocesId]. */
  links?: readonly (readonly [string, string])[];
  /** Items named by the route that are not doelen (vervallen or outside the selection), for their code and title. */
  andereDoelen?: readonly CoverageAnderDoel[];
}

/** A name for an item nobody can look up any more: its code from the id, never the bare id (a UUID says nothing). */
export function itemLabelZonderCatalogus(id: string): string {
  const w = /^(\d{5}):(.+)$/.exec(id);
  if (w) return `werkproces ${w[2]} (kwalificatie ${w[1]})`;
  const k = /^keuzedeel:(.+)$/.exec(id);
  if (k) return `keuzedeel ${k[1]}`;
  return 'een eindterm die niet meer in de catalogus staat';
}

/** A doel in a sentence: code and title, without the title's closing full stop ("… benoemen is nog niet gepland"). */
export const doelInZin = (d: { code: string; titel: string }) => `${d.code} ${d.titel.trim().replace(/[.;:]+$/, '')}`.trim();

const formatPercent = (n: number) => `${new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 }).format(n)}%`;

type Place = { leerjaar: number; periode: number };

export function computeCoverage(input: CoverageInput): Dekking {
  const waarschuwingen: Waarschuwing[] = [];
  const warn = (w: Omit<Waarschuwing, 'leerjaar' | 'periode' | 'entiteit' | 'itemIds'> & Partial<Waarschuwing>) =>
    waarschuwingen.push({ leerjaar: null, periode: null, itemIds: [], entiteit: null, ...w });

  // Each doel once, also when a selection names it twice.
  const doelById = new Map(input.doelen.map((d) => [d.id, d]));
  const doelenOnce = [...doelById.values()];
  const andere = new Map((input.andereDoelen ?? []).map((d) => [d.id, d]));
  const label = (id: string) => {
    const d = doelById.get(id) ?? andere.get(id);
    return d ? doelInZin(d) : itemLabelZonderCatalogus(id);
  };
  const years = new Map(input.tijdpad.map((j, i) => [j.leerjaar, { ...j, index: i }]));
  const exists = (p: Place) => {
    const y = years.get(p.leerjaar);
    return y !== undefined && p.periode >= 1 && p.periode <= y.perioden;
  };
  // Order of places in the time frame (years in the order of the tijdpad, sorted by leerjaar by the caller).
  const rank = (p: Place) => (years.get(p.leerjaar)?.index ?? p.leerjaar) * 100 + p.periode;
  const placeText = (p: Place) => `leerjaar ${p.leerjaar}, periode ${p.periode}`;
  const notInRoute = new Set<string>();
  const checkInRoute = (id: string, entiteit: Waarschuwing['entiteit'], stap: Waarschuwing['stap'], p: Place) => {
    if (doelById.has(id) || notInRoute.has(id)) return;
    notInRoute.add(id);
    const ander = andere.get(id);
    if (ander?.reden === 'vervallen') {
      warn({ code: 'doel-vervallen', stap, ...p, itemIds: [id], entiteit, melding: `${label(id)} bestaat niet meer in de nieuwe release van de catalogus, maar staat nog in ${placeText(p)}.` });
    } else {
      warn({ code: 'doel-hoort-niet-bij-route', stap, ...p, itemIds: [id], entiteit, melding: `${label(id)} is geen doel (meer) van deze leerroute, maar staat in ${placeText(p)}.` });
    }
  };
  const checkPeriod = (p: Place, soort: NonNullable<Waarschuwing['entiteit']>['soort'], id: string, stap: Waarschuwing['stap'], wat: string) => {
    if (exists(p)) return true;
    warn({ code: 'periode-bestaat-niet', stap, ...p, entiteit: { soort, id }, melding: `${wat} staat in ${placeText(p)}, maar die periode bestaat niet (meer) in het tijdpad.` });
    return false;
  };

  // Union-find: the items of a Beiden regel form one group.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    let c = x;
    while (c !== r) {
      const n = parent.get(c) ?? r;
      parent.set(c, r);
      c = n;
    }
    return r;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  };
  const sideOf = (id: string): Fase | null => doelById.get(id)?.side ?? null;

  // Step 2: planning.
  const places = new Map<string, Place[]>();
  const regelsOf = new Map<string, string[]>();
  const inBeidenRegel = new Set<string>();
  for (const r of input.planning) {
    const p = { leerjaar: r.leerjaar, periode: r.periode };
    const ok = checkPeriod(p, 'planning', r.id, 'planning', `Een planningsregel (${r.items.map(label).join('; ')})`);
    const sides = new Set(r.items.map(sideOf));
    const beiden = sides.has('vmbo') && sides.has('mbo');
    for (const id of r.items) {
      checkInRoute(id, { soort: 'planning', id: r.id }, 'planning', p);
      (regelsOf.get(id) ?? regelsOf.set(id, []).get(id)!).push(r.id);
      if (beiden) inBeidenRegel.add(id);
      if (ok) (places.get(id) ?? places.set(id, []).get(id)!).push(p);
    }
    if (beiden) for (let i = 1; i < r.items.length; i++) union(r.items[0]!, r.items[i]!);
  }

  // Step 4: activiteiten, per group.
  const activitiesOf = new Map<string, string[]>();
  for (const a of input.activiteiten) {
    const p = { leerjaar: a.leerjaar, periode: a.periode };
    checkPeriod(p, 'activiteit', a.id, 'activiteiten', `Activiteit ‘${a.titel}’`);
    if (a.doelen.length === 0) warn({ code: 'activiteit-zonder-doelen', stap: 'activiteiten', ...p, entiteit: { soort: 'activiteit', id: a.id }, melding: `Activiteit ‘${a.titel}’ is aan geen enkel doel gekoppeld.` });
    const seen = new Set<string>();
    for (const id of a.doelen) {
      checkInRoute(id, { soort: 'activiteit', id: a.id }, 'activiteiten', p);
      const g = find(id);
      if (seen.has(g)) continue;
      seen.add(g);
      (activitiesOf.get(g) ?? activitiesOf.set(g, []).get(g)!).push(a.id);
    }
  }

  // Step 3: toetsen, per group.
  const vmboExam = input.type !== 'geintegreerd';
  const summatiefOf = new Map<string, CoverageToets[]>();
  const formatiefOf = new Map<string, string[]>();
  for (const t of input.toetsen) {
    const p = { leerjaar: t.leerjaar, periode: t.periode };
    checkPeriod(p, 'toets', t.id, 'toetsing', `Toets ${t.toetscode}`);
    if (vmboExam && (t.onderdeelVan === 'pta' || t.onderdeelVan === 'beide') && years.get(t.leerjaar)?.fase === 'mbo') {
      warn({ code: 'pta-toets-in-mbo-jaar', stap: 'toetsing', ...p, entiteit: { soort: 'toets', id: t.id }, melding: `Toets ${t.toetscode} hoort bij het PTA (schoolexamen vmbo) maar staat in een mbo-jaar (leerjaar ${t.leerjaar}).` });
    }
    if (t.soort === 'summatief' && t.doelen.length === 0) warn({ code: 'summatieve-toets-zonder-doelen', stap: 'toetsing', ...p, entiteit: { soort: 'toets', id: t.id }, melding: `Summatieve toets ${t.toetscode} toetst geen enkel doel.` });
    const seen = new Set<string>();
    for (const id of t.doelen) {
      checkInRoute(id, { soort: 'toets', id: t.id }, 'toetsing', p);
      const g = find(id);
      if (seen.has(g)) continue;
      seen.add(g);
      if (t.soort === 'summatief') (summatiefOf.get(g) ?? summatiefOf.set(g, []).get(g)!).push(t);
      else (formatiefOf.get(g) ?? formatiefOf.set(g, []).get(g)!).push(t.id);
    }
  }

  // Step 5: materialen only need an existing period.
  for (const m of input.materialen ?? []) checkPeriod({ leerjaar: m.leerjaar, periode: m.periode }, 'materiaal', m.id, 'materialen', `Materiaal ‘${m.titel}’`);

  // Per group: places of all its items (a Beiden regel counts for each item anyway; this also spans groups).
  const groupFirst = new Map<string, Place>();
  for (const [id, ps] of places) {
    const g = find(id);
    for (const p of ps) {
      const cur = groupFirst.get(g);
      if (!cur || rank(p) < rank(cur)) groupFirst.set(g, p);
    }
  }

  // Warnings per group: twice summatief, toets before planning.
  const membersOf = new Map<string, string[]>();
  for (const id of inBeidenRegel) {
    const g = find(id);
    (membersOf.get(g) ?? membersOf.set(g, []).get(g)!).push(id);
  }
  for (const [g, toetsen] of summatiefOf) {
    const ids = membersOf.get(g) ?? [g];
    if (toetsen.length > 1) {
      const codes = toetsen.map((t) => t.toetscode).join(', ');
      warn({ code: 'dubbel-summatief', stap: 'toetsing', leerjaar: toetsen[1]!.leerjaar, periode: toetsen[1]!.periode, itemIds: ids, entiteit: { soort: 'toets', id: toetsen[1]!.id }, melding: `${label(g)} wordt ${toetsen.length} keer summatief getoetst (${codes}).` });
    }
    const first = groupFirst.get(g);
    for (const t of toetsen) {
      if (first && exists(t) && rank(t) < rank(first)) {
        warn({ code: 'toets-voor-planning', stap: 'toetsing', leerjaar: t.leerjaar, periode: t.periode, itemIds: [g], entiteit: { soort: 'toets', id: t.id }, melding: `Toets ${t.toetscode} sluit ${label(g)} af in ${placeText(t)}, vóór het doel gepland is (${placeText(first)}).` });
      }
    }
  }

  // Beiden items planned more than once; confirmed links planned apart.
  const beidenItems = new Set(inBeidenRegel);
  const linked: [string, string][] = [];
  for (const [e, w] of input.links ?? []) {
    if (!doelById.has(e) || !doelById.has(w)) continue;
    beidenItems.add(e);
    beidenItems.add(w);
    linked.push([e, w]);
  }
  for (const [id, regels] of regelsOf) {
    if (regels.length < 2) continue;
    if (beidenItems.has(id)) {
      warn({ code: 'beiden-dubbel-gepland', stap: 'planning', itemIds: [id], entiteit: { soort: 'planning', id: regels[1]! }, melding: `${label(id)} hoort bij beide kanten (Beiden) en is ${regels.length} keer gepland; plan het één keer voor allebei.` });
    } else {
      warn({ code: 'dubbel-gepland', stap: 'planning', itemIds: [id], entiteit: { soort: 'planning', id: regels[1]! }, melding: `${label(id)} is ${regels.length} keer gepland; een doel plant u één keer. Haal de dubbele kaart uit de planning.` });
    }
  }
  for (const [e, w] of linked) {
    const re = regelsOf.get(e);
    const rw = regelsOf.get(w);
    if (!re || !rw || (re.length > 1 || rw.length > 1)) continue; // not both planned, or already warned above
    if (re[0] !== rw[0]) {
      warn({ code: 'beiden-dubbel-gepland', stap: 'planning', itemIds: [e, w], entiteit: { soort: 'planning', id: rw[0]! }, melding: `${label(e)} en ${label(w)} zijn gekoppeld (Beiden) maar apart gepland; plan ze één keer samen.` });
    }
  }

  // vmbo doelen planned only in mbo years (when the route ends in a vmbo exam): see vmboExam above.

  // Per doel: what is there and what is missing.
  const gaten: Gat[] = [];
  const doelen: DekkingDoel[] = [];
  const totalen = { doelen: 0, vmbo: 0, mbo: 0, gepland: 0, onderwezen: 0, summatiefGetoetst: 0, volledig: 0 };
  for (const d of doelenOnce) {
    const g = find(d.id);
    const ps = places.get(d.id) ?? [];
    const activiteiten = activitiesOf.get(g) ?? [];
    const summatief = summatiefOf.get(g) ?? [];
    const ontbreekt: Ontbreekt[] = [];
    const sorted = ps.length > 1 ? [...ps].sort((a, b) => rank(a) - rank(b)) : ps;
    const first = sorted[0] ?? null;
    const last = sorted[sorted.length - 1] ?? null;
    if (ps.length === 0) {
      ontbreekt.push('planning');
      gaten.push({ itemId: d.id, ontbreekt: 'planning', stap: 'planning', leerjaar: null, periode: null, melding: `${label(d.id)} is nog niet gepland.` });
    }
    if (activiteiten.length === 0) {
      ontbreekt.push('activiteit');
      gaten.push({ itemId: d.id, ontbreekt: 'activiteit', stap: 'activiteiten', leerjaar: first?.leerjaar ?? null, periode: first?.periode ?? null, melding: `${label(d.id)} komt nog in geen activiteit aan bod${first ? ` (gepland in ${placeText(first)})` : ''}.` });
    }
    if (summatief.length === 0) {
      ontbreekt.push('summatieve-toets');
      gaten.push({ itemId: d.id, ontbreekt: 'summatieve-toets', stap: 'toetsing', leerjaar: last?.leerjaar ?? null, periode: last?.periode ?? null, melding: `${label(d.id)} wordt nog niet afgesloten met een summatieve toets${last ? ` (gepland tot ${placeText(last)})` : ''}.` });
    }
    if (vmboExam && d.side === 'vmbo' && ps.length > 0 && ps.every((p) => years.get(p.leerjaar)?.fase === 'mbo')) {
      warn({ code: 'vmbo-doel-alleen-in-mbo-jaar', stap: 'planning', leerjaar: first!.leerjaar, periode: first!.periode, itemIds: [d.id], entiteit: { soort: 'planning', id: regelsOf.get(d.id)![0]! }, melding: `${label(d.id)} is een vmbo-doel maar staat alleen in een mbo-jaar gepland; het hoort bij het vmbo-examen.` });
    }
    totalen.doelen++;
    totalen[d.side]++;
    if (ps.length > 0) totalen.gepland++;
    if (activiteiten.length > 0) totalen.onderwezen++;
    if (summatief.length > 0) totalen.summatiefGetoetst++;
    if (ontbreekt.length === 0) totalen.volledig++;
    doelen.push({ id: d.id, side: d.side, gepland: sorted, activiteiten, summatieveToetsen: summatief.map((t) => t.id), formatieveToetsen: formatiefOf.get(g) ?? [], ontbreekt });
  }

  // The SE-wegingen of a vak's PTA toetsen (as in its PTA: a toets counts for a vak when it closes one of its
  // eindtermen, through a Beiden regel too; in a keuzevak-keuzedeelarrangement a toets of the keuzedeel as well).
  const vakken = new Map<string, { naam: string; som: number; toetsen: string[]; laatste: CoverageToets }>();
  const vakNaam = new Map<string, string>();
  for (const d of doelenOnce) if (d.bron && (d.bron.soort === 'keuzevak' || d.bron.soort === 'profielmodule')) vakNaam.set(d.bron.code, `${d.bron.code} ${d.bron.titel}`);
  const keuzevakken = [...new Set(doelenOnce.filter((d) => d.bron?.soort === 'keuzevak').map((d) => d.bron!.code))];
  for (const t of input.toetsen) {
    if ((t.onderdeelVan !== 'pta' && t.onderdeelVan !== 'beide') || t.seWeging == null) continue;
    const geraakt = new Set<string>();
    for (const id of t.doelen) {
      for (const m of membersOf.get(find(id)) ?? [id]) {
        const bron = doelById.get(m)?.bron;
        if (bron && vakNaam.has(bron.code) && (bron.soort === 'keuzevak' || bron.soort === 'profielmodule')) geraakt.add(bron.code);
        if (bron?.soort === 'keuzedeel' && input.type === 'keuzevak-keuzedeel') for (const k of keuzevakken) geraakt.add(k);
      }
    }
    for (const code of geraakt) {
      const v = vakken.get(code) ?? { naam: vakNaam.get(code) ?? code, som: 0, toetsen: [], laatste: t };
      v.som += t.seWeging;
      v.toetsen.push(t.toetscode);
      v.laatste = t;
      vakken.set(code, v);
    }
  }
  for (const [, v] of vakken) {
    const som = Math.round(v.som * 100) / 100;
    if (Math.abs(som - 100) < 0.005) continue;
    warn({
      code: 'se-weging-niet-100',
      stap: 'toetsing',
      leerjaar: v.laatste.leerjaar,
      periode: v.laatste.periode,
      entiteit: { soort: 'toets', id: v.laatste.id },
      melding: `De SE-wegingen van ${v.naam} tellen op tot ${formatPercent(som)}, niet tot 100% (${v.toetsen.join(', ')}).`,
    });
  }

  return { compleet: gaten.length === 0, totalen, doelen, gaten, waarschuwingen };
}
