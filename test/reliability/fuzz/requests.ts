/** Malformed requests for one operation, by kind. `strict` kinds can never be right: they must get a 4xx. */
import fc from 'fast-check';
import { bodyFor } from './bodies.js';
import { badAuth, type FuzzContext } from './context.js';
import { fillPath, type Operation, type Param } from './openapi.js';
import { brokenJson, brokenXml, nastyString, toJsonText } from './values.js';

export type Kind = 'broken-json' | 'broken-xml' | 'oversize' | 'bad-auth' | 'wrong-body' | 'params';

export const KINDS: readonly Kind[] = [
  'broken-json',
  'broken-xml',
  'oversize',
  'bad-auth',
  'wrong-body',
  'params',
];

/** Kinds whose every request is wrong, whatever was generated. */
export const STRICT: ReadonlySet<Kind> = new Set(['broken-json', 'broken-xml', 'oversize', 'bad-auth']);

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
  remoteAddress: string;
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

export function applies(kind: Kind, op: Operation): boolean {
  switch (kind) {
    case 'broken-json':
    case 'broken-xml':
    case 'oversize':
      return BODY_METHODS.has(op.method);
    case 'bad-auth':
      return op.secured;
    case 'wrong-body':
      return BODY_METHODS.has(op.method) || op.body !== undefined;
    default:
      return true;
  }
}

/** Path segments a decoder may choke on, sent as they are. */
const RAW_SEGMENTS = [
  '..',
  '%2e%2e',
  '%00',
  '..%2F..%2Fetc%2Fpasswd',
  'a%2Fb',
  '%252e%252e%252f',
  ';',
  '*',
  '',
];

/**
 * What the router itself refuses before any route is chosen: a parameter over Fastify's maxParamLength
 * (100) and a broken percent-escape. Their answers need `frameworkErrors` wired in src/http/app.ts.
 */
export const ROUTER_GARBAGE = [
  '%ZZ',
  '%',
  '%E0%A4%A',
  '%C0%AE%C0%AE',
  'x'.repeat(101),
  encode('é'.repeat(60)),
];

/** Percent-encodes the UTF-8 of `s` (lone surrogates become U+FFFD), cut at a character boundary. */
export function encode(s: string, max = Infinity): string {
  let out = '';
  for (const char of s) {
    const piece = /^[A-Za-z0-9\-_.~]$/.test(char)
      ? char
      : [...Buffer.from(char, 'utf8')]
          .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
          .join('');
    if (out.length + piece.length > max) break;
    out += piece;
  }
  return out;
}

function segment(param: Param, op: Operation, ctx: FuzzContext): fc.Arbitrary<string> {
  const known = ctx.valid(param.name.toLowerCase(), op.family);
  return fc.oneof(
    { weight: known.length > 0 ? 4 : 0, arbitrary: fc.constantFrom(...(known.length ? known : ['x'])) },
    { weight: 3, arbitrary: nastyString.map((s) => encode(s, 100)) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
    { weight: 1, arbitrary: fc.constantFrom('-1', '0', '99999999999999999999999', '1e3', '1.5', '0x10') },
  );
}

function queryValue(param: Param, op: Operation, ctx: FuzzContext): fc.Arbitrary<string[]> {
  const one = segment(param, op, ctx);
  return fc.oneof(
    { weight: 4, arbitrary: one.map((v) => [v]) },
    { weight: 1, arbitrary: fc.array(one, { minLength: 2, maxLength: 3 }) },
  );
}

function queryString(op: Operation, ctx: FuzzContext): fc.Arbitrary<string> {
  const declared = fc.tuple(
    ...op.queryParams.map((p) =>
      fc.option(queryValue(p, op, ctx), { freq: 3, nil: undefined }).map((v) => [p.name, v] as const),
    ),
  );
  const extra = fc.array(
    fc.tuple(
      fc.constantFrom('extra', 'limit', '__proto__', 'constructor', 'id[]', 'a[b]', ''),
      nastyString.map((s) => encode(s, 1500)),
    ),
    { maxLength: 2 },
  );
  return fc.tuple(declared, extra).map(([pairs, more]) => {
    const parts: string[] = [];
    for (const [name, values] of pairs) for (const v of values ?? []) parts.push(`${name}=${v}`);
    for (const [name, v] of more) parts.push(`${name}=${v}`);
    return parts.length > 0 ? `?${parts.join('&')}` : '';
  });
}

function validPath(op: Operation, ctx: FuzzContext): fc.Arbitrary<string> {
  const values = op.pathParams.map((p) => {
    const known = ctx.valid(p.name.toLowerCase(), op.family);
    return fc.constantFrom(...(known.length > 0 ? known : ['1']));
  });
  return fc
    .tuple(...values)
    .map((vs) => fillPath(op.path, Object.fromEntries(op.pathParams.map((p, i) => [p.name, vs[i]!]))));
}

function garbagePath(op: Operation, ctx: FuzzContext): fc.Arbitrary<string> {
  return fc
    .tuple(...op.pathParams.map((p) => segment(p, op, ctx)))
    .map((vs) => fillPath(op.path, Object.fromEntries(op.pathParams.map((p, i) => [p.name, vs[i]!]))));
}

const ACCEPT = fc.option(
  fc.constantFrom(
    'application/json',
    'application/xml',
    'text/xml',
    '*/*',
    'text/html',
    'application/xml;q=0.9, application/json;q=0.1',
    'application/json;q=abc, application/xml;q=',
    'garbage/;;;',
  ),
  { nil: undefined },
);

const IDEMPOTENCY = fc.option(
  fc.oneof(
    fc.constantFrom('', ' ', 'a b', 'k'.repeat(300), 'fuzz-key-1', 'fuzz-key-2'),
    fc.string({ unit: 'binary-ascii', maxLength: 20 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
  ),
  { freq: 4, nil: undefined },
);

const REMOTE = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)).map(([a, b, c]) => `10.${a}.${b}.${c}`);

const JSON_TYPES = ['application/json', 'application/json; charset=utf-8', 'application/JSON'];

function bodyAndType(kind: Kind, op: Operation, ctx: FuzzContext): fc.Arbitrary<[string?, string?]> {
  switch (kind) {
    case 'broken-json':
      return fc.tuple(brokenJson, fc.constantFrom(...JSON_TYPES));
    case 'broken-xml':
      return fc.tuple(brokenXml, fc.constantFrom('application/xml', 'text/xml', ...JSON_TYPES));
    case 'oversize':
      return fc
        .tuple(
          fc.integer({ min: 1024 * 1024 + 1, max: 1024 * 1024 + 300_000 }),
          fc.constantFrom(
            ...JSON_TYPES,
            'application/x-www-form-urlencoded',
            'application/xml',
            'text/plain',
          ),
        )
        .map(([size, type]) => {
          const text = type.includes('form') ? `a=${'x'.repeat(size)}` : `{"a":"${'x'.repeat(size)}"}`;
          return [text, type] as [string, string];
        });
    case 'wrong-body':
      return fc.oneof(
        {
          weight: 5,
          arbitrary: fc.tuple(bodyFor(op.body, ctx, op.family).map(toJsonText), fc.constant(JSON_TYPES[0])),
        },
        {
          weight: 1,
          arbitrary: fc.tuple(
            fc.constantFrom('a=1&a=2&b[c]=3', 'number=%ZZ', '=&&=', 'customer=x'),
            fc.constant('application/x-www-form-urlencoded'),
          ),
        },
        {
          weight: 1,
          arbitrary: fc.tuple(
            fc.constant('{}'),
            fc.constantFrom(
              'text/plain',
              'multipart/form-data; boundary=x',
              'application/jsonx',
              ';;',
              'application/json; charset=utf-16',
            ),
          ),
        },
      );
    default:
      return fc.constant([undefined, undefined]);
  }
}

/** One malformed request of `kind` for `op`. */
export function requestFor(op: Operation, kind: Kind, ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const path = kind === 'params' ? garbagePath(op, ctx) : validPath(op, ctx);
  const query = kind === 'params' ? queryString(op, ctx) : fc.constant('');
  const auth = kind === 'bad-auth' ? badAuth(ctx, op.family) : fc.constant(null);
  return fc
    .tuple(path, query, bodyAndType(kind, op, ctx), auth, ACCEPT, IDEMPOTENCY, REMOTE)
    .map(([p, q, [payload, type], bad, accept, key, remoteAddress]) => {
      const headers: Record<string, string> = { ...(bad ?? ctx.auth(op)) };
      if (type) headers['content-type'] = type;
      if (accept) headers.accept = accept;
      if (key !== undefined) headers['idempotency-key'] = key;
      return {
        method: op.method,
        url: p + q,
        headers,
        remoteAddress,
        ...(payload !== undefined ? { payload } : {}),
      };
    });
}
