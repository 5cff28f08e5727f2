import { describe, expect, it } from 'vitest';
import {
  BOUNDS,
  DEFAULT_SALE_DATE_WINDOW,
  pointsProblem,
  saleBoundsProblem,
  saleDateProblem,
} from './bounds.js';

const line = (amount: number, quantity = 1) => ({ amount, quantity });

describe('bounds', () => {
  it.each([
    [{ lines: [line(1250, 2)] }, undefined],
    [{ lines: [line(-500, 1)] }, undefined],
    [{ lines: [line(1250, 0.125)] }, undefined],
    [{ lines: [line(9e15)] }, /lines\[0\]\.amount/],
    [{ lines: [line(12.5)] }, /lines\[0\]\.amount/],
    [{ lines: [line(100, 0)] }, /quantity must be more than 0/],
    [{ lines: [line(100, -1)] }, /quantity must be more than 0/],
    [{ lines: [line(100, 1e9)] }, /quantity must be more than 0/],
    [{ lines: [line(100, 0.0001)] }, /at most 3 decimals/],
    [{ lines: Array.from({ length: 11 }, () => line(BOUNDS.lineAmountMinor)) }, /lines add up/],
    [{ lines: [line(100)], payments: [{ amount: -1 }] }, /payments\[0\]/],
    [{ lines: [line(100)], redeemPoints: 2 ** 53 }, /redeemPoints/],
  ])('%j → %s', (sale, problem) => {
    const found = saleBoundsProblem(sale);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toMatch(problem);
  });

  it('bounds points per movement', () => {
    expect(pointsProblem('points', -1000)).toBeUndefined();
    expect(pointsProblem('points', 9e15)).toMatch(/points must be/);
  });

  it('keeps sale dates within a window around now', () => {
    const now = Date.parse('2026-06-01T00:00:00Z');
    expect(saleDateProblem('2026-05-01T00:00:00Z', now, DEFAULT_SALE_DATE_WINDOW)).toBeUndefined();
    expect(saleDateProblem('9999-01-01T00:00:00Z', now, DEFAULT_SALE_DATE_WINDOW)).toMatch(/future/);
    expect(saleDateProblem('1990-01-01T00:00:00Z', now, DEFAULT_SALE_DATE_WINDOW)).toMatch(/past/);
  });
});
