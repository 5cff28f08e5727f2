import { randomBytes, randomFillSync } from 'node:crypto';
import type { IdPrefix } from '../core/id-prefixes.js';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const RANDOM_CHARS = 16;

function encodeTime(ms: number): string {
  let out = '';
  let value = ms;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[value % 32] + out;
    value = Math.floor(value / 32);
  }
  return out;
}

// Random bytes drawn from the system a page at a time: one call per id was a visible share of a sale.
const pool = Buffer.alloc(4096);
let poolAt = pool.length;

function randomDigits(): number[] {
  if (poolAt + RANDOM_CHARS > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const digits = new Array<number>(RANDOM_CHARS);
  for (let i = 0; i < RANDOM_CHARS; i++) digits[i] = pool[poolAt + i]! % (i === 0 ? 16 : 32);
  poolAt += RANDOM_CHARS;
  return digits;
}

let lastTime = -1;
let lastRandom: number[] = [];

/** Random digits in base 32; within one millisecond the previous value plus one, so ids stay ordered. */
function nextRandom(now: number): number[] {
  if (now === lastTime) {
    const next = [...lastRandom];
    for (let i = next.length - 1; i >= 0; i--) {
      if (next[i]! < 31) {
        next[i]! += 1;
        break;
      }
      next[i] = 0;
    }
    lastRandom = next;
    return next;
  }
  lastTime = now;
  // The top digit starts below 16 so that increments never wrap within one millisecond in practice.
  lastRandom = randomDigits();
  return lastRandom;
}

/** Prefixed, time-sortable ids (`cus_01jd...`), strictly increasing within a process; prefixes from core/id-prefixes. */
export function newId(prefix: IdPrefix, now: number = Date.now()): string {
  const time = Math.max(now, lastTime);
  return `${prefix}_${encodeTime(time)}${nextRandom(time)
    .map((d) => ALPHABET[d])
    .join('')}`;
}

/** An opaque random secret (tokens, client secrets), URL-safe. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
