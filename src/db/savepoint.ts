/**
 * A savepoint inside a transaction: `fn`'s writes are kept when `keep(value)` holds, and undone (only them)
 * when it does not or when `fn` throws. SAVEPOINT / ROLLBACK TO / RELEASE are the same in SQLite and
 * PostgreSQL; on PostgreSQL the rollback also clears an aborted statement, so the transaction goes on.
 */
import { sql } from 'kysely';
import type { Tx } from './transaction.js';

export async function inSavepoint<T>(tx: Tx, fn: () => Promise<T>, keep: (value: T) => boolean): Promise<T> {
  await sql`savepoint item`.execute(tx);
  let value: T;
  try {
    value = await fn();
  } catch (error) {
    await undo(tx);
    throw error;
  }
  if (keep(value)) await sql`release savepoint item`.execute(tx);
  else await undo(tx);
  return value;
}

async function undo(tx: Tx): Promise<void> {
  await sql`rollback to savepoint item`.execute(tx);
  await sql`release savepoint item`.execute(tx);
}
