import { describe, expect, it } from 'vitest';
import { operationFromAvomarkId } from './operations.js';

describe('operationFromAvomarkId', () => {
  it.each([
    [0, 'purchase'],
    [1, 'purchase'],
    [2, 'discount'],
    [5, 'discount'],
    [7, 'credit'],
    [10, 'opening_fees'],
    [11, 'deposit'],
    [12, 'withdrawal'],
    [13, 'return'],
    [17, 'reset'],
    [3, null],
    [4, null],
    [6, null],
    [18, null],
    [-1, null],
    [1.5, null],
  ] as const)('%d → %s', (id, operation) => {
    expect(operationFromAvomarkId(id)).toBe(operation);
  });
});
