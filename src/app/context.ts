import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { DbKind } from '../db/database.js';
import type { DB } from '../db/schema/index.js';
import type { Ports } from './ports.js';
import type { UnitOfWork } from './unit-of-work.js';

import type { Role } from '../core/roles.js';

export { ROLES, isRole, type Role } from '../core/roles.js';

/** Everything a use-case needs from the outside world. Time is injectable for tests. */
export interface Deps {
  db: Kysely<DB>;
  dbKind: DbKind;
  config: Config;
  now(): Date;
  /** Mail, SMS, push and webhooks (no-op adapters unless configured; recording ones in tests). */
  ports: Ports;
  /**
   * Set inside a unit of work (see `joinUnitOfWork`): the use-cases called with these dependencies run in
   * that unit's transaction instead of opening their own, so several of them commit or roll back as one.
   */
  unitOfWork?: UnitOfWork;
}

/** Who is calling: resolved by an auth scheme, passed to every use-case. */
export interface Caller {
  principalKind: 'user' | 'client';
  principalId: string;
  merchantId: string | null;
  providerId: string | null;
  role: Role;
  terminalId: string | null;
}
