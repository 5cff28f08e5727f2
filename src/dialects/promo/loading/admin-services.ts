/**
 * Synchronous administration (spec §6.1, §6.3) and customer erasure (§5.3): each record applied on its
 * own, answered with the documented envelopes and per-record details.
 */
import type { Deps } from '../../../app/context.js';
import { findCustomerProfile } from '../../../app/elements/customer-profiles.js';
import { eraseCustomerByCode } from '../../../app/loading/customer-erasure.js';
import {
  changeMembership,
  openSegment,
  type MembershipOperation,
} from '../../../app/loading/segment-records.js';
import { changeCoupon, getCoupon, issueCoupons } from '../../../app/promotions/coupons.js';
import { parseAmount } from '../../../core/elements/index.js';
import { PromoAnswer } from '../errors.js';
import { checkCompanyCode, type CompanyResolver } from '../use-cases/admin-company.js';
import { shortError } from '../use-cases/card-admin.js';
import { objectBody, paramsOf, text, truthy } from './envelopes.js';

export const MAX_ADMIN_ITEMS = 1000;

function itemsOf(b: Record<string, unknown>, description: string): unknown[] {
  const items = b.items;
  if (!Array.isArray(items) || items.length === 0)
    throw shortError(description, 'El campo items es requerido');
  if (items.length > MAX_ADMIN_ITEMS)
    throw shortError(description, `Se superó el máximo de ${MAX_ADMIN_ITEMS} items por solicitud`);
  return items;
}

const counters = () => ({ updated: 0, ignored: 0, inserted: 0, removed: 0 });

const SEGMENT_OPS: Record<string, MembershipOperation> = {
  I: 'insert',
  R: 'remove',
  UI: 'upsert',
  IU: 'upsert',
};
const SEGMENT_MSG = {
  NOT_FOUND: 'not found',
  ALREADY_EXISTS: 'already exists',
  NO_CUSTOMER: 'customer not found',
};

export async function segmentAdmin(deps: Deps, resolve: CompanyResolver, body: unknown) {
  const D = 'customerSegment';
  const b = objectBody(body, (d) => shortError(D, d));
  const company = await checkCompanyCode(resolve, b.companyId, (d) => shortError(D, d));
  const params = paramsOf(b.params);
  if (params === null)
    throw shortError(D, 'El campo params debe ser una lista de objetos {"clave": "valor"}');
  const segmentCode = text(params.segmentCode);
  if (!segmentCode) throw shortError(D, 'El parámetro segmentCode es requerido');
  const items = itemsOf(b, D);
  const segmentId = await openSegment(
    deps,
    company.merchantId,
    segmentCode,
    truthy(params.deleteAllCollectionFirst),
  );
  const count = counters();
  const errorDetails: { rec: number; customer: string; msg: string }[] = [];
  for (const [index, raw] of items.entries()) {
    const rec = index + 1;
    const item =
      raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
    const customer = text(item.customer) ?? '';
    const op = SEGMENT_OPS[(text(item.operation) ?? '').toUpperCase()];
    if (!customer) errorDetails.push({ rec, customer, msg: 'El campo customer es requerido' });
    else if (!op)
      errorDetails.push({
        rec,
        customer,
        msg: `Operación inválida: ${String(item.operation ?? '')}. Use I, UI o R`,
      });
    else {
      const outcome = await changeMembership(deps, company.merchantId, segmentId, op, customer);
      if (outcome === 'inserted' || outcome === 'updated' || outcome === 'removed') count[outcome] += 1;
      else errorDetails.push({ rec, customer, msg: SEGMENT_MSG[outcome] });
    }
  }
  return {
    status: 200,
    description: D,
    detail: {
      result: 'ok',
      detail: '',
      ...count,
      errors: errorDetails.length,
      processed: items.length,
      errorDetails,
    },
  };
}

export async function couponAdmin(deps: Deps, resolve: CompanyResolver, body: unknown) {
  const D = 'rest::couponAdmin';
  const b = objectBody(body, (d) => shortError(D, d));
  const company = await checkCompanyCode(resolve, b.companyId, (d) => shortError(D, d));
  const params = paramsOf(b.params);
  if (params === null)
    throw shortError(D, 'El campo params debe ser una lista de objetos {"clave": "valor"}');
  const detailErrors = params.detailErrors === undefined || truthy(params.detailErrors);
  const detailSuccess = params.detailSuccess === undefined || truthy(params.detailSuccess);
  const items = itemsOf(b, D);
  const count = counters();
  const errorDetails: { rec: number; code: string; info: string }[] = [];
  const successDetails: { rec: number; code: string }[] = [];
  for (const [index, raw] of items.entries()) {
    const rec = index + 1;
    const item =
      raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
    const barcode = text(item.barcode) ?? '';
    const result = await couponItem(deps, company.merchantId, item, barcode);
    if ('info' in result) errorDetails.push({ rec, code: barcode, info: result.info });
    else {
      count[result.effect] += 1;
      successDetails.push({ rec, code: result.code });
    }
  }
  return {
    status: 200,
    description: D,
    detail: {
      result: 'ok',
      detail: '',
      ...count,
      errors: errorDetails.length,
      processed: items.length,
      errorDetails: detailErrors ? errorDetails : [],
      ...(detailSuccess ? { successDetails } : {}),
    },
  };
}

async function couponItem(
  deps: Deps,
  merchantId: string,
  item: Record<string, unknown>,
  barcode: string,
): Promise<{ info: string } | { effect: 'inserted' | 'updated'; code: string }> {
  const operation = (text(item.operation) ?? '').toUpperCase();
  const type = text(item.type);
  if (!['CREATE', 'REDEEM', 'VOID'].includes(operation))
    return { info: `Operación inválida: ${String(item.operation ?? '')}. Use CREATE, REDEEM o VOID` };
  if (!type) return { info: 'El campo type es requerido' };
  if (operation === 'CREATE') {
    let customerId: string | undefined;
    const customerCode = text(item.customerId);
    if (customerCode) {
      const profile = await findCustomerProfile(deps, merchantId, { code: customerCode });
      if (!profile) return { info: 'El cliente especificado no existe' };
      customerId = profile.record.id;
    }
    let amount: number | undefined;
    if (text(item.amount) !== null) {
      const parsed = parseAmount(item.amount);
      if (!parsed.ok || parsed.sign === '-')
        return { info: 'El campo amount debe ser un número no negativo' };
      amount = parsed.minor;
    }
    const issued = await issueCoupons(deps, merchantId, {
      type,
      ...(barcode ? { barcode } : {}),
      ...(customerId ? { customerId } : {}),
      ...(amount !== undefined ? { amount } : {}),
    });
    if (!issued.ok)
      return {
        info: issued.code === 'COUPON_TYPE_NOT_FOUND' ? 'El tipo de cupón no existe' : 'already exists',
      };
    return { effect: 'inserted', code: issued.value.data[0]!.barcode };
  }
  if (!barcode) return { info: 'El campo barcode es requerido' };
  const coupon = await getCoupon(deps, merchantId, barcode);
  if (!coupon.ok) return { info: 'not found' };
  if (coupon.value.type !== type) return { info: 'El cupón es de otro tipo' };
  const changed = await changeCoupon(deps, merchantId, barcode, operation as 'REDEEM' | 'VOID', {});
  if (!changed.ok)
    return {
      info:
        coupon.value.status === 'active'
          ? 'El cupón está fuera de su vigencia'
          : `El cupón no se puede ${operation === 'REDEEM' ? 'redimir' : 'anular'}: estado ${coupon.value.status}`,
    };
  return { effect: 'updated', code: barcode };
}

const ERASED = 'Cliente (s) Eliminado (s)';

export async function customerDelete(deps: Deps, resolve: CompanyResolver, body: unknown) {
  const b = objectBody(body, (d) => shortError(ERASED, d));
  const company = await checkCompanyCode(resolve, b.companyId, (d) => shortError(ERASED, d));
  const items = itemsOf(b, ERASED);
  const detail: { result: string; detail: string }[] = [];
  let erased = 0;
  for (const raw of items) {
    const item =
      raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
    const code = text(item.code);
    const op = (text(item.operation) ?? '').toUpperCase();
    if (!code) detail.push({ result: 'error', detail: 'El campo code es requerido' });
    else if (op !== 'D' && op !== 'R')
      detail.push({
        result: 'error',
        detail: `Operación inválida: ${String(item.operation ?? '')}. Use D o R`,
      });
    else if (
      (await eraseCustomerByCode(deps, company.merchantId, code, op === 'D' ? 'partial' : 'total')) ===
      'erased'
    ) {
      erased += 1;
      detail.push({ result: 'ok', detail: ERASED });
    } else detail.push({ result: 'error', detail: `El cliente ${code} no existe` });
  }
  if (erased === 0) throw new PromoAnswer(400, { status: '400', description: ERASED, detail });
  return { status: '200', description: ERASED, detail };
}
