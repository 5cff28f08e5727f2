/**
 * POST /promo/api/rest/customer: customers created, updated or removed record by record (catalog-customer
 * item shape, up to 100 per request), each with an optional `autoCard` element. The manual documents no
 * answer; this one is the synchronous admin envelope, errors listed per record as the segment service
 * lists them ({rec, customer, msg}).
 */
import type { Deps } from '../../../app/context.js';
import {
  saveCustomerProfile,
  type ProfileInput,
  type ProfileOperation,
} from '../../../app/elements/customer-profiles.js';
import { referenceCodeAllowed, type ReferenceCatalog } from '../../../app/elements/reference-data.js';
import { isDayDate } from '../../../core/elements/index.js';
import { checkCompanyCode, type CompanyResolver } from './admin-company.js';
import { shortError } from './card-admin.js';

const DESCRIPTION = 'rest::customerAdmin';
export const MAX_CUSTOMERS = 100;

const OPERATIONS: Record<string, ProfileOperation> = {
  I: 'insert',
  U: 'update',
  UI: 'upsert',
  IU: 'upsert',
  R: 'remove',
};

const KNOWN = new Set([
  'code',
  'name',
  'lastName',
  'gender',
  'birthDate',
  'identificationType',
  'identifier',
  'identificationExpiration',
  'nacionality',
  'email',
  'customerType',
  'address',
  'addressCountry',
  'addressState',
  'addressCity',
  'addressPostalCode',
  'phone',
  'isActive',
  'segments',
  'operation',
  'autoCard',
]);

const text = (v: unknown): string | null => {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t === '' ? null : t;
};

/** yyyy-MM-dd, or dd-MM-yyyy as several of the manual's examples write it (spec §11.16). */
function day(v: unknown): string | null | undefined {
  const t = text(v);
  if (t === null) return null;
  if (isDayDate(t)) return t;
  const m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(t);
  if (m && isDayDate(`${m[3]}-${m[2]}-${m[1]}`)) return `${m[3]}-${m[2]}-${m[1]}`;
  return undefined;
}

export type Read =
  | { operation: ProfileOperation; input: ProfileInput; autoCard: string | null }
  | { msg: string; code: string };

export function readItem(raw: unknown): Read {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    return { code: '', msg: 'El registro debe ser un objeto' };
  const r = raw as Record<string, unknown>;
  const code = text(r.code);
  if (!code) return { code: '', msg: 'El campo code es requerido' };
  const op = OPERATIONS[text(r.operation)?.toUpperCase() ?? ''];
  if (!op) return { code, msg: `Operación inválida: ${String(r.operation ?? '')}. Use I, U, UI o R` };
  const birthDate = day(r.birthDate);
  const expiration = day(r.identificationExpiration);
  if (birthDate === undefined) return { code, msg: 'El campo birthDate debe tener el formato yyyy-MM-dd' };
  if (expiration === undefined)
    return { code, msg: 'El campo identificationExpiration debe tener el formato yyyy-MM-dd' };
  if (op !== 'remove') {
    for (const field of ['name', 'lastName', 'identifier'])
      if (!text(r[field])) return { code, msg: `El campo ${field} es requerido` };
  }
  const attributes: Record<string, string> = {};
  for (const [k, v] of Object.entries(r)) if (!KNOWN.has(k) && text(v) !== null) attributes[k] = text(v)!;
  const active = text(r.isActive);
  return {
    operation: op,
    autoCard: text(r.autoCard),
    input: {
      code,
      name: text(r.name),
      lastName: text(r.lastName),
      identificationType: text(r.identificationType),
      identifier: text(r.identifier),
      customerType: text(r.customerType),
      address: text(r.address),
      active: active === null ? true : active.toLowerCase() !== 'false',
      attributes,
      details: {
        gender_code: text(r.gender),
        email: typeof r.email === 'string' ? r.email.trim() : null,
        birth_date: birthDate,
        nationality: text(r.nacionality),
        identification_expires_on: expiration,
        phone: text(r.phone),
        address_country: text(r.addressCountry),
        address_state: text(r.addressState),
        address_city: text(r.addressCity),
        postal_code: text(r.addressPostalCode),
        segments: typeof r.segments === 'string' ? r.segments : null,
      },
    },
  };
}

export const MESSAGES = {
  NOT_FOUND: 'not found',
  ALREADY_EXISTS: 'already exists',
  TYPE_NOT_FOUND: 'No se encontró el Tipo de tarjeta loyalty',
  ELEMENT_NUMBER_TAKEN: 'El elemento de fidelidad ya existe con otro cliente',
  ELEMENT_NUMBER_INVALID: 'El identificador no cabe en el largo del número del tipo de elemento',
  INVALID: 'Datos inválidos',
} as const;

/** Codes checked against the related catalogs the company has loaded (CatalogIdType, CatalogCountry ...). */
const CHECKED: [ReferenceCatalog, string, (p: ProfileInput) => string | null][] = [
  ['identification-type', 'CatalogIdType', (p) => p.identificationType],
  ['gender', 'CatalogGender', (p) => p.details.gender_code],
  ['customer-type', 'CatalogCustomerType', (p) => p.customerType],
  ['country', 'CatalogCountry', (p) => p.details.address_country],
  ['state', 'CatalogState', (p) => p.details.address_state],
  ['city', 'CatalogCity', (p) => p.details.address_city],
];

export async function unknownCode(
  deps: Deps,
  merchantId: string,
  input: ProfileInput,
  /** Answers already read in this transaction (an import's batch), by catalog and code. */
  known?: Map<string, boolean>,
): Promise<string | null> {
  for (const [catalog, name, read] of CHECKED) {
    const code = read(input);
    if (!code) continue;
    const key = `${catalog}\u0000${code}`;
    let allowed = known?.get(key);
    if (allowed === undefined) {
      allowed = await referenceCodeAllowed(deps, merchantId, catalog, code);
      known?.set(key, allowed);
    }
    if (!allowed) return `El código ${code} no existe en el catálogo ${name}`;
  }
  return null;
}

export async function customerAdmin(deps: Deps, resolve: CompanyResolver, body: unknown) {
  const b = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
  const company = await checkCompanyCode(resolve, b.companyId, (detail) => shortError(DESCRIPTION, detail));
  // The manual's example writes "itens" (Portuguese) for items.
  const items = Array.isArray(b.items) ? b.items : Array.isArray(b.itens) ? b.itens : undefined;
  if (!items || items.length === 0) throw shortError(DESCRIPTION, 'El campo items es requerido');
  if (items.length > MAX_CUSTOMERS) {
    throw shortError(DESCRIPTION, `Se superó el máximo de ${MAX_CUSTOMERS} clientes por solicitud`);
  }
  const counts = { inserted: 0, updated: 0, removed: 0 };
  const errorDetails: { rec: number; customer: string; msg: string }[] = [];
  const successDetails: { rec: number; customer: string; card?: string }[] = [];
  for (const [index, raw] of items.entries()) {
    const rec = index + 1;
    const read = readItem(raw);
    if ('msg' in read) {
      errorDetails.push({ rec, customer: read.code, msg: read.msg });
      continue;
    }
    const unknown = await unknownCode(deps, company.merchantId, read.input);
    if (unknown) {
      errorDetails.push({ rec, customer: read.input.code, msg: unknown });
      continue;
    }
    const outcome = await saveCustomerProfile(
      deps,
      company.merchantId,
      read.operation,
      read.input,
      read.autoCard,
    );
    if (!outcome.ok) {
      errorDetails.push({ rec, customer: read.input.code, msg: outcome.message ?? MESSAGES[outcome.reason] });
      continue;
    }
    counts[outcome.effect] += 1;
    successDetails.push({
      rec,
      customer: read.input.code,
      ...(outcome.element ? { card: outcome.element } : {}),
    });
  }
  return {
    status: 200,
    description: DESCRIPTION,
    detail: {
      result: 'ok',
      detail: '',
      ...counts,
      ignored: 0,
      errors: errorDetails.length,
      processed: items.length,
      errorDetails,
      successDetails,
    },
  };
}
