/**
 * Sale lines as the earning engine sees them: an operation, an amount, and the item attributes record
 * (code, hierarchy levels, brand, type) that earning rules and promotion sets select on.
 */
import type { ItemAttributes } from '../promotions/basket.js';
import { ITEM_ATTRIBUTES, type ItemAttribute } from '../promotions/model.js';

export const SALE_OPERATIONS = [
  'purchase',
  'discount',
  'credit',
  'opening_fees',
  'deposit',
  'withdrawal',
  'return',
  'reset',
] as const;
export type SaleOperation = (typeof SALE_OPERATIONS)[number];

export interface SaleLine {
  /** Position of the line in the sale, unique within it (1-based by convention). */
  lineNo: number;
  operation: SaleOperation;
  itemCode?: string;
  itemLabel?: string;
  /** Label of the item's type (`attributes.type`), informative. */
  typeLabel?: string;
  brand?: string;
  /** Line amount in minor units, tax included, net of the till's own discounts. */
  amount: number;
  quantity: number;
  /** Percentage discount the till applied to this line (0 when none). */
  discountPercent: number;
  /** Minor units per unit, when the till gives it (promotions count units: 3x2). */
  unitPrice?: number;
  /** Item attributes rules and promotions select on (code, level1..n, brand, type). */
  attributes?: ItemAttributes;
}

/**
 * A line's value of one attribute: its attributes record first; the code falls back to the item code and the
 * brand to the line's brand (as promotion baskets see them).
 */
export function lineAttribute(line: SaleLine, attribute: ItemAttribute): string | undefined {
  const value = line.attributes?.[attribute];
  if (value !== undefined) return value;
  if (attribute === 'code') return line.itemCode;
  if (attribute === 'brand') return line.brand;
  return undefined;
}

export type SaleLineIssueReason =
  | 'LINE_NO_INVALID'
  | 'LINE_NO_DUPLICATE'
  | 'OPERATION_UNKNOWN'
  | 'AMOUNT_NOT_INTEGER'
  | 'PURCHASE_AMOUNT_NEGATIVE'
  | 'QUANTITY_INVALID'
  | 'DISCOUNT_PERCENT_INVALID'
  | 'ATTRIBUTE_UNKNOWN'
  | 'ATTRIBUTE_VALUE_INVALID';

export interface SaleLineIssue {
  lineNo: number;
  reason: SaleLineIssueReason;
  message: string;
}

/**
 * Checks sale lines before they reach the engine: unique positive integer line numbers, known operations,
 * integer amounts (purchases not negative), finite quantities, discounts within 0..100, known attributes with
 * non-blank text values.
 * Returns every issue found, so a dialect can report them all at once.
 */
export function validateSaleLines(
  lines: readonly SaleLine[],
): { ok: true } | { ok: false; reason: 'INVALID_SALE_LINES'; issues: SaleLineIssue[] } {
  const issues: SaleLineIssue[] = [];
  const seen = new Set<number>();
  for (const line of lines) {
    const issue = (reason: SaleLineIssueReason, message: string) =>
      issues.push({ lineNo: line.lineNo, reason, message });
    if (!Number.isSafeInteger(line.lineNo) || line.lineNo < 1)
      issue('LINE_NO_INVALID', 'lineNo must be a positive integer.');
    else if (seen.has(line.lineNo)) issue('LINE_NO_DUPLICATE', `lineNo ${line.lineNo} appears twice.`);
    seen.add(line.lineNo);
    if (!SALE_OPERATIONS.includes(line.operation))
      issue('OPERATION_UNKNOWN', `Unknown operation ${line.operation}.`);
    if (!Number.isSafeInteger(line.amount))
      issue('AMOUNT_NOT_INTEGER', 'amount must be an integer in minor units.');
    else if (line.operation === 'purchase' && line.amount < 0) {
      issue('PURCHASE_AMOUNT_NEGATIVE', 'A purchase line cannot have a negative amount; use a return line.');
    }
    if (!Number.isFinite(line.quantity)) issue('QUANTITY_INVALID', 'quantity must be a number.');
    if (!Number.isFinite(line.discountPercent) || line.discountPercent < 0 || line.discountPercent > 100) {
      issue('DISCOUNT_PERCENT_INVALID', 'discountPercent must be between 0 and 100.');
    }
    for (const [name, value] of Object.entries(line.attributes ?? {})) {
      if (!(ITEM_ATTRIBUTES as readonly string[]).includes(name)) {
        issue('ATTRIBUTE_UNKNOWN', `attributes.${name}: attributes are ${ITEM_ATTRIBUTES.join(', ')}.`);
      } else if (typeof value !== 'string' || value.trim() === '') {
        issue('ATTRIBUTE_VALUE_INVALID', `attributes.${name} must be non-blank text.`);
      }
    }
  }
  return issues.length === 0 ? { ok: true } : { ok: false, reason: 'INVALID_SALE_LINES', issues };
}
