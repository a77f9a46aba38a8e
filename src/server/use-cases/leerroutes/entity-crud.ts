/**
 * Adding, changing and deleting a toets, activiteit or materiaal (steps 3–5): checked against the route's tijdpad,
 * doelen and partners; a change or delete needs the versie the client saw (409 when stale); every change in the history.
 */
import type { LeerrouteDetail } from '../../../shared/leerroute-api.js';
import { notFound, type FieldError } from '../../errors.js';
import * as repo from '../../repositories/leerroute-repository.js';
import type { UseCaseContext } from '../../access/context.js';
import { changeRoute, type ChangeContext } from './change-route.js';
import { checkDoelen, checkOrganisation, checkPlace, stale, throwIfErrors } from './context.js';

export interface EntityKind<V extends { leerjaar: number; periode: number }> {
  table: Exclude<repo.EntityTable, 'leerroute_planning'>;
  soort: 'toets' | 'activiteit' | 'materiaal';
  /** "De toets", for messages. */
  wat: string;
  notFound: string;
  describe: (v: V, ctx: ChangeContext) => string;
  doelen?: (v: V) => string[];
  organisatieId?: (v: V) => string | null;
}

/** `kept`: doelen the entity already had; they may stay even when they are no longer doelen of the route. */
function check<V extends { leerjaar: number; periode: number }>(kind: EntityKind<V>, v: V, ctx: ChangeContext, kept: readonly string[] = []): void {
  const errors: FieldError[] = [];
  checkPlace(ctx.route, v.leerjaar, v.periode, errors);
  if (kind.doelen) checkDoelen(kind.doelen(v), kept.length ? new Set([...ctx.doelIds, ...kept]) : ctx.doelIds, 'body.doelen', errors);
  if (kind.organisatieId) checkOrganisation(kind.organisatieId(v), ctx.access.memberOrganisationIds, 'body.organisatieId', errors);
  throwIfErrors(errors);
}

export function addEntity<V extends { leerjaar: number; periode: number }>(kind: EntityKind<V>, opts: UseCaseContext & { routeId: string; input: V }): Promise<LeerrouteDetail> {
  return changeRoute(opts, async (ctx) => {
    check(kind, opts.input, ctx);
    const id = await repo.insertEntity(ctx.trx, kind.table, ctx.route.id, opts.input, ctx.by);
    await ctx.history({ actie: `${kind.soort}.toegevoegd`, omschrijving: `Voegde ${kind.describe(opts.input, ctx)} toe.`, entiteit: { soort: kind.soort, id }, details: { ...opts.input } });
  });
}

export function updateEntity<V extends { leerjaar: number; periode: number }>(
  kind: EntityKind<V>,
  opts: UseCaseContext & { routeId: string; id: string; input: V & { versie: number } },
): Promise<LeerrouteDetail> {
  return changeRoute(opts, async (ctx) => {
    const { versie, ...values } = opts.input;
    const before = await repo.findEntity(ctx.trx, kind.table, ctx.route.id, opts.id);
    if (!before) throw notFound(kind.notFound);
    check(kind, values as unknown as V, ctx, 'doelen' in before ? before.doelen : []);
    const o = await repo.updateEntity(ctx.trx, kind.table, ctx.route.id, opts.id, versie, repo.entityColumns(kind.table, values), ctx.by);
    if (o === 'missing') throw notFound(kind.notFound);
    if (o === 'stale') throw stale(`${kind.wat} is`);
    const { id: _id, versie: _v, gewijzigd: _g, ...voor } = before;
    await ctx.history({ actie: `${kind.soort}.gewijzigd`, omschrijving: `Wijzigde ${kind.describe(values as unknown as V, ctx)}.`, entiteit: { soort: kind.soort, id: opts.id }, details: { voor, na: values } });
  });
}

export function deleteEntity<V extends { leerjaar: number; periode: number }>(
  kind: EntityKind<V>,
  opts: UseCaseContext & { routeId: string; id: string; versie: number },
): Promise<LeerrouteDetail> {
  return changeRoute(opts, async (ctx) => {
    const before = await repo.findEntity(ctx.trx, kind.table, ctx.route.id, opts.id);
    if (!before) throw notFound(kind.notFound);
    const o = await repo.deleteEntity(ctx.trx, kind.table, ctx.route.id, opts.id, opts.versie);
    if (o === 'missing') throw notFound(kind.notFound);
    if (o === 'stale') throw stale(`${kind.wat} is`);
    const { id: _id, versie: _v, gewijzigd: _g, ...voor } = before;
    await ctx.history({ actie: `${kind.soort}.verwijderd`, omschrijving: `Verwijderde ${kind.describe(voor as unknown as V, ctx)}.`, entiteit: { soort: kind.soort, id: opts.id }, details: { voor } });
  });
}
