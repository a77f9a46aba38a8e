/**
 * Kysely on PGlite through Kysely's own PostgresDialect: PGlite is wrapped in
 * a pool of exactly one connection. PGlite runs one query at a time in one
 * session, so a checkout holds a lock until it is released; that keeps a
 * transaction's statements together while other requests wait their turn.
 */
import type { PGlite } from '@electric-sql/pglite';
import { PostgresDialect, type PostgresPool, type PostgresPoolClient, type PostgresQueryResult } from 'kysely';

function commandOf(sql: string): string {
  const m = /^\s*(?:with\b[\s\S]*?\)\s*)?(insert|update|delete|select|merge)\b/i.exec(sql);
  return (m?.[1] ?? 'SELECT').toUpperCase();
}

export function createPgliteDialect(pg: PGlite): PostgresDialect {
  let queue: Promise<void> = Promise.resolve();

  const query = async <R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> => {
      if (parameters.length === 0 && /;\s*\S/.test(sql)) {
        // Several statements (a migration): the simple query protocol runs them all.
        const results = await pg.exec(sql);
        const last = results[results.length - 1];
        return { command: 'SELECT', rowCount: last?.affectedRows ?? 0, rows: (last?.rows ?? []) as R[] };
      }
      const result = await pg.query<R>(sql, parameters as unknown[]);
      return {
        command: commandOf(sql) as PostgresQueryResult<R>['command'],
        rowCount: result.affectedRows ?? result.rows.length,
        rows: result.rows,
      };
  };

  const pool: PostgresPool = {
    async connect(): Promise<PostgresPoolClient> {
      let release!: () => void;
      const previous = queue;
      queue = new Promise<void>((resolve) => {
        release = resolve;
      });
      await previous;
      return { query: query as PostgresPoolClient['query'], release: () => release() };
    },
    async end() {
      await queue;
    },
  };

  return new PostgresDialect({ pool });
}
