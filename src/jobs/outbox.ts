import { deliverDue } from '../app/messaging/deliver-outbox.js';
import type { Job } from './runner.js';

/**
 * Outbox delivery: every tick, whatever is due (a run stops claiming after 20 s). Its lease is short, so a
 * process killed mid-delivery holds the job for one minute at most; each message has its own lease too.
 */
export const outboxJob: Job = {
  name: 'outbox',
  everyMs: 1_000,
  leaseMs: 60_000,
  run: (deps) => deliverDue(deps, { budgetMs: 20_000, leaseMs: 60_000 }),
};
