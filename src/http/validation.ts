import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

const base: Options = { allErrors: true, removeAdditional: false, useDefaults: true, strict: false };

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
    return ajv.compile(schema as object);
  };
}
