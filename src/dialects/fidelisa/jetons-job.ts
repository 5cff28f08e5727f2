import type { Job } from '../../jobs/runner.js';
import { purgeUsedJetons } from './use-cases/signature.js';

/** Fidelisa jetons past their replay window are forgotten once an hour. */
export const jetonsJob: Job = {
  name: 'fidelisa-jetons',
  everyMs: 3_600_000,
  run: (deps) => purgeUsedJetons(deps),
};
