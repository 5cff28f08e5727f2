/**
 * Demo rewards: a small gift catalog and the three bearer vouchers of the Avomark "Cas pratique" (one of
 * 10 %, two of 5 €), so the seed's sale example can be replayed as written.
 */
import type { Deps } from '../context.js';
import { createGift, type GiftInput } from '../rewards/gifts.js';
import { issueVoucher, type IssueInput } from '../rewards/issue-voucher.js';
import { inRollbackableTransaction } from '../result-transaction.js';

export const DEMO_GIFTS: GiftInput[] = [
  { title: 'Une nuit offerte', pointsCost: 1200 },
  { title: 'Tote bag', pointsCost: 300, stock: 50 },
  { title: 'Bon de 10 €', pointsCost: 500 },
  { title: 'Coffret découverte', pointsCost: 800, stock: 20 },
];

type DemoVoucher = Pick<IssueInput, 'number' | 'kind' | 'value' | 'label'>;

export const DEMO_VOUCHERS: DemoVoucher[] = [
  { number: '11223344', kind: 'percentage', value: 10, label: '10 % de remise' },
  { number: '22334455', kind: 'amount', value: 500, label: 'Bon de 5 €' },
  { number: '66778899', kind: 'amount', value: 500, label: 'Bon de 5 €' },
  // The README's native tour spends these two, so the Avomark example can still use the two above.
  { number: '22334466', kind: 'amount', value: 500, label: 'Bon de 5 €' },
  { number: '66778800', kind: 'amount', value: 500, label: 'Bon de 5 €' },
];

/** Loads the demo gifts and bearer vouchers of a merchant (called once, when the demo is created). */
export async function loadDemoRewards(deps: Deps, merchantId: string): Promise<void> {
  for (const gift of DEMO_GIFTS) {
    const created = await createGift(deps, merchantId, gift);
    if (!created.ok) throw new Error(`demo gift ${gift.title}: ${created.code}`);
  }
  const now = deps.now().toISOString();
  for (const voucher of DEMO_VOUCHERS) {
    const issued = await inRollbackableTransaction(deps, (tx) =>
      issueVoucher(tx, {
        ...voucher,
        merchantId,
        cardId: null,
        customerId: null,
        options: [],
        splittable: false,
        validFrom: null,
        validUntil: null,
        source: 'demo',
        now,
      }),
    );
    if (!issued.ok) throw new Error(`demo voucher ${voucher.number}: ${issued.code}`);
  }
}
