import { type Kysely, type Selectable } from 'kysely';
import type { DB } from '../schema/index.js';
import type { VoucherStatus } from '../../core/rewards/vouchers.js';
import type { StepRewardTable, VoucherTable, VoucherUseTable } from '../schema/index.js';
import type { Tx } from '../transaction.js';
import { hotInsert, hotQuery } from '../hot.js';

export type VoucherRow = Selectable<VoucherTable> & { card_number: string | null };
export type VoucherUseRow = Selectable<VoucherUseTable>;

function vouchersWithCard(db: Kysely<DB>) {
  return db
    .selectFrom('vouchers')
    .leftJoin('cards', 'cards.id', 'vouchers.card_id')
    .selectAll('vouchers')
    .select('cards.number as card_number');
}

const voucherByNumber = hotQuery((db, merchantId: string, number: string) =>
  vouchersWithCard(db).where('vouchers.merchant_id', '=', merchantId).where('vouchers.number', '=', number),
);
const voucherById = hotQuery((db, id: string) => vouchersWithCard(db).where('vouchers.id', '=', id));

export async function findVoucherByNumber(
  db: Kysely<DB>,
  merchantId: string,
  number: string,
): Promise<VoucherRow | undefined> {
  return (await voucherByNumber(db, merchantId, number)).rows[0];
}

export async function findVoucherById(db: Kysely<DB>, id: string): Promise<VoucherRow | undefined> {
  return (await voucherById(db, id)).rows[0];
}

const voucherNumberRow = hotQuery((db, merchantId: string, number: string) =>
  db.selectFrom('vouchers').select('id').where('merchant_id', '=', merchantId).where('number', '=', number),
);

export async function voucherNumberExists(db: Kysely<DB>, merchantId: string, number: string) {
  return (await voucherNumberRow(db, merchantId, number)).rows.length > 0;
}

const VOUCHER_COLUMNS = [
  'id',
  'merchant_id',
  'number',
  'card_id',
  'customer_id',
  'kind',
  'value',
  'remaining',
  'splittable',
  'options',
  'label',
  'status',
  'valid_from',
  'valid_until',
  'source',
  'step_index',
  'gift_id',
  'created_at',
  'updated_at',
] as const;
const insertVoucherRow = hotInsert('vouchers', VOUCHER_COLUMNS);

export async function insertVoucher(db: Kysely<DB>, row: VoucherTable): Promise<void> {
  await insertVoucherRow(db, row);
}

const voucherStateWrite = hotQuery(
  (
    db,
    status: VoucherStatus,
    remaining: number,
    now: string,
    id: string,
    expectedStatus: VoucherStatus,
    expectedRemaining: number,
  ) =>
    db
      .updateTable('vouchers')
      .set({ status, remaining, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', expectedStatus)
      .where('remaining', '=', expectedRemaining),
);

/**
 * The one write of a voucher's state: conditional on the status and remaining it was read with, so two
 * concurrent uses cannot both succeed. Answers whether the row was written.
 */
export async function updateVoucherState(
  tx: Tx,
  id: string,
  next: { status: VoucherStatus; remaining: number },
  expected: { status: VoucherStatus; remaining: number },
  now: string,
): Promise<boolean> {
  const result = await voucherStateWrite(
    tx,
    next.status,
    next.remaining,
    now,
    id,
    expected.status,
    expected.remaining,
  );
  return Number(result.numAffectedRows) === 1;
}

export interface VoucherFilter {
  cardId?: string | undefined;
  customerId?: string | undefined;
  status?: VoucherStatus | undefined;
  /** ISO instant the validity is judged at. */
  now: string;
  after?: string | undefined;
  limit: number;
}

/** A merchant's vouchers by id; `limit + 1` rows are read so the caller knows if there is a next page. */
export function listVouchers(db: Kysely<DB>, merchantId: string, filter: VoucherFilter) {
  let q = vouchersWithCard(db).where('vouchers.merchant_id', '=', merchantId);
  if (filter.cardId) q = q.where('vouchers.card_id', '=', filter.cardId);
  if (filter.customerId) q = q.where('vouchers.customer_id', '=', filter.customerId);
  // An active voucher past its validity counts as expired, even before the expiry job has run.
  if (filter.status === 'active') {
    q = q
      .where('vouchers.status', '=', 'active')
      .where((eb) =>
        eb.or([eb('vouchers.valid_until', 'is', null), eb('vouchers.valid_until', '>=', filter.now)]),
      );
  } else if (filter.status === 'expired') {
    q = q.where((eb) =>
      eb.or([
        eb('vouchers.status', '=', 'expired'),
        eb.and([eb('vouchers.status', '=', 'active'), eb('vouchers.valid_until', '<', filter.now)]),
      ]),
    );
  } else if (filter.status) q = q.where('vouchers.status', '=', filter.status);
  if (filter.after) q = q.where('vouchers.id', '>', filter.after);
  return q
    .orderBy('vouchers.id')
    .limit(filter.limit + 1)
    .execute();
}

const insertVoucherUseRow = hotInsert('voucher_uses', [
  'id',
  'voucher_id',
  'sale_id',
  'amount',
  'choice',
  'restored_at',
  'created_at',
]);

export async function insertVoucherUse(tx: Tx, row: VoucherUseTable): Promise<void> {
  await insertVoucherUseRow(tx, row);
}

export function openUsesOfSale(tx: Tx, saleId: string): Promise<VoucherUseRow[]> {
  return tx
    .selectFrom('voucher_uses')
    .selectAll()
    .where('sale_id', '=', saleId)
    .where('restored_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** Marks a use restored, once: false when it already was (a concurrent or repeated restore). */
export async function markUseRestored(tx: Tx, useId: string, now: string): Promise<boolean> {
  const result = await tx
    .updateTable('voucher_uses')
    .set({ restored_at: now })
    .where('id', '=', useId)
    .where('restored_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The tier steps already rewarded to a card, in order. */
const stepIndexes = hotQuery((db, cardId: string) =>
  db.selectFrom('step_rewards').select('step_index').where('card_id', '=', cardId).orderBy('step_index'),
);

export async function rewardedStepIndexes(db: Kysely<DB>, cardId: string): Promise<number[]> {
  return (await stepIndexes(db, cardId)).rows.map((r) => Number(r.step_index));
}

/** Claims a step's reward for a card, exactly once (unique card+step): false when it already was. */
export async function claimStepRow(tx: Tx, row: StepRewardTable): Promise<boolean> {
  const result = await tx
    .insertInto('step_rewards')
    .values(row)
    .onConflict((oc) => oc.columns(['card_id', 'step_index']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export async function setStepVoucher(tx: Tx, stepRewardId: string, voucherId: string): Promise<void> {
  await tx
    .updateTable('step_rewards')
    .set({ voucher_id: voucherId })
    .where('id', '=', stepRewardId)
    .execute();
}
