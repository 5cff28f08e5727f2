/**
 * Programs (card types). The structured settings live in text columns as JSON:
 * - `rules`: EarningRule[] (legacy category rules are read as attribute rules: core/rules/legacy-category.ts);
 * - `steps_basis`: tiers.type ('points' | 'purchaseAmount');
 * - `steps`: `{ "steps": Tier[], "voucherTemplates": VoucherTemplate[] }` — the schema has no column of its
 *   own for voucher templates, and the tiers are what refer to them, so both are stored together here;
 * - `expiry_policy`: ExpiryPolicy; `required_fields`: RequirableField[].
 * `discount_percent` holds `discountBasisPoints` (hundredths of a percent: 500 = 5 %), so that fractional
 * percentages stay integers. `next_serial` is the next card serial a batch takes.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { CardNumberFormat } from '../../core/cards/card-number.js';
import { hotQuery } from '../hot.js';
import type { ExpiryPolicy } from '../../core/ledger/expiry-policy.js';
import type {
  CardCategory,
  CardType,
  Program,
  ProgramRecord,
  ProgramSettings,
  RequirableField,
  SponsorshipSettings,
  VoucherTemplate,
} from '../../core/loyalty/program.js';
import { upgradeRules } from '../../core/rules/legacy-category.js';
import type { Tier, TierBasis } from '../../core/rules/tiers.js';
import type { DB } from '../schema/index.js';
import type { ProgramTable } from '../schema/index.js';
import type { Tx } from '../transaction.js';

export type ProgramRow = Selectable<ProgramTable>;

export type { ProgramRecord };

interface StepsColumn {
  steps: Tier[];
  voucherTemplates: VoucherTemplate[];
}

const bool = (v: number | boolean) => v === 1 || v === true;

/**
 * Every sale and balance reads its program, and parsing its JSON columns showed in the profiles: the record of
 * an unchanged row is built once and reused (frozen, so nobody can change the shared copy). A row is unchanged
 * when every column is identical, whatever its updated_at says.
 */
const parsedPrograms = new Map<string, { row: ProgramRow; record: ProgramRecord }>();
const PARSED_PROGRAMS_MAX = 1000;

function sameRow(a: ProgramRow, b: ProgramRow): boolean {
  for (const key of Object.keys(a) as (keyof ProgramRow)[]) if (a[key] !== b[key]) return false;
  return Object.keys(a).length === Object.keys(b).length;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export function toProgramRecord(row: ProgramRow): ProgramRecord {
  const cached = parsedPrograms.get(row.id);
  if (cached && sameRow(cached.row, row)) return cached.record;
  const record = deepFreeze(parseProgramRow(row));
  if (!cached && parsedPrograms.size >= PARSED_PROGRAMS_MAX) {
    parsedPrograms.delete(parsedPrograms.keys().next().value as string);
  }
  parsedPrograms.set(row.id, { row: { ...row }, record });
  return record;
}

function parseProgramRow(row: ProgramRow): ProgramRecord {
  const steps = JSON.parse(row.steps) as StepsColumn;
  const numberFormat: CardNumberFormat = {
    prefix: row.number_prefix,
    length: Number(row.number_length),
    checkDigit: row.check_digit as CardNumberFormat['checkDigit'],
  };
  return {
    id: row.id,
    merchantId: row.merchant_id,
    code: row.code,
    name: row.name,
    active: bool(row.active),
    cardType: row.card_type as CardType,
    cardCategory: row.card_category as CardCategory,
    numberFormat,
    pointsLabel: row.points_label,
    currency: row.currency,
    pendingDays: Number(row.pending_days),
    expiry: JSON.parse(row.expiry_policy) as ExpiryPolicy,
    rules: upgradeRules(JSON.parse(row.rules) as Parameters<typeof upgradeRules>[0]),
    tiers: { type: row.steps_basis as TierBasis, steps: steps.steps },
    voucherTemplates: steps.voucherTemplates,
    requiredFields: JSON.parse(row.required_fields) as RequirableField[],
    discountBasisPoints: Number(row.discount_percent),
    negativeBalance: row.negative_balance as ProgramSettings['negativeBalance'],
    cancelWindowHours: Number(row.cancel_window_hours),
    requireKnownItems: bool(row.require_known_items),
    walletEnabled: bool(row.wallet_enabled),
    sponsorship: row.sponsorship ? (JSON.parse(row.sponsorship) as SponsorshipSettings) : null,
    sharedMobiles: bool(row.shared_mobiles),
    pointValuePer100: row.point_value_per_100 === null ? null : Number(row.point_value_per_100),
    oneCardPerCustomer: bool(row.one_card_per_customer),
    nextSerial: Number(row.next_serial),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The columns that hold a program's code, name, active flag and settings. */
export function programColumns(program: Omit<Program, 'id'>) {
  const steps: StepsColumn = {
    steps: [...program.tiers.steps],
    voucherTemplates: program.voucherTemplates,
  };
  return {
    code: program.code,
    name: program.name,
    active: program.active ? 1 : 0,
    card_type: program.cardType,
    card_category: program.cardCategory,
    number_prefix: program.numberFormat.prefix,
    number_length: program.numberFormat.length,
    check_digit: program.numberFormat.checkDigit,
    points_label: program.pointsLabel,
    currency: program.currency,
    pending_days: program.pendingDays,
    expiry_policy: JSON.stringify(program.expiry),
    steps_basis: program.tiers.type,
    steps: JSON.stringify(steps),
    rules: JSON.stringify(program.rules),
    required_fields: JSON.stringify(program.requiredFields),
    discount_percent: program.discountBasisPoints,
    negative_balance: program.negativeBalance,
    cancel_window_hours: program.cancelWindowHours,
    require_known_items: program.requireKnownItems ? 1 : 0,
    wallet_enabled: program.walletEnabled ? 1 : 0,
    sponsorship: program.sponsorship ? JSON.stringify(program.sponsorship) : null,
    shared_mobiles: program.sharedMobiles ? 1 : 0,
    point_value_per_100: program.pointValuePer100 ?? null,
    one_card_per_customer: program.oneCardPerCustomer ? 1 : 0,
  };
}

export async function insertProgram(
  tx: Tx,
  input: { id: string; merchantId: string; program: Omit<Program, 'id'>; now: string },
): Promise<void> {
  await tx
    .insertInto('programs')
    .values({
      id: input.id,
      merchant_id: input.merchantId,
      ...programColumns(input.program),
      next_serial: 0,
      created_at: input.now,
      updated_at: input.now,
    })
    .execute();
}

export async function updateProgram(
  tx: Tx,
  merchantId: string,
  id: string,
  program: Omit<Program, 'id'>,
  now: string,
): Promise<void> {
  await tx
    .updateTable('programs')
    .set({ ...programColumns(program), updated_at: now, settings_version: sql`settings_version + 1` })
    .where('merchant_id', '=', merchantId)
    .where('id', '=', id)
    .execute();
}

const programById = hotQuery((db, merchantId: string, id: string) =>
  db.selectFrom('programs').selectAll().where('merchant_id', '=', merchantId).where('id', '=', id),
);
const programByCode = hotQuery((db, merchantId: string, code: string) =>
  db.selectFrom('programs').selectAll().where('merchant_id', '=', merchantId).where('code', '=', code),
);

export async function findProgram(
  db: Kysely<DB>,
  merchantId: string,
  by: { id: string } | { code: string },
): Promise<ProgramRecord | undefined> {
  const row = (
    'id' in by ? await programById(db, merchantId, by.id) : await programByCode(db, merchantId, by.code)
  ).rows[0];
  return row ? toProgramRecord(row) : undefined;
}

/** Programs of a merchant by id, after the cursor `after` (an id). */
export async function listPrograms(
  db: Kysely<DB>,
  merchantId: string,
  options: { limit: number; after?: string | undefined },
): Promise<ProgramRecord[]> {
  let q = db.selectFrom('programs').selectAll().where('merchant_id', '=', merchantId);
  if (options.after) q = q.where('id', '>', options.after);
  const rows = await q.orderBy('id').limit(options.limit).execute();
  return rows.map(toProgramRecord);
}

export async function countProgramCards(db: Kysely<DB>, programId: string): Promise<number> {
  const row = await db
    .selectFrom('cards')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('program_id', '=', programId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Reserves `count` serials starting at `first` (default: the program's next serial) with one conditional
 * update on the value just read: a concurrent batch makes it fail and this reads again, so two batches
 * never get the same serials. next_serial only moves forward. Undefined when the program is unknown.
 */
export async function reserveSerials(
  db: Kysely<DB>,
  programId: string,
  count: number,
  first?: number,
): Promise<number | undefined> {
  for (;;) {
    const row = await db
      .selectFrom('programs')
      .select('next_serial')
      .where('id', '=', programId)
      .executeTakeFirst();
    if (!row) return undefined;
    const current = Number(row.next_serial);
    const start = first ?? current;
    const next = Math.max(current, start + count);
    const result = await db
      .updateTable('programs')
      .set({ next_serial: next })
      .where('id', '=', programId)
      .where('next_serial', '=', current)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) return start;
  }
}
