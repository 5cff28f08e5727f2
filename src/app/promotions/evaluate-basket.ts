/** POST /v1/baskets/evaluate: what the active map grants a basket, and why each other promotion does not apply. No writes. */
import { fail, ok, type Result } from '../../core/error-catalog.js';
import type { Evaluation } from '../../core/promotions/basket.js';
import { evaluate, type Explain } from '../../core/promotions/evaluate.js';
import { findCardIdByNumber } from '../../db/repos/sale-context.repo.js';
import { customerExists } from '../../db/repos/customers.repo.js';
import type { Deps } from '../context.js';
import { loadPromotionContext } from './promotion-context.js';
import { evaluationView, type EvaluationView } from './evaluation-view.js';

export interface EvaluateInput {
  storeCode: string;
  terminalCode?: string | undefined;
  date: string;
  cardNumber?: string | undefined;
  customerId?: string | undefined;
  contract?: string | undefined;
  coupons?: string[] | undefined;
  lines: {
    sku: string;
    quantity: number;
    unitPrice: number;
    attributes?: Record<string, string> | undefined;
  }[];
  payments?: { type: string; amount: number }[] | undefined;
}

/** The customer of a basket: the card's holder, or the customer named. */
export async function basketCustomer(
  deps: Deps,
  merchantId: string,
  input: { cardNumber?: string | undefined; customerId?: string | undefined },
): Promise<Result<string | null>> {
  if (input.cardNumber !== undefined) {
    const card = await findCardIdByNumber(deps.db, merchantId, input.cardNumber);
    if (!card) return fail('CARD_NOT_FOUND');
    return ok(card.customer_id ?? input.customerId ?? null);
  }
  if (input.customerId !== undefined) {
    if (!(await customerExists(deps.db, merchantId, input.customerId))) return fail('CUSTOMER_NOT_FOUND');
    return ok(input.customerId);
  }
  return ok(null);
}

export async function evaluateBasket(
  deps: Deps,
  merchantId: string,
  input: EvaluateInput,
  explain: Explain = 'all',
): Promise<Result<EvaluationView>> {
  const customer = await basketCustomer(deps, merchantId, input);
  if (!customer.ok) return customer;
  const now = deps.now().toISOString();
  const context = await loadPromotionContext(
    deps.db,
    merchantId,
    {
      storeCode: input.storeCode,
      terminalCode: input.terminalCode,
      date: input.date,
      customerId: customer.value,
      contract: input.contract,
      coupons: input.coupons ?? [],
      lines: input.lines.map((l) => ({
        sku: l.sku,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        attributes: l.attributes ?? {},
      })),
      payments: input.payments ?? [],
    },
    now,
  );
  if (!context.ok) return context;
  const { basket, active, limitState } = context.value;
  const result: Evaluation = evaluate(basket, active?.map ?? null, limitState, now, { explain });
  return ok(evaluationView(result));
}
