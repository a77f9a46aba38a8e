/** Step 2, planning: plan an item (or a Beiden link once for both sides) in a leerjaar and periode, move it, unplan it. */
import type { Kysely } from 'kysely';
import type { LeerrouteDetail } from '../../../shared/leerroute-api.js';
import type { DB } from '../../db/schema.js';
import type { FieldError } from '../../errors.js';
import * as repo from '../../repositories/leerroute-repository.js';
import type { AuthContext } from '../auth/session.js';
import { changeRoute } from './change-route.js';
import { checkDoelen, checkPlace, placeText, stale, throwIfErrors } from './context.js';
import { notFound } from '../../errors.js';

const REGEL_NOT_FOUND = 'Deze planningsregel bestaat niet (meer) in deze leerroute.';
const outcomeError = (o: repo.ChangeOutcome) => (o === 'missing' ? notFound(REGEL_NOT_FOUND) : stale('Deze planningsregel is'));

export async function planItems(opts: { db: Kysely<DB>; auth: AuthContext | null; routeId: string; input: { items: string[]; leerjaar: number; periode: number } }): Promise<LeerrouteDetail> {
  const { items, leerjaar, periode } = opts.input;
  return changeRoute(opts, async ({ trx, route, by, doelIds, label, history }) => {
    const errors: FieldError[] = [];
    checkDoelen(items, doelIds, 'body.items', errors);
    checkPlace(route, leerjaar, periode, errors);
    throwIfErrors(errors);
    const id = await repo.insertEntity(trx, 'leerroute_planning', route.id, { items, leerjaar, periode }, by);
    await history({ actie: 'planning.toegevoegd', omschrijving: `Plande ${items.map(label).join(' + ')} in ${placeText(leerjaar, periode)}.`, entiteit: { soort: 'planning', id }, details: { items, leerjaar, periode } });
  });
}

export async function movePlanning(opts: { db: Kysely<DB>; auth: AuthContext | null; routeId: string; regelId: string; input: { versie: number; leerjaar: number; periode: number } }): Promise<LeerrouteDetail> {
  const { versie, leerjaar, periode } = opts.input;
  return changeRoute(opts, async ({ trx, route, by, label, history }) => {
    const errors: FieldError[] = [];
    checkPlace(route, leerjaar, periode, errors);
    throwIfErrors(errors);
    const before = await repo.findEntity(trx, 'leerroute_planning', route.id, opts.regelId);
    if (!before) throw notFound(REGEL_NOT_FOUND);
    const o = await repo.updateEntity(trx, 'leerroute_planning', route.id, opts.regelId, versie, { leerjaar, periode }, by);
    if (o !== 'ok') throw outcomeError(o);
    await history({
      actie: 'planning.verplaatst',
      omschrijving: `Verplaatste ${before.items.map(label).join(' + ')} van ${placeText(before.leerjaar, before.periode)} naar ${placeText(leerjaar, periode)}.`,
      entiteit: { soort: 'planning', id: opts.regelId },
      details: { items: before.items, van: { leerjaar: before.leerjaar, periode: before.periode }, naar: { leerjaar, periode } },
    });
  });
}

export async function unplan(opts: { db: Kysely<DB>; auth: AuthContext | null; routeId: string; regelId: string; versie: number }): Promise<LeerrouteDetail> {
  return changeRoute(opts, async ({ trx, route, label, history }) => {
    const before = await repo.findEntity(trx, 'leerroute_planning', route.id, opts.regelId);
    if (!before) throw notFound(REGEL_NOT_FOUND);
    const o = await repo.deleteEntity(trx, 'leerroute_planning', route.id, opts.regelId, opts.versie);
    if (o !== 'ok') throw outcomeError(o);
    await history({
      actie: 'planning.verwijderd',
      omschrijving: `Haalde ${before.items.map(label).join(' + ')} uit ${placeText(before.leerjaar, before.periode)}.`,
      entiteit: { soort: 'planning', id: opts.regelId },
      details: { items: before.items, leerjaar: before.leerjaar, periode: before.periode },
    });
  });
}
