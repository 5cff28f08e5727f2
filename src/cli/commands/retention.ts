import { runRetention } from '../../app/ops/retention.js';
import type { Command } from '../command.js';
import { withDeps } from '../deps.js';

export const retentionCommand: Command = {
  name: 'retention',
  summary: 'Delete old log entries, expired tokens, idempotency keys, jetons and login attempts now.',
  usage: '',
  help: `The server does this every 15 minutes by itself. Periods: TESSERA_RETAIN_LOG_DAYS (30),
TESSERA_RETAIN_ANONYMOUS_LOG_DAYS (7), TESSERA_RETAIN_IDEMPOTENCY_HOURS (72), TESSERA_RETAIN_JETON_DAYS (90).`,
  options: {},
  async run({ config, out }) {
    return withDeps(config, { existing: true }, async (deps) => {
      const done = await runRetention(deps.db, deps.now(), config.retention);
      out(
        `Deleted ${done.logEntries} log entries, ${done.tokens} expired tokens, ${done.idempotencyKeys} idempotency keys, ${done.jetons} jetons, ${done.loginAttempts} login attempts.`,
      );
      return 0;
    });
  },
};
