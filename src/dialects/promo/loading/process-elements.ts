/**
 * Items of the customer and element catalogs: CatalogCustomer (§5.2.2), CatalogCardAssign (§5.7: element,
 * customer created when unknown, agreement, amount with + / - / replace) and Card (§5.2.1).
 */
import { administerElements } from '../../../app/elements/element-admin.js';
import { findElementType } from '../../../app/elements/element-types.js';
import { findCustomerProfile, saveCustomerProfile } from '../../../app/elements/customer-profiles.js';
import { registerElement } from '../../../app/elements/element-register.js';
import { findAgreement } from '../../../app/elements/reference-data.js';
import { RejectImport } from '../../../app/loading/import-queue.js';
import { assignElement, checkAssignable, type AssignRefusal } from '../../../app/loading/element-assign.js';
import { parseAmount } from '../../../core/elements/index.js';
import { INFO, readItem as readCardItem } from '../use-cases/card-admin.js';
import { MESSAGES, readItem as readCustomerItem, unknownCode } from '../use-cases/customer-admin.js';
import type { ItemOperation } from './catalog-formats.js';
import { text } from './envelopes.js';
import { bad, type ItemContext, type ItemResult } from './process-catalog.js';

export const LETTER: Record<ItemOperation, string> = {
  insert: 'I',
  update: 'U',
  upsert: 'UI',
  remove: 'R',
  'delete-by-code': 'R',
};

/** One CatalogCustomer record: the customer-administration record without autoCard. */
export async function customerItem(
  ctx: ItemContext,
  op: ItemOperation,
  item: Record<string, unknown>,
): Promise<ItemResult> {
  const read = readCustomerItem({ ...item, operation: LETTER[op] });
  if ('msg' in read) return bad(read.msg);
  const unknown = await unknownCode(ctx.deps, ctx.merchantId, read.input);
  if (unknown) return bad(unknown, 'CATALOG_CODE_UNKNOWN');
  const outcome = await saveCustomerProfile(ctx.deps, ctx.merchantId, read.operation, read.input, null);
  if (!outcome.ok) return bad(outcome.message ?? MESSAGES[outcome.reason], outcome.reason);
  return { ok: true, effect: outcome.effect };
}

/** CatalogCardAssign: the element type and the agreement of the params, checked once per import. */
export async function prepareAssign(ctx: ItemContext): Promise<void> {
  const typeCode = text(ctx.params.cardType);
  const contract = text(ctx.params.contract);
  if (!typeCode) throw new RejectImport('CARD_TYPE_REQUIRED', 'El parámetro cardType es requerido');
  if (!contract) throw new RejectImport('CONTRACT_REQUIRED', 'El parámetro contract es requerido');
  if (!(await findElementType(ctx.deps, ctx.merchantId, typeCode)))
    throw new RejectImport('CARD_TYPE_UNKNOWN', 'No se encontró el Tipo de tarjeta loyalty');
  const agreement = await findAgreement(ctx.deps, ctx.merchantId, contract);
  if (!agreement) throw new RejectImport('CONTRACT_UNKNOWN', `El convenio ${contract} no existe`);
  if (!agreement.active)
    throw new RejectImport('CONTRACT_INACTIVE', `El convenio ${contract} no está activo`);
  ctx.assign = { typeCode, agreementId: agreement.id };
}

const ASSIGN_MESSAGES: Record<AssignRefusal, string> = {
  ELEMENT_NOT_FOUND: 'El elemento de fidelidad no existe',
  TYPE_MISMATCH: 'El elemento de fidelidad no es del tipo informado en cardType',
  ELEMENT_CANCELLED: 'El elemento de fidelidad está cancelado',
  OTHER_CUSTOMER: 'El elemento tiene otro cliente asociado en la base de datos',
  CUSTOMER_NOT_FOUND: 'El cliente especificado no existe',
  INSUFFICIENT_AMOUNT: 'El monto del elemento no puede quedar negativo',
};

/** yyyyMMdd (CatalogCardAssign dates) → yyyy-MM-dd; anything else is passed on to be refused. */
const isoDay = (v: unknown) => {
  const t = text(v);
  return t && /^\d{8}$/.test(t) ? `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}` : t;
};

export async function assignItem(
  ctx: ItemContext,
  op: ItemOperation,
  item: Record<string, unknown>,
): Promise<ItemResult> {
  const assign = ctx.assign!;
  if (op !== 'insert' && op !== 'update')
    return bad(
      `La operación ${String(item.operation)} no aplica al catálogo CatalogCardAssign`,
      'OPERATION_NOT_ALLOWED',
    );
  const number = text(item.id);
  if (!number) return bad('El campo id es requerido', 'ID_REQUIRED');
  const customer = text(item.customer);
  if (!customer) return bad('El campo customer es obligatorio', 'CUSTOMER_REQUIRED');
  const amount = parseAmount(item.amount);
  if (!amount.ok) return bad(`El campo amount es inválido: ${amount.message}`, 'AMOUNT_INVALID');
  const refusal = await checkAssignable(ctx.deps, ctx.merchantId, {
    number,
    typeCode: assign.typeCode,
    customerCode: customer,
  });
  if (refusal) return bad(ASSIGN_MESSAGES[refusal], refusal);
  let created = false;
  if (!(await findCustomerProfile(ctx.deps, ctx.merchantId, { code: customer }))) {
    const read = readCustomerItem({
      code: customer,
      name: item.name,
      lastName: item.surname,
      gender: item.gender,
      birthDate: isoDay(item.birthDate),
      identificationType: item.idType,
      identifier: item.identifier,
      identificationExpiration: isoDay(item.idDate),
      nacionality: item.nacionality,
      email: item.email,
      customerType: item.customerType,
      address: item.address,
      addressCountry: item.country,
      addressState: item.state,
      addressCity: item.city,
      addressPostalCode: item.postalCode,
      phone: item.phone,
      operation: 'I',
    });
    if ('msg' in read) return bad(read.msg.replace('lastName', 'surname'), 'CUSTOMER_INVALID');
    const unknown = await unknownCode(ctx.deps, ctx.merchantId, read.input);
    if (unknown) return bad(unknown, 'CATALOG_CODE_UNKNOWN');
    const saved = await saveCustomerProfile(ctx.deps, ctx.merchantId, 'insert', read.input, null);
    if (!saved.ok) return bad(saved.message ?? MESSAGES[saved.reason], saved.reason);
    created = true;
  }
  const result = await assignElement(ctx.deps, ctx.merchantId, {
    number,
    typeCode: assign.typeCode,
    agreementId: assign.agreementId,
    customerCode: customer,
    amount: { minor: amount.minor, sign: amount.sign },
    transactionId: `IMP_${ctx.importId}`,
  });
  if (!result.ok) {
    const reason = result.message as AssignRefusal;
    return bad(ASSIGN_MESSAGES[reason] ?? reason, reason);
  }
  return { ok: true, effect: created ? 'customersCreated' : 'updated' };
}

/** Card (§5.2.1): I registers (ENABLED: activates), U changes the status, R cancels. */
export async function cardItem(
  ctx: ItemContext,
  op: ItemOperation,
  item: Record<string, unknown>,
): Promise<ItemResult> {
  const status = (text(item.status) ?? 'ENABLED').toUpperCase();
  if (!['ENABLED', 'DISABLED', 'CANCELED'].includes(status))
    return bad('El campo status debe ser ENABLED, DISABLED o CANCELED', 'STATUS_INVALID');
  const action =
    op === 'remove' || status === 'CANCELED' ? 'CANCEL' : status === 'ENABLED' ? 'ACTIVATION' : null;
  const read = readCardItem({ ...item, operation: action ?? 'ACTIVATION' }, 1);
  if ('info' in read) return bad(read.info, `E${read.code}`);
  if (!read.number) return bad('El campo code es requerido', 'CODE_REQUIRED');
  if (action === null) {
    if (op !== 'insert') return bad('Un elemento existente no puede volver a DISABLED', 'STATUS_INVALID');
    const registered = await registerElement(ctx.deps, ctx.merchantId, {
      number: read.number,
      typeCode: read.typeCode,
      status: 'DISABLED',
      customerCode: read.customerCode,
      ...(read.amount ? { amount: read.amount.minor } : {}),
      validFrom: read.validFrom,
      validTo: read.validTo,
      createdAt: ctx.deps.now().toISOString(),
    });
    return registered.ok
      ? { ok: true, effect: 'inserted' }
      : bad(registered.message ?? registered.code, registered.code);
  }
  const outcome = await administerElements(ctx.deps, ctx.merchantId, {
    items: [{ ...read, action }],
    oneActivePerCustomer: false,
    transactionId: `IMP_${ctx.importId}`,
  });
  if (!outcome.ok) return bad(INFO[outcome.refusal.reason][1], outcome.refusal.reason);
  const error = outcome.value.errors[0];
  if (error) return bad(INFO[error.reason][1], error.reason);
  return { ok: true, effect: outcome.value.inserted ? 'inserted' : 'updated' };
}
