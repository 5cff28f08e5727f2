/**
 * The jobs every Tessera process offers to run; the runner makes sure each runs once per period overall.
 * A dialect declares its own jobs (defineDialect's `jobs`): they run after expiry and retention.
 */
import { dialectJobs } from '../dialects/index.js';
import { automationsJob } from './automations.js';
import { campaignsJob } from './campaigns.js';
import { expiryJob } from './expiry.js';
import { outboxJob } from './outbox.js';
import { retentionJob } from './retention.js';
import type { Job } from './runner.js';

export const SCHEDULED_JOBS: readonly Job[] = [
  expiryJob,
  retentionJob,
  ...dialectJobs(),
  outboxJob,
  campaignsJob,
  automationsJob,
];
