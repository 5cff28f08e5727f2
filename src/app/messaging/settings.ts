/**
 * A merchant's messaging settings: quiet hours (local time in its time zone; messages due inside them wait
 * until they end, they are never dropped) and a send rate per minute over all customer channels. The
 * delivery job reads them (pacing.ts).
 */
import { fail, ok, type Result } from '../../core/error-catalog.js';
import { isHhMm } from '../../core/messaging/quiet-hours.js';
import { findSettings, saveSettings } from '../../db/repos/messaging.repo.js';
import type { Deps } from '../context.js';

export interface MessagingSettings {
  quietStart: string | null;
  quietEnd: string | null;
  timeZone: string | null;
  perMinute: number | null;
}

export async function readSettings(deps: Deps, merchantId: string): Promise<MessagingSettings> {
  const row = await findSettings(deps.db, merchantId);
  return {
    quietStart: row?.quiet_start ?? null,
    quietEnd: row?.quiet_end ?? null,
    timeZone: row?.time_zone ?? null,
    perMinute: row?.per_minute ?? null,
  };
}

function knownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export async function writeSettings(
  deps: Deps,
  merchantId: string,
  input: MessagingSettings,
): Promise<Result<MessagingSettings>> {
  if ((input.quietStart === null) !== (input.quietEnd === null))
    return fail(
      'MESSAGING_SETTINGS_INVALID',
      'quietStart and quietEnd go together: give both, or null for both.',
    );
  for (const [field, value] of [
    ['quietStart', input.quietStart],
    ['quietEnd', input.quietEnd],
  ] as const)
    if (value !== null && !isHhMm(value))
      return fail('MESSAGING_SETTINGS_INVALID', `${field} must be HH:MM (00:00 to 23:59).`);
  if (input.timeZone !== null && !knownTimeZone(input.timeZone))
    return fail(
      'MESSAGING_SETTINGS_INVALID',
      `timeZone "${input.timeZone}" is not an IANA time zone (e.g. Europe/Paris).`,
    );
  await saveSettings(deps.db, {
    merchant_id: merchantId,
    quiet_start: input.quietStart,
    quiet_end: input.quietEnd,
    time_zone: input.timeZone,
    per_minute: input.perMinute,
    updated_at: deps.now().toISOString(),
  });
  return ok(await readSettings(deps, merchantId));
}
