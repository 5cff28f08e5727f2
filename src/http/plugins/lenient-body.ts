/**
 * What typed clients (.NET, Java) send that a vendor document does not forbid: `null` for every unset member,
 * and member names in the document's capitalisation (`Receipt`, `Purchases`). Dialects install these before
 * validation so that their schemas see the members as absent and named as the schema names them.
 */
import type { FastifyInstance } from 'fastify';

type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The value with every object member whose value is null removed, at any depth (array entries are kept as
 * they are, null included); members named in `keep` keep their null (where null means "clear this field").
 * A null body becomes no body.
 */
export function dropNulls(value: Json, keep: ReadonlySet<string> = new Set()): Json {
  if (Array.isArray(value)) return value.map((v) => (v === null ? v : dropNulls(v, keep)));
  if (!isObject(value)) return value === null ? undefined : value;
  const out: Record<string, Json> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === null) {
      if (keep.has(key)) out[key] = null;
      continue;
    }
    out[key] = dropNulls(v, keep);
  }
  return out;
}

interface SchemaLike {
  type?: string | string[];
  properties?: Record<string, SchemaLike>;
  items?: SchemaLike;
  anyOf?: SchemaLike[];
  oneOf?: SchemaLike[];
  allOf?: SchemaLike[];
}

function branches(schema: SchemaLike): SchemaLike[] {
  return [schema, ...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
}

/** A member name without case, spaces, dashes or underscores: "Percentage Discount" → "percentagediscount". */
const loose = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * The value with its object members renamed to the schema's spelling when they match it without regard to
 * case, spaces and underscores (`Receipt` → `receipt`, `Percentage Discount` → `percentageDiscount`), at any
 * depth the schema describes. A member already spelled as the schema spells it wins over another spelling.
 */
export function matchFieldCase(value: Json, schema: SchemaLike | undefined): Json {
  if (!schema) return value;
  const all = branches(schema);
  if (Array.isArray(value)) {
    const items = all.find((s) => s.items)?.items;
    return items ? value.map((v) => matchFieldCase(v, items)) : value;
  }
  if (!isObject(value)) return value;
  const properties = new Map<string, [string, SchemaLike]>();
  const exact = new Map<string, [string, SchemaLike]>();
  for (const branch of all) {
    for (const [name, sub] of Object.entries(branch.properties ?? {})) {
      if (!properties.has(loose(name))) properties.set(loose(name), [name, sub]);
      exact.set(name, [name, sub]);
    }
  }
  if (properties.size === 0) return value;
  const out: Record<string, Json> = {};
  for (const [key, v] of Object.entries(value)) {
    const match = exact.get(key) ?? properties.get(loose(key));
    if (!match) {
      if (!(key in out)) out[key] = v;
      continue;
    }
    const [name, sub] = match;
    if (name in out && key !== name) continue;
    out[name] = matchFieldCase(v, sub);
  }
  return out;
}

/** Installs both on a dialect's subtree: names matched to the route's body schema, then nulls dropped. */
export function installLenientBodies(
  app: FastifyInstance,
  options: { caseInsensitive?: boolean; keepNull?: readonly string[] } = {},
): void {
  const keep = new Set(options.keepNull ?? []);
  app.addHook('preValidation', async (request) => {
    let body: Json = request.body;
    if (options.caseInsensitive) {
      body = matchFieldCase(body, request.routeOptions.schema?.body as SchemaLike | undefined);
    }
    request.body = dropNulls(body, keep);
  });
}
