/**
 * lastSales of the customer query, from the engine's sales and their stored plans: mapVersion is the map
 * that evaluated the sale (null when none did), the discount adds the till's and the promotions', coupons
 * count those the promotions issued and those the sale redeemed (coupons and vouchers). What the engine
 * does not record is given as neutral values: offline false, surcharge 0.
 */
import type { Deps } from '../../../app/context.js';
import { recentSales } from '../../../app/elements/customer-sales.js';
import type { CustomerRecord } from '../../../app/customers/customers.js';
import { amountNumber, isoSeconds } from '../../../core/elements/index.js';
import type { Company } from './company.js';

export async function lastSalesOf(deps: Deps, company: Company, customer: CustomerRecord, count: number) {
  const sales = await recentSales(deps, company.merchantId, customer.id, count);
  return sales.map((s) => {
    const purchases = s.lines.filter((l) => l.operation === undefined || l.operation === 'purchase');
    const gross = purchases.reduce((sum, l) => {
      const pct = l.discountPercent ?? 0;
      return sum + (pct > 0 && pct < 100 ? Math.round(l.amount / (1 - pct / 100)) : l.amount);
    }, 0);
    const net = purchases.reduce((sum, l) => sum + l.amount, 0);
    const promo = s.promotions;
    return {
      transactionId: s.receipt,
      transactionType: 'SALE',
      storeCode: s.storeCode,
      terminalCode: s.terminalCode,
      customerId: customer.data.customerCode,
      customerType: customer.data.customerType,
      mapVersion: promo?.mapVersion ?? null,
      offline: false,
      date: isoSeconds(s.soldAt),
      transactionStatus: s.status === 'cancelled' ? 'VOID' : 'COMMIT',
      itemsTotalQuantity: purchases.reduce((sum, l) => sum + l.quantity, 0),
      summaryValues: {
        subtotal: amountNumber(gross),
        discount: amountNumber(gross - net + (promo?.discount ?? 0)),
        surcharge: 0,
        total: amountNumber(s.totalMinor),
      },
      payments: s.payments.map((p, i) => ({
        type: p.method ?? '',
        id: String(i + 1),
        amount: amountNumber(p.amount ?? 0),
      })),
      loyaltyCards: s.cardNumber
        ? [
            {
              id: s.cardNumber,
              obtainedPoints: s.earnedPoints,
              benefitedByPromotion: (promo?.points ?? 0) > 0,
              redeemedPoints: s.redeemedPoints,
              redeemedByPromotion: s.redeemedPoints > 0 && promo !== null,
            },
          ]
        : [],
      coupons: {
        obtained: promo?.couponsIssued ?? 0,
        redeemed: s.vouchersUsed + (promo?.couponsRedeemed ?? 0),
      },
    };
  });
}
