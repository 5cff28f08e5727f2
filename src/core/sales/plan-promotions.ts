/**
 * The promotion step of planning a sale, pure: the sale's purchase lines become a basket (a line's units
 * are its quantity at its unit price when the till gives one or when the amount divides exactly; otherwise
 * one unit at the line's amount), the active map evaluates it, and line indexes map back to line numbers.
 */
import type { Basket, BasketLine, Evaluation, LimitState } from '../promotions/basket.js';
import { evaluate } from '../promotions/evaluate.js';
import type { MapVersion } from '../promotions/model.js';
import type { SaleLine } from '../rules/index.js';

export interface SalePromotionContext {
  /** The basket's header (store, customer, coupons, payments); its lines come from the sale. */
  header: Omit<Basket, 'lines'>;
  map: MapVersion | null;
  limitState: LimitState;
  validityAfterVoid: number;
}

export interface SalePromotions {
  evaluation: Evaluation;
  /** lineNo of each basket line. */
  lineNos: number[];
}

function basketLine(l: SaleLine): BasketLine {
  const attributes = { ...(l.brand !== undefined ? { brand: l.brand } : {}), ...(l.attributes ?? {}) };
  const sku = l.attributes?.code ?? l.itemCode ?? `line-${l.lineNo}`;
  const exact = Number.isInteger(l.quantity) && l.quantity > 0 && l.amount % l.quantity === 0;
  if (l.unitPrice !== undefined && Math.round(l.unitPrice * l.quantity) === l.amount)
    return { sku, quantity: l.quantity, unitPrice: l.unitPrice, attributes };
  if (exact) return { sku, quantity: l.quantity, unitPrice: l.amount / l.quantity, attributes };
  return { sku, quantity: 1, unitPrice: l.amount, attributes };
}

export function planPromotions(
  context: SalePromotionContext,
  lines: readonly SaleLine[],
  now: string,
): SalePromotions | null {
  if (!context.map) return null;
  const purchases = lines.filter((l) => l.operation === 'purchase' && l.amount > 0);
  const basket: Basket = { ...context.header, lines: purchases.map(basketLine) };
  return {
    // A sale stores what applied, not why the others did not: the reasons are not built.
    evaluation: evaluate(basket, context.map, context.limitState, now, { explain: 'none' }),
    lineNos: purchases.map((l) => l.lineNo),
  };
}

/**
 * The discount basis of earning: the sale's lines with each purchase line's amount less the discount the
 * promotions gave it (never below 0). Without promotions, the lines as they are.
 */
export function netOfPromotions(lines: readonly SaleLine[], promotions: SalePromotions | null): SaleLine[] {
  if (!promotions || promotions.evaluation.totalDiscount === 0) return [...lines];
  const discount = new Map<number, number>();
  for (const l of promotions.evaluation.lines) {
    const lineNo = promotions.lineNos[l.index];
    if (lineNo !== undefined && l.discount > 0)
      discount.set(lineNo, (discount.get(lineNo) ?? 0) + l.discount);
  }
  return lines.map((l) => {
    const d = discount.get(l.lineNo);
    return d ? { ...l, amount: Math.max(0, l.amount - d) } : l;
  });
}
