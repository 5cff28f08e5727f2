/**
 * SQLite with group commit. SQLite has one writer, and making a commit durable waits for the disk (0.2 ms
 * on a quiet machine, several ms on a busy one): sales posted at once would each wait for their own flush,
 * and with synchronous=FULL the event loop would stand still during each. Here transactions that arrive
 * while another one runs share one COMMIT: each application transaction is a savepoint inside an outer
 * transaction, and the outer transaction commits once the event loop's current turn is over (or the batch
 * is BATCH_MAX transactions or BATCH_MAX_MS old). The COMMIT only writes the WAL (synchronous=NORMAL); the
 * WAL is then made durable off the event loop (wal-flusher.ts), and consecutive COMMITs share that flush.
 * A transaction's promise resolves only after the COMMIT that contains it returned and the WAL holding it is
 * on disk, so a 2xx still means the data is on disk; if that COMMIT or flush fails, every transaction of the
 * batch fails with its error.
 *
 * A transaction that fails rolls back to its own savepoint only. Queries outside transactions run on the same
 * single connection (as with Kysely's own SQLite driver) and see what the batch's transactions have written;
 * a write outside transactions (an idempotency key completed, a token issued) commits the open batch with it
 * before it returns, so it is on disk before the answer that depends on it is sent.
 */
import type SQLite from 'better-sqlite3';
import type { CompiledQuery, DatabaseConnection, Driver, QueryResult } from 'kysely';
import { changesSchema, readRows, schemaChanged } from './sqlite-rows.js';
import type { WalCheckpointer } from './wal-checkpointer.js';
import type { WalFlusher } from './wal-flusher.js';

const BATCH_MAX = 256;
const BATCH_MAX_MS = 8;

export interface StatementSource {
  prepare(sql: string): SQLite.Statement;
}

/** Runs one statement on the connection, synchronously. */
function runStatement<R>(
  statements: StatementSource,
  sql: string,
  parameters: readonly unknown[],
): QueryResult<R> {
  const statement = statements.prepare(sql);
  if (statement.reader) return { rows: readRows(statement, parameters as unknown[]) as R[] };
  const { changes, lastInsertRowid } = statement.run(parameters);
  if (changesSchema(sql)) schemaChanged();
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}

/** One use of the single connection: released once, by the commit that hands it on or by Kysely. */
class Lease implements DatabaseConnection {
  released = false;
  inTransaction = false;
  constructor(
    private readonly statements: StatementSource,
    /** Called after a write outside any transaction: it must be on disk before its promise resolves. */
    private readonly afterAutocommitWrite: () => Promise<void>,
  ) {}

  executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const write = !this.inTransaction && !/^\s*select\b/i.test(compiled.sql);
    const result = runStatement<R>(this.statements, compiled.sql, compiled.parameters as unknown[]);
    return write ? this.afterAutocommitWrite().then(() => result) : Promise.resolve(result);
  }

  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not used with SQLite');
  }
}

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

export class GroupCommitDriver implements Driver {
  #locked = false;
  readonly #queue: (() => void)[] = [];
  /** The open outer transaction: the transactions released into it wait for its COMMIT. */
  #batch: { waiters: Waiter[]; openedAt: number } | null = null;
  #commitScheduled = false;
  /** COMMITs issued so far (how well concurrent transactions share them). */
  commits = 0;
  /** WAL flushes issued so far (how well consecutive COMMITs share them). */
  get flushes(): number {
    return this.flusher?.flushes ?? 0;
  }

  constructor(
    private readonly sqlite: SQLite.Database,
    private readonly statements: StatementSource,
    /** Null for an in-memory database: nothing to make durable. */
    private readonly flusher: WalFlusher | null,
    /** Null for an in-memory database: no WAL to checkpoint. */
    private readonly checkpointer: WalCheckpointer | null = null,
  ) {}

  async init(): Promise<void> {}

  /** Uses of the connection begun so far (a query outside transactions, or a transaction). */
  acquisitions = 0;

  /** Whether the connection is in use, wanted, or holds a batch not yet committed. */
  get busy(): boolean {
    return this.#locked || this.#batch !== null;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    this.acquisitions++;
    if (this.#locked) await new Promise<void>((resolve) => this.#queue.push(resolve));
    else this.#locked = true;
    return new Lease(this.statements, () => this.#commitBatch() ?? this.#durable());
  }

  /**
   * Runs a statement at once on the connection, when that is what Kysely would do anyway: a statement of a
   * transaction (which holds the connection from its begin to its commit), or a read while no one holds the
   * connection. Undefined otherwise: a write outside transactions must wait for its commit, and a read
   * must wait its turn behind the transaction that holds the connection.
   */
  runNow<R>(sql: string, parameters: readonly unknown[], inTransaction: boolean): QueryResult<R> | undefined {
    if (!inTransaction) {
      if (this.#locked || !this.statements.prepare(sql).reader) return undefined;
      this.acquisitions++;
    }
    return runStatement<R>(this.statements, sql, parameters);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    if (!this.#batch && this.checkpointer?.wantsDrain) await this.checkpointer.drain();
    if (!this.#batch) {
      // IMMEDIATE: the write lock is taken now (waiting busy_timeout for another process), never upgraded
      // half-way, which could fail after other transactions of the batch were released into it.
      this.sqlite.exec('begin immediate');
      this.#batch = { waiters: [], openedAt: performance.now() };
    }
    this.sqlite.exec('savepoint tx');
    lease.inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    const batch = this.#batch;
    this.sqlite.exec('release tx');
    lease.inTransaction = false;
    if (!batch) throw new Error('group commit: no open batch at commit');
    const durable = new Promise<void>((resolve, reject) => batch.waiters.push({ resolve, reject }));
    // Hand the connection on now: transactions waiting for it join this batch instead of waiting for it.
    this.#release(lease);
    await durable;
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    if (!lease.inTransaction) return;
    lease.inTransaction = false;
    if (!this.sqlite.inTransaction) {
      // SQLite rolled the whole outer transaction back itself (disk full, I/O error): the batch is lost.
      this.#failBatch(new Error('SQLite rolled back the transaction batch'));
      return;
    }
    this.sqlite.exec('rollback to tx');
    this.sqlite.exec('release tx');
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    this.#release(connection as Lease);
  }

  #destroyed: Promise<void> | null = null;

  /** Closes the connection, the checkpoint worker and the descriptors; the calls after the first wait for it. */
  destroy(): Promise<void> {
    this.#destroyed ??= this.#destroy();
    return this.#destroyed;
  }

  async #destroy(): Promise<void> {
    if (this.#batch) await this.#commitBatch()?.catch(() => undefined);
    await this.flusher?.close();
    await this.checkpointer?.close();
    this.sqlite.close();
    this.checkpointer?.closeFile();
  }

  /** Resolves once everything committed so far is on disk. */
  #durable(): Promise<void> {
    return this.flusher ? this.flusher.flush() : Promise.resolve();
  }

  #release(lease: Lease): void {
    if (lease.released) return;
    lease.released = true;
    if (this.#batch && !this.sqlite.inTransaction) {
      this.#failBatch(new Error('SQLite rolled back the transaction batch'));
    }
    const batch = this.#batch;
    if (batch && (batch.waiters.length >= BATCH_MAX || performance.now() - batch.openedAt >= BATCH_MAX_MS)) {
      this.#commitSoon();
    }
    const next = this.#queue.shift();
    if (next) next();
    else this.#locked = false;
    if (this.#batch && !this.#commitScheduled) {
      // Commit once per event-loop turn: the requests whose bytes arrived in this turn run their
      // transactions (SQLite answers synchronously, so most finish within the turn) and share one fsync.
      this.#commitScheduled = true;
      setImmediate(() => {
        this.#commitScheduled = false;
        // Someone holds the connection (a transaction waiting on something else than SQLite): its release
        // schedules the commit again.
        if (!this.#locked) this.#commitSoon();
      });
    }
  }

  /** Commits the open batch for its waiters (who get its failure, if any). */
  #commitSoon(): void {
    this.#commitBatch()?.catch(() => undefined);
  }

  /** Commits the open batch; its transactions are answered once it is durable (the promise returned). */
  #commitBatch(): Promise<void> | undefined {
    const batch = this.#batch;
    if (!batch) return undefined;
    this.#batch = null;
    this.commits++;
    try {
      this.sqlite.exec('commit');
    } catch (error) {
      try {
        if (this.sqlite.inTransaction) this.sqlite.exec('rollback');
      } catch {
        // the connection reports the original error below
      }
      for (const w of batch.waiters) w.reject(error);
      return Promise.reject(error);
    }
    const durable = this.#durable();
    durable.then(
      () => batch.waiters.forEach((w) => w.resolve()),
      (error: unknown) => batch.waiters.forEach((w) => w.reject(error)),
    );
    return durable;
  }

  #failBatch(error: Error): void {
    const batch = this.#batch;
    this.#batch = null;
    for (const w of batch?.waiters ?? []) w.reject(error);
  }
}
