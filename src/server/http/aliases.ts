/**
 * Old API paths kept as aliases of their new names (ADR 11, step 2): the same handler, schema and authorization as
 * the new route, no redirect (a redirect would change how PUT, PATCH and DELETE with their CSRF header behave in
 * clients). Every answer on an old path says it is deprecated (RFC 9745), when it goes (RFC 8594) and where to go
 * instead; /api/docs marks it deprecated. Step 5 of ADR 11 removes an entry after its sunset date.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';

export interface Alias {
  /** The old path pattern (Fastify syntax, with /api). */
  from: string;
  /** The new path pattern: the same number of segments, parameters in the same places (their names may differ). */
  to: string;
  /** Unix time (seconds) of the decision to deprecate: the Deprecation header. */
  deprecatedAt: number;
  /** When the old path stops answering: the Sunset header. */
  sunset: Date;
}

/** ADR 11 was accepted on 2026-11-23 (00:00 UTC). */
const ADR_11 = Date.UTC(2026, 10, 23) / 1000;
/** At least three months after step 2 of the subject. */
const SUNSET_ORGANISATIES = new Date(Date.UTC(2027, 3, 1));

const organisaties = (from: string, to: string): Alias => ({ from: `/api/organisations${from}`, to: `/api/organisaties${to}`, deprecatedAt: ADR_11, sunset: SUNSET_ORGANISATIES });

/** Old → new, every method of the new route. */
export const ALIASES: readonly Alias[] = [
  organisaties('', ''),
  organisaties('/directory', '/gids'),
  organisaties('/:id', '/:id'),
  organisaties('/:id/members', '/:id/leden'),
  organisaties('/:id/members/:userId', '/:id/leden/:gebruikerId'),
  organisaties('/:id/members/:userId/rollen/:rol', '/:id/leden/:gebruikerId/rollen/:rol'),
  organisaties('/:id/uitnodigingen', '/:id/uitnodigingen'),
  organisaties('/:id/verlaten', '/:id/verlaten'),
  organisaties('/:id/vestigingen', '/:id/vestigingen'),
  organisaties('/:id/vestigingen/:vestigingId', '/:id/vestigingen/:vestigingId'),
  organisaties('/:id/audit', '/:id/audit'),
  organisaties('/:id/sso', '/:id/sso'),
];

/** The alias of an old path pattern, if it is one. */
export function aliasOf(url: string): Alias | undefined {
  return ALIASES.find((a) => a.from === url);
}

/** A concrete path on the new pattern, said on the old one (the same values in the same places); query kept. */
export function oldPathOf(alias: Alias, newUrl: string): string {
  const [pathname = '', query] = newUrl.split(/\?(.*)/s);
  const values = pathname.split('/');
  const old = alias.from.split('/').map((segment, i) => (segment.startsWith(':') ? (values[i] ?? '') : segment));
  return old.join('/') + (query !== undefined ? `?${query}` : '');
}

function newPathOf(alias: Alias, oldUrl: string): string {
  const [pathname = '', query] = oldUrl.split(/\?(.*)/s);
  const values = pathname.split('/');
  const target = alias.to.split('/').map((segment, i) => (segment.startsWith(':') ? (values[i] ?? '') : segment));
  return target.join('/') + (query !== undefined ? `?${query}` : '');
}

/** Pairs of parameter names (old, new) that differ, by position. */
function renamedParams(alias: Alias): Array<[string, string]> {
  const from = alias.from.split('/');
  const to = alias.to.split('/');
  if (from.length !== to.length) throw new Error(`alias ${alias.from} → ${alias.to}: the segments must correspond`);
  const pairs: Array<[string, string]> = [];
  from.forEach((segment, i) => {
    const target = to[i] ?? '';
    if (segment.startsWith(':') !== target.startsWith(':')) throw new Error(`alias ${alias.from} → ${alias.to}: parameters must correspond`);
    if (segment.startsWith(':') && segment !== target) pairs.push([segment.slice(1), target.slice(1)]);
  });
  return pairs;
}

/** Route options as given to Fastify, without what Fastify adds when it registers a route under a prefix. */
type CollectedRoute = RouteOptions & { path?: string; routePath?: string; prefix?: string };

/**
 * Collects the routes registered in `api` (call before the routes are registered), and returns a function that
 * registers the aliases of those routes (call after). `prefix` is the prefix of `api` ('/api').
 */
export function aliasRoutes(api: FastifyInstance, prefix: string, aliases: readonly Alias[] = ALIASES): () => void {
  const collected: CollectedRoute[] = [];
  api.addHook('onRoute', (route) => {
    if (route.method !== 'HEAD') collected.push(route as CollectedRoute);
  });
  return () => {
    // Old path and day already logged, so that the log says which clients still use an old path without filling up.
    const logged = new Map<string, string>();
    for (const alias of aliases) {
      const params = renamedParams(alias);
      const targets = collected.filter((r) => r.url === alias.to);
      if (targets.length === 0) throw new Error(`alias ${alias.from}: no route ${alias.to}`);
      for (const target of targets) {
        const { path: _path, routePath: _routePath, prefix: _prefix, url: _url, ...options } = target;
        const deprecation = `@${alias.deprecatedAt}`;
        const sunset = alias.sunset.toUTCString();
        const onRequest = async (req: FastifyRequest) => {
          const p = req.params as Record<string, string>;
          for (const [oldName, newName] of params) {
            p[newName] = p[oldName] ?? '';
            delete p[oldName];
          }
          const day = new Date().toISOString().slice(0, 10);
          const key = `${req.method} ${alias.from}`;
          if (logged.get(key) !== day) {
            logged.set(key, day);
            req.log.warn({ alias: alias.from, successor: alias.to }, `verouderd adres gebruikt: ${key} (vervangen door ${alias.to}, verdwijnt op ${sunset})`);
          }
        };
        const onSend = async (req: FastifyRequest, reply: FastifyReply) => {
          reply.header('Deprecation', deprecation);
          reply.header('Sunset', sunset);
          reply.header('Link', `<${newPathOf(alias, req.url)}>; rel="successor-version"`);
        };
        api.route({
          ...options,
          url: alias.from.slice(prefix.length),
          schema: { ...(options.schema ?? {}), deprecated: true, summary: `${options.schema?.summary ?? ''} (verouderd adres: gebruik ${alias.to})`.trim() },
          onRequest: [onRequest, ...[options.onRequest ?? []].flat()],
          onSend: [onSend, ...[options.onSend ?? []].flat()],
        } as RouteOptions);
      }
    }
  };
}
