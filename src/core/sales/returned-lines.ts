/**
 * What a sale has had returned, line by line (cumulative minor units per purchase line), and how a return
 * adds to it. Everything a reversal takes back is a function of these cumulative amounts, so any sequence of
 * partial returns takes back exactly what one full return would, and never more.
 */
import { fail, ok, type Result } from '../error-catalog.js';
import type { SaleLine } from '../rules/index.js';

/** Cumulative returned amount per purchase lineNo (absent: nothing returned). */
export type ReturnedLines = Readonly<Record<number, number>>;

export interface ReturnRequestLines {
  /** Minor units returned, spread over the lines still unreturned; or give `lines`. */
  amount?: number | undefined;
  lines?: readonly { lineNo: number; amount?: number | undefined }[] | undefined;
}

export function purchaseLines(lines: readonly SaleLine[]): SaleLine[] {
  return lines.filter((l) => l.operation === 'purchase');
}

/**
 * Spreads `amount` over the lines' remaining amounts in proportion, rounded down, the remainder one unit
 * each to the lines with the largest fractional parts (ties: lower lineNo). Exact: the parts sum to `amount`.
 * `amount` must not exceed the sum of the remaining amounts.
 */
export function spreadAmount(
  amount: number,
  remaining: readonly { lineNo: number; amount: number }[],
): { lineNo: number; amount: number }[] {
  const total = remaining.reduce((s, r) => s + r.amount, 0);
  if (amount <= 0 || total <= 0) return [];
  const parts = remaining.map((r) => {
    const product = BigInt(amount) * BigInt(r.amount);
    return {
      lineNo: r.lineNo,
      amount: Number(product / BigInt(total)),
      fraction: product % BigInt(total),
    };
  });
  let left = amount - parts.reduce((s, p) => s + p.amount, 0);
  const order = [...parts].sort((a, b) =>
    a.fraction === b.fraction ? a.lineNo - b.lineNo : a.fraction > b.fraction ? -1 : 1,
  );
  for (const p of order) {
    if (left === 0) break;
    p.amount += 1;
    left -= 1;
  }
  return parts.filter((p) => p.amount > 0).map(({ lineNo, amount: a }) => ({ lineNo, amount: a }));
}

/**
 * The cumulative returned amounts of a sale whose returns were recorded before they were kept per line:
 * its `returnedMinor` spread over its purchase lines like one return by amount.
 */
export function legacyReturnedLines(lines: readonly SaleLine[], returnedMinor: number): ReturnedLines {
  const spread = spreadAmount(
    returnedMinor,
    purchaseLines(lines).map((l) => ({ lineNo: l.lineNo, amount: l.amount })),
  );
  return Object.fromEntries(spread.map((s) => [s.lineNo, s.amount]));
}

/** The amounts this return takes per line, checked against what is left of each line and of the sale. */
export function returnedByThisReturn(
  lines: readonly SaleLine[],
  before: ReturnedLines,
  input: ReturnRequestLines,
): Result<{ lineNo: number; amount: number }[]> {
  const purchases = purchaseLines(lines);
  const left = (l: SaleLine) => l.amount - (before[l.lineNo] ?? 0);
  if (input.amount !== undefined && input.lines !== undefined) {
    return fail('VALIDATION_FAILED', 'Give amount or lines, not both.');
  }
  if (input.amount !== undefined) {
    const returnable = purchases.reduce((s, l) => s + left(l), 0);
    if (input.amount > returnable) {
      return fail('RETURN_EXCEEDS_SALE', `At most ${returnable} can still be returned on this sale.`);
    }
    return ok(
      spreadAmount(
        input.amount,
        purchases.map((l) => ({ lineNo: l.lineNo, amount: left(l) })),
      ),
    );
  }
  if (input.lines === undefined || input.lines.length === 0) {
    return fail('VALIDATION_FAILED', 'Give the returned amount or lines.');
  }
  const taken = new Map<number, number>();
  for (const ret of input.lines) {
    const line = purchases.find((l) => l.lineNo === ret.lineNo);
    if (!line) return fail('RETURN_EXCEEDS_SALE', `Line ${ret.lineNo} is not a purchase line of the sale.`);
    const already = taken.get(ret.lineNo) ?? 0;
    const amount = ret.amount ?? left(line) - already;
    if (already + amount > left(line)) {
      return fail(
        'RETURN_EXCEEDS_SALE',
        `Line ${ret.lineNo} is ${line.amount}; ${left(line) - already} of it can still be returned.`,
      );
    }
    taken.set(ret.lineNo, already + amount);
  }
  return ok([...taken].map(([lineNo, amount]) => ({ lineNo, amount })).filter((t) => t.amount > 0));
}

export function addReturned(
  before: ReturnedLines,
  taken: readonly { lineNo: number; amount: number }[],
): ReturnedLines {
  const after: Record<number, number> = { ...before };
  for (const t of taken) after[t.lineNo] = (after[t.lineNo] ?? 0) + t.amount;
  return after;
}

/** Everything returned: every purchase line at its full amount. */
export function allReturned(lines: readonly SaleLine[]): ReturnedLines {
  return Object.fromEntries(purchaseLines(lines).map((l) => [l.lineNo, l.amount]));
}
