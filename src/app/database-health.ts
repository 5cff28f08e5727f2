/** What the HTTP layer asks of the database without touching it: is it up, and was a value unstorable. */
import type { Deps } from './context.js';
import { pingDatabase } from '../db/database.js';
import { translateDbError, UnstorableTextError } from '../db/errors.js';

/** Resolves when the database answers a trivial query; rejects otherwise. */
export async function databaseAnswers(deps: Deps): Promise<void> {
  await pingDatabase(deps.db);
}

/** A text value the database refused to store (PostgreSQL refuses the NUL character in text). */
export function isUnstorableText(error: unknown): boolean {
  return translateDbError(error) instanceof UnstorableTextError;
}
