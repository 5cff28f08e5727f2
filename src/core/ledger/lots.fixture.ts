/** Test data for the ledger's unit tests: a frozen lot of 100 points earned on 2024-01-01, and "now". */
import type { Lot } from './lot.js';

export const lot = (id: string, over: Partial<Lot> = {}): Lot =>
  Object.freeze({
    id,
    amount: 100,
    remaining: 100,
    earnedAt: '2024-01-01T00:00:00Z',
    pendingUntil: null,
    expiresAt: null,
    ...over,
  });

export const NOW = '2024-06-01T00:00:00Z';
