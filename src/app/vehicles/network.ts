/** A vehicles network (a merchant with vehicle settings), its member garages and its catalog. */
import { catalogWith, type CatalogJob, type JobOverride } from '../../core/vehicles/catalog.js';
import * as repo from '../../db/repos/vehicles.repo.js';
import type { Tx } from '../../db/transaction.js';
import type { Deps } from '../context.js';

export interface Network {
  merchantId: string;
  slug: string;
  timeZone: string;
  defaultMonthlyMileage: number;
}

export interface Member {
  storeId: string;
  memberId: number;
  posCode: string;
  tradeName: string;
  shortName: string;
  siret: string;
  active: boolean;
}

export async function findNetwork(deps: Deps, slug: string): Promise<Network | null> {
  const row = await repo.findNetworkBySlug(deps.db, slug);
  if (!row) return null;
  return {
    merchantId: row.merchantId,
    slug: row.slug,
    timeZone: row.time_zone,
    defaultMonthlyMileage: Number(row.default_monthly_mileage),
  };
}

export async function listMembers(db: Deps['db'] | Tx, merchantId: string): Promise<Member[]> {
  const rows = await repo.listMembers(db, merchantId);
  return rows.map((r) => ({ ...r, memberId: Number(r.memberId), active: r.active === 1 }));
}

/** The member garage a user is bound to, or null for a network-wide user. */
export async function storeOfUser(deps: Deps, userId: string): Promise<string | null> {
  return (await repo.findStoreOfUser(deps.db, userId))?.store_id ?? null;
}

export async function catalogOf(db: Deps['db'] | Tx, merchantId: string): Promise<CatalogJob[]> {
  const overrides = await repo.listJobOverrides(db, merchantId);
  return catalogWith(
    new Map(overrides.map((o) => [Number(o.job_id), JSON.parse(o.settings) as JobOverride])),
  );
}

/** Today's date in the network's time zone. */
export function localDate(now: Date, timeZone: string): string {
  return localDateTime(now, timeZone).slice(0, 10);
}

/** 'YYYY-MM-DD HH:MM:SS' in the network's time zone. */
export function localDateTime(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

/** The UTC instant of a local 'YYYY-MM-DD HH:MM:SS' in a time zone. */
export function instantOf(local: string, timeZone: string): Date {
  const asUtc = Date.parse(`${local.replace(' ', 'T')}Z`);
  let guess = asUtc;
  for (let i = 0; i < 3; i += 1) {
    const shown = Date.parse(`${localDateTime(new Date(guess), timeZone).replace(' ', 'T')}Z`);
    guess += asUtc - shown;
  }
  return new Date(guess);
}
