/**
 * Element numbers: an element created for a customer takes the type's prefix followed by the customer's
 * document number, zero-filled in between to the type's number length. Numbers compare as numbers when
 * they are digits (shorter first), as text otherwise.
 */

export type NumberResult = { ok: true; number: string } | { ok: false; reason: 'TOO_LONG' | 'NOT_DIGITS' };

export function customerElementNumber(prefix: string, identifier: string, length: number): NumberResult {
  const id = identifier.trim();
  if (!/^\d+$/.test(prefix) || !/^[0-9A-Za-z]+$/.test(id)) return { ok: false, reason: 'NOT_DIGITS' };
  const free = length - prefix.length - id.length;
  if (free < 0) return { ok: false, reason: 'TOO_LONG' };
  return { ok: true, number: `${prefix}${'0'.repeat(free)}${id}` };
}

/** Orders element numbers: digit strings by length then value, others after them as text. */
export function compareNumbers(a: string, b: string): number {
  const digitsA = /^\d+$/.test(a);
  const digitsB = /^\d+$/.test(b);
  if (digitsA !== digitsB) return digitsA ? -1 : 1;
  if (digitsA && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether a number starts with one of the prefixes of the type's ranges. */
export function inPrefixRanges(number: string, ranges: readonly { start: number; end: number }[]): boolean {
  return ranges.some((r) => {
    for (let p = r.start; p <= r.end && p - r.start < 100_000; p++)
      if (number.startsWith(String(p))) return true;
    return false;
  });
}
