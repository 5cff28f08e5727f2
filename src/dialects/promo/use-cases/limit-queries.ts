/**
 * Customer limit status (spec §3.2): the limits applied to a customer's transactions, each with its
 * promotion, scope, period, max and current value; dates with a +0000 offset. An unknown customer answers
 * the manual's (Portuguese) message "O cliente especificado não existe".
 */
import type { Deps } from '../../../app/context.js';
import { findCustomerProfile } from '../../../app/elements/customer-profiles.js';
import { objectIdOf } from '../../../app/elements/object-ids.js';
import { limitStates, type LimitState } from '../../../app/promotions/limit-status.js';
import { amountNumber, localDay, localInstant } from '../../../core/elements/index.js';
import { PromoAnswer } from '../errors.js';
import type { Company } from './company.js';
import { bad } from './queries.js';

type Query = Record<string, string | undefined>;

const SCOPES = { customer: 'CUSTOMER', store: 'STORE', retailer: 'RETAILER' } as const;
/** benefitApplicationCount and benefiedProductCount (sic) are the manual's; the money code is not given. */
const TYPES = { count: 'benefitApplicationCount', quantity: 'benefiedProductCount', amount: 'benefitAmount' };

export const offsetDate = (instant: string) =>
  new Date(Date.parse(instant)).toISOString().replace(/\.\d{3}Z$/, '+0000');

const valueOf = (s: LimitState, n: number) => (s.type === 'amount' ? amountNumber(n) : n);

export async function limitStatus(deps: Deps, company: Company, q: Query): Promise<unknown> {
  if (!q.code) throw bad('code', 'Debe enviar el campo code');
  const profile = await findCustomerProfile(deps, company.merchantId, { code: q.code });
  if (!profile)
    throw new PromoAnswer(404, {
      status: 'code is Invalid',
      description: 'O cliente especificado não existe',
    });
  const states = await limitStates(deps, company.merchantId, profile.record.id);
  const detail = [];
  for (const s of states) {
    // The period began at the local midnight of the last use (no period), or one period before its reset.
    const lastReset =
      s.periodDays === null || s.nextReset === null
        ? localInstant(localDay(s.lastUpdate, company.zone), company.zone)
        : new Date(Date.parse(s.nextReset) - s.periodDays * 86_400_000).toISOString();
    detail.push({
      _id: await objectIdOf(
        deps,
        company.merchantId,
        'limit-state',
        `${s.limitId}|${s.subject}`,
        s.lastUpdate,
      ),
      promotionId: s.promotion.nro,
      benefitId: s.benefit,
      promotionCode: s.promotion.code,
      promotionName: s.promotion.name,
      limitId: await objectIdOf(deps, company.merchantId, 'limit', s.limitId, s.limitCreatedAt),
      scope: SCOPES[s.scope],
      period: s.periodDays === null ? 'UNDEFINED' : 'DAY',
      maxValue: valueOf(s, s.max),
      customerId: q.code,
      storeId: s.storeCode ?? '-',
      numberDays: s.periodDays ?? 0,
      nextReset: offsetDate(s.nextReset ?? lastReset),
      lastReset: offsetDate(lastReset),
      companyId: company.slug,
      limitTypeCode: TYPES[s.type],
      description: null,
      lastUpdate: offsetDate(s.lastUpdate),
      active: true,
      currentValue: valueOf(s, s.used),
    });
  }
  return { customerId: q.code, companyId: company.slug, limitsDetail: detail };
}
