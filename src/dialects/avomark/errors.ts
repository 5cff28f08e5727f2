/**
 * Avomark API360 errors: the seed's table "Code erreur Avomark complétant le code 4XX", and the mapping of
 * the catalog's codes onto it. The HTTP status stays the catalog's (always 4xx for an expected failure);
 * the body is { "code": <Avomark number>, "message": <the seed's English message> }. A catalog code the
 * seed has no number for answers code 0 with the catalog's message, so the till still shows what is wrong.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode } from '../../core/error-catalog.js';
import { HttpError, type NormalizedError } from '../../http/http-error.js';
import { prepareErrorReply } from '../../http/plugins/errors.js';

/** The seed's table, verbatim. */
export const AVOMARK_MESSAGES = {
  0: 'An unknown error has occurred.',
  1: 'This card is unknown.',
  2: 'You are not allowed to use this card.',
  3: 'This card is already use.',
  50: 'Virtual Wallet is not activated. Please contact Avomark.',
  60: 'Sponsorship is not activated. Please contact Avomark.',
  61: 'The godchild already has a godfather.',
  100: 'Any sales found.',
  101: 'Impossible to take the discount.',
  102: 'Required parameter is empty.',
  103: 'This purchase is already saved.',
  104: 'Seller invalid.',
  200: 'Terminal not found.',
  201: 'Incorrect format version.',
  202: 'Terminal not available. Call Avomark.',
  300: 'The format of the criteria is incorrect.',
  301: 'The criteria already exist.',
  302: 'Check the consistency between the city, zipcode and the country.',
  303: 'The format of the phone is incorrect.',
  304: 'The birthdate is incorrect.',
  310: "A page number can't be negative.",
  311: 'It takes at least 3 characters to do a search.',
  312: 'The lastname is too long (max 40 characters).',
  313: 'The firstname is too long (max 50 characters).',
  314: 'The line address is too long (max 40 characters).',
  315: 'The lastname is required.',
  316: 'This customer is unknown.',
  400: 'Item not found/exist.',
  401: 'Item type not found/exist.',
  450: 'Voucher number not found.',
  451: 'Voucher already used.',
  452: 'Index out of range.',
  453: 'Type of voucher is incorrect. See details.',
  454: 'Value of voucher is incorrect. See details.',
} as const;

export type AvomarkCode = keyof typeof AVOMARK_MESSAGES;

/** Catalog code → Avomark number. Codes absent here answer 0 with the catalog's own message. */
export const AVOMARK_CODES: Partial<Record<ErrorCode, AvomarkCode>> = {
  CARD_NOT_FOUND: 1,
  CARD_NOT_ALLOWED: 2,
  CARD_STATUS_ERROR: 2,
  CARD_NOT_BOUND: 2,
  CARD_BOUND_TO_ANOTHER_CUSTOMER: 3,
  CUSTOMER_HAS_ANOTHER_CARD: 3,
  CARD_NUMBER_TAKEN: 3,
  WALLET_NOT_ACTIVATED: 50,
  SPONSORSHIP_NOT_ACTIVATED: 60,
  GODFATHER_ALREADY_SET: 61,
  SALE_NOT_FOUND: 100,
  INSUFFICIENT_POINTS: 101,
  SALE_ALREADY_SAVED: 103,
  SELLER_INVALID: 104,
  STORE_NOT_FOUND: 200,
  TERMINAL_NOT_FOUND: 200,
  ADDRESS_INCONSISTENT: 302,
  UNKNOWN_COUNTRY: 302,
  COUNTRY_NOT_FOUND: 302,
  PHONE_COUNTRY_CODE_REQUIRED: 303,
  PHONE_INVALID: 303,
  BIRTH_DATE_INVALID: 304,
  SEARCH_TOO_SHORT: 311,
  LAST_NAME_TOO_LONG: 312,
  FIRST_NAME_TOO_LONG: 313,
  ADDRESS_LINE_TOO_LONG: 314,
  LAST_NAME_REQUIRED: 315,
  CUSTOMER_NOT_FOUND: 316,
  ITEM_UNKNOWN: 400,
  ITEM_TYPE_UNKNOWN: 401,
  VOUCHER_NOT_FOUND: 450,
  VOUCHER_NOT_OWNED: 450,
  VOUCHER_ALREADY_USED: 451,
  // A step that is not among the card's availables (not reached, already rewarded, or no such step).
  STEP_NOT_FOUND: 452,
  STEP_NOT_REACHED: 452,
  STEP_ALREADY_REWARDED: 452,
  VOUCHER_CHOICE_REQUIRED: 453,
  VOUCHER_CHOICE_TYPE_INVALID: 453,
  VOUCHER_CHOICE_VALUE_INVALID: 454,
  VOUCHER_AMOUNT_INVALID: 454,
  VOUCHER_AMOUNT_EXCEEDS_REMAINING: 454,
};

/** An Avomark error raised by the dialect itself (wire-level checks the engine has no code for). */
export class AvomarkError extends HttpError {
  constructor(
    readonly avomark: AvomarkCode,
    code: ErrorCode = 'VALIDATION_FAILED',
    message?: string,
  ) {
    super(code, message ?? AVOMARK_MESSAGES[avomark]);
  }
}

export const AvomarkErrorBody = Type.Object(
  {
    code: Type.Integer({ description: 'Avomark error number (table of the API360 guide); 0 = other' }),
    message: Type.String(),
  },
  { description: 'Avomark API360 error' },
);

export const avomarkErrorResponses = {
  400: AvomarkErrorBody,
  401: AvomarkErrorBody,
  403: AvomarkErrorBody,
  404: AvomarkErrorBody,
  409: AvomarkErrorBody,
  413: AvomarkErrorBody,
  415: AvomarkErrorBody,
  422: AvomarkErrorBody,
  429: AvomarkErrorBody,
};

const REQUIRED = /must have required property/;

/** The Avomark number and message of a normalized failure. */
export function toAvomark(error: unknown, e: NormalizedError): { code: AvomarkCode; message: string } {
  if (error instanceof AvomarkError) return { code: error.avomark, message: error.message };
  if (e.code === 'VALIDATION_FAILED' && (e.details ?? []).some((d) => REQUIRED.test(d.message))) {
    return { code: 102, message: `${AVOMARK_MESSAGES[102]} ${e.message}` };
  }
  const code = AVOMARK_CODES[e.code];
  return code === undefined ? { code: 0, message: e.message } : { code, message: AVOMARK_MESSAGES[code] };
}

function send(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  const e = prepareErrorReply(request, reply, error);
  request.xmlRoot = 'Error';
  return reply.code(e.status).type('application/json').send(toAvomark(error, e));
}

/** The error format of the whole /avomark subtree (not-found answers included). */
export function avomarkErrorFormat(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  return send(request, reply, error);
}
