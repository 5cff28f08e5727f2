import { runRetention } from '../../app/ops/retention.js';
import type { Command } from '../command.js';
import { withDeps } from '../deps.js';

export const retentionCommand: Command = {
  name: 'retention',
  summary:
    'Delete old log entries, expired tokens, idempotency keys, jetons, login attempts, finished messages and webhook deliveries, webhook events, imports, coupon history and movements of finished loyalty elements now.',
  usage: '',
  help: `The server does this every 15 minutes by itself. Periods: TESSERA_RETAIN_LOG_DAYS (30),
TESSERA_RETAIN_ANONYMOUS_LOG_DAYS (7), TESSERA_RETAIN_IDEMPOTENCY_HOURS (72), TESSERA_RETAIN_JETON_DAYS (90),
TESSERA_RETAIN_MESSAGE_DAYS (90), TESSERA_RETAIN_WEBHOOK_DAYS (30), TESSERA_RETAIN_IMPORT_DAYS (90),
TESSERA_RETAIN_COUPON_HISTORY_DAYS (730), TESSERA_RETAIN_ELEMENT_MOVEMENT_DAYS (3650).`,
  options: {},
  async run({ config, out }) {
    return withDeps(config, { existing: true }, async (deps) => {
      const done = await runRetention(deps.db, deps.now(), config.retention);
      out(
        `Deleted ${done.logEntries} log entries, ${done.tokens} expired tokens, ${done.idempotencyKeys} idempotency keys, ${done.jetons} jetons, ${done.loginAttempts} login attempts, ${done.messages} messages, ${done.webhookDeliveries} webhook deliveries, ${done.webhookEvents} webhook events, ${done.imports} imports, ${done.couponHistory} coupon history entries, ${done.elementMovements} element movements.`,
      );
      return 0;
    });
  },
};
