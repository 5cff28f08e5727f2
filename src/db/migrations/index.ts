import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-foundation.js';
import * as m0002 from './0002-loyalty.js';
import * as m0003 from './0003-dialects.js';
import * as m0004 from './0004-due-lots.js';
import * as m0005 from './0005-search-index.js';
import * as m0006 from './0006-card-summaries.js';
import * as m0007 from './0007-jobs.js';
import * as m0008 from './0008-store-settings.js';
import * as m0009 from './0009-retention.js';
import * as m0010 from './0010-shop-email.js';
import * as m0011 from './0011-sponsorship.js';
import * as m0013 from './0013-messaging.js';
import * as m0015 from './0015-vehicles.js';
import * as m0016 from './0016-promotions.js';
import * as m0017 from './0017-loyalty-elements.js';
import * as m0018 from './0018-report-indexes.js';
import * as m0020 from './0020-sale-returned-lines.js';
import * as m0021 from './0021-promo-queries.js';
import * as m0022 from './0022-data-loading.js';
import * as m0024 from './0024-campaigns.js';
import * as m0025 from './0025-point-value.js';
import * as m0026 from './0026-promotion-workflows.js';
import * as m0030 from './0030-sale-cancelled-at.js';
import * as m0031 from './0031-program-settings-version.js';
import * as m0032 from './0032-drop-lots-expiry-index.js';

/** The explicit, ordered list of frozen migrations. Append; never edit a shipped file. */
const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-loyalty': m0002,
  '0003-dialects': m0003,
  '0004-due-lots': m0004,
  '0005-search-index': m0005,
  '0006-card-summaries': m0006,
  '0007-jobs': m0007,
  '0008-store-settings': m0008,
  '0009-retention': m0009,
  '0010-shop-email': m0010,
  '0011-sponsorship': m0011,
  '0013-messaging': m0013,
  '0015-vehicles': m0015,
  '0016-promotions': m0016,
  '0017-loyalty-elements': m0017,
  '0018-report-indexes': m0018,
  '0020-sale-returned-lines': m0020,
  '0021-promo-queries': m0021,
  '0022-data-loading': m0022,
  '0024-campaigns': m0024,
  '0025-point-value': m0025,
  '0026-promotion-workflows': m0026,
  '0030-sale-cancelled-at': m0030,
  '0031-program-settings-version': m0031,
  '0032-drop-lots-expiry-index': m0032,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
