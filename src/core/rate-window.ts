/**
 * A fixed-window counter per key (an address): `take` says whether one more event fits in the current
 * window. Bounded: past `maxKeys` keys, the windows that have ended are dropped, then the oldest keys.
 */
export class RateWindow {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    private readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  take(key: string, limit: number, now: number): boolean {
    let entry = this.windows.get(key);
    if (!entry || now - entry.startedAt >= this.windowMs) {
      if (!entry && this.windows.size >= this.maxKeys) this.prune(now);
      entry = { startedAt: now, count: 0 };
      this.windows.set(key, entry);
    }
    if (entry.count >= limit) return false;
    entry.count += 1;
    return true;
  }

  private prune(now: number): void {
    for (const [key, entry] of this.windows) {
      if (now - entry.startedAt >= this.windowMs) this.windows.delete(key);
    }
    while (this.windows.size >= this.maxKeys) {
      this.windows.delete(this.windows.keys().next().value as string);
    }
  }
}
