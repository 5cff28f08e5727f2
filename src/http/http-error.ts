import { isUnstorableText } from '../app/database-health.js';
import { ERROR_CATALOG, type ErrorCode, type ErrorDetail, type Failure } from '../core/error-catalog.js';

/** A failure on its way out through HTTP. Thrown by handlers, formatted by the error plugin (or a dialect's). */
export class HttpError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: ErrorDetail[],
    readonly retryAfter?: number,
  ) {
    super(message ?? ERROR_CATALOG[code].message);
    this.status = ERROR_CATALOG[code].status;
  }

  static from(failure: Failure): HttpError {
    return new HttpError(failure.code, failure.message, failure.details, failure.retryAfter);
  }
}

/** The handler's one-liner: a value, or a thrown HttpError carrying the failure. */
export function unwrap<T>(result: { ok: true; value: T } | Failure): T {
  if (!result.ok) throw HttpError.from(result);
  return result.value;
}

export interface NormalizedError {
  status: number;
  code: ErrorCode;
  message: string;
  details?: ErrorDetail[];
  retryAfter?: number;
  /** Set for unexpected errors: logged, never shown. */
  internal?: unknown;
}

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  message?: string;
  validation?: {
    instancePath?: string;
    message?: string;
    params?: Record<string, unknown>;
    keyword?: string;
  }[];
  validationContext?: string;
}

function fieldOf(
  context: string | undefined,
  path: string | undefined,
  params?: Record<string, unknown>,
): string {
  const base = (path ?? '').replace(/^\//, '').replace(/\//g, '.');
  const extra = (params?.missingProperty ?? params?.additionalProperty) as string | undefined;
  const field = [base, extra].filter(Boolean).join('.');
  return context && context !== 'body' ? `${context}${field ? `.${field}` : ''}` : field || context || 'body';
}

/** Turns anything thrown into the catalog's terms, so every route answers a 4xx for bad input and a bare 500 otherwise. */
export function normalizeError(error: unknown): NormalizedError {
  if (error instanceof HttpError) {
    return {
      status: error.status,
      code: error.code,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
      ...(error.retryAfter !== undefined ? { retryAfter: error.retryAfter } : {}),
    };
  }
  const e = (error ?? {}) as FastifyLikeError;
  if (e.validation) {
    const details = e.validation.map((v) => {
      const field = fieldOf(e.validationContext, v.instancePath, v.params);
      const hint =
        v.keyword === 'additionalProperties' ? 'is not a known field' : (v.message ?? 'is invalid');
      return { field, code: 'VALIDATION_FAILED' as const, message: `${field} ${hint}` };
    });
    return {
      status: 400,
      code: 'VALIDATION_FAILED',
      message: details.map((d) => d.message).join('; '),
      details,
    };
  }
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return {
        status: 400,
        code: 'MALFORMED_BODY',
        message: `The request body is not valid JSON: ${e.message ?? ''}`.trim(),
      };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: ERROR_CATALOG.PAYLOAD_TOO_LARGE.message };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'Send the body as application/json (or application/x-www-form-urlencoded where documented).',
      };
    default:
      break;
  }
  // Input that reached the database through a path without schema validation (credentials of HTTP Basic,
  // form bodies of the token routes): PostgreSQL refuses a NUL character in text.
  if (isUnstorableText(error)) {
    return {
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'Text values must not contain the NUL character.',
    };
  }
  if (error instanceof SyntaxError) {
    return {
      status: 400,
      code: 'MALFORMED_BODY',
      message: `The request body is not well-formed: ${error.message}`,
    };
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return { status: e.statusCode, code: 'VALIDATION_FAILED', message: e.message ?? 'Bad request.' };
  }
  return { status: 500, code: 'INTERNAL', message: ERROR_CATALOG.INTERNAL.message, internal: error };
}
