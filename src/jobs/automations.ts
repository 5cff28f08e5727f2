import { runAutomations } from '../app/messaging/automation-run.js';
import type { Job } from './runner.js';

/** Automations (birthday, points expiring, welcome, tier reached): every minute. */
export const automationsJob: Job = {
  name: 'automations',
  everyMs: 60_000,
  leaseMs: 5 * 60_000,
  run: (deps) => runAutomations(deps),
};
