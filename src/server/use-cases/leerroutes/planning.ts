/**
 * Step 2, planning: plan an item (or a Beiden link once for both sides) in a leerjaar and periode, move it, unplan it.
 * A doel is planned once: planning one that is planned already (two teachers with stale pages, or by mistake) is a 409
 * that says where it is and by whom; the database refuses it too when two requests run at the same moment.
 */
import type { LeerrouteDetail } from '../../../shared/leerroute-api.js';
import type { FieldError } from '../../errors.js';
import * as repo from '../../repositories/leerroute-repository.js';
import type { UseCaseContext } from '../../access/context.js';
import { changeRoute } from './change-route.js';
import { checkDoelen, checkPlace, placeText, stale, throwIfErrors } from './context.js';
import { AppError, notFound } from '../../errors.js';
import { doelInZin } from '../../../domain/leerroute/coverage.js';

const REGEL_NOT_FOUND = 'Deze planningsregel bestaat niet (meer) in deze leerroute.';
const outcomeError = (o: repo.ChangeOutcome) => (o === 'missing' ? notFound(REGEL_NOT_FOUND) : stale('Deze planningsregel is'));

export async function planItems(opts: UseCaseContext & { routeId: string; input: { items: string[]; leerjaar: number; periode: number } }): Promise<LeerrouteDetail> {
  const { items, leerjaar, periode } = opts.input;
  return changeRoute(opts, async ({ trx, route, by, doelIds, label, doelen, history }) => {
    const errors: FieldError[] = [];
    checkDoelen(items, doelIds, 'body.items', errors);
    checkPlace(route, leerjaar, periode, errors);
    throwIfErrors(errors);
    const volledig = (id: string) => {
      const d = doelen.doelen.find((x) => x.id === id);
      return d ? doelInZin(d) : label(id);
    };
    const alGepland = async () => {
      const rows = await repo.plannedAt(trx, route.id, items);
      const names = await repo.namesOf(trx, rows.flatMap((r) => (r.gewijzigd.userId ? [r.gewijzigd.userId] : [])), rows.flatMap((r) => (r.gewijzigd.organisationId ? [r.gewijzigd.organisationId] : [])));
      const waar = rows.map((r) => {
        const wie = [r.gewijzigd.userId ? names.users.get(r.gewijzigd.userId) : undefined, r.gewijzigd.organisationId ? names.organisations.get(r.gewijzigd.organisationId) : undefined].filter(Boolean).join(', ');
        return `${volledig(r.item)} is al gepland in ${placeText(r.leerjaar, r.periode)}${wie ? ` (door ${wie})` : ''}.`;
      });
      return new AppError('conflict', `${waar.join(' ') || 'Dit doel is al gepland.'} Een doel plant u één keer; verplaats de kaart als het in een andere periode hoort. Er is niets opgeslagen.`);
    };
    if ((await repo.plannedAt(trx, route.id, items)).length > 0) throw await alGepland();
    const inserted = await repo.insertPlanning(trx, route.id, { items, leerjaar, periode }, by);
    // Planned meanwhile by a request that committed after the check above: this transaction is rolled back.
    if (inserted === 'planned') throw await alGepland();
    const { id } = inserted;
    await history({ actie: 'planning.toegevoegd', omschrijving: `Plande ${items.map(label).join(' + ')} in ${placeText(leerjaar, periode)}.`, entiteit: { soort: 'planning', id }, details: { items, leerjaar, periode } });
  });
}

export async function movePlanning(opts: UseCaseContext & { routeId: string; regelId: string; input: { versie: number; leerjaar: number; periode: number } }): Promise<LeerrouteDetail> {
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

export async function unplan(opts: UseCaseContext & { routeId: string; regelId: string; versie: number }): Promise<LeerrouteDetail> {
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
