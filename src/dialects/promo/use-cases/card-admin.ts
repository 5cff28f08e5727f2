/**
 * POST /promo/api/rest/cards/admin: reads the request, runs the engine's batch element administration and
 * answers the synchronous admin envelope (status 200 as a number), or the short 400 envelope (status "400"
 * as text) for a request the documented customer rules refuse.
 */
import { localDateTime } from '../../../core/elements/day-dates.js';
import type { Deps } from '../../../app/context.js';
import { administerElements, type AdminItem, type RecordError } from '../../../app/elements/element-admin.js';
import {
  ELEMENT_ACTIONS,
  formatAmount,
  isDayDate,
  parseAmount,
  type AdminAction,
} from '../../../core/elements/index.js';
import { PromoAnswer } from '../errors.js';
import { paramsOf, flag } from '../map/params.js';
import { checkCompanyCode, type CompanyResolver } from './admin-company.js';

const DESCRIPTION = 'rest::cardAdmin';
export const MAX_ITEMS = 1000;

export function shortError(description: string, detail: string): PromoAnswer {
  return new PromoAnswer(400, { status: '400', description, detail: { result: 'error', detail } });
}

/** SVC_CRD_<yyyyMMddHHmmss> in the company's time zone. */
export function serviceTransactionId(prefix: string, now: Date, zone: string | null): string {
  return `${prefix}${localDateTime(now, zone).replace(/[-T:]/g, '')}`;
}

const text = (v: unknown): string | null => {
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t === '' ? null : t;
};

type ItemError = { rec: number; code: string; info: string };

export function readItem(raw: unknown, rec: number): AdminItem | ItemError {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    return { rec, code: '9520', info: 'El registro debe ser un objeto' };
  const r = raw as Record<string, unknown>;
  const operation = text(r.operation)?.toUpperCase();
  if (!operation || !(ELEMENT_ACTIONS as readonly string[]).includes(operation)) {
    return {
      rec,
      code: '9520',
      info: `Operación inválida: ${String(r.operation ?? '')}. Use ${ELEMENT_ACTIONS.join(', ')}`,
    };
  }
  const type = text(r.type);
  if (!type) return { rec, code: '9503', info: 'El tipo de elemento es requerido' };
  let amount: AdminItem['amount'] = null;
  if (text(r.amount) !== null) {
    const parsed = parseAmount(r.amount);
    if (!parsed.ok) return { rec, code: '9520', info: `El monto es inválido: ${parsed.message}` };
    amount = { minor: parsed.minor, sign: parsed.sign };
  }
  for (const field of ['validFrom', 'validTo'] as const) {
    const day = text(r[field]);
    if (day && !isDayDate(day))
      return { rec, code: '9520', info: `El campo ${field} debe tener el formato yyyy-MM-dd` };
  }
  const code = text(r.code) ?? '';
  if (code.length > 64) return { rec, code: '9520', info: 'El código del elemento supera 64 caracteres' };
  return {
    action: operation as AdminAction,
    number: code,
    typeCode: type,
    amount,
    customerCode: text(r.customerId),
    cvv: text(r.cvv),
    validFrom: text(r.validFrom),
    validTo: text(r.validTo),
    reason: text(r.reason),
    storeCode: text(r.storeCode) ?? text(r.stroreCode),
    terminalCode: text(r.terminalCode),
  };
}

export const INFO: Record<RecordError['reason'], [string, string]> = {
  TYPE_NOT_FOUND: ['9503', 'No se encontró el Tipo de tarjeta loyalty'],
  TYPE_INACTIVE: ['9520', 'El tipo de elemento no está activo'],
  TYPE_MISMATCH: ['9520', 'El elemento es de otro tipo'],
  ELEMENT_NOT_FOUND: ['9520', 'not found'],
  ELEMENT_EXISTS: ['9520', 'already exists'],
  ELEMENT_ACTIVE: ['9520', 'El elemento de fidelidad ya está activo'],
  ELEMENT_CANCELLED: ['9520', 'El elemento de fidelidad está cancelado'],
  ELEMENT_NOT_ACTIVE: ['9520', 'El elemento de fidelidad no está activo'],
  OTHER_CUSTOMER: ['9520', 'El elemento tiene otro cliente asociado'],
  AMOUNT_REQUIRED: ['9520', 'El monto es requerido'],
  AMOUNT_NEGATIVE: ['9520', 'El monto no puede ser negativo'],
  NOT_RECHARGEABLE: ['9520', 'El tipo de elemento no es recargable'],
  CHARGE_LIMIT: ['9520', 'El monto supera el límite de carga del tipo de elemento'],
  CVV_REQUIRED: ['9520', 'El CVV es requerido para este tipo de elemento'],
  CUSTOMER_NOT_FOUND: ['9520', 'El cliente especificado no existe'],
  CUSTOMER_REQUIRED: ['9520', 'El cliente es requerido'],
  CUSTOMER_HAS_ACTIVE_ELEMENT: ['9520', 'El cliente ya posee un elemento de fidelidad activo'],
  INSUFFICIENT_AMOUNT: ['9520', 'Saldo insuficiente'],
  NUMBER_UNAVAILABLE: ['9520', 'No hay números disponibles para el tipo de elemento'],
};

export async function cardAdmin(deps: Deps, resolve: CompanyResolver, body: unknown) {
  const b = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
  const company = await checkCompanyCode(resolve, b.companyId, (detail) => shortError(DESCRIPTION, detail));
  if (!Array.isArray(b.items) || b.items.length === 0)
    throw shortError(DESCRIPTION, 'El campo items es requerido');
  if (b.items.length > MAX_ITEMS) {
    throw shortError(DESCRIPTION, `Se superó el máximo de ${MAX_ITEMS} registros por solicitud`);
  }
  const params = paramsOf(b.params);
  const detailErrors = flag(params.detailErrors, true);
  const detailSuccess = flag(params.detailSuccess, true);
  const oneActive = flag(params.oneActiveCardByCustomer, true);
  const transactionId = serviceTransactionId('SVC_CRD_', deps.now(), company.zone);
  const readErrors: ItemError[] = [];
  const items: { rec: number; item: AdminItem }[] = [];
  b.items.forEach((raw, i) => {
    const read = readItem(raw, i + 1);
    if ('info' in read) readErrors.push(read);
    else items.push({ rec: i + 1, item: read });
  });
  const result = await administerElements(deps, company.merchantId, {
    items: items.map((i) => i.item),
    oneActivePerCustomer: oneActive,
    transactionId,
  });
  const recOf = (index: number) => items[index - 1]!.rec;
  if (!result.ok) {
    const { rec, reason, customerCode } = result.refusal;
    throw shortError(
      DESCRIPTION,
      reason === 'CUSTOMER_REQUIRED'
        ? `El cliente es requerido para el registro : ${recOf(rec)}`
        : `El cliente ${customerCode} ya posee un elemento de fidelidad activo`,
    );
  }
  const outcome = result.value;
  const errorDetails = [
    ...readErrors,
    ...outcome.errors.map((e) => ({ rec: recOf(e.rec), code: INFO[e.reason][0], info: INFO[e.reason][1] })),
  ].sort((a, b) => a.rec - b.rec);
  return {
    status: 200,
    description: DESCRIPTION,
    transactionId,
    detail: {
      result: 'ok',
      detail: '',
      updated: outcome.updated,
      ignored: 0,
      inserted: outcome.inserted,
      removed: 0,
      errors: errorDetails.length,
      processed: b.items.length,
      errorDetails: detailErrors ? errorDetails : [],
      successDetails: detailSuccess
        ? outcome.successes.map((s) => ({
            rec: recOf(s.rec),
            code: s.number,
            amount: formatAmount(s.amount),
          }))
        : [],
    },
  };
}
