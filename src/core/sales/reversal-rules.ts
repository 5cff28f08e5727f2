/** What reversing a sale may do: the cancel window, and the share of the accrued discount a return takes back. */

/** A sale can be cancelled until `windowHours` after its own date (not its posting time). */
export function cancelWindowOpen(soldAt: string, windowHours: number, now: string): boolean {
  return Date.parse(now) <= Date.parse(soldAt) + windowHours * 3_600_000;
}

/**
 * The part of the discount a sale accrued (`earned`, minor units) that returns totalling `returned` (cumulative)
 * take back: in proportion, rounded down, all of it once the sale is fully returned (as pointsToReverse does
 * for points), so that no sequence of partial returns takes back more than the sale gave.
 */
export function discountReturned(earned: number, total: number, returned: number): number {
  if (earned === 0 || returned <= 0) return 0;
  if (returned >= total) return earned;
  return Number((BigInt(earned) * BigInt(returned)) / BigInt(total));
}
