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
  CROSS_SITE_REQUEST: {
    status: 403,
    message: 'Cross-site request refused: this API is called by tills and same-origin pages only.',
  },
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
  IDEMPOTENT_ANSWER_NOT_KEPT: {
    status: 409,
    message:
      'The request with this Idempotency-Key was already carried out, but its answer is not kept (it carried a secret, or personal data since erased): read the resource instead of retrying.',
  },
  INVALID_IDEMPOTENCY_KEY: {
    status: 400,
    message: 'Idempotency-Key must be 1 to 255 visible ASCII characters.',
  },
  // customers
  CUSTOMER_NOT_FOUND: { status: 404, message: 'This customer is unknown.' },
  CUSTOMER_CODE_TAKEN: { status: 409, message: 'Another customer already has this customer code.' },
  MOBILE_TAKEN: { status: 409, message: 'Another customer of this merchant already has this mobile number.' },
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
  SPONSORSHIP_NOT_ACTIVATED: {
    status: 422,
    message:
      'Sponsorship is not activated: no active program of the merchant enables it (program setting sponsorship).',
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
  MERCHANT_SLUG_TAKEN: { status: 409, message: 'Another merchant already has this slug.' },
  STORE_CODE_TAKEN: { status: 409, message: 'Another store of this merchant has this code.' },
  TERMINAL_CODE_TAKEN: { status: 409, message: 'Another terminal of this merchant has this code.' },
  USER_NOT_FOUND: { status: 404, message: 'No user of this merchant has this id.' },
  CLIENT_NOT_FOUND: { status: 404, message: 'No API client of this merchant has this id.' },
  CURRENCY_UNKNOWN: {
    status: 422,
    message: 'The currency is not an ISO 4217 code in circulation (three capital letters, e.g. EUR).',
  },
  TIME_ZONE_UNKNOWN: {
    status: 422,
    message: 'The time zone is not an IANA time zone name (e.g. Europe/Paris).',
  },
  PASSWORD_TOO_WEAK: { status: 422, message: 'The password does not meet the password policy.' },
  PROVIDER_REQUIRED: {
    status: 403,
    message: 'Only an administrator of a provider (integrator) manages merchants.',
  },
  SELF_LOCKOUT: {
    status: 409,
    message: 'You cannot deactivate yourself or take away your own administrator role.',
  },
  // programs
  PROGRAM_NOT_FOUND: { status: 404, message: 'This program is unknown.' },
  PROGRAM_INVALID: { status: 422, message: 'The program settings are invalid; see details.' },
  PROGRAM_CODE_TAKEN: { status: 409, message: 'Another program of this merchant has this code.' },
  // cards
  CARD_NOT_FOUND: { status: 404, message: 'This card is unknown.' },
  CARD_NUMBER_INVALID: { status: 422, message: "The card number does not fit the program's number format." },
  CARD_NUMBER_TAKEN: { status: 409, message: 'A card with this number already exists.' },
  CARD_SERIAL_OUT_OF_RANGE: { status: 422, message: 'The program has no card numbers left in this range.' },
  CARD_STATUS_ERROR: { status: 409, message: "The card's status does not allow this operation." },
  CARD_NOT_BOUND: { status: 409, message: 'The card is not bound to a customer.' },
  CARD_NOT_ALLOWED: { status: 403, message: 'You are not allowed to use this card.' },
  CUSTOMER_DATA_INSUFFICIENT: {
    status: 409,
    message: "The customer's data is not sufficient to activate the card.",
  },
  CARD_BOUND_TO_ANOTHER_CUSTOMER: { status: 409, message: 'The card is bound to another customer.' },
  CUSTOMER_HAS_ANOTHER_CARD: { status: 409, message: 'The customer already has a card of this program.' },
  BLOCK_REASON_NOT_ALLOWED: { status: 403, message: 'Your role may not block a card for this reason.' },
  UNBLOCK_REASON_NOT_ALLOWED: {
    status: 403,
    message: 'Your role may not unblock this card with this reason.',
  },
  REPLACE_NOT_ALLOWED: { status: 409, message: 'This card cannot be replaced.' },
  PROGRAM_MISMATCH: { status: 409, message: 'The cards belong to different programs.' },
  SUCCESSOR_NOT_AVAILABLE: { status: 409, message: 'The replacement card is not available.' },
  NO_CARD_AVAILABLE: { status: 409, message: 'No new unassigned card of this program is left.' },
  CARD_REASON_CODE_INVALID: { status: 422, message: 'This block or unblock reason code does not exist.' },
  CARD_BLOCKED_BY_ADMINISTRATOR: {
    status: 403,
    message: 'A card blocked by an administrator can be unblocked or replaced only by an administrator.',
  },
  // ledger and sales
  BALANCE_LIMIT_EXCEEDED: {
    status: 422,
    message: 'The card would hold more points than a card may hold.',
  },
  INSUFFICIENT_POINTS: { status: 409, message: 'The balance does not cover this debit.' },
  RETURN_EXCEEDS_SALE: { status: 422, message: 'The returned amount exceeds what is left of the sale.' },
  INVALID_EXPIRY_POLICY: { status: 422, message: 'The points lifetime is invalid.' },
  SALE_NOT_FOUND: { status: 404, message: 'This sale is unknown.' },
  SALE_ALREADY_SAVED: {
    status: 409,
    message: 'This purchase is already saved (same receipt, other content).',
  },
  SALE_CANCELLED: { status: 409, message: 'This sale has been cancelled.' },
  CANCEL_WINDOW_PASSED: { status: 409, message: 'The sale can no longer be cancelled.' },
  INVALID_SALE_LINES: { status: 422, message: 'The sale lines are invalid; see details.' },
  ITEM_UNKNOWN: { status: 422, message: 'Item not found.' },
  ITEM_TYPE_UNKNOWN: { status: 422, message: 'Item type not found.' },
  SELLER_INVALID: { status: 422, message: 'Seller invalid.' },
  ADJUSTMENT_REASON_REQUIRED: { status: 422, message: 'A manual adjustment needs a reason.' },
  WALLET_NOT_ACTIVATED: { status: 409, message: "The wallet is not activated for this card's program." },
  WALLET_INSUFFICIENT_FUNDS: {
    status: 409,
    message: 'The wallet balance does not cover this withdrawal or fee.',
  },
  WALLET_LIMIT_EXCEEDED: {
    status: 422,
    message: 'The wallet would hold more money than a wallet may hold.',
  },
  // tiers
  STEP_NOT_FOUND: { status: 404, message: 'This step does not exist.' },
  STEP_NOT_REACHED: { status: 409, message: 'This step has not been reached.' },
  STEP_ALREADY_REWARDED: { status: 409, message: 'This step has already been rewarded.' },
  // vouchers and gifts
  VOUCHER_NOT_FOUND: { status: 404, message: 'Voucher number not found.' },
  VOUCHER_NOT_ACTIVE: { status: 409, message: 'The voucher is not active.' },
  VOUCHER_EXPIRED: { status: 409, message: 'The voucher has expired.' },
  VOUCHER_NOT_YET_VALID: { status: 409, message: 'The voucher is not valid yet.' },
  VOUCHER_ALREADY_USED: { status: 409, message: 'Voucher already used.' },
  VOUCHER_CANCELLED: { status: 409, message: 'The voucher has been cancelled.' },
  VOUCHER_CHOICE_REQUIRED: {
    status: 422,
    message: 'This voucher offers choices: send number, type and value.',
  },
  VOUCHER_CHOICE_TYPE_INVALID: { status: 422, message: 'Type of voucher is incorrect.' },
  VOUCHER_CHOICE_VALUE_INVALID: { status: 422, message: 'Value of voucher is incorrect.' },
  VOUCHER_AMOUNT_INVALID: { status: 422, message: 'The voucher amount is invalid.' },
  VOUCHER_AMOUNT_EXCEEDS_REMAINING: {
    status: 409,
    message: 'The amount exceeds what is left on the voucher.',
  },
  VOUCHER_INVALID: { status: 422, message: 'The voucher is invalid; see details.' },
  GIFT_NOT_FOUND: { status: 404, message: 'This gift is unknown.' },
  GIFT_OUT_OF_STOCK: { status: 409, message: 'This gift is out of stock.' },
  GIFT_NOT_AVAILABLE: { status: 409, message: 'This gift is not available now.' },
  GIFT_AWARD_NOT_FOUND: { status: 404, message: 'This gift award is unknown.' },
  GIFT_ALREADY_RESTORED: { status: 409, message: 'This gift award has already been restored.' },
  VOUCHER_NUMBER_TAKEN: { status: 409, message: 'Another voucher of this merchant has this number.' },
  VOUCHER_NOT_OWNED: { status: 409, message: 'This voucher belongs to another card or customer.' },
  // messages and webhooks
  MESSAGE_NOT_FOUND: { status: 404, message: 'No message of this merchant has this id.' },
  MESSAGE_NOT_DEAD: {
    status: 409,
    message:
      'Only a dead letter (status dead) can be retried; this message is still in the queue or was sent.',
  },
  WEBHOOK_NOT_FOUND: { status: 404, message: 'No webhook endpoint of this merchant has this id.' },
  WEBHOOK_URL_INVALID: { status: 422, message: 'The webhook URL is not acceptable; see the message.' },
  WEBHOOK_EVENT_UNKNOWN: { status: 422, message: 'An event name is unknown; see the message for the list.' },
  WEBHOOK_EVENT_NOT_FOUND: { status: 404, message: 'No webhook event of this merchant has this id.' },
  TEMPLATE_INVALID: { status: 422, message: 'The template is invalid; see details.' },
  TEMPLATE_NOT_FOUND: { status: 404, message: 'The merchant has no such template.' },
  PUSH_SUBSCRIPTION_INVALID: {
    status: 422,
    message: 'The push subscription is invalid: it needs an https endpoint and the keys p256dh and auth.',
  },
  UNSUBSCRIBE_LINK_UNKNOWN: { status: 404, message: 'This unsubscribe link is unknown or has expired.' },
  CAMPAIGN_NOT_FOUND: { status: 404, message: 'No campaign of this merchant has this id.' },
  CAMPAIGN_INVALID: { status: 422, message: 'The campaign is invalid; see the message.' },
  CAMPAIGN_STATE: {
    status: 409,
    message: 'The campaign is not in a state that allows this (a launched campaign cannot change).',
  },
  AUTOMATION_INVALID: { status: 422, message: 'The automation is invalid; see the message.' },
  AUTOMATION_NOT_FOUND: { status: 404, message: 'The merchant has no automation of this kind.' },
  MESSAGING_SETTINGS_INVALID: {
    status: 422,
    message: 'The messaging settings are invalid; see the message.',
  },
  // vehicles (after-sales networks) and imports
  NETWORK_NOT_FOUND: { status: 404, message: 'This network is unknown.' },
  VEHICLE_NOT_FOUND: { status: 404, message: 'No vehicle with this registration plate in this network.' },
  MEMBER_NOT_FOUND: { status: 404, message: 'No member garage of this network has this code.' },
  OTHER_NETWORK: { status: 403, message: 'This credential belongs to another network.' },
  OTHER_MEMBER: { status: 403, message: 'A member garage user sees its own garage only.' },
  ORGANIZATION_INVALID: {
    status: 422,
    message: 'The organization id is not an active member of this network.',
  },
  IMPORT_IN_PROGRESS: { status: 409, message: 'An import is already in progress for this merchant.' },
  IMPORT_TOO_LARGE: { status: 413, message: 'The import file is too large.' },
  IMPORT_REJECTED: { status: 422, message: 'The import file was rejected; nothing was imported.' },
  IMPORT_NOT_FOUND: { status: 404, message: 'This import is unknown.' },
  PLATE_INVALID: { status: 422, message: 'A registration plate has 2 to 12 letters or digits.' },
  NOT_A_VEHICLES_NETWORK: { status: 404, message: 'This merchant is not a vehicles network.' },
  MEMBER_TAKEN: {
    status: 409,
    message: 'Another member garage of this network has this member id, point-of-sale code or SIRET.',
  },
  JOB_NOT_FOUND: { status: 404, message: 'The maintenance catalog has no such job.' },
  CAMPAIGN_RUNNING: {
    status: 409,
    message: 'Another campaign of this network is being run; retry when it is done.',
  },
  // promotions
  PROMOTION_INVALID: { status: 422, message: 'The promotion is invalid; see details for the path to fix.' },
  PROMOTION_NOT_FOUND: { status: 404, message: 'This promotion is unknown.' },
  PROMOTION_INCOMPLETE: {
    status: 422,
    message: 'The promotion is not complete; see details for what it lacks.',
  },
  WORKFLOW_NOT_FOUND: { status: 404, message: 'This workflow is unknown.' },
  WORKFLOW_TAKEN: { status: 409, message: 'Another workflow of this merchant has this code.' },
  HEADER_ATTRIBUTE_NOT_FOUND: {
    status: 404,
    message: 'Header attributes are store, terminal, region, customerType, segment and contract.',
  },
  PROMOTION_MAP_NOT_FOUND: { status: 404, message: 'This promotion map version is unknown.' },
  PROMOTION_MAP_INVALID: { status: 422, message: 'The promotion map is invalid; see details.' },
  COUPON_TYPE_NOT_FOUND: { status: 404, message: 'This coupon type is unknown.' },
  COUPON_TYPE_TAKEN: { status: 409, message: 'Another coupon type of this merchant has this code.' },
  COUPON_NOT_FOUND: { status: 404, message: 'This coupon is unknown.' },
  COUPON_BARCODE_TAKEN: { status: 409, message: 'Another coupon of this merchant has this barcode.' },
  COUPON_NOT_USABLE: {
    status: 409,
    message: 'The coupon cannot be used: voided, consumed or outside its validity.',
  },
  SEGMENT_NOT_FOUND: { status: 404, message: 'This segment is unknown.' },
  LIMIT_NOT_FOUND: { status: 404, message: 'This limit is unknown.' },
  LIMIT_INVALID: { status: 422, message: 'The limit is invalid; see details.' },
  // reports
  REPORT_PERIOD_INVALID: {
    status: 422,
    message: 'The report period is invalid: from must be before to, at most 366 days apart (RFC 3339 dates).',
  },
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
