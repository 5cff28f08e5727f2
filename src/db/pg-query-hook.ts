/**
 * The hook the PostgreSQL connection layers (pg-prepared.ts, pg-deferred-writes.ts) put in front of a pooled
 * connection: Kysely sends every statement as query(text, parameters), and that form alone is routed through
 * the layer; any other call (a config object, a callback, a cursor) goes through unchanged.
 */
import type pg from 'pg';

export type TextQuery = (text: string, parameters: readonly unknown[] | undefined) => Promise<pg.QueryResult>;
/** The connection's query method as it was before the hook (any form). */
export type RawQuery = (...args: unknown[]) => unknown;

export function hookTextQueries(client: pg.ClientBase, layer: (previous: RawQuery) => TextQuery): void {
  const previous = client.query.bind(client) as RawQuery;
  const routed = layer(previous);
  client.query = ((...args: unknown[]) =>
    typeof args[0] === 'string' && args.length <= 2 && (args[1] === undefined || Array.isArray(args[1]))
      ? routed(args[0], args[1] as readonly unknown[] | undefined)
      : previous(...args)) as typeof client.query;
}
