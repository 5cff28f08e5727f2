/**
 * The retention clean-up: deletes what only operations need and only for a while. Integration log entries,
 * expired access tokens, old idempotency keys (with their stored responses), spent Fidelisa jetons, login
 * attempts whose window has run out, finished outbox messages and webhook deliveries (with their attempts),
 * webhook events, finished imports, the history of coupons and the movements of loyalty elements that are over.
 * Plain function; the server runs it periodically, `tessera retention` on demand.
 */
import type { Kysely } from 'kysely';
import type { RetentionSettings } from '../../core/retention-settings.js';
import { deleteExpiredTokens } from '../../db/repos/auth.repo.js';
import { deleteKeysBefore } from '../../db/repos/idempotency.repo.js';
import { deleteLogEntriesBefore } from '../../db/repos/integration-log.repo.js';
import { deleteJetonsBefore } from '../../db/repos/jetons.repo.js';
import { deleteStaleAttempts } from '../../db/repos/login-attempts.repo.js';
import * as retention from '../../db/repos/retention.repo.js';
import type { DB } from '../../db/schema/index.js';

export interface RetentionReport {
  logEntries: number;
  tokens: number;
  idempotencyKeys: number;
  jetons: number;
  loginAttempts: number;
  messages: number;
  webhookDeliveries: number;
  webhookEvents: number;
  imports: number;
  couponHistory: number;
  elementMovements: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export async function runRetention(
  db: Kysely<DB>,
  now: Date,
  settings: RetentionSettings,
): Promise<RetentionReport> {
  const t = now.getTime();
  const ago = (ms: number) => new Date(t - ms).toISOString();
  return {
    logEntries: await deleteLogEntriesBefore(
      db,
      ago(settings.logDays * DAY),
      ago(settings.anonymousLogDays * DAY),
    ),
    tokens: await deleteExpiredTokens(db, now.toISOString()),
    idempotencyKeys: await deleteKeysBefore(db, ago(settings.idempotencyHours * HOUR)),
    jetons: await deleteJetonsBefore(db, ago(settings.jetonDays * DAY)),
    loginAttempts: await deleteStaleAttempts(db, now.toISOString(), ago(settings.loginWindowMs)),
    messages: await retention.deleteFinishedMessagesBefore(db, ago(settings.messageDays * DAY), false),
    webhookDeliveries: await retention.deleteFinishedMessagesBefore(
      db,
      ago(settings.webhookDays * DAY),
      true,
    ),
    webhookEvents: await retention.deleteWebhookEventsBefore(db, ago(settings.webhookDays * DAY)),
    imports: await retention.deleteImportsBefore(db, ago(settings.importDays * DAY)),
    couponHistory: await retention.deleteCouponHistoryBefore(db, ago(settings.couponHistoryDays * DAY)),
    elementMovements: await retention.deleteElementMovementsBefore(
      db,
      ago(settings.elementMovementDays * DAY),
    ),
  };
}
