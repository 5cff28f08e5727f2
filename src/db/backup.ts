import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';

/**
 * Copies a live SQLite database with SQLite's online backup API: a consistent snapshot, taken while the
 * server keeps serving (pages written during the copy restart it where needed). Writes to a temporary file
 * beside the target and renames it, so a half-written backup never carries the target's name.
 */
export async function backupSqlite(source: string, target: string): Promise<{ bytes: number }> {
  const db = new SQLite(source, { fileMustExist: true });
  const partial = `${target}.partial`;
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(partial);
  } finally {
    db.close();
  }
  fs.renameSync(partial, target);
  return { bytes: fs.statSync(target).size };
}

/** Whether a file is a SQLite database holding Tessera's schema (the migrations table), and how many it lists. */
export function inspectBackup(
  file: string,
): { ok: true; migrations: number } | { ok: false; reason: string } {
  if (!fs.existsSync(file)) return { ok: false, reason: `${file} does not exist` };
  let db: SQLite.Database | undefined;
  try {
    db = new SQLite(file, { readonly: true, fileMustExist: true });
    const row = db
      .prepare("select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'")
      .get() as { n: number };
    if (row.n === 0) return { ok: false, reason: `${file} is a SQLite database but not a Tessera one` };
    const count = db.prepare('select count(*) as n from kysely_migration').get() as { n: number };
    return { ok: true, migrations: count.n };
  } catch {
    return { ok: false, reason: `${file} is not a SQLite database` };
  } finally {
    db?.close();
  }
}

/** Puts a backup in place as the database file; the target must not exist (restore into an empty directory). */
export function restoreSqlite(backup: string, target: string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  fs.copyFileSync(backup, partial);
  fs.renameSync(partial, target);
}
