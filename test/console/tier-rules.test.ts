import { describe, expect, it } from 'vitest';
import { tierIssues } from '../../web/console/src/pages/tier-rules.js';

describe('the tier editor checks its rows before sending them', () => {
  it('accepts increasing whole thresholds with labels', () => {
    expect(
      tierIssues([
        { threshold: '500', label: 'Silver' },
        { threshold: ' 800 ', label: 'Gold' },
      ]),
    ).toEqual([[], []]);
  });

  it.each([
    ['0', 'programs.errThreshold'],
    ['-5', 'programs.errThreshold'],
    ['12.5', 'programs.errThreshold'],
    ['', 'programs.errThreshold'],
    ['1e3', 'programs.errThreshold'],
    ['99999999999999999999', 'programs.errThreshold'],
  ])('refuses the threshold %j', (threshold, key) => {
    expect(tierIssues([{ threshold, label: 'x' }])).toEqual([[{ field: 'threshold', key }]]);
  });

  it('names the tier a threshold must exceed, and requires labels', () => {
    expect(
      tierIssues([
        { threshold: '500', label: 'Silver' },
        { threshold: '800', label: '' },
        { threshold: '800', label: 'Platinum' },
        { threshold: 'x', label: 'Bad' },
        { threshold: '700', label: 'Lower' },
      ]),
    ).toEqual([
      [],
      [{ field: 'label', key: 'programs.errLabel' }],
      [{ field: 'threshold', key: 'programs.errIncreasing', previous: 2 }],
      [{ field: 'threshold', key: 'programs.errThreshold' }],
      [{ field: 'threshold', key: 'programs.errIncreasing', previous: 2 }],
    ]);
  });
});
