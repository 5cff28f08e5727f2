/** The answers of the data-loading services (spec §1 envelope families 2 and 3), and their refusals. */
import { PromoAnswer } from '../errors.js';

export const CATALOG_ACCEPTED =
  'Se generó con éxito el registro de importación. Puede ver su estado correspondiente en el monitor de importación.';

/** The catalog envelope: status as a string, description the catalog name as sent. */
export function catalogEnvelope(status: '200' | '400' | '500', description: string, detail: string) {
  return {
    status,
    description,
    detail: { result: status === '200' ? 'ok' : 'error', detail },
  };
}

export function catalogRefusal(description: string, detail: string): PromoAnswer {
  return new PromoAnswer(400, catalogEnvelope('400', description, detail));
}

export const PRICE_LIST_ACCEPTED = {
  status: 'Informacion Recibida OK',
  description: 'La lista de precios será procesada',
};

export const PROMOTIONS_ACCEPTED = {
  status: 'Información Recibida OK',
  description: 'La importación de promociones será procesada',
};

export const received = (status: string, description: string) =>
  new PromoAnswer(400, { status, description });

/** An object body, or the refusal built by `refuse` (syntax errors come here as text). */
export function objectBody(body: unknown, refuse: (detail: string) => PromoAnswer): Record<string, unknown> {
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body) as unknown;
    } catch {
      throw refuse('El cuerpo de la solicitud no es un JSON válido');
    }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw refuse('El cuerpo de la solicitud debe ser un objeto JSON');
  return value as Record<string, unknown>;
}

/** params: a list of {key: value} objects merged into one (keys case as sent). */
export function paramsOf(value: unknown): Record<string, unknown> | null {
  if (value === undefined || value === null) return {};
  if (!Array.isArray(value)) return null;
  const out: Record<string, unknown> = {};
  for (const p of value) {
    if (!p || typeof p !== 'object' || Array.isArray(p)) return null;
    Object.assign(out, p);
  }
  return out;
}

export const text = (v: unknown): string | null => {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t === '' ? null : t;
};

export const truthy = (v: unknown) =>
  v === true || (typeof v === 'string' && v.trim().toLowerCase() === 'true');
