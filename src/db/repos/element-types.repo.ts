import type { Kysely } from 'kysely';
import type { DB } from '../schema/index.js';
import type { Tx } from '../transaction.js';

export interface ElementTypeRecord {
  programId: string;
  merchantId: string;
  code: string;
  name: string;
  description: string;
  active: boolean;
  numberLength: number;
  nominated: boolean;
  rechargeable: boolean;
  cvvRequired: boolean;
  customerValidation: string;
  chargeLimit: number;
  initialAmount: number;
  validityDays: number | null;
  ranges: ElementTypeRange[];
}

export interface ElementTypeRange {
  id: string;
  start: number;
  end: number;
  suggested: boolean;
  createdAt: string;
}

export async function insertElementType(
  tx: Tx,
  row: Omit<ElementTypeRecord, 'code' | 'name' | 'active' | 'numberLength' | 'ranges'> & { now: string },
  ranges: readonly Omit<ElementTypeRange, 'createdAt'>[],
): Promise<void> {
  await tx
    .insertInto('element_types')
    .values({
      program_id: row.programId,
      merchant_id: row.merchantId,
      description: row.description,
      nominated: row.nominated ? 1 : 0,
      rechargeable: row.rechargeable ? 1 : 0,
      cvv_required: row.cvvRequired ? 1 : 0,
      customer_validation: row.customerValidation,
      charge_limit: row.chargeLimit,
      initial_amount: row.initialAmount,
      validity_days: row.validityDays,
      created_at: row.now,
    })
    .execute();
  for (const range of ranges) {
    await tx
      .insertInto('element_type_ranges')
      .values({
        id: range.id,
        program_id: row.programId,
        merchant_id: row.merchantId,
        prefix_start: range.start,
        prefix_end: range.end,
        suggested: range.suggested ? 1 : 0,
        created_at: row.now,
      })
      .execute();
  }
}

function baseQuery(db: Kysely<DB>, merchantId: string) {
  return db
    .selectFrom('element_types as t')
    .innerJoin('programs as p', 'p.id', 't.program_id')
    .select([
      't.program_id',
      't.merchant_id',
      't.description',
      't.nominated',
      't.rechargeable',
      't.cvv_required',
      't.customer_validation',
      't.charge_limit',
      't.initial_amount',
      't.validity_days',
      'p.code',
      'p.name',
      'p.active',
      'p.number_length',
    ])
    .where('t.merchant_id', '=', merchantId);
}

type BaseRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

async function withRanges(db: Kysely<DB>, rows: BaseRow[]): Promise<ElementTypeRecord[]> {
  if (rows.length === 0) return [];
  const ranges = await db
    .selectFrom('element_type_ranges')
    .selectAll()
    .where(
      'program_id',
      'in',
      rows.map((r) => r.program_id),
    )
    .orderBy('prefix_start')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    programId: r.program_id,
    merchantId: r.merchant_id,
    code: r.code,
    name: r.name,
    description: r.description,
    active: Number(r.active) === 1,
    numberLength: Number(r.number_length),
    nominated: Number(r.nominated) === 1,
    rechargeable: Number(r.rechargeable) === 1,
    cvvRequired: Number(r.cvv_required) === 1,
    customerValidation: r.customer_validation,
    chargeLimit: Number(r.charge_limit),
    initialAmount: Number(r.initial_amount),
    validityDays: r.validity_days === null ? null : Number(r.validity_days),
    ranges: ranges
      .filter((x) => x.program_id === r.program_id)
      .map((x) => ({
        id: x.id,
        start: Number(x.prefix_start),
        end: Number(x.prefix_end),
        suggested: Number(x.suggested) === 1,
        createdAt: x.created_at,
      })),
  }));
}

export async function findElementType(
  db: Kysely<DB>,
  merchantId: string,
  code: string,
): Promise<ElementTypeRecord | undefined> {
  const row = await baseQuery(db, merchantId).where('p.code', '=', code).executeTakeFirst();
  return row ? (await withRanges(db, [row]))[0] : undefined;
}

export async function listElementTypes(db: Kysely<DB>, merchantId: string): Promise<ElementTypeRecord[]> {
  const rows = await baseQuery(db, merchantId).orderBy('p.code').execute();
  return withRanges(db, rows);
}
