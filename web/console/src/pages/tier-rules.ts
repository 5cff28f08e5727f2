/** The tier editor's own checks, before anything is sent: the messages appear on the fields at once. */
export interface TierRow {
  threshold: string;
  label: string;
}

export type TierIssue =
  | { field: 'threshold'; key: 'programs.errThreshold' }
  | { field: 'threshold'; key: 'programs.errIncreasing'; previous: number }
  | { field: 'label'; key: 'programs.errLabel' };

/**
 * Issues per row (same order as the rows): a threshold is a positive whole number, higher than every valid
 * threshold before it (the API's ladder rule; the message names the tier to beat), and every tier has a label.
 */
export function tierIssues(rows: readonly TierRow[]): TierIssue[][] {
  let previous: { value: number; tier: number } | undefined;
  return rows.map((row, i) => {
    const issues: TierIssue[] = [];
    const text = row.threshold.trim();
    const value = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(value) || value <= 0)
      issues.push({ field: 'threshold', key: 'programs.errThreshold' });
    else if (previous !== undefined && value <= previous.value)
      issues.push({ field: 'threshold', key: 'programs.errIncreasing', previous: previous.tier });
    if (Number.isSafeInteger(value) && value > 0 && (previous === undefined || value > previous.value))
      previous = { value, tier: i + 1 };
    if (!row.label.trim()) issues.push({ field: 'label', key: 'programs.errLabel' });
    return issues;
  });
}
