/**
 * Hot statements prepared by name on PostgreSQL. An unnamed statement is parsed and planned by the server
 * every time it runs; a sale's dozen statements cost PostgreSQL about as much CPU as the rest of the sale
 * (measured in process: half of PostgreSQL's CPU per sale went away with names). A statement text registered
 * here (hot.ts registers every hot statement it compiles for PostgreSQL; pg-deferred-writes.ts the writes it
 * combines) is sent with a name: each connection parses it once and reuses the plan.
 *
 * Only registered texts are named, and at most MAX_NAMED of them, so that statements built per request (lists
 * of varying length, searches) never pile up on the server. A connection pooler in transaction mode that does
 * not carry prepared statements between clients (PgBouncer before 1.21, or without max_prepared_statements)
 * needs TESSERA_PG_PREPARED=0.
 */
import type pg from 'pg';
import { hookTextQueries } from './pg-query-hook.js';

const MAX_NAMED = 1000;
const names = new Map<string, string>();

/** Registers a statement text (as compiled for PostgreSQL) to prepare by name on every connection. */
export function preparedOnPostgres(text: string): void {
  if (!names.has(text) && names.size < MAX_NAMED) names.set(text, `tessera_${names.size + 1}`);
}

/** Sends the registered statements of this connection by name (installed on every pooled connection). */
export function prepareStatementsOf(client: pg.ClientBase): void {
  hookTextQueries(client, (previous) => (text, parameters) => {
    const name = names.get(text);
    return (
      name ? previous({ name, text, values: parameters ?? [] }) : previous(text, parameters)
    ) as Promise<pg.QueryResult>;
  });
}
