import type { Kysely, Transaction } from 'kysely';
import { RetryableDbError, translateDbError } from './errors.js';
import type { DB } from './schema/index.js';

export type Tx = Transaction<DB>;

/**
 * Runs fn in one transaction, retrying on serialization failures and deadlocks (PostgreSQL) or a busy
 * database (SQLite). Errors come out translated (DuplicateError, ...).
 */
export async function inTransaction<T>(db: Kysely<DB>, fn: (tx: Tx) => Promise<T>, attempts = 5): Promise<T> {
  // Already inside a transaction (a use-case joined to a caller's unit of work): run in it; the outer
  // transaction owns the retries.
  if (db.isTransaction) return fn(db as Tx);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(fn);
    } catch (error) {
      const translated = translateDbError(error);
      if (translated instanceof RetryableDbError && attempt < attempts) {
        await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 10));
        continue;
      }
      throw translated;
    }
  }
}
