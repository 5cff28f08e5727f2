import type { Deps } from '../app/context.js';
import { NO_OP_PORTS } from '../app/ports.js';
import type { Config } from '../config.js';
import { migrateToLatest, type Database } from '../db/database.js';
import { openExistingDatabase } from '../db/existing.js';
import { databaseOptions, openDeps } from '../server.js';
import { CommandError } from './command.js';

/**
 * Runs a command's work with the configured database and closes it afterwards. `existing: true` refuses an
 * empty data directory or database (exit 1, nothing created); otherwise the schema is created if needed.
 */
export async function withDeps<T>(
  config: Config,
  options: { existing: boolean },
  work: (deps: Deps, database: Database) => Promise<T>,
): Promise<T> {
  let opened: { deps: Deps; database: Database };
  if (options.existing) {
    const found = await openExistingDatabase(databaseOptions(config));
    if (!found.ok) throw new CommandError(found.reason);
    await migrateToLatest(found.database.db);
    const { database } = found;
    opened = {
      database,
      deps: { db: database.db, dbKind: database.kind, config, now: () => new Date(), ports: NO_OP_PORTS },
    };
  } else {
    opened = await openDeps(config);
  }
  try {
    return await work(opened.deps, opened.database);
  } finally {
    await opened.database.close();
  }
}
