/**
 * Checkpoints of SQLite's write-ahead log, off the event loop. By default SQLite copies the WAL back into the
 * database file inside the COMMIT that crosses 1,000 WAL pages, on the connection that commits: on our single
 * connection that is the event loop, stopped 10–40 ms every few hundred sales (measured under the sale
 * workload: 43 of 566 COMMITs took over 5 ms, two thirds of all COMMIT time, and they made the p99 of every
 * request). Here the server's connection never checkpoints (`wal_autocheckpoint = 0`); a worker thread with its
 * own connection to the same file runs a PASSIVE checkpoint every INTERVAL_MS. A passive checkpoint copies
 * the frames no reader still needs and blocks neither the writer nor the readers; SQLite syncs the WAL before
 * it copies and the database file after, so durability is the same as with automatic checkpoints. Once a
 * checkpoint has copied everything, the next write starts the WAL from its beginning again.
 *
 * A passive checkpoint that cannot copy the WAL up to its end (the server committed meanwhile, as it always
 * does under load) leaves the database file unsynced: SQLite syncs it only once everything is copied, which
 * here is the drain (see drain()). Every page copied since the last drain then waited for that one fsync, and
 * the server's connection waited with it: 19–30 ms per drain at the median under the sale workload, though a
 * drain copies only the ~500 frames of the last batches. So the worker makes the copied pages durable itself
 * after each passive checkpoint that copied some (fdatasync of its own descriptor of the database file), and
 * the drain's fsync finds little left to write (9–12 ms at the median, in runs alternated with the former).
 *
 * That descriptor is opened and closed by the server's thread, and closed only after the server's connection
 * (`closeFile`): on POSIX, closing any descriptor of a file drops every lock the process holds on it, and
 * SQLite's connections hold theirs while they are open.
 *
 * If the worker cannot run (or fails), the connection goes back to automatic checkpoints.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

const INTERVAL_MS = 200;
const AUTOMATIC_PAGES = 1000;
/**
 * WAL pages past which the next transaction waits for a checkpoint of everything (see drain()): 64 MiB of WAL
 * at most (plus the batches committed before the drain). A drain stops the server's connection for one fsync
 * of the database file, whatever the WAL's size; with 4,000 pages it came 1.3 times a second under the sale
 * workload, with 16,000 three to four times less often.
 */
const DRAIN_PAGES = 16_000;

/** The worker, as CommonJS source: it runs from dist/ and from the TypeScript sources alike. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const { fdatasyncSync } = require('node:fs');
const db = new Database(workerData.file);
db.pragma('busy_timeout = 0');
let synced = 0;
const checkpoint = (drained) => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    // Pages copied since the last sync: on disk now rather than in the drain, where the server waits.
    if (workerData.dbFd !== null && !drained && result.checkpointed !== synced) fdatasyncSync(workerData.dbFd);
    synced = result.checkpointed;
    parentPort.postMessage({ pages: result.log, drained });
  } catch (error) {
    if (error && error.code === 'SQLITE_BUSY') return parentPort.postMessage({ pages: -1, drained });
    clearInterval(timer);
    parentPort.postMessage({ failed: String(error && error.message || error) });
  }
};
const timer = setInterval(() => checkpoint(false), workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message === 'drain') return checkpoint(true);
  if (message !== 'close') return;
  clearInterval(timer);
  db.close();
  parentPort.postMessage({ closed: true });
});
`;

type WorkerMessage = { failed: string } | { pages: number; drained: boolean } | { closed: true };

export class WalCheckpointer {
  #worker: Worker | null;
  /** WAL pages at the last checkpoint. */
  #pages = 0;
  #draining: Promise<void> | null = null;
  #drained: (() => void) | null = null;
  /** The worker's descriptor of the database file, for its fdatasync (null: none, the drain syncs alone). */
  #dbFd: number | null;

  constructor(
    private readonly sqlite: SQLite.Database,
    file: string,
    private readonly drainPages = DRAIN_PAGES,
  ) {
    this.#dbFd = openForSync(file);
    let worker: Worker | null = null;
    try {
      worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: {
          file,
          dbFd: this.#dbFd,
          driver: createRequire(import.meta.url).resolve('better-sqlite3'),
          intervalMs: INTERVAL_MS,
        },
      });
    } catch {
      worker = null;
    }
    this.#worker = worker;
    if (!worker) return;
    sqlite.pragma('wal_autocheckpoint = 0');
    worker.unref();
    worker.on('message', (message: WorkerMessage) => {
      if ('failed' in message) this.#fallBack(message.failed);
      if ('pages' in message) {
        if (message.pages >= 0) this.#pages = message.pages;
        if (message.drained) this.#endDrain();
      }
    });
    worker.on('error', (error) => this.#fallBack(error.message));
  }

  /**
   * Whether the WAL has grown past `drainPages`. Under steady load the passive checkpoints always lag one
   * batch behind (the batch that commits while they run), and SQLite starts the WAL over only when a write
   * transaction begins with everything checkpointed: so the WAL would grow without end.
   */
  get wantsDrain(): boolean {
    return this.#worker !== null && this.#pages >= this.drainPages;
  }

  /**
   * A checkpoint of everything, run while no transaction is open on the server's connection (the caller holds
   * it and has not begun): the next transaction then starts the WAL over. The event loop keeps running; only
   * the connection waits (a few ms: the earlier checkpoints copied all but the last batch).
   */
  drain(): Promise<void> {
    if (!this.#worker) return Promise.resolve();
    if (!this.#draining) {
      this.#draining = new Promise<void>((resolve) => (this.#drained = resolve));
      this.#worker.postMessage('drain');
    }
    return this.#draining;
  }

  #endDrain(): void {
    this.#pages = 0;
    const resolve = this.#drained;
    this.#draining = null;
    this.#drained = null;
    resolve?.();
  }

  /** Checkpoints go back to SQLite's automatic ones, on the server's connection. */
  #fallBack(reason: string): void {
    if (!this.#worker) return;
    this.#worker = null;
    this.#endDrain();
    process.emitWarning(`SQLite WAL checkpoints are back on the event loop: ${reason}`);
    if (this.sqlite.open) this.sqlite.pragma(`wal_autocheckpoint = ${AUTOMATIC_PAGES}`);
  }

  /** Stops the worker and closes its connection (before the server's own connection closes). */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    if (!worker) return;
    await new Promise<void>((resolve) => {
      const done = () => resolve();
      worker.once('message', done);
      worker.once('exit', done);
      worker.once('error', done);
      worker.postMessage('close');
    });
    await worker.terminate();
  }

  /** Closes the descriptor of the database file: only once the server's connection is closed (see above). */
  closeFile(): void {
    if (this.#dbFd !== null) fs.closeSync(this.#dbFd);
    this.#dbFd = null;
  }
}

/** A read-only descriptor of the database file (fdatasync needs no more), or null if it cannot be opened. */
function openForSync(file: string): number | null {
  try {
    return fs.openSync(file, 'r');
  } catch {
    return null;
  }
}
