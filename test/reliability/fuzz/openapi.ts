/** The routes under test, read from the server's own /openapi.json, and the error format each one answers in. */
import type { Harness } from '../../support/harness.js';

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  $ref?: string;
  additionalProperties?: boolean | JsonSchema;
};

/**
 * native: the catalog's { error: {code, message, requestId} }; oauth: RFC 6749 { error, error_description };
 * promo: the services' { status, description } (Spring's OAuth body for credentials, XML for the XML services);
 * mmp: the { success: false, message, errors } envelope.
 */
export type Family = 'native' | 'oauth' | 'avomark' | 'fidelisa' | 'cashdesk' | 'promo' | 'mmp';

export interface Param {
  name: string;
  schema: JsonSchema;
}

export interface Operation {
  method: string;
  /** OpenAPI path, with {name} placeholders. */
  path: string;
  family: Family;
  pathParams: Param[];
  queryParams: Param[];
  body?: JsonSchema;
  /** Whether the route checks credentials (a bad one must be refused with a 4xx). */
  secured: boolean;
}

interface OpenApiOperation {
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

const TOKEN_PATHS = /^\/(oauth\/token|oauth\/revoke|avomark\/api\/token)\/?$/;

/** The error format of whatever answers `url` (the route's, or its prefix's not-found handler). */
export function familyOf(method: string, url: string): Family {
  const path = url.split('?')[0] ?? '';
  if (method === 'POST' && TOKEN_PATHS.test(path)) return 'oauth';
  if (path.startsWith('/avomark/') || path === '/avomark') return 'avomark';
  if (path.startsWith('/fidelisa/') || path === '/fidelisa') return 'fidelisa';
  if (path.startsWith('/cashdesk/') || path === '/cashdesk') return 'cashdesk';
  if (path.startsWith('/promo/') || path === '/promo') return 'promo';
  if (path.startsWith('/mmp/') || path === '/mmp') return 'mmp';
  return 'native';
}

function resolver(doc: { components?: { schemas?: Record<string, JsonSchema> } }) {
  const named = doc.components?.schemas ?? {};
  const resolve = (schema: JsonSchema | undefined, depth = 0): JsonSchema | undefined => {
    if (!schema || depth > 12) return schema;
    if (schema.$ref) return resolve(named[schema.$ref.split('/').pop() ?? ''], depth + 1);
    const out: JsonSchema = { ...schema };
    if (schema.properties) {
      out.properties = Object.fromEntries(
        Object.entries(schema.properties).map(([k, v]) => [k, resolve(v, depth + 1) ?? {}]),
      );
    }
    if (schema.items) out.items = resolve(schema.items, depth + 1);
    for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
      if (schema[key]) out[key] = schema[key]!.map((s) => resolve(s, depth + 1) ?? {});
    }
    return out;
  };
  return resolve;
}

/** Every documented operation of the native API, OAuth and the five dialects. */
export async function loadOperations(h: Harness): Promise<Operation[]> {
  const res = await h.request({ method: 'GET', url: '/openapi.json' });
  if (res.statusCode !== 200) throw new Error(`/openapi.json: ${res.statusCode}`);
  const doc = res.json() as {
    paths: Record<string, Record<string, OpenApiOperation & { security?: unknown[] }>>;
    components?: { schemas?: Record<string, JsonSchema> };
  };
  const resolve = resolver(doc);
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    if (!/^\/(v1|oauth|avomark|fidelisa|cashdesk|promo|mmp)\//.test(path)) continue;
    for (const [method, op] of Object.entries(methods)) {
      const params = op.parameters ?? [];
      const of = (where: string) =>
        params.filter((p) => p.in === where).map((p) => ({ name: p.name, schema: resolve(p.schema) ?? {} }));
      const upper = method.toUpperCase();
      const family = familyOf(upper, path);
      operations.push({
        method: upper,
        path,
        family,
        pathParams: of('path'),
        queryParams: of('query'),
        body: resolve(op.requestBody?.content?.['application/json']?.schema),
        secured: family === 'fidelisa' || family === 'cashdesk' || (op.security ?? []).length > 0,
      });
    }
  }
  return operations;
}

/** Fills the {name} placeholders of an OpenAPI path with already-encoded segments. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{([^}]+)\}/g, (_m, name: string) => values[name] ?? 'x');
}
