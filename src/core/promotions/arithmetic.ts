/**
 * Integer arithmetic of evaluation: a × b / c rounded half to even (or down), exact past 2^53 through
 * BigInt, and the proportional allocation of a total over lines (half-even shares, the remainder to the
 * largest line, never past a line's cap) whose shares sum to the total exactly.
 */

function divHalfEven(n: bigint, d: bigint): bigint {
  const q = n / d;
  const twice = (n % d) * 2n;
  if (twice > d || (twice === d && q % 2n === 1n)) return q + 1n;
  return q;
}

/** round(a × b / c), half to even; a, b ≥ 0, c > 0. */
export function mulDivHalfEven(a: number, b: number, c: number): number {
  const p = a * b;
  if (Number.isSafeInteger(p)) {
    const q = Math.floor(p / c);
    const twice = (p - q * c) * 2;
    if (twice > c || (twice === c && q % 2 === 1)) return q + 1;
    return q;
  }
  return Number(divHalfEven(BigInt(a) * BigInt(b), BigInt(c)));
}

/** floor(a × b / c); a, b ≥ 0, c > 0. */
export function mulDivFloor(a: number, b: number, c: number): number {
  const p = a * b;
  if (Number.isSafeInteger(p)) return Math.floor(p / c);
  return Number((BigInt(a) * BigInt(b)) / BigInt(c));
}

/**
 * Splits `total` over the entries in proportion to their weights: each share is rounded half to even, and
 * what rounding leaves (or takes) goes to the largest weight first (ties: the order given), never past an
 * entry's cap. Requires 0 ≤ total ≤ Σ caps. The shares sum to `total` exactly.
 */
export function allocate(total: number, weights: readonly number[], caps: readonly number[]): number[] {
  const n = weights.length;
  // One entry (most promotions touch one line): its share is the total, within its cap.
  if (n === 1 && total > 0) return [Math.min(total, caps[0]!)];
  const shares = new Array<number>(n).fill(0);
  if (total <= 0 || n === 0) return shares;
  let sum = 0;
  for (const w of weights) sum += w;
  let given = 0;
  for (let i = 0; i < n; i++) {
    const share = sum > 0 ? Math.min(caps[i]!, mulDivHalfEven(total, weights[i]!, sum)) : 0;
    shares[i] = share;
    given += share;
  }
  let diff = total - given;
  // The entries by decreasing weight (ties: the order given), each found by a scan from the previous one:
  // the first one almost always absorbs the remainder, so this is one pass where a sort would be n log n.
  let lastWeight = Infinity;
  let last = -1;
  while (diff !== 0) {
    let i = -1;
    for (let k = 0; k < n; k++) {
      const w = weights[k]!;
      if (w > lastWeight || (w === lastWeight && k <= last)) continue;
      if (i === -1 || w > weights[i]!) i = k;
    }
    if (i === -1) break;
    if (diff > 0) {
      const add = Math.min(diff, caps[i]! - shares[i]!);
      shares[i]! += add;
      diff -= add;
    } else {
      const take = Math.min(-diff, shares[i]!);
      shares[i]! -= take;
      diff += take;
    }
    lastWeight = weights[i]!;
    last = i;
  }
  return shares;
}
