/** The webhook events of a sale, written to the outbox in the sale's own transaction. */
import type { OutboxEvent } from '../messaging/enqueue.js';
import type { SaleResult } from './post-sale.js';

type Enqueue = (event: OutboxEvent) => Promise<void>;

export async function saleEvents(
  enqueue: Enqueue,
  merchantId: string,
  result: SaleResult,
  sale: { receipt: string; soldAt: string; customerId: string | null },
): Promise<void> {
  const base = {
    saleId: result.saleId,
    receipt: sale.receipt,
    cardNumber: result.cardNumber,
    customerId: sale.customerId,
  };
  await enqueue({
    merchantId,
    channel: 'webhook',
    event: 'sale.posted',
    data: {
      ...base,
      soldAt: sale.soldAt,
      pointsEarned: result.pointsEarned,
      pointsRedeemed: result.pointsRedeemed,
      vouchersUsed: result.vouchersUsed.map((v) => v.number),
    },
  });
  if (result.pointsEarned > 0)
    await enqueue({
      merchantId,
      channel: 'webhook',
      event: 'points.earned',
      data: { ...base, points: result.pointsEarned },
    });
  if (result.pointsRedeemed > 0)
    await enqueue({
      merchantId,
      channel: 'webhook',
      event: 'points.redeemed',
      data: { ...base, points: result.pointsRedeemed },
    });
  for (const used of result.vouchersUsed)
    await enqueue({
      merchantId,
      channel: 'webhook',
      event: 'voucher.redeemed',
      data: { ...base, voucherNumber: used.number, deductionMinor: used.deduction },
    });
  for (const step of result.stepsReached)
    await enqueue({ merchantId, channel: 'webhook', event: 'tier.reached', data: { ...base, step } });
}
