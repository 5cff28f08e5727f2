import type { SaleLine } from './sale-line.js';

export interface LineDeduction {
  lineNo: number;
  /** Minor units taken off the line's amount. */
  amount: number;
}

export interface DeductionResult {
  /** The lines with their amounts reduced (new objects; the input is not touched). */
  lines: SaleLine[];
  /** One entry per line that was reduced, in line order. */
  deductions: LineDeduction[];
  /** What was actually deducted: the voucher total, capped at the purchase total. */
  applied: number;
}

/**
 * Spreads the money paid with amount vouchers (and gift vouchers' money value) over the purchase lines,
 * in proportion to their amounts, so that no points are earned on what loyalty paid for ("no loyalty on
 * loyalty"). Integer-exact: each line gets the floor of its share, and the units left over go one
 * each to the lines with the largest fractional share (earlier lines first on ties); the deductions sum to
 * exactly min(totalVoucherAmount, purchase total) and no line goes below zero. Non-purchase lines are
 * returned unchanged. Throws a RangeError when the voucher total is not a non-negative safe integer.
 */
export function deductAmountVouchers(
  lines: readonly SaleLine[],
  totalVoucherAmount: number,
): DeductionResult {
  if (!Number.isSafeInteger(totalVoucherAmount) || totalVoucherAmount < 0) {
    throw new RangeError(
      `The voucher total must be a non-negative integer in minor units, got ${totalVoucherAmount}.`,
    );
  }
  const bases = lines.map((line) => (line.operation === 'purchase' && line.amount > 0 ? line.amount : 0));
  const purchaseTotal = bases.reduce((sum, amount) => sum + amount, 0);
  const applied = Math.min(totalVoucherAmount, purchaseTotal);
  if (applied === 0) return { lines: lines.map((line) => ({ ...line })), deductions: [], applied: 0 };

  const total = BigInt(purchaseTotal);
  const shares = bases.map((base, index) => {
    const exact = BigInt(applied) * BigInt(base);
    return { index, floor: Number(exact / total), fraction: exact % total };
  });
  let leftover = applied - shares.reduce((sum, share) => sum + share.floor, 0);
  const byFraction = shares
    .filter((share) => share.fraction > 0n)
    .sort((a, b) => (a.fraction === b.fraction ? a.index - b.index : a.fraction > b.fraction ? -1 : 1));
  const amounts = shares.map((share) => share.floor);
  for (const share of byFraction) {
    if (leftover === 0) break;
    amounts[share.index] = (amounts[share.index] ?? 0) + 1;
    leftover -= 1;
  }

  const deductions: LineDeduction[] = [];
  const reduced = lines.map((line, index) => {
    const amount = amounts[index] ?? 0;
    if (amount === 0) return { ...line };
    deductions.push({ lineNo: line.lineNo, amount });
    return { ...line, amount: line.amount - amount };
  });
  return { lines: reduced, deductions, applied };
}
