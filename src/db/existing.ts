import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { createDatabase, type Database, type DatabaseOptions } from './database.js';

/** Where the SQLite file of this configuration is, or undefined for PostgreSQL (or an unsupported URL). */
export function sqliteFile(options: DatabaseOptions): string | undefined {
  const url = options.databaseUrl;
  if (!url) return path.join(options.dataDir, 'tessera.sqlite');
  return url.startsWith('sqlite:') ? path.resolve(url.slice('sqlite:'.length)) : undefined;
}

/**
 * Opens the configured database only if it already holds Tessera's schema; otherwise says why, without
 * creating anything (a check or a backup of an empty directory must not leave an empty database behind).
 */
export async function openExistingDatabase(
  options: DatabaseOptions,
): Promise<{ ok: true; database: Database } | { ok: false; reason: string }> {
  const file = sqliteFile(options);
  if (file !== undefined && !fs.existsSync(file)) {
    return {
      ok: false,
      reason: `no database at ${file}; run \`tessera init\` (or set TESSERA_DATA to the data directory)`,
    };
  }
  const database = createDatabase(options);
  try {
    const tables = await database.db.introspection.getTables({ withInternalKyselyTables: true });
    if (!tables.some((t) => t.name === 'kysely_migration')) {
      await database.close();
      return {
        ok: false,
        reason: `${database.location} holds no Tessera schema; run \`tessera init\` or \`tessera migrate\``,
      };
    }
  } catch (error) {
    await database.close();
    throw error;
  }
  return { ok: true, database };
}

/** The names of the migrations applied to this database, oldest first. */
export async function appliedMigrations(database: Database): Promise<string[]> {
  const rows = await sql<{
    name: string;
  }>`select name from kysely_migration order by name`.execute(database.db);
  return rows.rows.map((r) => r.name);
}
