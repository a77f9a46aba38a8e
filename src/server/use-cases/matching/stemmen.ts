/**
 * Issue 17: staff give a zoekmonitor result a thumbs up or down; the zoekmonitor learns from those votes and from the
 * crosswalks of all samenwerkingen (the evidence of domain/matching/evidence.ts). A vote names its voter in the
 * database only: GET /api/match shows counts, and a staff member reads back only their own votes.
 */
import type { Kysely } from 'kysely';
import { STAFF_ROLES } from '../../../domain/auth/rules.js';
import { addBewijs, type Bewijs, type EvidenceSet } from '../../../domain/matching/evidence.js';
import { parseMboItemId } from '../../../domain/inventory/ids.js';
import { paarOordelen, type PaarOordeel } from '../../../domain/matching/pair-evidence.js';
import type { MatchStemBody, MijnStemmen } from '../../../shared/match-api.js';
import type { UseCaseContext } from '../../access/context.js';
import { requireAuth } from '../../access/require-auth.js';
import type { DB } from '../../db/schema.js';
import { forbidden, notFound, validationFailed } from '../../errors.js';
import { snapshotOf, type CatalogSnapshot } from '../../read-models/catalogue-snapshot.js';
import { matchIndexOf } from '../../read-models/match-index.js';
import { appendAudit } from '../../repositories/audit-repository.js';
import * as repo from '../../repositories/stemmen-repository.js';

/** Signed in (else 401) with a staff role in some organisation (else 403: a pupil does not vote). */
function requireStaff(auth: UseCaseContext['auth']) {
  const a = requireAuth(auth);
  const staff = a.actor.memberships.find((m) => STAFF_ROLES.includes(m.rol));
  if (!staff) throw forbidden('Alleen medewerkers van een school of instelling kunnen resultaten van de zoekmonitor beoordelen.');
  return { auth: a, organisationId: staff.organisationId };
}

/** The question and the result named in a vote, checked against the catalogue (404 for an unknown one). */
async function sleutel(db: Kysely<DB>, userId: string, body: MatchStemBody): Promise<repo.StemSleutel> {
  const index = matchIndexOf(await snapshotOf(db));
  const unit = index.unit(body.vraag.soort, body.vraag.code);
  if (!unit) throw notFound(`Er is geen ${body.vraag.soort} met code ${body.vraag.code.toUpperCase()} in de catalogus.`);
  const code = body.resultaat.code.trim().toUpperCase();
  if (body.resultaat.soort === 'kwalificatie' ? !index.hasDossier(code) : !index.keuzedeel(code)) {
    throw notFound(body.resultaat.soort === 'kwalificatie' ? `Er is geen dossier met crebo ${code} in de zoekmonitor.` : `Er is geen keuzedeel met code ${code} in de zoekmonitor.`);
  }
  return { userId, vraagSoort: unit.kind, vraagCode: unit.code, resultaatSoort: body.resultaat.soort, resultaatCode: code };
}

export async function stemUitbrengen(opts: UseCaseContext & { body: MatchStemBody }): Promise<MijnStemmen> {
  const { auth, organisationId } = requireStaff(opts.auth);
  if (opts.body.waarde === undefined) throw validationFailed('Geef een waarde: 1 (duim omhoog) of -1 (duim omlaag).', [{ path: 'waarde', message: 'verplicht' }]);
  const waarde = opts.body.waarde;
  const s = await sleutel(opts.db, auth.user.id, opts.body);
  await opts.db.transaction().execute(async (trx) => {
    await repo.upsertStem(trx, { ...s, waarde });
    await appendAudit(trx, {
      actorUserId: auth.user.id,
      organisationId,
      action: 'zoekmonitor.stem',
      subjectType: s.vraagSoort,
      subjectId: s.vraagCode,
      details: { vraag: s.vraagCode, resultaatSoort: s.resultaatSoort, resultaat: s.resultaatCode, waarde },
    });
  });
  return { stemmen: await repo.stemmenVan(opts.db, auth.user.id, s.vraagSoort, s.vraagCode) };
}

export async function stemIntrekken(opts: UseCaseContext & { body: MatchStemBody }): Promise<MijnStemmen> {
  const { auth, organisationId } = requireStaff(opts.auth);
  const s = await sleutel(opts.db, auth.user.id, opts.body);
  await opts.db.transaction().execute(async (trx) => {
    if (!(await repo.deleteStem(trx, s))) return;
    await appendAudit(trx, {
      actorUserId: auth.user.id,
      organisationId,
      action: 'zoekmonitor.stem.ingetrokken',
      subjectType: s.vraagSoort,
      subjectId: s.vraagCode,
      details: { vraag: s.vraagCode, resultaatSoort: s.resultaatSoort, resultaat: s.resultaatCode },
    });
  });
  return { stemmen: await repo.stemmenVan(opts.db, auth.user.id, s.vraagSoort, s.vraagCode) };
}

/** The signed-in staff member's own votes on the results of one question (to show their thumbs pressed). */
export async function mijnStemmen(opts: UseCaseContext & { soort: 'keuzevak' | 'profielmodule'; code: string }): Promise<MijnStemmen> {
  const { auth } = requireStaff(opts.auth);
  const index = matchIndexOf(await snapshotOf(opts.db));
  const unit = index.unit(opts.soort, opts.code);
  if (!unit) throw notFound(`Er is geen ${opts.soort} met code ${opts.code.toUpperCase()} in de catalogus.`);
  return { stemmen: await repo.stemmenVan(opts.db, auth.user.id, unit.kind, unit.code) };
}

/** The keuzevak or profielmodule an eindterm (vmbo item id) belongs to, as `kind|code`. */
function unitOfEindterm(snapshot: CatalogSnapshot, eindtermId: string): string | null {
  for (let cur = snapshot.byId.get(eindtermId); cur; cur = cur.parent_id ? snapshot.byId.get(cur.parent_id) : undefined) {
    if (cur.kind === 'keuzevak' || cur.kind === 'profielmodule') return `${cur.kind}|${cur.code}`;
  }
  return null;
}

/** The evidence of all teachers at one version of the database, with what each pair was judged (for the explanations). */
export interface ReadEvidence {
  /** Per vmbo unit and dossier or keuzedeel: the samenwerkingen that confirmed / rejected and the votes. */
  evidence: EvidenceSet;
  /** Per pair eindterm ↔ werkproces (`paarSleutel`) the samenwerkingen that confirmed / rejected it. */
  pairs: Map<string, PaarOordeel>;
}

/**
 * The evidence of all teachers: per vmbo unit and dossier the samenwerkingen that confirmed / rejected a link
 * eindterm ↔ werkproces between them (each samenwerking counted once per unit and dossier), and per result the staff
 * votes; and per pair the samenwerkingen that judged it. Public read: counts only. One read of the crosswalk
 * judgments and one of the vote totals.
 */
export async function readEvidence(db: Kysely<DB>, snapshot: CatalogSnapshot): Promise<ReadEvidence> {
  const [oordelen, stemmen] = await Promise.all([repo.crosswalkOordelen(db), repo.stemTotalen(db)]);
  const set = new Map<string, Map<string, Bewijs>>();
  const seen = new Set<string>();
  for (const o of oordelen) {
    const unit = unitOfEindterm(snapshot, o.eindtermId);
    const ref = parseMboItemId(o.werkprocesId);
    if (!unit || !ref) continue;
    const result = ref.soort === 'keuzedeel' ? `keuzedeel|${ref.code}` : snapshot.mbo.kwalificaties.get(ref.crebo)?.dossierCrebo;
    if (!result) continue;
    const once = `${o.partnershipId}|${unit}|${result}|${o.status}`;
    if (seen.has(once)) continue;
    seen.add(once);
    addBewijs(set, unit, result, o.status === 'bevestigd' ? { bevestigd: 1 } : { afgewezen: 1 });
  }
  for (const s of stemmen) {
    const result = s.resultaatSoort === 'keuzedeel' ? `keuzedeel|${s.resultaatCode}` : s.resultaatCode;
    addBewijs(set, `${s.vraagSoort}|${s.vraagCode}`, result, { voor: s.voor, tegen: s.tegen });
  }
  return { evidence: set, pairs: paarOordelen(oordelen) };
}

/** The version of the evidence in the database (raised with every change of it; migration 0032). */
export const evidenceVersion = repo.bewijsVersie;

/** A short stable text of the evidence, for the answer caches (a change of evidence is a different question). */
export function evidenceFingerprint(set: EvidenceSet): string {
  if (set.size === 0) return '';
  const parts: string[] = [];
  for (const [unit, m] of [...set.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    for (const [r, b] of [...m.entries()].sort((a, c) => a[0].localeCompare(c[0]))) parts.push(`${unit}>${r}:${b.bevestigd},${b.afgewezen},${b.voor},${b.tegen}`);
  }
  let h = 2166136261;
  const text = parts.join(';');
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return `${parts.length}:${h.toString(36)}`;
}
