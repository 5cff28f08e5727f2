import { runRetention } from '../app/ops/retention.js';
import type { Job } from './runner.js';

/** The retention clean-up (integration log, tokens, idempotency keys, jetons, login attempts): every 15 minutes. */
export const retentionJob: Job = {
  name: 'retention',
  everyMs: 15 * 60_000,
  run: (deps, now) => runRetention(deps.db, now, deps.config.retention),
};
