/**
 * Bounds on what a request may carry: amounts, quantities, points and sale dates. Past these, totals could
 * leave the range where a double is an exact integer (2^53), which every layer (JSON, the ledger, both
 * databases' integers) relies on. Each bound is far beyond any real ticket.
 */
export const BOUNDS = {
  /** One line's amount, minor units (10,000,000.00 in a two-decimal currency), either sign. */
  lineAmountMinor: 1_000_000_000,
  /** A sale's lines, payments or vouchers together, minor units. */
  saleTotalMinor: 10_000_000_000,
  /** One line's quantity: positive, at most this, with at most `quantityDecimals` decimals (weighed items). */
  quantity: 100_000,
  quantityDecimals: 3,
  /** Points in one movement (an adjustment, a redemption, a correction). */
  pointsPerMovement: 1_000_000_000,
  /**
   * Points a card may hold (active and pending together): a credit or a sale's earning past it is refused,
   * so that no balance, sum or total ever leaves the exact-integer range of a double (2^53, about 9 * 10^15).
   */
  balancePoints: 1_000_000_000_000,
  /** Money a card's wallet may hold, minor units (100,000,000.00 in a two-decimal currency). */
  walletMinor: 10_000_000_000,
} as const;

/** What is wrong with crediting `adding` points to a card that holds `held` (active and pending), or undefined. */
export function balanceCapProblem(held: number, adding: number): string | undefined {
  if (adding <= 0 || held + adding <= BOUNDS.balancePoints) return undefined;
  return `This would bring the card past the most points a card may hold (${BOUNDS.balancePoints}); it holds ${held}.`;
}

/** What is wrong with adding `adding` minor units to a wallet that holds `held`, or undefined. */
export function walletCapProblem(held: number, adding: number): string | undefined {
  if (adding <= 0 || held + adding <= BOUNDS.walletMinor) return undefined;
  return `This would bring the wallet past the most money a wallet may hold (${BOUNDS.walletMinor} minor units); it holds ${held}.`;
}

export interface SaleAmounts {
  lines: readonly { amount: number; quantity: number }[];
  payments?: readonly { amount: number }[] | undefined;
  vouchers?: readonly { amount?: number | undefined }[] | undefined;
  redeemPoints?: number | undefined;
}

const fitsDecimals = (value: number, decimals: number) => {
  const scaled = value * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
};

/** What is out of bounds in a sale, as a message for the caller, or undefined. */
export function saleBoundsProblem(sale: SaleAmounts): string | undefined {
  let total = 0;
  for (const [i, line] of sale.lines.entries()) {
    const at = `lines[${i}]`;
    if (!Number.isInteger(line.amount) || Math.abs(line.amount) > BOUNDS.lineAmountMinor)
      return `${at}.amount must be a whole number of minor units between -${BOUNDS.lineAmountMinor} and ${BOUNDS.lineAmountMinor}.`;
    if (!Number.isFinite(line.quantity) || line.quantity <= 0 || line.quantity > BOUNDS.quantity)
      return `${at}.quantity must be more than 0 and at most ${BOUNDS.quantity}.`;
    if (!fitsDecimals(line.quantity, BOUNDS.quantityDecimals))
      return `${at}.quantity may have at most ${BOUNDS.quantityDecimals} decimals.`;
    total += Math.abs(line.amount);
  }
  if (total > BOUNDS.saleTotalMinor)
    return `The lines add up to more than ${BOUNDS.saleTotalMinor} minor units.`;
  for (const [name, items] of [
    ['payments', sale.payments ?? []],
    ['vouchers', sale.vouchers ?? []],
  ] as const) {
    let sum = 0;
    for (const [i, item] of items.entries()) {
      const amount = item.amount ?? 0;
      if (!Number.isInteger(amount) || amount < 0 || amount > BOUNDS.saleTotalMinor)
        return `${name}[${i}].amount must be a whole number of minor units from 0 to ${BOUNDS.saleTotalMinor}.`;
      sum += amount;
    }
    if (sum > BOUNDS.saleTotalMinor)
      return `The ${name} add up to more than ${BOUNDS.saleTotalMinor} minor units.`;
  }
  const points = sale.redeemPoints ?? 0;
  if (!Number.isInteger(points) || points < 0 || points > BOUNDS.pointsPerMovement)
    return `redeemPoints must be a whole number from 0 to ${BOUNDS.pointsPerMovement}.`;
  return undefined;
}

/** What is wrong with the points of one movement (signed), or undefined. */
export function pointsProblem(name: string, points: number): string | undefined {
  if (!Number.isInteger(points) || Math.abs(points) > BOUNDS.pointsPerMovement)
    return `${name} must be a whole number between -${BOUNDS.pointsPerMovement} and ${BOUNDS.pointsPerMovement}.`;
  return undefined;
}

/** How far from now a sale may be dated. */
export interface SaleDateWindow {
  pastDays: number;
  futureMinutes: number;
}

export const DEFAULT_SALE_DATE_WINDOW: SaleDateWindow = { pastDays: 400, futureMinutes: 24 * 60 };

/** What is wrong with a sale's date (a till's clock may be off, but not by years), or undefined. */
export function saleDateProblem(date: string, now: number, window: SaleDateWindow): string | undefined {
  const at = Date.parse(date);
  if (Number.isNaN(at)) return 'date is not a date.';
  if (at < now - window.pastDays * 86_400_000)
    return `date is more than ${window.pastDays} days in the past.`;
  if (at > now + window.futureMinutes * 60_000)
    return `date is more than ${window.futureMinutes} minutes in the future.`;
  return undefined;
}
