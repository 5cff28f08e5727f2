/**
 * A campaign's audience: filters over customers, all optional, combined with "and". Dates are RFC 3339
 * instants or YYYY-MM-DD days; the checks here are the ones a schema cannot make (ranges in order, a tier
 * needs its program). Throttling spreads the messages of a campaign over minutes.
 */
export interface Audience {
  /** Code of a customer segment. */
  segment?: string | undefined;
  /** Code of a program: customers with an active card of it. */
  program?: string | undefined;
  /** Index of a tier of `program` (1 = first): customers whose card reached it or a higher one. */
  minTier?: number | undefined;
  /** Bought something on or after this instant. */
  lastPurchaseAfter?: string | undefined;
  /** Bought something, but nothing since this instant. */
  lastPurchaseBefore?: string | undefined;
  /** Active points of an active card (of `program` when given). */
  minBalance?: number | undefined;
  maxBalance?: number | undefined;
  /** 1..12 */
  birthdayMonth?: number | undefined;
}

export interface AudienceIssue {
  field: string;
  message: string;
}

export function checkAudience(a: Audience): AudienceIssue[] {
  const issues: AudienceIssue[] = [];
  if (a.minTier !== undefined && a.program === undefined)
    issues.push({
      field: 'audience.minTier',
      message: 'audience.minTier needs audience.program (tiers belong to a program).',
    });
  if (a.minBalance !== undefined && a.maxBalance !== undefined && a.minBalance > a.maxBalance)
    issues.push({
      field: 'audience.minBalance',
      message: 'audience.minBalance is above audience.maxBalance.',
    });
  if (
    a.lastPurchaseAfter !== undefined &&
    a.lastPurchaseBefore !== undefined &&
    Date.parse(a.lastPurchaseAfter) >= Date.parse(a.lastPurchaseBefore)
  )
    issues.push({
      field: 'audience.lastPurchaseAfter',
      message:
        'audience.lastPurchaseAfter must be before audience.lastPurchaseBefore (no customer can match).',
    });
  for (const field of ['lastPurchaseAfter', 'lastPurchaseBefore'] as const) {
    const value = a[field];
    if (value !== undefined && Number.isNaN(Date.parse(value)))
      issues.push({
        field: `audience.${field}`,
        message: `audience.${field} is not a date (YYYY-MM-DD or RFC 3339).`,
      });
  }
  return issues;
}

/** When the n-th message (0-based) of a campaign may leave: `perMinute` of them each minute from `startMs`. */
export function throttledAt(startMs: number, n: number, perMinute: number | null): number {
  if (perMinute === null) return startMs;
  return startMs + Math.floor(n / perMinute) * 60_000;
}
