/**
 * The one error catalog. Every expected failure has a stable code, an HTTP status and a default message.
 * The native API answers { error: { code, message, requestId, details? } }; each dialect maps the same
 * codes onto its vendor's error format.
 */
export const ERROR_CATALOG = {
  // request shape
  MALFORMED_BODY: { status: 400, message: 'The request body is not well-formed.' },
  VALIDATION_FAILED: { status: 400, message: 'The request is invalid.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'The Content-Type of the body is not supported.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  NOT_ACCEPTABLE: { status: 406, message: 'No representation matches the Accept header.' },
  ROUTE_NOT_FOUND: { status: 404, message: 'No route matches this method and path.' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'This method is not allowed on this path.' },
  // auth
  UNAUTHENTICATED: { status: 401, message: 'A valid access token is required.' },
  TOKEN_EXPIRED: { status: 401, message: 'The access token has expired; request a new one.' },
  INVALID_CLIENT: { status: 401, message: 'Unknown client or wrong secret.' },
  INVALID_GRANT: { status: 400, message: 'Unknown user, wrong password or unknown terminal.' },
  UNSUPPORTED_GRANT_TYPE: { status: 400, message: 'grant_type must be client_credentials or password.' },
  INVALID_REQUEST: { status: 400, message: 'The token request is missing a parameter.' },
  TOO_MANY_ATTEMPTS: { status: 429, message: 'Too many failed logins; wait before trying again.' },
  FORBIDDEN: { status: 403, message: 'Your role does not allow this operation.' },
  NO_MERCHANT: { status: 403, message: 'This credential is not attached to a merchant.' },
  // idempotency
  IDEMPOTENCY_KEY_REUSED: {
    status: 409,
    message: 'This Idempotency-Key was already used with another request body.',
  },
  IDEMPOTENCY_KEY_IN_PROGRESS: {
    status: 409,
    message: 'A request with this Idempotency-Key is still being processed; retry shortly.',
  },
  INVALID_IDEMPOTENCY_KEY: {
    status: 400,
    message: 'Idempotency-Key must be 1 to 255 visible ASCII characters.',
  },
  // customers
  CUSTOMER_NOT_FOUND: { status: 404, message: 'This customer is unknown.' },
  CUSTOMER_CODE_TAKEN: { status: 409, message: 'Another customer already has this customer code.' },
  LAST_NAME_REQUIRED: { status: 422, message: 'The last name is required.' },
  LAST_NAME_TOO_LONG: { status: 422, message: 'The last name is too long (max 40 characters).' },
  FIRST_NAME_TOO_LONG: { status: 422, message: 'The first name is too long (max 50 characters).' },
  ADDRESS_LINE_TOO_LONG: { status: 422, message: 'An address line is too long (max 40 characters).' },
  ADDRESS_INCONSISTENT: {
    status: 422,
    message: 'Check the consistency between the city, the zip code and the country.',
  },
  UNKNOWN_COUNTRY: { status: 422, message: 'The country is unknown; use an ISO 3166 code or name.' },
  PHONE_COUNTRY_CODE_REQUIRED: {
    status: 422,
    message: 'Phone numbers must start with + and the country code, e.g. +33612345678.',
  },
  PHONE_INVALID: { status: 422, message: 'The phone number is not valid for its country.' },
  BIRTH_DATE_INVALID: { status: 422, message: 'The birth date is incorrect.' },
  EMAIL_INVALID: { status: 422, message: 'The e-mail address is not valid.' },
  CIVILITY_UNKNOWN: { status: 422, message: 'Unknown civility; see /v1/reference/civilities.' },
  GODFATHER_NOT_FOUND: {
    status: 422,
    message: 'The sponsor (godfather) is not a customer of this merchant.',
  },
  GODFATHER_ALREADY_SET: { status: 409, message: 'The godchild already has a godfather.' },
  GODFATHER_SELF: { status: 422, message: 'A customer cannot sponsor themselves.' },
  SEARCH_TOO_SHORT: { status: 400, message: 'A search needs at least 3 characters.' },
  INVALID_CURSOR: { status: 400, message: 'The cursor is not valid; use nextCursor from the previous page.' },
  // reference data
  COUNTRY_NOT_FOUND: { status: 404, message: 'This country is unknown.' },
  // tenancy
  MERCHANT_NOT_FOUND: { status: 404, message: 'This merchant is unknown.' },
  STORE_NOT_FOUND: { status: 404, message: 'This store is unknown.' },
  TERMINAL_NOT_FOUND: { status: 404, message: 'This terminal is unknown.' },
  LOGIN_TAKEN: { status: 409, message: 'This login is already used.' },
  // infrastructure
  SERVICE_UNAVAILABLE: { status: 503, message: 'The service is temporarily unavailable.' },
  INTERNAL: { status: 500, message: 'An internal error occurred; it has been logged.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

export interface ErrorDetail {
  field?: string;
  code: ErrorCode;
  message: string;
}

/** An expected failure, as a value. */
export interface Failure {
  ok: false;
  code: ErrorCode;
  message?: string;
  details?: ErrorDetail[];
  /** Seconds after which a retry may succeed (429, 503). */
  retryAfter?: number;
}

export type Result<T> = { ok: true; value: T } | Failure;

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message?: string, details?: ErrorDetail[]): Failure => ({
  ok: false,
  code,
  ...(message === undefined ? {} : { message }),
  ...(details === undefined ? {} : { details }),
});

export function detail(code: ErrorCode, field?: string, message?: string): ErrorDetail {
  return { code, message: message ?? ERROR_CATALOG[code].message, ...(field === undefined ? {} : { field }) };
}
