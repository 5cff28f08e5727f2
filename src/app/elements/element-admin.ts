/**
 * Loyalty element administration in batches: activation (creation), charge, recharge, amount update,
 * consumption and cancellation, one unit of work per request. Record-level refusals are listed and the
 * other records still apply; a customer rule broken (a customer required, one active element per customer)
 * refuses the whole request and nothing is written. Debits are conditional single statements.
 */
import { ok } from '../../core/error-catalog.js';
import {
  addDays,
  localDay,
  planOperation,
  type AdminAction,
  type ElementStatus,
  type OperationRefusal,
} from '../../core/elements/index.js';
import * as elements from '../../db/repos/elements.repo.js';
import * as types from '../../db/repos/element-types.repo.js';
import { findCustomerId, merchantTimeZone } from '../../db/repos/customer-details.repo.js';
import { insertCards } from '../../db/repos/cards.repo.js';
import { reserveSerials } from '../../db/repos/programs.repo.js';
import type { Tx } from '../../db/transaction.js';
import type { Deps } from '../context.js';
import { withUnitOfWork } from '../unit-of-work.js';
import type { IdPrefix } from '../../core/id-prefixes.js';

export interface AdminItem {
  action: AdminAction;
  number: string;
  typeCode: string;
  amount: { minor: number; sign: '+' | '-' | '' } | null;
  customerCode: string | null;
  cvv: string | null;
  validFrom: string | null;
  validTo: string | null;
  reason: string | null;
  storeCode: string | null;
  terminalCode: string | null;
}

export interface AdminBatch {
  items: AdminItem[];
  oneActivePerCustomer: boolean;
  transactionId: string;
}

export interface RecordError {
  rec: number;
  number: string;
  reason: OperationRefusal['reason'] | 'INSUFFICIENT_AMOUNT' | 'NUMBER_UNAVAILABLE';
}

export interface AdminOutcome {
  inserted: number;
  updated: number;
  errors: RecordError[];
  successes: { rec: number; number: string; amount: number }[];
}

export type AdminResult =
  | { ok: true; value: AdminOutcome }
  | { ok: false; refusal: { rec: number; reason: OperationRefusal['reason']; customerCode: string | null } };

/** PROMO-style element status of a stored element: active, cancelled, or inactive. */
export function elementStatus(e: Pick<elements.ElementRecord, 'cardStatus' | 'cancelledAt'>): ElementStatus {
  if (e.cancelledAt) return 'CANCELED';
  return e.cardStatus === 'active' ? 'ENABLED' : 'DISABLED';
}

async function newNumber(tx: Tx, type: types.ElementTypeRecord, merchantId: string): Promise<string | null> {
  const range = type.ranges.find((r) => r.suggested) ?? type.ranges[0];
  const prefix = range ? String(range.start) : '';
  for (let attempt = 0; attempt < 20; attempt++) {
    const serial = await reserveSerials(tx, type.programId, 1);
    if (serial === undefined) return null;
    const width = type.numberLength - prefix.length;
    const body = String(serial + 1);
    if (width < body.length) return null;
    const number = `${prefix}${body.padStart(width, '0')}`;
    if (!(await elements.cardNumberTaken(tx, merchantId, number))) return number;
  }
  return null;
}

interface ItemContext {
  tx: Tx;
  now: string;
  newId(prefix: IdPrefix): string;
  merchantId: string;
  zone: string | null;
  transactionId: string;
}

function movement(
  c: ItemContext,
  cardId: string,
  item: AdminItem,
  action: string,
  amount: number,
  before: number | null,
  after: number,
  customerCode: string | null,
) {
  return elements.insertElementMovement(c.tx, {
    id: c.newId('emv'),
    merchant_id: c.merchantId,
    card_id: cardId,
    action,
    amount,
    amount_prev: before,
    amount_after: after,
    transaction_id: c.transactionId,
    store_code: item.storeCode,
    terminal_code: item.terminalCode,
    customer_code: customerCode,
    reason: item.reason,
    promotions: null,
    occurred_at: c.now,
    created_at: c.now,
  });
}

async function createElement(
  c: ItemContext,
  type: types.ElementTypeRecord,
  item: AdminItem,
  number: string,
  customerId: string | null,
  amount: number,
): Promise<void> {
  const cardId = c.newId('card');
  await insertCards(c.tx, [
    {
      id: cardId,
      merchantId: c.merchantId,
      programId: type.programId,
      number,
      status: 'active',
      customerId,
      issuedAt: c.now,
      activatedAt: c.now,
      now: c.now,
    },
  ]);
  const today = localDay(c.now, c.zone);
  const validFrom = item.validFrom ?? (type.validityDays !== null ? today : null);
  const validTo = item.validTo ?? (type.validityDays !== null ? addDays(today, type.validityDays) : null);
  await elements.insertElement(c.tx, {
    card_id: cardId,
    merchant_id: c.merchantId,
    amount,
    amount_prev: 0,
    // Created (1), then activated (2), as the element's version counts its state changes.
    version: 2,
    valid_from: validFrom,
    valid_to: validTo,
    cvv: item.cvv,
    agreement_id: null,
    origin_transaction: c.transactionId,
    origin_store: item.storeCode,
    origin_terminal: item.terminalCode,
    consumed: 0,
    cancelled_at: null,
    last_movement_at: null,
    created_at: c.now,
  });
  await movement(c, cardId, item, 'ACTIVATION', amount, null, amount, item.customerCode);
}

export async function administerElements(
  deps: Deps,
  merchantId: string,
  batch: AdminBatch,
): Promise<AdminResult> {
  let refusal: Extract<AdminResult, { ok: false }>['refusal'] | null = null;
  const zone = await merchantTimeZone(deps.db, merchantId);
  const result = await withUnitOfWork(deps, async (uow) => {
    refusal = null;
    const c: ItemContext = { ...uow, merchantId, zone, transactionId: batch.transactionId };
    const outcome: AdminOutcome = { inserted: 0, updated: 0, errors: [], successes: [] };
    const typeCache = new Map<string, types.ElementTypeRecord | undefined>();
    for (const [index, item] of batch.items.entries()) {
      const rec = index + 1;
      if (!typeCache.has(item.typeCode))
        typeCache.set(item.typeCode, await types.findElementType(uow.tx, merchantId, item.typeCode));
      const type = typeCache.get(item.typeCode) ?? null;
      const element = item.number ? await elements.findElement(uow.tx, merchantId, item.number) : undefined;
      const customerId = item.customerCode
        ? await findCustomerId(uow.tx, merchantId, { code: item.customerCode })
        : undefined;
      const situation = item.customerCode
        ? {
            exists: customerId !== undefined,
            hasActiveElement: customerId
              ? await elements.hasActiveElement(uow.tx, merchantId, customerId, element?.cardId ?? null)
              : false,
          }
        : null;
      const plan = planOperation(
        type && {
          code: type.code,
          active: type.active,
          nominated: type.nominated,
          rechargeable: type.rechargeable,
          cvvRequired: type.cvvRequired,
          chargeLimit: type.chargeLimit,
          initialAmount: type.initialAmount,
        },
        element
          ? {
              typeCode: element.typeCode,
              status: elementStatus(element),
              customerCode: element.customerCode,
              amount: element.amount,
            }
          : null,
        {
          action: item.action,
          rec,
          amount: item.amount,
          customerCode: item.customerCode,
          cvv: item.cvv,
          oneActivePerCustomer: batch.oneActivePerCustomer,
        },
        situation,
      );
      if (!plan.ok) {
        if (plan.scope === 'request') {
          refusal = { rec, reason: plan.reason, customerCode: item.customerCode };
          return { ok: false, code: 'VALIDATION_FAILED' } as const;
        }
        outcome.errors.push({ rec, number: item.number, reason: plan.reason });
        continue;
      }
      if (plan.kind === 'create') {
        const number = item.number || (type ? await newNumber(uow.tx, type, merchantId) : null);
        if (!number || !type) {
          outcome.errors.push({ rec, number: item.number, reason: 'NUMBER_UNAVAILABLE' });
          continue;
        }
        await createElement(c, type, item, number, customerId ?? null, plan.amount);
        outcome.inserted += 1;
        outcome.successes.push({ rec, number, amount: plan.amount });
        continue;
      }
      const target = element!;
      if (plan.kind === 'activate') {
        await elements.setElementState(uow.tx, target.cardId, {
          status: 'active',
          customerId: customerId ?? target.customerId,
          now: uow.now,
        });
        const change =
          plan.amount > 0
            ? await elements.creditElement(uow.tx, target.cardId, plan.amount, uow.now)
            : undefined;
        const after = change?.after ?? target.amount;
        await movement(c, target.cardId, item, 'ACTIVATION', plan.amount, null, after, item.customerCode);
        outcome.updated += 1;
        outcome.successes.push({ rec, number: target.number, amount: after });
        continue;
      }
      if (plan.kind === 'cancel') {
        await elements.setElementState(uow.tx, target.cardId, {
          status: 'blocked',
          cancelledAt: uow.now,
          now: uow.now,
        });
        await movement(c, target.cardId, item, 'CANCEL', 0, target.amount, target.amount, null);
        outcome.updated += 1;
        outcome.successes.push({ rec, number: target.number, amount: target.amount });
        continue;
      }
      const change =
        plan.kind === 'credit'
          ? await elements.creditElement(uow.tx, target.cardId, plan.amount, uow.now)
          : await elements.debitElement(uow.tx, target.cardId, plan.amount, uow.now);
      if (!change) {
        outcome.errors.push({ rec, number: target.number, reason: 'INSUFFICIENT_AMOUNT' });
        continue;
      }
      await movement(c, target.cardId, item, item.action, plan.amount, change.before, change.after, null);
      outcome.updated += 1;
      outcome.successes.push({ rec, number: target.number, amount: change.after });
    }
    return ok(outcome);
  });
  if (refusal) return { ok: false, refusal };
  if (!result.ok) throw new Error(`element administration failed: ${result.code}`);
  return { ok: true, value: result.value };
}
