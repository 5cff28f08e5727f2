/**
 * A merchant's pacing of customer messages: quiet hours in its time zone and a send rate per minute. Read
 * once per delivery run; the rate counts what was sent in the last minute (all processes) plus what this run
 * has sent since.
 */
import { minutesUntilQuietEnds } from '../../core/messaging/quiet-hours.js';
import { findSettings } from '../../db/repos/messaging.repo.js';
import { countSentSince } from '../../db/repos/outbox.repo.js';
import type { Deps } from '../context.js';

interface MerchantPace {
  quiet: { start: string; end: string; timeZone: string } | null;
  perMinute: number | null;
  windowStart: number;
  sent: number;
}

function localMinutes(now: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .formatToParts(now)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  return Number(parts.hour) * 60 + Number(parts.minute);
}

export class Pacing {
  private readonly paces = new Map<string, MerchantPace>();
  constructor(private readonly deps: Deps) {}

  private readonly loading = new Map<string, Promise<MerchantPace>>();

  /** One read per merchant and minute, shared by the workers of this run that ask at once. */
  private async pace(merchantId: string, now: Date): Promise<MerchantPace> {
    const known = this.paces.get(merchantId);
    if (known && now.getTime() - known.windowStart < 60_000) return known;
    let loading = this.loading.get(merchantId);
    if (!loading) {
      loading = this.load(merchantId, now).finally(() => this.loading.delete(merchantId));
      this.loading.set(merchantId, loading);
    }
    return loading;
  }

  private async load(merchantId: string, now: Date): Promise<MerchantPace> {
    const settings = await findSettings(this.deps.db, merchantId);
    const windowStart = now.getTime();
    const pace: MerchantPace = {
      quiet:
        settings?.quiet_start && settings.quiet_end
          ? { start: settings.quiet_start, end: settings.quiet_end, timeZone: settings.time_zone ?? 'UTC' }
          : null,
      perMinute: settings?.per_minute ?? null,
      windowStart,
      sent:
        settings?.per_minute != null
          ? await countSentSince(this.deps.db, merchantId, new Date(windowStart - 60_000).toISOString())
          : 0,
    };
    this.paces.set(merchantId, pace);
    return pace;
  }

  /** When the message may leave if not now, and why; null when it may leave now (and is counted). */
  async hold(merchantId: string, now: Date): Promise<{ until: string; reason: string } | null> {
    const pace = await this.pace(merchantId, now);
    if (pace.quiet) {
      const wait = minutesUntilQuietEnds(localMinutes(now, pace.quiet.timeZone), pace.quiet);
      if (wait > 0) {
        const until = new Date(now.getTime() + wait * 60_000);
        until.setUTCSeconds(0, 0);
        return {
          until: until.toISOString(),
          reason: `Quiet hours (${pace.quiet.start}–${pace.quiet.end} ${pace.quiet.timeZone}): waits until ${pace.quiet.end}.`,
        };
      }
    }
    if (pace.perMinute !== null) {
      if (pace.sent >= pace.perMinute)
        return {
          until: new Date(pace.windowStart + 60_000).toISOString(),
          reason: `The merchant's send rate (${pace.perMinute} per minute) is reached: waits for the next minute.`,
        };
      pace.sent += 1;
    }
    return null;
  }
}
