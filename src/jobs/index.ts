/** The jobs every Tessera process offers to run; the runner makes sure each runs once per period overall. */
import { purgeUsedJetons } from '../dialects/fidelisa/use-cases/signature.js';
import { automationsJob } from './automations.js';
import { campaignsJob } from './campaigns.js';
import { expiryJob } from './expiry.js';
import { outboxJob } from './outbox.js';
import { retentionJob } from './retention.js';
import { promoImportsJob } from '../dialects/promo/loading/import-job.js';
import type { Job } from './runner.js';

/** Fidelisa jetons past their replay window are forgotten once an hour. */
const jetonsJob: Job = {
  name: 'fidelisa-jetons',
  everyMs: 3_600_000,
  run: (deps) => purgeUsedJetons(deps),
};

export const SCHEDULED_JOBS: readonly Job[] = [
  expiryJob,
  retentionJob,
  jetonsJob,
  outboxJob,
  promoImportsJob,
  campaignsJob,
  automationsJob,
];
