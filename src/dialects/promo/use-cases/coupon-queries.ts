/**
 * Coupon query (spec §3.3: one coupon by barcode with its history, or coupon events by date range with the
 * documented paging: limit 5 by default, at most 100,000, offset 1-based) and coupon statements of a customer
 * (§3.4: a JSON array, "Emisión" for CREATE, amount "-" when there is none, dd/MM/yyyy HH:mm).
 */
import type { Deps } from '../../../app/context.js';
import { getCustomer } from '../../../app/customers/customers.js';
import { findCustomerProfile } from '../../../app/elements/customer-profiles.js';
import { objectIdOf } from '../../../app/elements/object-ids.js';
import {
  couponEvents,
  couponRecord,
  type CouponEvent,
  type CouponRecord,
} from '../../../app/promotions/coupon-events.js';
import { amountNumber, formatAmount, isoSeconds } from '../../../core/elements/index.js';
import { wallClock } from '../../../core/promotions/grammar-xml.js';
import type { Company } from './company.js';
import { bad, dateRange, positive } from './queries.js';

type Query = Record<string, string | undefined>;

const ACTIONS = ['CREATE', 'REDEEM', 'VOID'];
/** CREATE's label is the manual's; REDEEM's and VOID's are not documented (spec §8.7). */
const LABELS: Record<string, string> = { CREATE: 'Emisión', REDEEM: 'Redención', VOID: 'Anulación' };
const STATUS: Record<string, string> = { active: 'ACTIVE', consumed: 'CONSUMED', voided: 'VOID' };

function actionOf(value: string | undefined, name: string): string[] | undefined {
  if (value === undefined || value === '') return undefined;
  const action = value.toUpperCase();
  if (!ACTIONS.includes(action)) throw bad(name, `El campo ${name} debe ser CREATE, REDEEM o VOID`);
  return [action];
}

/** The customer code of a coupon's holder (the engine keeps its own id), cached for one answer. */
function holderCodes(deps: Deps, company: Company) {
  const known = new Map<string, string>();
  return async (id: string | null): Promise<string | undefined> => {
    if (id === null) return undefined;
    if (!known.has(id)) {
      const found = await getCustomer(deps, company.merchantId, id);
      known.set(id, found.ok ? (found.value.data.customerCode ?? id) : id);
    }
    return known.get(id);
  };
}

/** One coupon as the coupon query (§3.3) shows it, with the history given. */
export async function couponDocument(
  deps: Deps,
  company: Company,
  c: CouponRecord,
  history: CouponRecord['history'],
  codeOf: (id: string | null) => Promise<string | undefined> = holderCodes(deps, company),
) {
  const created = c.history.find((h) => h.action === 'CREATE');
  const customerId = await codeOf(c.customerId);
  return {
    _id: await objectIdOf(deps, company.merchantId, 'coupon', c.id, c.createdAt),
    companyId: company.slug,
    ...(c.transactionId ? { transactionId: c.transactionId } : {}),
    couponType: c.couponType,
    issuedDate: isoSeconds(c.createdAt),
    ...(customerId ? { customerId } : {}),
    couponStatus: STATUS[c.status] ?? c.status.toUpperCase(),
    validFrom: isoSeconds(c.validFrom),
    ...(c.validTo ? { validTo: isoSeconds(c.validTo) } : {}),
    usedTimes: c.usedTimes,
    consumed: c.status === 'consumed',
    couponFormat: c.format,
    ...(c.emitPromotion ? { emitPromotion: c.emitPromotion } : {}),
    ...(created?.storeCode ? { storeCode: created.storeCode } : {}),
    ...(created?.terminalCode ? { terminalCode: created.terminalCode } : {}),
    maxUsageTimes: c.maxUses,
    barcode: c.barcode,
    amount: amountNumber(c.amount ?? 0),
    generatedHTML: [
      c.barcode,
      wallClock(c.validFrom, company.zone),
      ...(c.validTo ? [wallClock(c.validTo, company.zone)] : []),
    ].join('\r\n\r\n'),
    couponHistory: history.map((h) => ({
      date: isoSeconds(h.at),
      couponAction: h.action,
      ...(h.storeCode ? { storeCode: h.storeCode } : {}),
      // The CREATE's transaction is the coupon's own (above); later events name their till and transaction.
      ...(h.action !== 'CREATE' && h.transactionId
        ? { terminalCode: h.terminalCode ?? '', transactionId: h.transactionId }
        : {}),
    })),
  };
}

export async function couponQuery(deps: Deps, company: Company, q: Query): Promise<unknown> {
  const limit = positive(q.limit, 'limit', 5, 100_000);
  const offset = Math.max(1, positive(q.offset, 'offset', 1, Number.MAX_SAFE_INTEGER));
  const actions = actionOf(q.couponAction, 'couponAction');
  const range = dateRange(q, company.zone);
  const codeOf = holderCodes(deps, company);
  if (q.barcode) {
    const c = await couponRecord(deps, company.merchantId, q.barcode);
    // Not found: "the response is empty" (as for the customer query): an empty object.
    if (!c) return {};
    const history = c.history
      .filter((h) => (!range?.from || h.at >= range.from) && (!range?.to || h.at < range.to))
      .filter((h) => !actions || actions.includes(h.action))
      .slice(offset - 1, offset - 1 + limit);
    return couponDocument(deps, company, c, history, codeOf);
  }
  const events = await couponEvents(deps, company.merchantId, {
    from: range?.from,
    to: range?.to,
    actions,
    skip: offset - 1,
    limit,
  });
  return {
    couponHistory: events.map((e) => ({
      coupon: e.barcode,
      couponAction: e.action,
      date: isoSeconds(e.at),
      storeCode: e.storeCode ?? '',
      terminalCode: e.terminalCode ?? '',
      transactionId: e.transactionId ?? '',
    })),
  };
}

export async function couponStatements(deps: Deps, company: Company, q: Query): Promise<unknown> {
  if (!q.customerId) throw bad('customerId', 'Debe enviar el campo customerId');
  const actions = actionOf(q.actionType, 'actionType');
  const range = dateRange(q, company.zone);
  const profile = await findCustomerProfile(deps, company.merchantId, { code: q.customerId });
  if (!profile) return [];
  const rows: CouponEvent[] = [];
  for (let skip = 0; ; skip += 1000) {
    const page = await couponEvents(deps, company.merchantId, {
      from: range?.from,
      to: range?.to,
      actions,
      customerId: profile.record.id,
      skip,
      limit: 1000,
    });
    rows.push(...page);
    if (page.length < 1000 || rows.length >= 100_000) break;
  }
  return rows.map((e) => ({
    transactionId: e.transactionId ?? '-',
    action: LABELS[e.action] ?? e.action,
    terminal: e.terminalCode ?? '-',
    couponType: e.couponType,
    customerId: q.customerId,
    amount: e.amount === null ? '-' : formatAmount(e.amount),
    store: e.storeCode ?? '-',
    datetime: wallClock(e.at, company.zone),
    couponCode: e.barcode,
  }));
}
