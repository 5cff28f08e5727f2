import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations/index.js';
import { deferWritesOf } from './pg-deferred-writes.js';
import { prepareStatementsOf } from './pg-prepared.js';
import type { DB } from './schema/index.js';
import { untilQuiet, type Activity } from './quiesce.js';
import { GroupCommitSqliteDialect } from './sqlite-dialect.js';

export type DbKind = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  kind: DbKind;
  /** Where the data lives, for humans: a file path or a redacted URL. */
  location: string;
  /** SQLite only: the COMMITs issued so far (group commit shares one among concurrent transactions). */
  commits?: () => number;
  /** SQLite only: the WAL flushes (fdatasync) issued so far, shared by the commits made while one runs. */
  flushes?: () => number;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
  /** PostgreSQL: prepare hot statements by name (pg-prepared.ts); true unless said otherwise. */
  pgPrepared?: boolean;
  /** SQLite: WAL pages past which a transaction waits for a full checkpoint (wal-checkpointer.ts); for tests. */
  walDrainPages?: number;
}

// int8 (bigint) and numeric counts come back from pg as strings; our integers all fit in 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/** Chooses the dialect from DATABASE_URL: postgres:// or postgresql:// for PostgreSQL, else SQLite in dataDir. */
export function createDatabase(options: DatabaseOptions): Database {
  const url = options.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
    // An idle connection dropped by the server (restart, failover) must not crash the process: the pool
    // discards it and opens a new one for the next query.
    pool.on('error', (error) => {
      process.emitWarning(`PostgreSQL idle connection lost: ${error.message}`);
    });
    pool.on('connect', (client) => {
      if (options.pgPrepared !== false) prepareStatementsOf(client);
      // A transaction's writes that nothing reads back travel with its next statement (pg-deferred-writes.ts).
      deferWritesOf(client);
    });
    let acquisitions = 0;
    pool.on('acquire', () => acquisitions++);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    const activity = {
      started: () => acquisitions,
      busy: () => pool.totalCount > pool.idleCount || pool.waitingCount > 0,
    };
    return { db, kind: 'postgres', location: redact(url), close: () => closeWhenQuiet(db, activity) };
  }
  if (url && !url.startsWith('sqlite:')) {
    throw new Error(
      `DATABASE_URL must start with postgres://, postgresql:// or sqlite:, got "${redact(url)}"`,
    );
  }
  const file = url ? url.slice('sqlite:'.length) : path.join(options.dataDir, 'tessera.sqlite');
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // NORMAL: a COMMIT writes the WAL without waiting for the disk; the group commit driver then makes the WAL
  // durable off the event loop before it answers (wal-flusher.ts), so an acknowledged sale survives a crash
  // or a power loss as with FULL. Concurrent transactions share their commits and their flushes.
  sqlite.pragma('synchronous = NORMAL');
  // 16 MiB of page cache (SQLite's default is 2 MiB). Not more: a larger cache made sales slower. When a write
  // splits a b-tree page, SQLite may renumber the new pages through a temporary page number at 1 GiB, and the
  // COMMIT that follows then scans the whole page cache to drop pages past the end of the file (pcache1's
  // truncate). Under the sale workload at 100,000 cards that was ~55 COMMITs a second of ~1.3 ms each with a
  // full 64 MiB cache; with 16 MiB, 25 s runs after the cache had filled posted 478 sales/s instead of 383
  // (1,850 µs of event-loop time per sale instead of 2,330). Balances did not change: what the cache misses,
  // the operating system's file cache serves. (A database past 1 GiB never takes that scan.)
  sqlite.pragma('cache_size = -16384');
  // Statement journals in memory. Each application transaction is a savepoint inside the group commit's outer
  // transaction (sqlite-group-commit.ts), and a savepoint keeps the earlier content of every page it changes
  // that an earlier savepoint of the batch had changed: the last leaf of every table and index that grows at
  // its end, some twenty pages a sale. Past 64 KiB SQLite moved that journal to a temporary file, created
  // and written anew in every batch: under the sale workload, about half of the process's writes. In memory,
  // the sale workload posted 1,290 sales/s instead of 1,045 (two alternated pairs of 10 s runs after a 5 s
  // warm-up; SQL time per sale 262 µs instead of 397). Temporary tables and sorts that do not fit the page
  // cache stay in memory too (exports and reports sort in memory).
  sqlite.pragma('temp_store = MEMORY');
  // The database file is read through a memory map (up to this build's limit, 2 GiB; past it, reads go on as
  // before): a page missing from the page cache is read from the operating system's file cache without a
  // read() call and a copy. A balance and a sale read a random card through several indexes, most of those
  // pages missing from a 16 MiB cache. Four alternated pairs of balance runs at 100,000 cards: +6 % in three,
  // and a sale's SQL time 270 -> 244 µs over three pairs. The mapped pages show in the process's resident
  // memory (they are the file cache's, shared and reclaimable). Writes still go through the WAL.
  sqlite.pragma('mmap_size = 2147418112');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const dialect = new GroupCommitSqliteDialect(sqlite, withStatementCache(sqlite), options.walDrainPages);
  const db = new Kysely<DB>({ dialect });
  return {
    db,
    kind: 'sqlite',
    location: file,
    commits: () => dialect.driver?.commits ?? 0,
    flushes: () => dialect.driver?.flushes ?? 0,
    close: async () => {
      await closeWhenQuiet(db, {
        started: () => dialect.driver?.acquisitions ?? 0,
        busy: () => dialect.driver?.busy ?? false,
      });
      // Kysely destroys a driver only once a query has used it: a database closed before any query must still
      // close its connection, its checkpoint worker and its descriptors (a second destroy waits for the first).
      await dialect.driver?.destroy();
    },
  };
}

/** Closes the database once the queries of requests still running have ended (quiesce.ts). */
async function closeWhenQuiet(db: Kysely<DB>, activity: Activity): Promise<void> {
  await untilQuiet(activity);
  await db.destroy();
}

/**
 * Kysely prepares every query anew; preparing costs about as much as running a short query. Prepared
 * statements are reused instead (Kysely runs one query at a time on the connection, so a statement is never
 * used twice at once). The cache is bounded: the least recently used statement goes first.
 */
function withStatementCache(
  sqlite: SQLite.Database,
  size = 500,
): { prepare(text: string): SQLite.Statement; close(): void } {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (text: string) => {
      let statement = cache.get(text);
      if (statement) {
        cache.delete(text);
      } else {
        statement = sqlite.prepare(text);
        if (cache.size >= size) cache.delete(cache.keys().next().value as string);
      }
      cache.set(text, statement);
      return statement;
    },
  };
}

export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** One trivial round trip: resolves when the database answers. */
export async function pingDatabase(db: Kysely<DB>): Promise<void> {
  await sql`select 1`.execute(db);
}
