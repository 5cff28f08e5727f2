/**
 * Durability of SQLite's write-ahead log, off the event loop. The database runs with synchronous=NORMAL:
 * a COMMIT appends its frames to the WAL (into the operating system's cache) and returns without waiting for
 * the disk. Before a transaction is acknowledged, `flush()` makes every frame written so far durable with one
 * fdatasync of the WAL file, run on libuv's thread pool, so the event loop keeps serving requests (which
 * join the next flush) while the disk works. What is acknowledged is on disk exactly as with synchronous=FULL;
 * SQLite itself syncs the WAL before a checkpoint and the database file after it.
 *
 * One flush runs at a time. A flush requested while one runs waits for the next one, which starts when the
 * running one ends and covers everything written meanwhile: under load, many commits share one fdatasync.
 */
import fs from 'node:fs';

interface Waiting {
  promise: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

function waiting(): Waiting {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export class WalFlusher {
  #running: Promise<void> | null = null;
  #next: Waiting | null = null;
  #fd: number | null = null;
  /** fdatasync calls issued so far (how many commits share one). */
  flushes = 0;

  constructor(private readonly walPath: string) {}

  /** Resolves once everything written to the WAL before this call is on disk. */
  flush(): Promise<void> {
    if (!this.#running) return (this.#running = this.#run());
    // The running flush may have started before the caller's frames were written: wait for the next one.
    this.#next ??= waiting();
    return this.#next.promise;
  }

  async #run(): Promise<void> {
    try {
      await this.#sync();
    } finally {
      const next = this.#next;
      this.#next = null;
      this.#running = next ? this.#run() : null;
      if (next) this.#running!.then(next.resolve, next.reject);
    }
  }

  async #sync(): Promise<void> {
    this.flushes++;
    const fd = await this.#open();
    if (fd === null) return;
    await new Promise<void>((resolve, reject) =>
      fs.fdatasync(fd, (error) => (error ? reject(error) : resolve())),
    );
  }

  /** The WAL's descriptor, opened once; null while SQLite has not created the WAL (nothing to flush). */
  async #open(): Promise<number | null> {
    if (this.#fd !== null) return this.#fd;
    try {
      this.#fd = await new Promise<number>((resolve, reject) =>
        fs.open(this.walPath, 'r+', (error, fd) => (error ? reject(error) : resolve(fd))),
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return this.#fd;
  }

  /** Waits for the flushes under way, then closes the descriptor. */
  async close(): Promise<void> {
    while (this.#running) await this.#running.catch(() => undefined);
    if (this.#fd !== null) fs.closeSync(this.#fd);
    this.#fd = null;
  }
}
