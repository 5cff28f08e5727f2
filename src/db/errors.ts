/** Database errors, translated once for both dialects. Never match on message text. */
export class DuplicateError extends Error {
  constructor(
    readonly constraint: string | undefined,
    cause: unknown,
  ) {
    super(`duplicate value violates ${constraint ?? 'a unique constraint'}`, { cause });
  }
}

export class RetryableDbError extends Error {
  constructor(cause: unknown) {
    super('transaction conflict, retry', { cause });
  }
}

/** A text value the database cannot store (PostgreSQL refuses the NUL character in text). */
export class UnstorableTextError extends Error {
  constructor(cause: unknown) {
    super('A text value contains a character the database cannot store (NUL).', { cause });
  }
}

interface DriverError {
  code?: string;
  constraint?: string;
  message?: string;
}

export function translateDbError(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const e = error as DriverError;
  switch (e.code) {
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY':
      return new DuplicateError(undefined, error);
    case '23505':
      return new DuplicateError(e.constraint, error);
    case 'SQLITE_BUSY':
    case 'SQLITE_BUSY_SNAPSHOT':
    case '40001':
    case '40P01':
      return new RetryableDbError(error);
    case '22021': // character_not_in_repertoire: "invalid byte sequence for encoding UTF8: 0x00"
    case '22P05': // untranslatable_character
      return new UnstorableTextError(error);
    default:
      return error;
  }
}

export function isDuplicate(error: unknown): boolean {
  return translateDbError(error) instanceof DuplicateError;
}
