/** Programs, cards and points for the rewards tests, written straight into the database. */
import { newId } from '../../src/app/ids.js';
import { creditPoints } from '../../src/app/ledger/ledger-writer.js';
import type { VoucherTemplate } from '../../src/core/loyalty/program.js';
import type { Tier, TierBasis } from '../../src/core/rules/tiers.js';
import { inTransaction } from '../../src/db/transaction.js';
import type { Harness } from './harness.js';

let serial = 0;
/** A card number unique within the test process. */
export const cardNumber = () =>
  `9${String(Date.now() % 1e8).padStart(8, '0')}${String(++serial).padStart(4, '0')}`;

export async function insertProgram(
  h: Harness,
  options: { basis?: TierBasis; steps?: Tier[]; voucherTemplates?: VoucherTemplate[] } = {},
): Promise<string> {
  const id = newId('prg');
  const now = new Date().toISOString();
  await h.deps.db
    .insertInto('programs')
    .values({
      id,
      merchant_id: h.merchantId,
      code: id,
      name: 'Rewards test program',
      card_type: 'bonus',
      card_category: 'plastic',
      number_prefix: '9',
      number_length: 13,
      check_digit: 'none',
      points_label: 'Points',
      currency: 'EUR',
      pending_days: 0,
      expiry_policy: JSON.stringify({ kind: 'none' }),
      steps_basis: options.basis ?? 'points',
      steps: JSON.stringify({ steps: options.steps ?? [], voucherTemplates: options.voucherTemplates ?? [] }),
      rules: '[]',
      required_fields: '[]',
      discount_percent: 0,
      negative_balance: 'allow',
      cancel_window_hours: 24,
      require_known_items: 0,
      one_card_per_customer: 0,
      next_serial: 0,
      active: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

export interface TestCard {
  id: string;
  number: string;
  customerId: string | null;
}

/** An active card of the program, holding `points` active points. */
export async function insertCard(
  h: Harness,
  programId: string | null,
  points = 0,
  customerId: string | null = null,
): Promise<TestCard> {
  const id = newId('card');
  const number = cardNumber();
  const now = new Date().toISOString();
  await h.deps.db
    .insertInto('cards')
    .values({
      id,
      merchant_id: h.merchantId,
      number,
      customer_id: customerId,
      status: 'active',
      program_id: programId,
      created_at: now,
      updated_at: now,
    })
    .execute();
  if (points > 0) await credit(h, id, points);
  return { id, number, customerId };
}

export async function credit(h: Harness, cardId: string, points: number): Promise<void> {
  const now = new Date(Date.now() - 60_000).toISOString();
  await inTransaction(h.deps.db, (tx) =>
    creditPoints(tx, { merchantId: h.merchantId, cardId, now }, points, {
      pendingDays: 0,
      expiry: { kind: 'none' },
    }),
  );
}

/** The card's active points now. */
export async function activePoints(h: Harness, cardId: string): Promise<number> {
  const rows = await h.deps.db
    .selectFrom('lots')
    .select(['remaining'])
    .where('card_id', '=', cardId)
    .execute();
  return rows.reduce((sum, r) => sum + Number(r.remaining), 0);
}
