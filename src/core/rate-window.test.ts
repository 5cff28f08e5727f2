import { describe, expect, it } from 'vitest';
import { RateWindow } from './rate-window.js';

describe('rate window', () => {
  it('lets `limit` events per key through each window', () => {
    const w = new RateWindow(1000);
    const taken = Array.from({ length: 5 }, () => w.take('a', 3, 0));
    expect(taken).toEqual([true, true, true, false, false]);
    expect(w.take('b', 3, 0)).toBe(true);
    expect(w.take('a', 3, 1000)).toBe(true);
  });

  it('stays bounded', () => {
    const w = new RateWindow(1000, 10);
    for (let i = 0; i < 100; i++) w.take(`k${i}`, 1, 0);
    expect(w.take('k99', 1, 0)).toBe(false);
    expect(w.take('k0', 1, 0)).toBe(true);
  });
});
