/** Turning failures into CashDesk answers: documented keys with HTTP 200, the rest as transport errors. */
import type { FastifyRequest } from 'fastify';
import { ERROR_CATALOG, fail, type Failure } from '../../core/error-catalog.js';
import { HttpError } from '../../http/http-error.js';
import { failure, keyFor, type CashDeskKey, type CashDeskMethod, type Envelope } from './envelope.js';

/** A documented error: HTTP 200, Status=false; recorded on the request for the integration error log. */
export function refuse(
  request: FastifyRequest,
  method: CashDeskMethod,
  f: Failure,
  overrides: Partial<Record<Failure['code'], CashDeskKey>> = {},
): Envelope {
  const key = overrides[f.code] ?? keyFor(method, f.code);
  if (key === null) throw HttpError.from(f);
  const value = f.message ?? ERROR_CATALOG[f.code].message;
  request.failure = { status: 200, code: f.code, message: `${key}: ${value}` };
  return failure(key, value);
}

export function missing(request: FastifyRequest, names: string[]): Envelope {
  const value = `Required parameters not specified: ${names.join(', ')}`;
  request.failure = {
    status: 200,
    code: 'VALIDATION_FAILED',
    message: `RequiredParameterNotSpecified: ${value}`,
  };
  return failure('RequiredParameterNotSpecified', value);
}

export const invalidCard = (raw: string): Failure =>
  fail('CARD_NUMBER_INVALID', `"${raw}" is not a card number (digits only, at most 32).`);
