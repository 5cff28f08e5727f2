import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

const base: Options = { allErrors: true, removeAdditional: false, useDefaults: true, strict: false };

/** The path of the first string holding a NUL character (PostgreSQL cannot store one in text), or null. */
function nulPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const found = nulPath(key, path) ?? nulPath(item, `${path}/${key}`);
    if (found !== null) return found;
  }
  return null;
}

/** Ajv's verdict, then one rule for every part of every request: no NUL character in any string. */
function withoutNul(validate: ValidateFunction): ValidateFunction {
  const wrapped = ((data: unknown) => {
    const ok = validate(data) as boolean;
    wrapped.errors = validate.errors;
    if (!ok) return false;
    const path = nulPath(data, '');
    if (path === null) return true;
    const error: ErrorObject = {
      instancePath: path,
      schemaPath: '#',
      keyword: 'nul',
      params: {},
      message: 'must not contain the NUL character',
    };
    wrapped.errors = [error];
    return false;
  }) as ValidateFunction;
  return wrapped;
}

/**
 * Bodies are validated as sent: a number where a string is expected is a 400, never silently coerced.
 * Query strings, path parameters and headers arrive as text, so they are coerced to the declared types.
 */
export function createValidatorCompiler(sharedSchemas: readonly object[]): FastifySchemaCompiler<unknown> {
  const strictAjv = new Ajv({ ...base, coerceTypes: false });
  const coercingAjv = new Ajv({ ...base, coerceTypes: 'array' });
  for (const ajv of [strictAjv, coercingAjv]) {
    (addFormats as unknown as (a: Ajv) => void)(ajv);
    ajv.addKeyword('example');
    for (const schema of sharedSchemas) ajv.addSchema(schema);
  }
  return ({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? strictAjv : coercingAjv;
    return withoutNul(ajv.compile(schema as object));
  };
}
