import { describe, expect, it } from 'vitest';
import {
  claimStep,
  forcedRewards,
  stepsCrossed,
  stepsLost,
  tierStatus,
  validateLadder,
  type TierLadder,
} from './tiers.js';

/** The Avomark balance example: purchaseAmount steps 500 / 800 / 1200, the last one forced. */
const AVOMARK: TierLadder = {
  type: 'purchaseAmount',
  steps: [
    {
      index: 1,
      threshold: 500,
      forcedUse: false,
      reward: { kind: 'voucher_template', templateId: 'vt_25' },
      label: 'Un bon de 25 € offert ou 1 cadeau',
    },
    {
      index: 2,
      threshold: 800,
      forcedUse: false,
      reward: { kind: 'voucher_template', templateId: 'vt_40' },
      label: 'Un bon de 40 € offert',
    },
    {
      index: 3,
      threshold: 1200,
      forcedUse: true,
      reward: { kind: 'gift', giftId: 'gift_night' },
      label: 'Une nuit offerte',
    },
  ],
};

describe('tierStatus', () => {
  it.each([
    [130, [], { current: null, next: 1, availables: [] }], // the seed's example
    [0, [], { current: null, next: 1, availables: [] }],
    [499, [], { current: null, next: 1, availables: [] }],
    [500, [], { current: 1, next: 2, availables: [1] }],
    [800, [], { current: 2, next: 3, availables: [1, 2] }],
    [800, [1], { current: 2, next: 3, availables: [2] }],
    [1200, [1, 3], { current: 3, next: null, availables: [2] }],
    [5000, [1, 2, 3], { current: 3, next: null, availables: [] }],
  ] as const)('value %i, rewarded %j', (value, rewarded, expected) => {
    expect(tierStatus(AVOMARK, value, rewarded)).toEqual({ ...expected, type: 'purchaseAmount' });
  });

  it('does not depend on the order the steps are given in', () => {
    const shuffled = { ...AVOMARK, steps: [AVOMARK.steps[2]!, AVOMARK.steps[0]!, AVOMARK.steps[1]!] };
    expect(tierStatus(shuffled, 900)).toEqual(tierStatus(AVOMARK, 900));
  });

  it('handles an empty ladder', () => {
    expect(tierStatus({ type: 'points', steps: [] }, 100)).toEqual({
      current: null,
      next: null,
      availables: [],
      type: 'points',
    });
  });
});

describe('stepsCrossed / stepsLost / forcedRewards', () => {
  it.each([
    [130, 499, [], [], []],
    [130, 500, [1], [], []],
    [499, 1300, [1, 2, 3], [3], []],
    [500, 800, [2], [], []],
    [800, 800, [], [], []],
    [1300, 100, [], [], [1, 2, 3]],
    [900, 700, [], [], [2]],
  ] as const)('%i → %i', (before, after, crossed, forced, lost) => {
    expect(stepsCrossed(AVOMARK, before, after)).toEqual(crossed);
    expect(forcedRewards(AVOMARK, before, after).map((step) => step.index)).toEqual(forced);
    expect(stepsLost(AVOMARK, before, after)).toEqual(lost);
  });

  it('does not force a reward already generated', () => {
    expect(forcedRewards(AVOMARK, 0, 2000, [3])).toEqual([]);
  });
});

describe('claimStep', () => {
  it.each([
    [600, 1, [], { ok: true, step: { index: 1 } }],
    [600, 2, [], { ok: false, reason: 'STEP_NOT_REACHED' }],
    [600, 1, [1], { ok: false, reason: 'STEP_ALREADY_REWARDED' }],
    [600, 4, [], { ok: false, reason: 'STEP_NOT_FOUND' }],
    [600, 0, [], { ok: false, reason: 'STEP_NOT_FOUND' }],
  ] as const)('value %i, step %i, rewarded %j', (value, index, rewarded, expected) => {
    expect(claimStep(AVOMARK, value, index, rewarded)).toMatchObject(expected);
  });
});

describe('validateLadder', () => {
  const step = (index: number, threshold: number) => ({ ...AVOMARK.steps[0]!, index, threshold });
  it.each([
    ['the Avomark ladder', AVOMARK.steps, null],
    ['an empty ladder', [], null],
    ['a gap', [step(1, 100), step(3, 200)], 'INDEXES_NOT_SEQUENTIAL'],
    ['starting at 0', [step(0, 100)], 'INDEXES_NOT_SEQUENTIAL'],
    ['a duplicate index', [step(1, 100), step(1, 200)], 'INDEXES_NOT_SEQUENTIAL'],
    ['equal thresholds', [step(1, 100), step(2, 100)], 'THRESHOLDS_NOT_INCREASING'],
    ['decreasing thresholds', [step(1, 200), step(2, 100)], 'THRESHOLDS_NOT_INCREASING'],
    ['a zero threshold', [step(1, 0)], 'THRESHOLD_INVALID'],
    ['a decimal threshold', [step(1, 10.5)], 'THRESHOLD_INVALID'],
  ] as const)('%s', (_name, steps, reason) => {
    const result = validateLadder({ type: 'points', steps });
    if (reason === null) expect(result).toEqual({ ok: true });
    else expect(result).toMatchObject({ ok: false, reason });
  });
});
