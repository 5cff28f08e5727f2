/**
 * Hot statements compiled once. Kysely builds and compiles a query on every call (tens of µs each under
 * load, measured on the sale and balance paths); a hot statement is built once per database kind with
 * placeholder arguments, and later calls only bind the values. Arguments must reach the query unchanged, as
 * values (not as identifiers, lists or parts of an expression), so that the statement's text never depends
 * on them.
 */
import { CompiledQuery, PostgresAdapter, type Compilable, type Kysely, type QueryResult } from 'kysely';
import { deferrableOnPostgres, type Deferral } from './pg-deferred-writes.js';
import { preparedOnPostgres } from './pg-prepared.js';
import { GroupCommitSqliteAdapter } from './sqlite-dialect.js';
import type { DB } from './schema/index.js';

type Slot = { arg: number } | { value: unknown };

const placeholder = (i: number) => `\u0000hot:${i}\u0000`;

/**
 * `deferOnPostgres` marks a write that nothing reads back before the commit: on PostgreSQL it may travel with
 * the transaction's next statement (pg-deferred-writes.ts).
 */
export function hotQuery<A extends unknown[], R>(
  build: (db: Kysely<DB>, ...args: A) => Compilable<R>,
  options: { deferOnPostgres?: Deferral } = {},
): (db: Kysely<DB>, ...args: A) => Promise<QueryResult<R>> {
  // One compiled text per adapter (SQLite and PostgreSQL differ in placeholders and quoting).
  const compiled = new Map<unknown, { sql: string; slots: Slot[] }>();
  return async (db, ...args) => {
    const executor = db.getExecutor();
    let entry = compiled.get(executor.adapter.constructor);
    if (!entry) {
      const marks = args.map((_, i) => placeholder(i));
      const query = build(db, ...(marks as A)).compile();
      const slots = query.parameters.map((p): Slot => {
        const i = typeof p === 'string' ? marks.indexOf(p) : -1;
        return i >= 0 ? { arg: i } : { value: p };
      });
      const used = new Set(slots.flatMap((s) => ('arg' in s ? [s.arg] : [])));
      if (used.size !== args.length) throw new Error('hotQuery: every argument must be bound as a value');
      // Registered before the text is kept: a write that cannot be deferred fails every call, not only the first.
      if (isPostgres(db)) {
        if (options.deferOnPostgres) deferrableOnPostgres(query.sql, options.deferOnPostgres);
        preparedOnPostgres(query.sql);
      }
      entry = { sql: query.sql, slots };
      compiled.set(executor.adapter.constructor, entry);
    }
    const parameters = entry.slots.map((s) => ('arg' in s ? args[s.arg] : s.value));
    // SQLite: run on the connection now when Kysely's executor would only hand it the statement.
    if (executor.adapter instanceof GroupCommitSqliteAdapter && executor.plugins.length === 0) {
      const result = executor.adapter.runNow<R>(entry.sql, parameters, db.isTransaction);
      if (result) return result;
    }
    return db.executeQuery<R>(CompiledQuery.raw(entry.sql, parameters));
  };
}

/** Whether the database is PostgreSQL (a hot statement is built once per kind and may differ by kind). */
export function isPostgres(db: Kysely<DB>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * A read that takes the rows' lock on PostgreSQL: FOR NO KEY UPDATE, the lock an UPDATE that leaves the key
 * alone takes. It queues writers of the row but not the foreign-key checks of rows that refer to it (FOR UPDATE
 * would hold up any transaction inserting a movement or a voucher of the card). SQLite has no row locks and
 * needs none: a transaction holds the database's single write lock from its BEGIN IMMEDIATE to its COMMIT.
 */
export function lockedOnPostgres<Q extends { forNoKeyUpdate(): Q }>(db: Kysely<DB>, query: Q): Q {
  return isPostgres(db) ? query.forNoKeyUpdate() : query;
}

/** The columns a row of the table must carry (its optional ones are left out). */
type RequiredColumns<R> = { [K in keyof R]-?: object extends Pick<R, K> ? never : K }[keyof R];
/** The required columns of a table that a column list leaves out (never when it names them all). */
type Missing<T extends keyof DB, C extends readonly PropertyKey[]> = Exclude<
  RequiredColumns<DB[T]>,
  C[number]
>;

/**
 * A hot insert of one row into `table`: its columns in a fixed order, bound from the row given. The list must
 * name every required column of the table's row type, or a value the caller gives would silently be dropped:
 * the compiler refuses a list that misses one, naming it. Optional columns (added by later migrations, with
 * their defaults) may be left out.
 */
export function hotInsert<T extends keyof DB & string, const C extends readonly (keyof DB[T] & string)[]>(
  table: T,
  columns: C & ([Missing<T, C>] extends [never] ? unknown : { missingColumns: Missing<T, C> }),
  options: { deferOnPostgres?: Deferral } = {},
): (db: Kysely<DB>, row: DB[T]) => Promise<QueryResult<unknown>> {
  const insert = hotQuery(
    (db, ...values: unknown[]) =>
      db.insertInto(table).values(Object.fromEntries(columns.map((c, i) => [c, values[i]])) as never),
    options,
  );
  return (db, row) => insert(db, ...columns.map((c) => row[c]));
}
