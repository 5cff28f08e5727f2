/** The query services: customer, element (card) with movements, element types, points statement. */
import type { Deps } from '../../../app/context.js';
import { findCustomerProfile } from '../../../app/elements/customer-profiles.js';
import {
  customerMovements,
  findElementWithMovements,
  movementsInRange,
} from '../../../app/elements/element-queries.js';
import { listElementTypes } from '../../../app/elements/element-types.js';
import { objectIdOf } from '../../../app/elements/object-ids.js';
import {
  addDays,
  amountNumber,
  checkStatementQuery,
  compactDay,
  localInstant,
} from '../../../core/elements/index.js';
import { PromoAnswer } from '../errors.js';
import { customerView } from '../map/customer.js';
import {
  cardTypeView,
  elementView,
  historyEntry,
  rangeEntry,
  statementAction,
  statementRow,
} from '../map/elements.js';
import type { Company } from './company.js';
import { lastSalesOf } from './last-sales.js';
import { couponDocument } from './coupon-queries.js';
import { usableCoupons } from '../../../app/promotions/customer-coupons.js';

type Query = Record<string, string | undefined>;

export const bad = (param: string, description: string) =>
  new PromoAnswer(400, { status: `${param} is Invalid`, description });

export function positive(value: string | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value)) throw bad(name, `El campo ${name} debe ser numérico`);
  const n = Number(value);
  if (n > max) throw bad(name, `El campo ${name} no puede superar ${max}`);
  return n;
}

function hhmm(value: string | undefined, name: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  const m = /^([01]\d|2[0-3])([0-5]\d)$/.exec(value);
  if (!m) throw bad(name, `El campo ${name} debe tener el formato HHmm`);
  return `${m[1]}:${m[2]}`;
}

/** dateFrom/dateTo (yyyyMMdd, inclusive) and timeFrom/timeTo (HHmm, only with both dates) as instants. */
export function dateRange(q: Query, zone: string | null, names = { from: 'dateFrom', to: 'dateTo' }) {
  const fromText = q[names.from];
  const toText = q[names.to];
  if (!fromText && !toText) return undefined;
  const fromDay = fromText ? compactDay(fromText) : undefined;
  if (fromText && !fromDay)
    throw bad(names.from, `El campo ${names.from} debe ser una fecha válida AAAAMMDD`);
  const toDay = toText ? compactDay(toText) : undefined;
  if (toText && !toDay) throw bad(names.to, `El campo ${names.to} debe ser una fecha válida AAAAMMDD`);
  const both = fromDay !== undefined && toDay !== undefined;
  const timeFrom = both ? hhmm(q.timeFrom, 'timeFrom') : undefined;
  const timeTo = both ? hhmm(q.timeTo, 'timeTo') : undefined;
  const from = fromDay ? localInstant(fromDay, zone, timeFrom ? `${timeFrom}:00` : '00:00:00') : undefined;
  let to: string | undefined;
  if (toDay) {
    to = timeTo
      ? new Date(Date.parse(localInstant(toDay, zone, `${timeTo}:00`)) + 60_000).toISOString()
      : localInstant(addDays(toDay, 1), zone);
  }
  if (from && to && to <= from)
    throw bad(names.to, `El campo ${names.to} debe ser posterior a ${names.from}`);
  return { from, to };
}

export async function customerQuery(deps: Deps, company: Company, q: Query): Promise<unknown> {
  const by = q.code
    ? { code: q.code }
    : q.identifier && q.identificationType
      ? { identificationType: q.identificationType, identifier: q.identifier }
      : undefined;
  // Neither a code nor the identification pair: the documented answer is an empty array.
  if (!by) return [];
  const profile = await findCustomerProfile(deps, company.merchantId, by);
  // Not found: "the response is empty" (spec §11.4): an empty object.
  if (!profile) return {};
  const elementIds = new Map<string, string>();
  for (const e of profile.elements) {
    elementIds.set(e.cardId, await objectIdOf(deps, company.merchantId, 'card', e.cardId, e.createdAt));
  }
  const view = customerView(profile, {
    objectId: await objectIdOf(
      deps,
      company.merchantId,
      'customer',
      profile.record.id,
      profile.record.createdAt,
    ),
    companyId: company.slug,
    zone: company.zone,
    elementIds,
  });
  // The customer's coupons still usable, each as the coupon query shows it (its whole history).
  const coupons = [];
  for (const c of await usableCoupons(deps, company.merchantId, profile.record.id))
    coupons.push(await couponDocument(deps, company, c, c.history));
  view.coupons = coupons;
  const count = positive(q.lastSales ?? q.lastSalesInfo, 'lastSales', 0, 1000);
  if (count === 0) return view;
  return { ...view, lastSales: await lastSalesOf(deps, company, profile.record, count) };
}

const ACTIONS = [
  'ACTIVATION',
  'CHARGE',
  'RECHARGE',
  'AMOUNT_UPDATE',
  'SALE',
  'EXTENDED_POINTS',
  'CONSUME',
  'CANCEL',
];

export async function cardQuery(deps: Deps, company: Company, q: Query): Promise<unknown> {
  if ((q.isTypes ?? q.requestTypes ?? '').toLowerCase() === 'true') {
    return { cardTypes: (await listElementTypes(deps, company.merchantId)).map(cardTypeView) };
  }
  const limit = positive(q.limit, 'limit', 5, 100_000);
  const offset = positive(q.offset, 'offset', 1, Number.MAX_SAFE_INTEGER);
  const action = q.cardAction?.toUpperCase();
  if (action && !ACTIONS.includes(action))
    throw bad('cardAction', `El campo cardAction debe ser uno de ${ACTIONS.join(', ')}`);
  const range = dateRange(q, company.zone);
  const query = {
    ...(range?.from ? { from: range.from } : {}),
    ...(range?.to ? { to: range.to } : {}),
    ...(action ? { actions: [action] } : {}),
    limit,
    skip: Math.max(0, offset - 1),
  };
  if (!q.code) {
    if (!range?.from || !range.to) {
      throw new PromoAnswer(400, {
        status: 'dateFrom is Required',
        description: 'Sin código de elemento debe enviar dateFrom y dateTo',
      });
    }
    const movements = await movementsInRange(deps, company.merchantId, {
      ...query,
      from: range.from,
      to: range.to,
    });
    return { cardHistory: movements.map(rangeEntry) };
  }
  const found = await findElementWithMovements(deps, company.merchantId, q.code, query);
  // Unknown element: an empty answer, as for an unknown customer.
  if (!found) return {};
  const e = found.element;
  return {
    ...elementView(e, {
      objectId: await objectIdOf(deps, company.merchantId, 'card', e.cardId, e.createdAt),
      companyId: company.slug,
      zone: company.zone,
    }),
    cardHistory: found.movements.map(historyEntry),
    amountPrev: amountNumber(e.amountPrev),
  };
}

export async function pointsStatement(deps: Deps, company: Company, q: Query): Promise<unknown> {
  const check = checkStatementQuery(q);
  if (!check.ok) {
    switch (check.reason) {
      case 'MISSING':
        throw new PromoAnswer(400, {
          status: `${check.field} is Required`,
          description: `Debe enviar el campo ${check.field}`,
        });
      case 'BAD_DATE':
        throw bad(check.field!, `El campo ${check.field} debe ser una fecha válida AAAAMMDD`);
      case 'BAD_FLAG':
        throw bad('isConsume', 'El campo isConsume debe ser true o false');
      case 'REVERSED':
        throw bad('toDate', 'El campo toDate debe ser posterior o igual a fromDate');
      case 'TOO_LONG':
        throw new PromoAnswer(400, {
          status: 'Date range is Invalid',
          description: 'El rango de fechas no puede superar un mes',
        });
    }
  }
  const { query } = check;
  const movements = await customerMovements(deps, company.merchantId, query.customerCode, {
    from: localInstant(query.fromDay, company.zone),
    to: localInstant(addDays(query.toDay, 1), company.zone),
  });
  if (!movements) {
    throw new PromoAnswer(400, {
      status: 'customerCode is Invalid',
      description: 'El cliente especificado no existe',
    });
  }
  const wanted = query.consumed ? 'Consumo' : 'Otorgamiento';
  return movements.filter((m) => statementAction(m) === wanted).map((m) => statementRow(m, company.zone));
}
