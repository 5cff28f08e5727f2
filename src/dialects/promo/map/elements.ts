/** Elements, their movements and their types in PROMO's JSON shapes (pure). */
import { amountNumber, formatAmount, isoSeconds, localInstant } from '../../../core/elements/index.js';
import type { ElementRecord, MovementRecord } from '../../../app/elements/element-queries.js';
import type { ElementTypeRecord } from '../../../app/elements/element-types.js';
import { elementStatus } from '../../../app/elements/element-admin.js';

export interface ElementIds {
  objectId: string;
  companyId: string;
  zone: string | null;
}

const present = <T extends Record<string, unknown>>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/** An element as listed under its customer, or as the header of a card query. */
export function elementView(e: ElementRecord, ids: ElementIds) {
  return present({
    _id: ids.objectId,
    companyId: ids.companyId,
    code: e.number,
    status: elementStatus(e),
    type: e.typeCode,
    amount: amountNumber(e.amount),
    customerId: e.customerCode ?? undefined,
    validFrom: e.validFrom ? localInstant(e.validFrom, ids.zone) : undefined,
    validTo: e.validTo ? localInstant(e.validTo, ids.zone) : undefined,
    created: isoSeconds(e.createdAt),
    activation: e.activatedAt && e.cardStatus === 'active' ? isoSeconds(e.activatedAt) : undefined,
    transactionId: e.originTransaction ?? undefined,
    storeCode: e.originStore ?? undefined,
    terminalCode: e.originTerminal ?? undefined,
    isConsumed: e.consumed,
    version: e.version,
    lastPurchaseDate: e.lastMovementAt ? isoSeconds(e.lastMovementAt) : undefined,
    typeName: e.typeName,
  });
}

/** A movement in the history of a queried element. */
export function historyEntry(m: MovementRecord) {
  return {
    date: isoSeconds(m.occurredAt),
    createdAt: isoSeconds(m.createdAt),
    card: '-',
    cardAction: m.action,
    storeCode: m.storeCode,
    terminalCode: m.terminalCode,
    appliedPromotionDetails: m.promotions
      ? m.promotions.map((p) => ({
          promotionName: p.name,
          promotionCode: p.code,
          conditionDateRangeDescription: p.dateRange,
        }))
      : null,
    customerCode: m.customerCode ?? '-',
    amount: formatAmount(m.amount),
    // A first movement has no previous amount: the original writes "0", not "0.0".
    amountPrev: m.amountPrev === null ? '0' : formatAmount(m.amountPrev),
    transactionId: m.transactionId,
    reasonName: m.reason,
  };
}

/** A movement listed across elements (a date range without an element code). */
export function rangeEntry(m: MovementRecord) {
  return {
    amount: formatAmount(m.amount),
    card: m.number,
    cardAction: m.action,
    date: isoSeconds(m.occurredAt),
    storeCode: m.storeCode,
    transactionId: m.transactionId,
  };
}

export function cardTypeView(t: ElementTypeRecord) {
  return {
    amountChargeLimit: amountNumber(t.chargeLimit),
    cardNumberLength: t.numberLength,
    cardTypePrefixRange: t.ranges.map((r) => ({
      _id: r.id,
      creationAt: isoSeconds(r.createdAt),
      isSuggested: r.suggested,
      prefixEnd: r.end,
      prefixStart: r.start,
    })),
    code: t.code,
    customerValidation: t.customerValidation,
    description: t.description,
    isActive: t.active,
    isCVVRequired: t.cvvRequired,
    isNominated: t.nominated,
    isRechargeable: t.rechargeable,
    name: t.name,
  };
}

/** dd/MM/yyyy HH:mm in the company's time zone (statements and reports). */
export function statementDate(instant: string, zone: string | null): string {
  const ms = Date.parse(instant);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone ?? 'UTC',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

/** Consumption or grant, as the points statement labels it; undefined for movements that move nothing. */
export function statementAction(m: MovementRecord): 'Consumo' | 'Otorgamiento' | undefined {
  const before = m.amountPrev ?? 0;
  if (m.amountAfter < before) return 'Consumo';
  if (m.amountAfter > before) return 'Otorgamiento';
  return undefined;
}

export function statementRow(m: MovementRecord, zone: string | null) {
  return {
    cardNumber: m.number,
    cardTypeCode: m.typeCode,
    transactionId: m.transactionId,
    action: statementAction(m) ?? '-',
    storeCode: m.storeCode,
    date: statementDate(m.occurredAt, zone),
    amount: amountNumber(m.amount),
    customerCode: m.holderCode,
    terminalCode: m.terminalCode,
  };
}
