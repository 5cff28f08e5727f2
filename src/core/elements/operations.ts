/**
 * Loyalty element operations, pure: what an administration request may do to one element, given the
 * element type, the element as stored and the customer's situation. The debit itself is a conditional
 * write (the amount never goes below zero); this module decides everything that can be decided before it.
 */
import type { AmountSign } from './amount.js';

export const ELEMENT_ACTIONS = [
  'ACTIVATION',
  'AMOUNT_UPDATE',
  'RECHARGE',
  'CHARGE',
  'CONSUME',
  'CANCEL',
] as const;
export type AdminAction = (typeof ELEMENT_ACTIONS)[number];
/** Every movement kind of an element's history (sales and point extensions come from the engine). */
export type ElementAction = AdminAction | 'SALE' | 'EXTENDED_POINTS';

export type ElementStatus = 'ENABLED' | 'DISABLED' | 'CANCELED';

export interface ElementTypeRules {
  code: string;
  active: boolean;
  nominated: boolean;
  rechargeable: boolean;
  cvvRequired: boolean;
  /** Largest amount one charge may add (minor units); 0 = no limit. */
  chargeLimit: number;
  /** Balance a new element starts with when the request gives none. */
  initialAmount: number;
}

export interface StoredElement {
  typeCode: string;
  status: ElementStatus;
  customerCode: string | null;
  amount: number;
}

export interface OperationRequest {
  action: AdminAction;
  /** Record number in the request (1-based), quoted in the messages. */
  rec: number;
  amount: { minor: number; sign: AmountSign } | null;
  customerCode: string | null;
  cvv: string | null;
  oneActivePerCustomer: boolean;
}

export interface CustomerSituation {
  exists: boolean;
  /** The customer already holds an active element (another one than this). */
  hasActiveElement: boolean;
}

/** A refusal that fails the whole request (400) or only its record (listed in errorDetails). */
export type OperationRefusal = {
  ok: false;
  scope: 'request' | 'record';
  reason:
    | 'CUSTOMER_REQUIRED'
    | 'CUSTOMER_HAS_ACTIVE_ELEMENT'
    | 'CUSTOMER_NOT_FOUND'
    | 'TYPE_NOT_FOUND'
    | 'TYPE_INACTIVE'
    | 'TYPE_MISMATCH'
    | 'ELEMENT_NOT_FOUND'
    | 'ELEMENT_EXISTS'
    | 'ELEMENT_CANCELLED'
    | 'ELEMENT_NOT_ACTIVE'
    | 'ELEMENT_ACTIVE'
    | 'OTHER_CUSTOMER'
    | 'AMOUNT_REQUIRED'
    | 'AMOUNT_NEGATIVE'
    | 'NOT_RECHARGEABLE'
    | 'CHARGE_LIMIT'
    | 'CVV_REQUIRED';
};

export type OperationPlan =
  | { ok: true; kind: 'create'; amount: number }
  | { ok: true; kind: 'activate'; amount: number }
  | { ok: true; kind: 'credit'; amount: number }
  | { ok: true; kind: 'debit'; amount: number }
  | { ok: true; kind: 'cancel' }
  | OperationRefusal;

const refuse = (
  reason: OperationRefusal['reason'],
  scope: 'request' | 'record' = 'record',
): OperationRefusal => ({
  ok: false,
  scope,
  reason,
});

function customerRules(
  type: ElementTypeRules,
  request: OperationRequest,
  customer: CustomerSituation | null,
): OperationRefusal | null {
  // A customer is needed by a nominated type, and by any type while one active element per customer holds.
  if (!request.customerCode) {
    return type.nominated || request.oneActivePerCustomer ? refuse('CUSTOMER_REQUIRED', 'request') : null;
  }
  if (!customer?.exists) return refuse('CUSTOMER_NOT_FOUND');
  if (request.oneActivePerCustomer && customer.hasActiveElement) {
    return refuse('CUSTOMER_HAS_ACTIVE_ELEMENT', 'request');
  }
  return null;
}

function chargeChecks(type: ElementTypeRules, minor: number): OperationRefusal | null {
  if (type.chargeLimit > 0 && minor > type.chargeLimit) return refuse('CHARGE_LIMIT');
  return null;
}

/**
 * Plans one operation. ACTIVATION creates the element (or activates a registered, inactive one) with the
 * amount sent, or the type's initial amount; CHARGE and RECHARGE add; CONSUME subtracts; AMOUNT_UPDATE adds a
 * signed amount ("-20" subtracts; the manual's only example, 1000 giving 2000, reads as an addition);
 * CANCEL deactivates the element for good.
 */
export function planOperation(
  type: ElementTypeRules | null,
  element: StoredElement | null,
  request: OperationRequest,
  customer: CustomerSituation | null,
): OperationPlan {
  if (!type) return refuse('TYPE_NOT_FOUND');
  if (element && element.typeCode !== type.code) return refuse('TYPE_MISMATCH');
  const amount = request.amount;
  if (amount && amount.sign === '-' && request.action !== 'AMOUNT_UPDATE') return refuse('AMOUNT_NEGATIVE');
  if (request.action === 'ACTIVATION') {
    if (!type.active) return refuse('TYPE_INACTIVE');
    if (element?.status === 'ENABLED') return refuse('ELEMENT_ACTIVE');
    if (element?.status === 'CANCELED') return refuse('ELEMENT_CANCELLED');
    if (element?.customerCode && request.customerCode && element.customerCode !== request.customerCode) {
      return refuse('OTHER_CUSTOMER');
    }
    const refusal = customerRules(type, request, customer);
    if (refusal) return refusal;
    if (type.cvvRequired && !request.cvv && !element) return refuse('CVV_REQUIRED');
    const minor = amount ? amount.minor : type.initialAmount;
    const limit = chargeChecks(type, minor);
    if (limit) return limit;
    return element
      ? { ok: true, kind: 'activate', amount: minor }
      : { ok: true, kind: 'create', amount: minor };
  }
  if (!element) return refuse('ELEMENT_NOT_FOUND');
  if (element.status === 'CANCELED') return refuse('ELEMENT_CANCELLED');
  if (request.action === 'CANCEL') return { ok: true, kind: 'cancel' };
  if (element.status !== 'ENABLED') return refuse('ELEMENT_NOT_ACTIVE');
  if (!amount) return refuse('AMOUNT_REQUIRED');
  switch (request.action) {
    case 'RECHARGE':
      if (!type.rechargeable) return refuse('NOT_RECHARGEABLE');
      return chargeChecks(type, amount.minor) ?? { ok: true, kind: 'credit', amount: amount.minor };
    case 'CHARGE':
      return chargeChecks(type, amount.minor) ?? { ok: true, kind: 'credit', amount: amount.minor };
    case 'CONSUME':
      return { ok: true, kind: 'debit', amount: amount.minor };
    case 'AMOUNT_UPDATE':
      return amount.sign === '-'
        ? { ok: true, kind: 'debit', amount: amount.minor }
        : { ok: true, kind: 'credit', amount: amount.minor };
  }
}
