/** Sale lines as the earning engine sees them, and the operation codes of the dialects. */

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
  /** Product category 1..9 (Fidelisa's SubTotal1..9, Avomark's item type when numeric), or null. */
  category?: number | null;
  categoryLabel?: string;
  brand?: string;
  /** Line amount in minor units, tax included, net of the till's own discounts. */
  amount: number;
  quantity: number;
  /** Percentage discount the till applied to this line (0 when none). */
  discountPercent: number;
  /** Minor units per unit, when the till gives it (promotions count units: 3x2). */
  unitPrice?: number;
  /** Item attributes promotions select on (code, level1..n, brand, type). */
  attributes?: Partial<
    Record<
      'code' | 'level1' | 'level2' | 'level3' | 'level4' | 'level5' | 'level6' | 'brand' | 'type',
      string
    >
  >;
}

export type SaleLineIssueReason =
  | 'LINE_NO_INVALID'
  | 'LINE_NO_DUPLICATE'
  | 'OPERATION_UNKNOWN'
  | 'AMOUNT_NOT_INTEGER'
  | 'PURCHASE_AMOUNT_NEGATIVE'
  | 'QUANTITY_INVALID'
  | 'DISCOUNT_PERCENT_INVALID'
  | 'CATEGORY_OUT_OF_RANGE';

export interface SaleLineIssue {
  lineNo: number;
  reason: SaleLineIssueReason;
  message: string;
}

/**
 * Checks sale lines before they reach the engine: unique positive integer line numbers, known operations,
 * integer amounts (purchases not negative), finite quantities, discounts within 0..100, categories 1..9.
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
    const category = line.category;
    if (
      category !== undefined &&
      category !== null &&
      !(Number.isInteger(category) && category >= 1 && category <= 9)
    ) {
      issue('CATEGORY_OUT_OF_RANGE', 'category must be an integer from 1 to 9.');
    }
  }
  return issues.length === 0 ? { ok: true } : { ok: false, reason: 'INVALID_SALE_LINES', issues };
}
