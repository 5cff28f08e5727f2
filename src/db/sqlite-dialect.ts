/**
 * The Kysely dialect of SQLite with group commit (sqlite-group-commit.ts): its driver, and an adapter through
 * which hot statements skip Kysely's executor when they may.
 */
import type SQLite from 'better-sqlite3';
import {
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';
import { GroupCommitDriver, type StatementSource } from './sqlite-group-commit.js';
import { WalCheckpointer } from './wal-checkpointer.js';
import { WalFlusher } from './wal-flusher.js';

/**
 * The adapter of a group-commit database, through which hot statements (hot.ts) skip Kysely's executor when they
 * may: its connection provider and result handling cost several promise turns per statement, ~10 % of a sale's
 * time on the event loop (sales +9–10 % at the median of alternated slices: BENCHMARKS.md, eleventh pass).
 */
export class GroupCommitSqliteAdapter extends SqliteAdapter {
  constructor(private readonly dialect: GroupCommitSqliteDialect) {
    super();
  }
  /** The statement's result, run now; undefined when it must go through Kysely (see GroupCommitDriver.runNow). */
  runNow<R>(sql: string, parameters: readonly unknown[], inTransaction: boolean): QueryResult<R> | undefined {
    return this.dialect.driver?.runNow<R>(sql, parameters, inTransaction);
  }
}

export class GroupCommitSqliteDialect implements Dialect {
  driver: GroupCommitDriver | undefined;
  constructor(
    private readonly sqlite: SQLite.Database,
    private readonly statements: StatementSource,
    /** WAL pages past which a transaction waits for a full checkpoint (WalCheckpointer's default if unset). */
    private readonly walDrainPages?: number,
  ) {}
  createDriver(): Driver {
    const file = this.sqlite.memory ? null : `${this.sqlite.name}-wal`;
    this.driver = new GroupCommitDriver(
      this.sqlite,
      this.statements,
      file ? new WalFlusher(file) : null,
      file ? new WalCheckpointer(this.sqlite, this.sqlite.name, this.walDrainPages) : null,
    );
    return this.driver;
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }
  createAdapter() {
    return new GroupCommitSqliteAdapter(this);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new SqliteIntrospector(db);
  }
}
