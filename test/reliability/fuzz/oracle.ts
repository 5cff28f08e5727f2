/** What every answer to a malformed request must look like: no 5xx, and an error body in the route's format. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { LightMyRequestResponse } from 'fastify';
import { ERROR_CATALOG } from '../../../src/core/error-catalog.js';
import { AVOMARK_MESSAGES } from '../../../src/dialects/avomark/errors.js';
import type { Family } from './openapi.js';

/** The keys of the CashDesk protocol a business refusal may carry with HTTP 200 (envelope.ts). */
const CASHDESK_BUSINESS_KEYS = new Set([
  'CannotFindCardNumber',
  'InvalidCardNumber',
  'CannotFindMobileNumber',
  'InvalidMobileNumber',
  'CannotFindContactCode',
  'CardNumberCannotFind',
  'RequiredParameterNotSpecified',
  'CannotFindMobile',
  'CardNumberBindToAnotherContact',
  'ContactBindToAnotherCardNumber',
  'StatusError',
  'BlockReasonError',
  'UnBlockReasonError',
]);
const CASHDESK_TRANSPORT_KEYS = new Set([
  'InvalidRequest',
  'Unauthorized',
  'AccessDenied',
  'MethodNotFound',
  'TooManyAttempts',
]);

const isText = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
const nonEmpty = (v: unknown) => isText(v) && String(v).length > 0;

/** Problems with an error body of `family` (XML values arrive as text, hence the loose types). */
function errorShape(family: Family, body: Record<string, unknown>, xml: boolean): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, what: string) => ok || problems.push(what);
  switch (family) {
    case 'native': {
      const e = (body.error ?? {}) as Record<string, unknown>;
      need(typeof e === 'object' && String(e.code) in ERROR_CATALOG, 'error.code from the catalog');
      need(nonEmpty(e.message), 'error.message');
      need(nonEmpty(e.requestId), 'error.requestId');
      break;
    }
    case 'oauth':
      need(typeof body.error === 'string' && /^[a-z_]+$/.test(body.error), 'OAuth error');
      need(typeof body.error_description === 'string', 'error_description');
      break;
    case 'avomark':
      need(String(body.code) in AVOMARK_MESSAGES && (xml || Number.isInteger(body.code)), 'Avomark code');
      need(nonEmpty(body.message), 'message');
      break;
    case 'fidelisa':
      need(nonEmpty(body.error), 'error');
      need(String(body.code) in ERROR_CATALOG, 'code from the catalog');
      need(nonEmpty(body.message), 'message');
      break;
    case 'promo':
      // The services' envelope, Spring's OAuth refusal, or (XML services) the coreResponse with its message.
      // The data-loading envelope is the manual's: `description` names the catalog (empty when the body could
      // not be read) and the message is in `detail.detail`.
      need(
        (nonEmpty(body.status) && nonEmpty(body.description)) ||
          (nonEmpty(body.status) &&
            typeof body.description === 'string' &&
            nonEmpty((body.detail as { detail?: unknown } | undefined)?.detail)) ||
          (nonEmpty(body.error) && typeof body.error_description === 'string') ||
          (xml && Object.keys(body).length > 0),
        'status and description (or error and error_description)',
      );
      break;
    case 'mmp':
      // The services' envelope; the token route answers in the OAuth shape of league/oauth2-server.
      if (typeof body.error === 'string') {
        need(/^[a-z_]+$/.test(body.error) && nonEmpty(body.error_description), 'OAuth error');
        break;
      }
      need(String(body.success) === 'false', 'success=false');
      need(nonEmpty(body.message), 'message');
      need(!!body.errors && typeof body.errors === 'object', 'errors');
      break;
    case 'cashdesk':
      need(String(body.Status) === 'false' && (xml || body.Status === false), 'Status=false');
      need(
        CASHDESK_TRANSPORT_KEYS.has(String(body.Key)) || CASHDESK_BUSINESS_KEYS.has(String(body.Key)),
        'Key',
      );
      need(isText(body.Value) || body.Value === '', 'Value');
      break;
  }
  return problems;
}

const parser = new XMLParser({ parseTagValue: false, ignoreAttributes: true });

function parseBody(res: LightMyRequestResponse): { body: Record<string, unknown>; xml: boolean } | string {
  const type = String(res.headers['content-type'] ?? '');
  if (/xml/.test(type)) {
    if (XMLValidator.validate(res.body) !== true) return `malformed XML body: ${res.body.slice(0, 200)}`;
    const doc = parser.parse(res.body) as Record<string, unknown>;
    const root = Object.keys(doc).find((k) => !k.startsWith('?'));
    const inner = root ? doc[root] : undefined;
    return { body: (inner && typeof inner === 'object' ? inner : {}) as Record<string, unknown>, xml: true };
  }
  if (!/json/.test(type)) return `error answered as "${type}", not JSON or XML`;
  try {
    const body = JSON.parse(res.body) as unknown;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return 'error body is not an object';
    return { body: body as Record<string, unknown>, xml: false };
  } catch {
    return `error body is not JSON: ${res.body.slice(0, 200)}`;
  }
}

/**
 * Null when the answer is acceptable. `strict`: the request can never be right, so it must be refused
 * (a CashDesk refusal may be a documented HTTP 200 with Status=false).
 */
export function verdict(res: LightMyRequestResponse, family: Family, strict: boolean): string | null {
  const status = res.statusCode;
  if (status >= 500) return `HTTP ${status}: ${res.body.slice(0, 300)}`;
  if (status < 400) {
    if (family === 'cashdesk' && status === 200) {
      const parsed = parseBody(res);
      if (typeof parsed === 'string') return parsed;
      const { body, xml } = parsed;
      const ok = String(body.Status) === 'true' || body.Status === true;
      if (!ok && !CASHDESK_BUSINESS_KEYS.has(String(body.Key)))
        return `200 with undocumented Key ${String(body.Key)}`;
      if (strict && ok) return 'malformed request accepted';
      return ok || errorShape('cashdesk', body, xml).length === 0 ? null : 'bad envelope';
    }
    return strict ? `malformed request accepted with HTTP ${status}` : null;
  }
  if (status >= 500) return `HTTP ${status}`;
  const parsed = parseBody(res);
  if (typeof parsed === 'string') return `HTTP ${status}: ${parsed}`;
  const problems = errorShape(family, parsed.body, parsed.xml);
  return problems.length === 0
    ? null
    : `HTTP ${status} ${family} error body lacks ${problems.join(', ')}: ${res.body.slice(0, 300)}`;
}
