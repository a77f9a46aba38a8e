/**
 * Issue 16, the impact step of every import that changes the catalogue. Runs inside the import's transaction (no
 * access decision of its own: the import is the caller's, from the command line or the upload page whose use case
 * decided). In two halves: `before` reads the old texts of what will change (before the import writes), `record`
 * turns the diff into catalogue changes with their successors (named by the source, else a suggestion), finds every
 * usage by the samenwerkingen, stores both, and puts one mail per affected person in the mail outbox.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  findImpact,
  keuzevakItemId,
  kwalificatieItemId,
  kwalificatieOpvolgers,
  matters,
  tekstVan,
  werkprocesOpvolger,
  type CatalogChange,
  type ImpactCounts,
} from '../../../domain/impact/impact.js';
import type { MboDiff } from '../../../domain/mbo/catalog-records.js';
import { zoekmonitorSuggesties, type SuggestieVraag } from '../../../domain/impact/suggestie.js';
import type { CatalogDiff } from '../../../domain/vmbo/catalog-diff.js';
import type { VmboItem } from '../../../domain/vmbo/slo-dataset.js';
import type { DB } from '../../db/schema.js';
import * as repo from '../../repositories/impact-repository.js';
import { insertOutboxMail } from '../../repositories/mail-outbox-repository.js';

type Db = Kysely<DB> | Transaction<DB>;

/** What the import report says about the impact: counts only, never names. */
export interface ImpactReport extends ImpactCounts {
  /** Changed catalogue items of the kinds work can refer to (eindterm, werkproces, keuzevak, keuzedeel, kwalificatie). */
  gewijzigd: number;
  /** Of which with a successor named by the source, and with a suggested one. */
  metOpvolger: number;
  metSuggestie: number;
  mails: number;
  /** Time of the impact step (finding the usages, storing the findings, the mails), for the benchmark. */
  durationMs: number;
  /** The same time per phase (ms), for the benchmark. */
  phases?: Record<string, number>;
}

export const emptyImpactReport = (): ImpactReport => ({ gewijzigd: 0, metOpvolger: 0, metSuggestie: 0, items: 0, samenwerkingen: 0, gebruik: 0, mails: 0, durationMs: 0 });

// ---------------------------------------------------------------------------------------------------------------
// SLO

export interface SloBefore {
  old: Map<string, repo.VmboTekst & { parent_id?: string | null }>;
}

export async function sloImpactBefore(db: Db, diff: CatalogDiff): Promise<SloBefore> {
  const ids = [...diff.changed.filter((i) => i.kind === 'eindterm' || i.kind === 'keuzevak').map((i) => i.id), ...diff.vervallen.filter((v) => v.kind === 'eindterm' || v.kind === 'keuzevak').map((v) => v.id)];
  const rows = await repo.vmboTexts(db, ids);
  return { old: new Map(rows.map((r) => [r.id, r])) };
}

/** The catalogue changes of an SLO import (pure apart from the old texts it was given). */
export function sloChanges(diff: CatalogDiff, incoming: readonly VmboItem[], before: SloBefore, hadPrevious: boolean): CatalogChange[] {
  const byId = new Map(incoming.map((i) => [i.id, i]));
  const out: CatalogChange[] = [];
  const idOf = (kind: string, id: string, code: string) => (kind === 'keuzevak' ? keuzevakItemId(code) : id);
  for (const item of diff.changed) {
    if (item.kind !== 'eindterm' && item.kind !== 'keuzevak') continue;
    const old = before.old.get(item.id);
    if (!old || old.status !== 'actief') continue;
    const oude = tekstVan(old.title, old.description);
    const nieuwe = tekstVan(item.title, item.description);
    if (oude === nieuwe) continue;
    out.push({ itemId: idOf(item.kind, item.id, item.code), soort: item.kind, wijziging: 'tekst', code: item.code, oudeTekst: oude, nieuweTekst: nieuwe, opvolgerId: null, opvolgerHerkomst: null, opvolgerTekst: null });
  }
  const eindtermenPerParent = new Map<string, Array<{ id: string; tekst: string }>>();
  const keuzevakkenPerProfiel = new Map<string, Array<{ id: string; tekst: string }>>();
  for (const i of incoming) {
    if (i.kind === 'eindterm' && i.parentId) eindtermenPerParent.set(i.parentId, [...(eindtermenPerParent.get(i.parentId) ?? []), { id: i.id, tekst: tekstVan(i.title, i.description) }]);
    if (i.kind === 'keuzevak') {
      const p = i.profielCode ?? '';
      keuzevakkenPerProfiel.set(p, [...(keuzevakkenPerProfiel.get(p) ?? []), { id: keuzevakItemId(i.code), tekst: tekstVan(i.title, i.description) }]);
    }
  }
  const vragen: SuggestieVraag[] = [];
  for (const v of diff.vervallen) {
    if (v.kind !== 'eindterm' && v.kind !== 'keuzevak') continue;
    const old = before.old.get(v.id);
    if (!old) continue;
    const itemId = idOf(v.kind, v.id, old.code);
    const oude = tekstVan(old.title, old.description);
    const next = v.replacedBy ? byId.get(v.replacedBy) : undefined;
    if (next) {
      const nextId = idOf(next.kind, next.id, next.code);
      // A keuzevak whose successor keeps its code: what routes name still exists.
      if (nextId === itemId) continue;
      out.push({ itemId, soort: v.kind, wijziging: 'vervangen', code: old.code, oudeTekst: oude, nieuweTekst: null, opvolgerId: nextId, opvolgerHerkomst: 'bron', opvolgerTekst: `${next.code} ${tekstVan(next.title, next.description)}` });
      continue;
    }
    // A keuzevak that is gone while another active keuzevak has its code is no break either.
    if (v.kind === 'keuzevak' && incoming.some((i) => i.kind === 'keuzevak' && i.code === old.code)) continue;
    const kandidaten = v.kind === 'eindterm' ? (old.parent_id ? (eindtermenPerParent.get(old.parent_id) ?? []) : []) : (keuzevakkenPerProfiel.get(old.code.split('/')[1] ?? '') ?? []);
    vragen.push({ id: itemId, tekst: oude, kandidaten });
    out.push({ itemId, soort: v.kind, wijziging: 'vervallen', code: old.code, oudeTekst: oude, nieuweTekst: null, opvolgerId: null, opvolgerHerkomst: null, opvolgerTekst: null });
  }
  // No successor named: the zoekmonitor's best match in the new release, as a suggestion.
  const suggesties = zoekmonitorSuggesties(vragen);
  for (const c of out) {
    const s = c.wijziging === 'vervallen' ? suggesties.get(c.itemId) : undefined;
    if (!s) continue;
    const sItem = c.soort === 'eindterm' ? byId.get(s.id) : incoming.find((i) => i.kind === 'keuzevak' && keuzevakItemId(i.code) === s.id);
    Object.assign(c, { opvolgerId: s.id, opvolgerHerkomst: 'suggestie', opvolgerTekst: sItem ? `${sItem.code} ${tekstVan(sItem.title, sItem.description)}` : null });
  }
  if (hadPrevious) {
    for (const item of diff.added) {
      if (item.kind !== 'eindterm' && item.kind !== 'keuzevak') continue;
      out.push({ itemId: idOf(item.kind, item.id, item.code), soort: item.kind, wijziging: 'nieuw', code: item.code, oudeTekst: null, nieuweTekst: tekstVan(item.title, item.description), opvolgerId: null, opvolgerHerkomst: null, opvolgerTekst: null });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// mbo (tables and SBB XML)

export interface MboBefore {
  werkprocessen: Map<string, { code: string; titel: string }>;
  keuzedelen: Map<string, string>;
  kwalificaties: Map<string, string>;
}

export async function mboImpactBefore(db: Db, diff: MboDiff): Promise<MboBefore> {
  const keys = (kind: string) => [...diff.changed.filter((r) => r.kind === kind).map((r) => r.key), ...diff.vervallen.filter((r) => r.kind === kind).map((r) => r.key)];
  const kwal = await repo.mboKwalificaties(db, keys('kwalificatie'));
  return {
    werkprocessen: await repo.werkprocesTexts(db, keys('werkproces')),
    keuzedelen: await repo.keuzedeelTexts(db, keys('keuzedeel')),
    kwalificaties: new Map(kwal.map((k) => [k.crebo, k.naam])),
  };
}

export async function mboChanges(db: Db, diff: MboDiff, before: MboBefore, hadPrevious: boolean): Promise<CatalogChange[]> {
  const out: CatalogChange[] = [];
  const col = (r: { columns: Record<string, unknown> }, c: string) => (typeof r.columns[c] === 'string' ? (r.columns[c] as string) : null);
  for (const r of diff.changed) {
    if (r.kind === 'werkproces') {
      const old = before.werkprocessen.get(r.key);
      const titel = col(r, 'titel');
      if (old && titel !== null && old.titel !== titel) out.push({ itemId: r.key, soort: 'werkproces', wijziging: 'tekst', code: old.code, oudeTekst: old.titel, nieuweTekst: titel, opvolgerId: null, opvolgerHerkomst: null, opvolgerTekst: null });
    } else if (r.kind === 'keuzedeel') {
      const old = before.keuzedelen.get(r.key);
      const titel = col(r, 'titel');
      if (old !== undefined && titel !== null && old !== titel) out.push({ itemId: `keuzedeel:${r.key}`, soort: 'keuzedeel', wijziging: 'tekst', code: r.key, oudeTekst: old, nieuweTekst: titel, opvolgerId: null, opvolgerHerkomst: null, opvolgerTekst: null });
    } else if (r.kind === 'kwalificatie') {
      const old = before.kwalificaties.get(r.key);
      const naam = col(r, 'naam');
      if (old !== undefined && naam !== null && old !== naam) out.push({ itemId: kwalificatieItemId(r.key), soort: 'kwalificatie', wijziging: 'tekst', code: r.key, oudeTekst: old, nieuweTekst: naam, opvolgerId: null, opvolgerHerkomst: null, opvolgerTekst: null });
    }
  }
  const gone = (kind: string) => diff.vervallen.filter((r) => r.kind === kind);
  // The crebo lineage: for every kwalificatie (vervallen now or before) whose crebo appears in what is gone.
  const crebos = [...new Set([...gone('kwalificatie').map((r) => r.key), ...gone('werkproces').map((r) => r.key.split(':')[0]!)])];
  const all = crebos.length ? await repo.mboKwalificaties(db) : [];
  const vervallenLijn = all.filter((k) => k.status === 'vervallen' && crebos.includes(k.crebo));
  const opvolgers = kwalificatieOpvolgers(vervallenLijn, all.filter((k) => k.status === 'actief'));
  const naamVan = new Map(all.map((k) => [k.crebo, k.naam]));
  for (const r of gone('kwalificatie')) {
    const next = opvolgers.get(r.key) ?? null;
    out.push({
      itemId: kwalificatieItemId(r.key), soort: 'kwalificatie', wijziging: next ? 'vervangen' : 'vervallen', code: r.key, oudeTekst: before.kwalificaties.get(r.key) ?? null, nieuweTekst: null,
      opvolgerId: next ? kwalificatieItemId(next) : null, opvolgerHerkomst: next ? 'bron' : null, opvolgerTekst: next ? `${next} ${naamVan.get(next) ?? ''}`.trim() : null,
    });
  }
  const wpGone = gone('werkproces');
  if (wpGone.length) {
    const bestaand = await repo.activeWerkprocesIds(db, [...opvolgers.values()]);
    const texts = await repo.werkprocesTexts(db, [...bestaand]);
    for (const r of wpGone) {
      const old = before.werkprocessen.get(r.key);
      const next = werkprocesOpvolger(r.key, opvolgers, (id) => bestaand.has(id));
      out.push({
        itemId: r.key, soort: 'werkproces', wijziging: next ? 'vervangen' : 'vervallen', code: old?.code ?? r.key.split(':')[1] ?? null, oudeTekst: old?.titel ?? null, nieuweTekst: null,
        opvolgerId: next, opvolgerHerkomst: next ? 'bron' : null, opvolgerTekst: next ? `${texts.get(next)?.code ?? ''} ${texts.get(next)?.titel ?? ''}`.trim() : null,
      });
    }
  }
  const kdGone = gone('keuzedeel');
  if (kdGone.length) {
    const actief = await repo.activeKeuzedelen(db);
    const kandidaten = actief.map((k) => ({ id: `keuzedeel:${k.code}`, tekst: k.titel }));
    // No successor named for a keuzedeel: the zoekmonitor's best match among the active keuzedelen, as a suggestion.
    const suggesties = zoekmonitorSuggesties(kdGone.flatMap((r) => {
      const oude = before.keuzedelen.get(r.key);
      return oude ? [{ id: `keuzedeel:${r.key}`, tekst: oude, kandidaten }] : [];
    }));
    for (const r of kdGone) {
      const oude = before.keuzedelen.get(r.key) ?? null;
      const s = suggesties.get(`keuzedeel:${r.key}`) ?? null;
      const sCode = s ? s.id.slice('keuzedeel:'.length) : null;
      out.push({
        itemId: `keuzedeel:${r.key}`, soort: 'keuzedeel', wijziging: 'vervallen', code: r.key, oudeTekst: oude, nieuweTekst: null,
        opvolgerId: s?.id ?? null, opvolgerHerkomst: s ? 'suggestie' : null, opvolgerTekst: sCode ? `${sCode} ${actief.find((k) => k.code === sCode)?.titel ?? ''}`.trim() : null,
      });
    }
  }
  if (hadPrevious) {
    for (const r of diff.added) {
      if (r.kind === 'keuzedeel') out.push({ itemId: `keuzedeel:${r.key}`, soort: 'keuzedeel', wijziging: 'nieuw', code: r.key, oudeTekst: null, nieuweTekst: col(r, 'titel'), opvolgerId: null, opvolgerHerkomst: null, opvolgerTekst: null });
      if (r.kind === 'kwalificatie') out.push({ itemId: kwalificatieItemId(r.key), soort: 'kwalificatie', wijziging: 'nieuw', code: r.key, oudeTekst: null, nieuweTekst: col(r, 'naam'), opvolgerId: null, opvolgerHerkomst: null, opvolgerTekst: null });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Shared: store, find the work, mail

export interface RecordImpactInput {
  releaseId: number;
  /** The release label and source, for the mail. */
  release: string;
  bron: string;
  changes: readonly CatalogChange[];
  /** The site's address, for the link in the mail (PUBLIC_URL); without it the mail names the page. */
  publicUrl?: string;
}

export async function recordImpact(db: Db, input: RecordImpactInput): Promise<ImpactReport> {
  const started = performance.now();
  const report = emptyImpactReport();
  const relevant = input.changes.filter(matters);
  report.gewijzigd = relevant.length;
  report.metOpvolger = relevant.filter((c) => c.opvolgerHerkomst === 'bron').length;
  report.metSuggestie = relevant.filter((c) => c.opvolgerHerkomst === 'suggestie').length;
  if (input.changes.length === 0) return report;
  const phases: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    phases[name] = Math.round(now - t);
    t = now;
  };
  const ids = await repo.insertChanges(db, input.releaseId, input.changes);
  lap('wijzigingen');
  const relevantIds = new Map<string, string>();
  for (const c of relevant) {
    const id = ids.get(c.itemId);
    if (id !== undefined) relevantIds.set(c.itemId, id);
  }
  // Planned items, the bulk of the usages, are counted per samenwerking in the database in one statement; one row
  // per samenwerking is written, the findings per item when the samenwerking's page is first read.
  const planned = await repo.insertPlanningImpact(db, input.releaseId, [...relevantIds.keys()]);
  lap('planning');
  const usages = await repo.usagesOf(db, relevant.map((c) => c.itemId));
  lap('gebruik');
  const findings = findImpact(relevant, usages);
  lap('findImpact');
  await repo.insertFindings(db, findings, ids);
  lap('bevindingen');
  const perPartnership = perSamenwerking(findings, planned);
  Object.assign(report, countsOf(perPartnership));
  report.mails = await queueMails(db, input, perPartnership, relevant.map((c) => c.itemId));
  lap('mails');
  report.phases = phases;
  report.durationMs = Math.round(performance.now() - started);
  return report;
}

type PerSamenwerking = Map<string, { items: Set<string>; gebruik: number }>;

/** The findings per samenwerking: the changed items it uses and the number of places (planning included). */
function perSamenwerking(findings: ReturnType<typeof findImpact>, planned: repo.PlanningFindings): PerSamenwerking {
  const out: PerSamenwerking = new Map();
  const entry = (id: string) => {
    const p = out.get(id) ?? { items: new Set<string>(), gebruik: 0 };
    out.set(id, p);
    return p;
  };
  for (const f of findings) {
    const p = entry(f.partnershipId);
    p.items.add(f.itemId);
    p.gebruik += 1;
  }
  for (const [id, pl] of planned) {
    const p = entry(id);
    for (const i of pl.items) p.items.add(i);
    p.gebruik += pl.gebruik;
  }
  return out;
}

function countsOf(per: PerSamenwerking): ImpactCounts {
  const items = new Set<string>();
  let gebruik = 0;
  for (const p of per.values()) {
    for (const i of p.items) items.add(i);
    gebruik += p.gebruik;
  }
  return { items: items.size, samenwerkingen: per.size, gebruik };
}

async function queueMails(db: Db, input: RecordImpactInput, perPartnership: PerSamenwerking, changedIds: readonly string[]): Promise<number> {
  const { perPartnership: people, watchers } = await repo.mailRecipients(db, [...perPartnership.keys()], changedIds);
  const base = input.publicUrl ? input.publicUrl.replace(/\/+$/, '') : '';
  // One mail per person per import: all their samenwerkingen and watched items in it.
  const perPerson = new Map<string, { email: string; naam: string; regels: string[] }>();
  const add = (p: { userId: string; email: string; naam: string }, regel: string) => {
    const e = perPerson.get(p.userId) ?? { email: p.email, naam: p.naam, regels: [] };
    if (!e.regels.includes(regel)) e.regels.push(regel);
    perPerson.set(p.userId, e);
  };
  for (const [partnershipId, list] of people) {
    const c = perPartnership.get(partnershipId)!;
    const link = `${base}/samenwerkingen/${partnershipId}/wijzigingen`;
    for (const p of list) add(p, `- Een samenwerking: ${c.items.size} gewijzigde onderdelen, ${c.gebruik} plekken om na te lopen. Bekijk ze op ${link}`);
  }
  const watchedCount = new Map<string, number>();
  for (const w of watchers) watchedCount.set(w.userId, (watchedCount.get(w.userId) ?? 0) + 1);
  for (const w of watchers) add(w, `- ${watchedCount.get(w.userId)} onderdeel/onderdelen die u volgt in de catalogus ${watchedCount.get(w.userId) === 1 ? 'is' : 'zijn'} gewijzigd. Bekijk de catalogus op ${base}/catalogus`);
  const now = new Date();
  for (const p of perPerson.values()) {
    await insertOutboxMail(db, {
      to: p.email,
      subject: 'De landelijke gegevens zijn gewijzigd: controleer uw werk',
      text:
        `Beste ${p.naam},\n\n` +
        `Er is een nieuwe release van ${input.bron} ingelezen (${input.release}). Daarin is iets gewijzigd dat u gebruikt:\n\n` +
        `${p.regels.join('\n')}\n\n` +
        `Op de pagina "Wijzigingen in de landelijke data" van de samenwerking kunt u per onderdeel kiezen: verplaatsen naar de opvolger, ` +
        `laten staan (gecontroleerd) of verwijderen.\n\nWilt u deze berichten niet meer ontvangen? Zet ze uit onder Mijn account.`,
      origin: 'import',
      now,
    });
  }
  return perPerson.size;
}
