import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { DbKind } from '../db/database.js';
import type { DB } from '../db/schema/index.js';

export const ROLES = [
  'administrator',
  'director',
  'senior_employee',
  'marketer',
  'cc_operator',
  'cashier',
  'client',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Everything a use-case needs from the outside world. Time is injectable for tests. */
export interface Deps {
  db: Kysely<DB>;
  dbKind: DbKind;
  config: Config;
  now(): Date;
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
