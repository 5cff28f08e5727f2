import { launchDueCampaigns } from '../app/messaging/campaign-launch.js';
import type { Job } from './runner.js';

/** Launching due campaigns: every 10 s; a launch holds its own lease, renewed at every batch. */
export const campaignsJob: Job = {
  name: 'campaigns',
  everyMs: 10_000,
  leaseMs: 5 * 60_000,
  run: (deps) => launchDueCampaigns(deps),
};
