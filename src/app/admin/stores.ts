import { fail, ok, type Result } from '../../core/error-catalog.js';
import { isDuplicate } from '../../db/errors.js';
import * as repo from '../../db/repos/tenancy.repo.js';
import type { StoreTable } from '../../db/schema/index.js';
import type { Deps } from '../context.js';
import { newId } from '../ids.js';
import { checkCurrency, checkTimeZone } from './validate.js';

export interface StoreView {
  id: string;
  code: string;
  name: string;
  region: string | null;
  timeZone: string;
  /** The currency of the store's sales: its own, else the merchant's. */
  currency: string;
  createdAt: string;
}

export interface StoreInput {
  code: string;
  name: string;
  region?: string | null | undefined;
  timeZone?: string | undefined;
  currency?: string | undefined;
}

const DEFAULT_TIME_ZONE = 'UTC';

function view(row: StoreTable, merchantCurrency: string): StoreView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    region: row.region,
    timeZone: row.time_zone ?? DEFAULT_TIME_ZONE,
    currency: row.currency ?? merchantCurrency,
    createdAt: row.created_at,
  };
}

async function merchantCurrency(deps: Deps, merchantId: string): Promise<string> {
  return (await repo.findMerchantById(deps.db, merchantId))?.currency ?? 'EUR';
}

export async function createStore(
  deps: Deps,
  merchantId: string,
  input: StoreInput,
): Promise<Result<StoreView>> {
  const timeZone = checkTimeZone(input.timeZone ?? DEFAULT_TIME_ZONE);
  if (!timeZone.ok) return timeZone;
  const fallback = await merchantCurrency(deps, merchantId);
  const currency = checkCurrency(input.currency ?? fallback);
  if (!currency.ok) return currency;
  const row: StoreTable = {
    id: newId('sto'),
    merchant_id: merchantId,
    code: input.code,
    name: input.name,
    region: input.region ?? null,
    time_zone: timeZone.value,
    currency: currency.value,
    created_at: deps.now().toISOString(),
  };
  try {
    await repo.insertStore(deps.db, row);
  } catch (error) {
    if (isDuplicate(error))
      return fail('STORE_CODE_TAKEN', `A store with the code "${input.code}" already exists.`);
    throw error;
  }
  return ok(view(row, fallback));
}

export async function listStores(deps: Deps, merchantId: string): Promise<StoreView[]> {
  const currency = await merchantCurrency(deps, merchantId);
  return (await repo.listStores(deps.db, merchantId)).map((row) => view(row, currency));
}

export async function updateStore(
  deps: Deps,
  merchantId: string,
  id: string,
  input: {
    name?: string | undefined;
    region?: string | null | undefined;
    timeZone?: string | undefined;
    currency?: string | undefined;
  },
): Promise<Result<StoreView>> {
  const changes: Parameters<typeof repo.updateStore>[3] = {};
  if (input.name !== undefined) changes.name = input.name;
  if (input.region !== undefined) changes.region = input.region;
  if (input.timeZone !== undefined) {
    const timeZone = checkTimeZone(input.timeZone);
    if (!timeZone.ok) return timeZone;
    changes.time_zone = timeZone.value;
  }
  if (input.currency !== undefined) {
    const currency = checkCurrency(input.currency);
    if (!currency.ok) return currency;
    changes.currency = currency.value;
  }
  if (!(await repo.updateStore(deps.db, merchantId, id, changes))) return fail('STORE_NOT_FOUND');
  const row = await repo.findStore(deps.db, merchantId, { id });
  if (!row) return fail('STORE_NOT_FOUND');
  return ok(view(row, await merchantCurrency(deps, merchantId)));
}
