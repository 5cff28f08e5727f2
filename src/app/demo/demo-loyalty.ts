/**
 * Demo loyalty data: the programs "Carte VIP" and "Carte Privilèges", the seed's cards (customer 634509
 * CATHERINE SOUPE holds 3660298205012 and 13873734051; 13732365477 holds 130 points), a batch of 20 new
 * VIP cards, and one VIP card in each CashDesk status (new, issued, active, blocked).
 */
import { cardNumberForSerial, type CardNumberFormat } from '../../core/cards/index.js';
import { insertCards } from '../../db/repos/cards.repo.js';
import { findCustomer } from '../../db/repos/customers.repo.js';
import { lockCard } from '../../db/repos/ledger.repo.js';
import { inTransaction } from '../../db/transaction.js';
import type { Caller, Deps } from '../context.js';
import { newId } from '../ids.js';
import { createBatch } from '../cards/cards-batch.js';
import { activate, bind, block, issue } from '../cards/cards-lifecycle.js';
import { creditPoints } from '../ledger/ledger-writer.js';
import { createProgram, type ProgramCreateInput, type ProgramRecord } from '../programs/programs.js';

const VIP_FORMAT: CardNumberFormat = { prefix: '366029', length: 13, checkDigit: 'ean13' };
const PRIV_FORMAT: CardNumberFormat = { prefix: '1387', length: 11, checkDigit: 'luhn' };
const perEuro = { points: 1, per: 100 };

export const DEMO_VIP: ProgramCreateInput = {
  code: 'VIP',
  name: 'Carte VIP',
  cardType: 'bonus',
  cardCategory: 'plastic',
  numberFormat: VIP_FORMAT,
  pointsLabel: 'points',
  currency: 'EUR',
  pendingDays: 0,
  expiry: { kind: 'months', months: 12 },
  rules: [{ id: 'total', kind: 'total_amount', rate: perEuro }],
  // Sponsorship: 100 points to the godfather on the godchild's first purchase, 50 to the godchild at enrolment.
  sponsorship: { godfatherPoints: 100, godchildPoints: 50 },
  // Thresholds on the cumulative purchase amount: 500 €, 800 €, 1 200 € in minor units.
  tiers: {
    type: 'purchaseAmount',
    steps: [
      {
        index: 1,
        threshold: 50_000,
        forcedUse: false,
        reward: { kind: 'voucher_template', templateId: 'VIP-25-OR-GIFT' },
        label: 'Un bon de 25 € offert ou 1 cadeau',
      },
      {
        index: 2,
        threshold: 80_000,
        forcedUse: false,
        reward: { kind: 'voucher_template', templateId: 'VIP-40' },
        label: 'Un bon de 40 € offert',
      },
      {
        index: 3,
        threshold: 120_000,
        forcedUse: true,
        reward: { kind: 'voucher_template', templateId: 'VIP-NIGHT' },
        label: 'Une nuit offerte',
      },
    ],
  },
  voucherTemplates: [
    {
      id: 'VIP-25-OR-GIFT',
      kind: 'choices',
      value: 2500,
      label: 'Un bon de 25 € offert ou 1 cadeau',
      options: [
        { type: 'amount', value: 2500, label: 'Bon de 25 €' },
        { type: 'gift', value: 0, label: '1 cadeau' },
      ],
    },
    { id: 'VIP-40', kind: 'amount', value: 4000, label: 'Un bon de 40 € offert' },
    { id: 'VIP-NIGHT', kind: 'gift', value: 0, label: 'Une nuit offerte' },
  ],
  requiredFields: ['firstName', 'lastName', 'mobile'],
  oneCardPerCustomer: true,
};

export const DEMO_PRIV: ProgramCreateInput = {
  code: 'PRIV',
  name: 'Carte Privilèges',
  cardType: 'bonus_discount',
  cardCategory: 'virtual',
  numberFormat: PRIV_FORMAT,
  currency: 'EUR',
  rules: [{ id: 'total', kind: 'total_amount', rate: perEuro }],
  discountBasisPoints: 500,
  oneCardPerCustomer: true,
  walletEnabled: true,
};

const vipNumber = (serial: number): string => {
  const result = cardNumberForSerial(VIP_FORMAT, serial);
  if (!result.ok) throw new Error(result.message);
  return result.number;
};

/** Well-known demo card numbers (the status cards follow the batch of 20 new VIP cards, serials 0–19). */
export const DEMO_CARDS = {
  catherineVip: '3660298205012',
  catherinePriv: '13873734051',
  withPoints: '13732365477',
  newVip: vipNumber(20),
  issuedVip: vipNumber(21),
  activeVip: vipNumber(22),
  blockedVip: vipNumber(23),
} as const;

const demoCaller = (merchantId: string, role: Caller['role']): Caller => ({
  principalKind: 'user',
  principalId: 'demo',
  merchantId,
  providerId: null,
  role,
  terminalId: null,
});

function must<T>(what: string, result: { ok: true; value: T } | { ok: false; code: string }): T {
  if (!result.ok) throw new Error(`demo ${what}: ${result.code}`);
  return result.value;
}

async function customerId(deps: Deps, merchantId: string, by: Parameters<typeof findCustomer>[2]) {
  const found = await findCustomer(deps.db, merchantId, by);
  if (!found) throw new Error(`demo customer ${JSON.stringify(by)} is missing`);
  return found.id;
}

/**
 * The seed's numbers are stored as given, as cards that existed before Tessera: they are inserted directly
 * (active, bound) without checking them against the program's number format, whose check digit they may
 * not satisfy.
 */
async function insertSeedCard(
  deps: Deps,
  merchantId: string,
  program: ProgramRecord,
  number: string,
  customer: string,
): Promise<string> {
  const id = newId('card');
  const now = deps.now().toISOString();
  await inTransaction(deps.db, (tx) =>
    insertCards(tx, [
      {
        id,
        merchantId,
        programId: program.id,
        number,
        status: 'active',
        customerId: customer,
        issuedAt: now,
        activatedAt: now,
        now,
      },
    ]),
  );
  return id;
}

/** Loads the demo programs and cards of a merchant (called once, when the demo is created). */
export async function loadDemoLoyalty(deps: Deps, merchantId: string): Promise<void> {
  const vip = must('program VIP', await createProgram(deps, merchantId, DEMO_VIP));
  const priv = must('program PRIV', await createProgram(deps, merchantId, DEMO_PRIV));

  const catherine = await customerId(deps, merchantId, { ref: 634509 });
  const pierre = await customerId(deps, merchantId, { customerCode: 'FID-0001' });
  await insertSeedCard(deps, merchantId, vip, DEMO_CARDS.catherineVip, catherine);
  await insertSeedCard(deps, merchantId, priv, DEMO_CARDS.catherinePriv, catherine);
  const withPoints = await insertSeedCard(deps, merchantId, vip, DEMO_CARDS.withPoints, pierre);
  await inTransaction(deps.db, async (tx) => {
    const now = deps.now().toISOString();
    await lockCard(tx, withPoints);
    must(
      'demo points',
      await creditPoints(tx, { merchantId, cardId: withPoints, now, reason: 'demo' }, 130, {
        pendingDays: vip.pendingDays,
        expiry: vip.expiry,
      }),
    );
  });

  must('batch', await createBatch(deps, merchantId, { programId: vip.id, count: 20 }));
  must('status cards', await createBatch(deps, merchantId, { programId: vip.id, count: 4 }));
  const xavier = await customerId(deps, merchantId, { mobile: '+14507601235' });
  const sophie = await customerId(deps, merchantId, { customerCode: 'C-1002' });
  must('issue', await issue(deps, merchantId, DEMO_CARDS.issuedVip));
  for (const [number, holder] of [
    [DEMO_CARDS.activeVip, xavier],
    [DEMO_CARDS.blockedVip, sophie],
  ] as const) {
    must('issue', await issue(deps, merchantId, number));
    must('bind', await bind(deps, merchantId, number, { customerId: holder }));
    must('activate', await activate(deps, merchantId, number));
  }
  must(
    'block',
    await block(deps, demoCaller(merchantId, 'cc_operator'), merchantId, DEMO_CARDS.blockedVip, {
      reasonCode: 0,
    }),
  );
}
