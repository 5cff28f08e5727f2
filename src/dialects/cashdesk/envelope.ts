/**
 * The CashDesk answer envelope {Status, Key, Value} (spec/cashdesk.md) and the vendor error keys.
 *
 * HTTP status policy. A till integrated with CashDesk reads the envelope, so every answer the protocol
 * documents, success or error (including RequiredParameterNotSpecified), goes out with HTTP 200 and
 * Status=false plus the documented Key. Only failures outside the protocol use a 4xx/5xx status, still with
 * the envelope: 400 InvalidRequest (body that is not JSON or not an object), 401 Unauthorized (missing or
 * wrong Basic credentials, with WWW-Authenticate: Basic), 403 AccessDenied (role may not call the method,
 * user without a merchant), 404 MethodNotFound, 429 TooManyAttempts (login throttle, with Retry-After),
 * 500 InternalError. Business errors answered with 200 are still recorded in the integration error log.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { ErrorCode } from '../../core/error-catalog.js';

/** The error keys of the protocol, spelled as in the seed (CardNumberCannotFind is the seed's, for Issue). */
export type CashDeskKey =
  | 'CannotFindCardNumber'
  | 'InvalidCardNumber'
  | 'CannotFindMobileNumber'
  | 'InvalidMobileNumber'
  | 'CannotFindContactCode'
  | 'CardNumberCannotFind'
  | 'RequiredParameterNotSpecified'
  | 'CannotFindMobile'
  | 'CardNumberBindToAnotherContact'
  | 'ContactBindToAnotherCardNumber'
  | 'StatusError'
  | 'BlockReasonError'
  | 'UnBlockReasonError';

/** Keys Tessera adds for failures the protocol does not describe (answered with a 4xx/5xx status). */
export type TransportKey =
  'InvalidRequest' | 'Unauthorized' | 'AccessDenied' | 'MethodNotFound' | 'TooManyAttempts' | 'InternalError';

export type CashDeskMethod =
  'balance' | 'balanceByPhone' | 'issue' | 'bindto' | 'active' | 'block' | 'unblock';

export const Envelope = Type.Object(
  {
    Status: Type.Boolean({ description: 'true = success, false = error' }),
    Key: Type.String({ description: 'Error code; empty on success' }),
    Value: Type.String({ description: 'Error text; empty on success' }),
  },
  { description: 'CashDesk answer envelope' },
);
export type Envelope = Static<typeof Envelope>;

export const success = (): Envelope => ({ Status: true, Key: '', Value: '' });
export const failure = (key: CashDeskKey | TransportKey, value: string): Envelope => ({
  Status: false,
  Key: key,
  Value: value,
});

const cardNotFound = (method: CashDeskMethod): CashDeskKey =>
  method === 'issue' ? 'CardNumberCannotFind' : 'CannotFindCardNumber';

/**
 * The documented key for an engine failure in a method, or null when the protocol has none (the failure
 * is then answered as a transport error).
 */
export function keyFor(method: CashDeskMethod, code: ErrorCode): CashDeskKey | null {
  switch (code) {
    case 'CARD_NOT_FOUND':
      return cardNotFound(method);
    case 'CARD_NUMBER_INVALID':
      // Active documents no InvalidCardNumber: a malformed number is simply not found.
      return method === 'active' ? 'CannotFindCardNumber' : 'InvalidCardNumber';
    case 'CUSTOMER_NOT_FOUND':
      if (method === 'balanceByPhone') return 'CannotFindMobileNumber';
      if (method === 'balance') return 'CannotFindCardNumber';
      return 'CannotFindMobile';
    case 'PHONE_COUNTRY_CODE_REQUIRED':
    case 'PHONE_INVALID':
      return 'InvalidMobileNumber';
    case 'CARD_BOUND_TO_ANOTHER_CUSTOMER':
      return 'CardNumberBindToAnotherContact';
    case 'CUSTOMER_HAS_ANOTHER_CARD':
      return 'ContactBindToAnotherCardNumber';
    case 'CARD_STATUS_ERROR':
    case 'CARD_NOT_BOUND':
    case 'CUSTOMER_DATA_INSUFFICIENT':
      return 'StatusError';
    case 'BLOCK_REASON_NOT_ALLOWED':
      return 'BlockReasonError';
    case 'UNBLOCK_REASON_NOT_ALLOWED':
    case 'CARD_BLOCKED_BY_ADMINISTRATOR':
      return 'UnBlockReasonError';
    case 'CARD_REASON_CODE_INVALID':
      return method === 'unblock' ? 'UnBlockReasonError' : 'BlockReasonError';
    default:
      return null;
  }
}

/** The key of a failure answered with a 4xx/5xx status. */
export function transportKey(code: ErrorCode, status: number): TransportKey {
  if (status === 401) return 'Unauthorized';
  if (status === 403) return 'AccessDenied';
  if (status === 429) return 'TooManyAttempts';
  if (code === 'ROUTE_NOT_FOUND' || code === 'METHOD_NOT_ALLOWED') return 'MethodNotFound';
  if (status >= 500) return 'InternalError';
  return 'InvalidRequest';
}
