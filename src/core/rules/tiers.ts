/**
 * Tiers (steps): thresholds on a card's points or cumulative purchase amount, each
 * with a reward. A step is reached when the value is at or above its threshold; a reached step's reward is
 * "available" until it has been rewarded.
 */

export type TierBasis = 'points' | 'purchaseAmount';

export type TierReward = { kind: 'voucher_template'; templateId: string } | { kind: 'gift'; giftId: string };

export interface Tier {
  /** 1-based position; thresholds increase with the index. */
  index: number;
  /** Points, or minor units for 'purchaseAmount' (a dialect that shows major units converts). */
  threshold: number;
  /** The reward is generated automatically when the step is crossed (forced use). */
  forcedUse: boolean;
  reward: TierReward;
  label: string;
}

export interface TierLadder {
  type: TierBasis;
  steps: readonly Tier[];
}

export interface TierStatus {
  /** Highest reached step, or null. */
  current: number | null;
  /** Lowest step not yet reached, or null when all are reached. */
  next: number | null;
  /** Reached steps not yet rewarded, ascending. */
  availables: number[];
  type: TierBasis;
}

export type LadderIssueReason = 'INDEXES_NOT_SEQUENTIAL' | 'THRESHOLD_INVALID' | 'THRESHOLDS_NOT_INCREASING';
export type TierClaimReason = 'STEP_NOT_FOUND' | 'STEP_NOT_REACHED' | 'STEP_ALREADY_REWARDED';

const byIndex = (steps: readonly Tier[]): Tier[] => [...steps].sort((a, b) => a.index - b.index);

/**
 * Checks a ladder when it is written: indexes 1..n without gaps, thresholds positive integers that
 * strictly increase with the index.
 */
export function validateLadder(
  ladder: TierLadder,
): { ok: true } | { ok: false; reason: LadderIssueReason; message: string } {
  const steps = byIndex(ladder.steps);
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    if (step.index !== i + 1) {
      return {
        ok: false,
        reason: 'INDEXES_NOT_SEQUENTIAL',
        message: 'Step indexes must be 1, 2, 3… without gaps.',
      };
    }
    if (!Number.isSafeInteger(step.threshold) || step.threshold <= 0) {
      return {
        ok: false,
        reason: 'THRESHOLD_INVALID',
        message: `Step ${step.index} needs a positive integer threshold.`,
      };
    }
    const previous = steps[i - 1];
    if (previous && step.threshold <= previous.threshold) {
      return {
        ok: false,
        reason: 'THRESHOLDS_NOT_INCREASING',
        message: `Step ${step.index} must have a higher threshold than step ${previous.index}.`,
      };
    }
  }
  return { ok: true };
}

/**
 * Where a value stands on the ladder (the step a balance shows). With steps 500/800/1200 and
 * value 130: current null, next 1, availables [].
 */
export function tierStatus(
  ladder: TierLadder,
  value: number,
  rewardedIndexes: readonly number[] = [],
): TierStatus {
  const steps = byIndex(ladder.steps);
  const reached = steps.filter((step) => value >= step.threshold);
  const next = steps.find((step) => value < step.threshold);
  return {
    current: reached.at(-1)?.index ?? null,
    next: next?.index ?? null,
    availables: reached.filter((step) => !rewardedIndexes.includes(step.index)).map((step) => step.index),
    type: ladder.type,
  };
}

/** Steps a sale crossed upwards: before < threshold ≤ after, ascending. Empty when the value went down. */
export function stepsCrossed(ladder: TierLadder, before: number, after: number): number[] {
  return byIndex(ladder.steps)
    .filter((step) => before < step.threshold && step.threshold <= after)
    .map((step) => step.index);
}

/** Steps a return or cancellation fell back below: after < threshold ≤ before, ascending. */
export function stepsLost(ladder: TierLadder, before: number, after: number): number[] {
  return stepsCrossed(ladder, after, before);
}

/**
 * The steps whose reward must be generated now: crossed by the sale, forcedUse, and not already rewarded.
 */
export function forcedRewards(
  ladder: TierLadder,
  before: number,
  after: number,
  rewardedIndexes: readonly number[] = [],
): Tier[] {
  const crossed = stepsCrossed(ladder, before, after);
  return byIndex(ladder.steps).filter(
    (step) => step.forcedUse && crossed.includes(step.index) && !rewardedIndexes.includes(step.index),
  );
}

/**
 * May the reward of step `index` be generated now? The step must exist
 * (else STEP_NOT_FOUND), be reached, and not be rewarded yet.
 */
export function claimStep(
  ladder: TierLadder,
  value: number,
  index: number,
  rewardedIndexes: readonly number[] = [],
): { ok: true; step: Tier } | { ok: false; reason: TierClaimReason; message: string } {
  const step = ladder.steps.find((candidate) => candidate.index === index);
  if (!step) return { ok: false, reason: 'STEP_NOT_FOUND', message: `There is no step ${index}.` };
  if (value < step.threshold) {
    return {
      ok: false,
      reason: 'STEP_NOT_REACHED',
      message: `Step ${index} needs ${step.threshold}; the card has ${value}.`,
    };
  }
  if (rewardedIndexes.includes(index)) {
    return {
      ok: false,
      reason: 'STEP_ALREADY_REWARDED',
      message: `The reward of step ${index} was already generated.`,
    };
  }
  return { ok: true, step };
}
