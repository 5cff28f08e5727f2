/**
 * The state of the limits a subject (a customer, a store) has used: each counter with its limit and the
 * promotion it caps, the value used in the current period (0 once the period has reset) and the period's
 * bounds: a limit without period started counting on the local day of its last use.
 */
import { limitStatesOf } from '../../db/repos/limit-states.repo.js';
import type { Deps } from '../context.js';

export interface LimitState {
  limitId: string;
  subject: string;
  promotion: { nro: string; code: string | null; name: string | null };
  benefit: string;
  scope: 'customer' | 'store' | 'retailer';
  storeCode: string | null;
  periodDays: number | null;
  type: 'count' | 'quantity' | 'amount';
  max: number;
  used: number;
  nextReset: string | null;
  lastUpdate: string;
  limitCreatedAt: string;
}

export async function limitStates(deps: Deps, merchantId: string, subject: string): Promise<LimitState[]> {
  const now = deps.now().toISOString();
  const rows = await limitStatesOf(deps.db, merchantId, subject);
  return rows.map((r) => ({
    limitId: r.limit_id,
    subject: r.subject,
    promotion: { nro: r.promotion_nro, code: r.code, name: r.name },
    benefit: r.benefit_nro,
    scope: r.scope,
    storeCode: r.store_code,
    periodDays: r.period_days,
    type: r.type,
    max: Number(r.max),
    used: r.next_reset !== null && r.next_reset <= now ? 0 : Number(r.used),
    nextReset: r.next_reset,
    lastUpdate: r.updated_at,
    limitCreatedAt: r.created_at,
  }));
}
