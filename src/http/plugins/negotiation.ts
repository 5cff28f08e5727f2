import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { decodeBody } from '../charset.js';
import { HttpError } from '../http-error.js';
import { prefersXml, toXml } from '../xml.js';

/** No request of any API nests deeper than a few levels; a deeper body is refused before anything walks it. */
export const MAX_JSON_DEPTH = 64;

/** The deepest nesting of arrays and objects in a JSON text, counted without parsing (strings skipped). */
export function jsonDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > max) max = depth;
      if (max > limit) return max;
    } else if (c === 0x7d || c === 0x5d) depth -= 1;
  }
  return max;
}

/** Where a JSON value holds a number past 2^53 (parsed, it has already lost digits), or undefined. */
export function unsafeNumberAt(value: unknown): string | undefined {
  const keys = unsafeKeys(value);
  return keys === undefined ? undefined : keys.length > 0 ? keys.reverse().join('.') : '(body)';
}

/**
 * The keys down to the first number past 2^53, innermost first, or undefined. Every request body is walked:
 * the path is built only once a number is found (a path string per value showed in every sale's profile).
 */
function unsafeKeys(value: unknown): string[] | undefined {
  if (typeof value === 'number') return Math.abs(value) > Number.MAX_SAFE_INTEGER ? [] : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = unsafeKeys(value[i]);
      if (found) return (found.push(String(i)), found);
    }
    return undefined;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const found = unsafeKeys(record[key]);
    if (found) return (found.push(key), found);
  }
  return undefined;
}

/**
 * Request bodies: JSON as Fastify parses it (prototype poisoning refused), decoded from the declared charset
 * (see charset.ts: invalid UTF-8 without a declared charset is refused, never read as U+FFFD), no deeper than
 * MAX_JSON_DEPTH, so that nothing recursive downstream (validation, hashing, logging) overflows the stack, and
 * with no number past 2^53: JSON.parse rounds those (a card number 9000000000000000009 would become …000,
 * another card), so they are refused rather than misread. An empty body (a POST whose document defines none,
 * sent with Content-Type: application/json by a client library) is no body.
 */
function installJsonBodies(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : decodeBody(body, request.headers['content-type']);
    if (text instanceof HttpError) {
      done(text, undefined);
      return;
    }
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      done(
        new HttpError('MALFORMED_BODY', `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels.`),
        undefined,
      );
      return;
    }
    parse(request, text, (error, value) => {
      const at = error ? undefined : unsafeNumberAt(value);
      if (at !== undefined) {
        done(
          new HttpError(
            'VALIDATION_FAILED',
            `The number at ${at} is larger than 2^53 and cannot be read exactly; send identifiers as strings.`,
          ),
          undefined,
        );
        return;
      }
      done(error, value);
    });
  });
}

const JSON_ONLY = Symbol('tessera.json-only');

/** For an API whose document knows only JSON (Fidelisa): its answers are never turned into XML. */
export function answerJsonOnly(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    (request as unknown as Record<symbol, boolean>)[JSON_ONLY] = true;
  });
}

/** JSON by default; XML for every route when the Accept header prefers application/xml. */
export function installContentNegotiation(app: FastifyInstance): void {
  installJsonBodies(app);
  app.addHook('onSend', (request, reply, payload, done) => {
    let answer: unknown = payload;
    try {
      answer = asNegotiated(request, reply, payload);
    } catch (error) {
      done(error as Error);
      return;
    }
    done(null, answer);
  });
}

/** The answer in the format the caller prefers (XML when its Accept header says so), or unchanged. */
function asNegotiated(request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
  if (typeof payload !== 'string') return payload;
  if ((request as unknown as Record<symbol, boolean>)[JSON_ONLY]) return payload;
  const type = String(reply.getHeader('content-type') ?? '');
  if (!type.startsWith('application/json') || !prefersXml(request.headers.accept)) return payload;
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return payload;
  }
  reply.header('content-type', 'application/xml; charset=utf-8');
  return toXml(value, request.xmlRoot ?? 'response');
}
