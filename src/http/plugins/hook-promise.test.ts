import { describe, expect, it } from 'vitest';
import { continueAfter } from './hook-promise.js';

/** Runs continueAfter and resolves with every call of `done`, once the promise has settled. */
async function calls(work: Promise<unknown>, next?: (value: unknown) => void): Promise<unknown[][]> {
  const seen: unknown[][] = [];
  continueAfter(work, (...args: unknown[]) => seen.push(args), next);
  await work.catch(() => undefined);
  await new Promise((resolve) => setImmediate(resolve));
  return seen;
}

describe('continueAfter', () => {
  it('goes on with the value, or calls done when nothing else is given', async () => {
    const values: unknown[] = [];
    expect(await calls(Promise.resolve(7), (v) => values.push(v))).toEqual([]);
    expect(values).toEqual([7]);
    expect(await calls(Promise.resolve(7))).toEqual([[]]);
  });

  it('turns a throw in the rest of the chain into an error for done, not an unhandled rejection', async () => {
    const seen = await calls(Promise.resolve(1), () => {
      throw new Error('invalid header');
    });
    expect(seen).toHaveLength(1);
    expect((seen[0]![0] as Error).message).toBe('invalid header');
  });

  it('passes a rejection to done as an error, even one without an error', async () => {
    const boom = new Error('database down');
    expect(await calls(Promise.reject(boom))).toEqual([[boom]]);
    const seen = await calls(Promise.reject(undefined));
    expect(seen[0]![0]).toBeInstanceOf(Error);
  });
});
