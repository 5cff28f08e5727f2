/**
 * Fewer round trips to PostgreSQL. A sale's transaction wrote its movement, lot, summary, sale row and webhook
 * events one statement at a time, each a round trip that wakes the server's backend and then the event loop
 * again. On the 2-core machines of the benchmark, those wake-ups cost more than the statements: half of the
 * process's time under the sale workload went to the socket writes.
 *
 * Here the writes that nothing reads back before the commit are deferred: a statement registered as
 * deferrable (`deferrableOnPostgres`, from a hot statement's definition), issued inside a transaction and
 * outside any savepoint, is queued on the connection and answered at once with the row count it must have.
 * The queue is sent as ONE statement, its writes as data-modifying WITH clauses, before whatever the
 * transaction sends next that could see them or depend on them: a read that names one of their tables (so it
 * sees them), any other write, a savepoint, or the COMMIT. A read of other tables (a sale's webhook endpoints)
 * goes first and leaves the queue growing. A ROLLBACK drops it. What the transaction sees, commits or rolls back is unchanged; only a failure of a deferred write
 * (a duplicate receipt, a stale summary) comes out of the next statement instead of its own, still inside the
 * transaction, which then rolls back as before.
 *
 * Inside a savepoint nothing is deferred: a failure there must come out inside the code that handles it.
 * SQLite has no round trips (the database is in the process) and never defers.
 */
import type pg from 'pg';
import { preparedOnPostgres } from './pg-prepared.js';
import { hookTextQueries, type TextQuery } from './pg-query-hook.js';

export interface Deferral {
  /** The rows the statement must change (a conditional update); another count fails the transaction. */
  expectRows?: number;
  /** The error for another count, from the statement's parameters. */
  stale?: (parameters: readonly unknown[]) => Error;
}

/** A registered write: what it must change, and a pattern that finds its table's name in a statement's text. */
interface Registered {
  deferral: Deferral;
  table: RegExp;
}

const deferrable = new Map<string, Registered>();

/** Registers a statement text (as compiled for PostgreSQL) whose writes may wait for the next statement. */
export function deferrableOnPostgres(text: string, deferral: Deferral = {}): void {
  const table = /^(?:insert into|update) "([^"]+)"/.exec(text)?.[1];
  // The parameters are renumbered in the combined statement: the text must hold no literal a `$n` could be in.
  if (table === undefined || /'|\breturning\b/.test(text)) {
    throw new Error(`not a deferrable write (an insert or update without literals or RETURNING): ${text}`);
  }
  deferrable.set(text, { deferral, table: new RegExp(`\\b${table}\\b`) });
}

interface Pending extends Registered {
  text: string;
  parameters: readonly unknown[];
}

/**
 * Whether a read may see one of the queued writes: it names one of their tables, quoted or not (a name that
 * only looks like one, a column, makes it wait for nothing worse than a round trip). No view or function
 * reads these tables behind a name.
 */
function mayRead(text: string, queue: readonly Pending[]): boolean {
  if (!text.startsWith('select')) return true;
  return queue.some((p) => p.table.test(text));
}

/** The statement that makes the queued writes in one round trip, and the counts it checks. */
export function combinedWrites(queue: readonly Omit<Pending, 'table'>[]): {
  text: string;
  parameters: unknown[];
} {
  const parameters: unknown[] = [];
  const clauses: string[] = [];
  const counts: string[] = [];
  queue.forEach((item, i) => {
    const offset = parameters.length;
    const text = item.text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
    parameters.push(...item.parameters);
    const checked = item.deferral.expectRows !== undefined;
    clauses.push(`w${i} as (${text}${checked ? ' returning 1' : ''})`);
    if (checked) counts.push(`(select count(*) from w${i})::int as c${i}`);
  });
  return {
    text: `with ${clauses.join(', ')} select ${counts.length > 0 ? counts.join(', ') : '1 as done'}`,
    parameters,
  };
}

async function flush(run: TextQuery, queue: readonly Pending[]): Promise<void> {
  if (queue.length === 0) return;
  const checked = (i: number, count: number) => {
    const { expectRows, stale } = queue[i]!.deferral;
    if (expectRows !== undefined && count !== expectRows) {
      throw (
        stale?.(queue[i]!.parameters) ??
        new Error(`a deferred write changed ${count} rows, not ${expectRows}`)
      );
    }
  };
  if (queue.length === 1) {
    const result = await run(queue[0]!.text, queue[0]!.parameters);
    checked(0, result.rowCount ?? 0);
    return;
  }
  const { text, parameters } = combinedWrites(queue);
  // A sale combines the same writes every time: prepared once per connection, like its hot statements.
  preparedOnPostgres(text);
  const row = (await run(text, parameters)).rows[0] as Record<string, number>;
  queue.forEach((_, i) => {
    if (`c${i}` in row) checked(i, row[`c${i}`]!);
  });
}

/** Defers the deferrable writes of this connection's transactions (installed on every pooled connection). */
export function deferWritesOf(client: pg.ClientBase): void {
  hookTextQueries(client, (previous) =>
    deferring((text, parameters) => previous(text, parameters) as Promise<pg.QueryResult>),
  );
}

/** The statements of one connection, routed: deferrable writes queued, everything else sent after them. */
function deferring(run: TextQuery): TextQuery {
  let open = false;
  let savepoints = 0;
  let queue: Pending[] = [];
  const send = async (text: string, parameters: readonly unknown[] | undefined) => {
    const pending = queue;
    queue = [];
    await flush(run, pending);
    return run(text, parameters);
  };
  const routed = (text: string, parameters: readonly unknown[] | undefined): Promise<pg.QueryResult> => {
    if (text === 'begin' || text.startsWith('start transaction')) {
      open = true;
      savepoints = 0;
      queue = [];
      return run(text, parameters);
    }
    if (text === 'rollback') {
      open = false;
      queue = [];
      return run(text, parameters);
    }
    const registered = open && savepoints === 0 ? deferrable.get(text) : undefined;
    if (registered) {
      queue.push({ text, parameters: parameters ?? [], ...registered });
      const rowCount = registered.deferral.expectRows ?? 1;
      const command = text.startsWith('insert') ? 'INSERT' : 'UPDATE';
      return Promise.resolve({ command, rowCount, rows: [], fields: [], oid: 0 } as pg.QueryResult);
    }
    if (text === 'commit') open = false;
    else if (/^savepoint\b/i.test(text)) savepoints += 1;
    else if (/^release\b/i.test(text)) savepoints = Math.max(0, savepoints - 1);
    return queue.length > 0 && mayRead(text, queue) ? send(text, parameters) : run(text, parameters);
  };
  return routed;
}
