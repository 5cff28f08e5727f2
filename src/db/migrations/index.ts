import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-foundation.js';
import * as m0002 from './0002-loyalty.js';
import * as m0003 from './0003-dialects.js';
import * as m0004 from './0004-due-lots.js';
import * as m0005 from './0005-search-index.js';
import * as m0006 from './0006-retention.js';
import * as m0007 from './0007-shop-email.js';

/** The explicit, ordered list of frozen migrations. Append; never edit a shipped file. */
const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-loyalty': m0002,
  '0003-dialects': m0003,
  '0004-due-lots': m0004,
  '0005-search-index': m0005,
  '0006-retention': m0006,
  '0007-shop-email': m0007,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
