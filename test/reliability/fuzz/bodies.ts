/**
 * Bodies generated from a route's JSON schema: each field is either plausible (real demo ids where the
 * name says so), of the wrong type or hostile, or left out; unknown fields are added on top.
 */
import fc from 'fast-check';
import type { FuzzContext } from './context.js';
import type { Family, JsonSchema } from './openapi.js';
import { nastyNumber, nastyString, wrongValue } from './values.js';

const MAX_DEPTH = 4;

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.properties) return ['object'];
  return [];
}

function matching(pattern: string): fc.Arbitrary<string> {
  try {
    return fc.stringMatching(new RegExp(pattern)).filter((s) => s.length <= 64);
  } catch {
    return fc.string({ maxLength: 16 });
  }
}

function plausibleString(schema: JsonSchema, name: string, ctx: FuzzContext, family: Family) {
  const known = ctx.valid(name.toLowerCase(), family);
  const max = Math.min(schema.maxLength ?? 16, 16);
  const min = Math.min(schema.minLength ?? 0, max);
  const byFormat =
    schema.format === 'date-time'
      ? fc.date({ noInvalidDate: true }).map((d) => d.toISOString())
      : schema.format === 'date'
        ? fc.constant('2026-11-22')
        : schema.format === 'email'
          ? fc.constant('fuzz@example.test')
          : schema.pattern
            ? matching(schema.pattern)
            : fc.string({ minLength: min, maxLength: max });
  return known.length > 0 ? fc.oneof(fc.constantFrom(...known), byFormat) : byFormat;
}

/** A value the schema would (mostly) accept. */
export function plausible(
  schema: JsonSchema,
  name: string,
  ctx: FuzzContext,
  family: Family,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives && alternatives.length > 0) {
    return fc.oneof(...alternatives.map((s) => plausible(s, name, ctx, family, depth)));
  }
  if (schema.allOf && schema.allOf.length > 0) return plausible(schema.allOf[0]!, name, ctx, family, depth);
  const type = typesOf(schema)[0];
  switch (type) {
    case 'string':
      return plausibleString(schema, name, ctx, family);
    case 'integer':
    case 'number': {
      const min = Math.max(schema.minimum ?? 0, -1e6);
      const max = Math.min(schema.maximum ?? 100_000, 1e9);
      const known = ctx.valid(name.toLowerCase(), family).map(Number).filter(Number.isFinite);
      const n = fc.integer({ min: Math.ceil(min), max: Math.max(Math.ceil(min), Math.floor(max)) });
      return known.length > 0 ? fc.oneof(fc.constantFrom(...known), n) : n;
    }
    case 'boolean':
      return fc.boolean();
    case 'array':
      if (depth >= MAX_DEPTH) return fc.constant([]);
      return fc.array(mutated(schema.items ?? {}, name, ctx, family, depth + 1), { maxLength: 3 });
    case 'object':
      return depth >= MAX_DEPTH ? fc.constant({}) : mutatedObject(schema, ctx, family, depth + 1);
    default:
      return fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.constant(null));
  }
}

/** A value that is plausible most of the time and wrong or hostile otherwise. */
export function mutated(
  schema: JsonSchema,
  name: string,
  ctx: FuzzContext,
  family: Family,
  depth = 0,
): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: plausible(schema, name, ctx, family, depth) },
    { weight: 1, arbitrary: nastyString },
    { weight: 1, arbitrary: nastyNumber },
    { weight: 1, arbitrary: wrongValue },
  );
}

const EXTRA_KEYS = fc.oneof(
  fc.constantFrom('extra', 'constructor', 'toString', '$where', 'id', 'merchantId', 'isAdmin', ''),
  nastyString.map((s) => s.slice(0, 300)),
);

/** An object of the schema's fields: some plausible, some wrong, some missing, plus unknown ones. */
export function mutatedObject(
  schema: JsonSchema,
  ctx: FuzzContext,
  family: Family,
  depth = 0,
): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.entries(schema.properties ?? {});
  const record = fc.tuple(
    ...fields.map(([name, s]) =>
      fc.option(mutated(s, name, ctx, family, depth), { freq: 5, nil: undefined }).map((v) => [name, v]),
    ),
  );
  const extras = fc.array(fc.tuple(EXTRA_KEYS, wrongValue), { maxLength: 2 });
  return fc.tuple(record, extras).map(([pairs, extra]) => {
    const out: Record<string, unknown> = {};
    for (const [name, value] of pairs as [string, unknown][]) if (value !== undefined) out[name] = value;
    for (const [key, value] of extra) if (!(key in out) && key !== '__proto__') out[key] = value;
    return out;
  });
}

/** A body for the route: usually its mutated object, sometimes a JSON value of the wrong kind entirely. */
export function bodyFor(schema: JsonSchema | undefined, ctx: FuzzContext, family: Family) {
  const object = schema ? mutatedObject(schema, ctx, family) : fc.constant({});
  return fc.oneof(
    { weight: 6, arbitrary: object },
    { weight: 1, arbitrary: fc.constantFrom(null, [], '', 0, true, 'text', [{}]) },
    { weight: 1, arbitrary: wrongValue },
  );
}
