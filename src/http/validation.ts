import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import { forbiddenCharacter } from '../core/text-safety.js';

const base: Options = { allErrors: true, removeAdditional: false, useDefaults: true, strict: false };

/**
 * The first string (value or key) holding a character no stored text may hold (NUL, lone surrogates,
 * noncharacters, bidirectional controls, zero-width spaces: src/core/text-safety.ts), with why; or null.
 */
function badTextAt(value: unknown, path: string): { path: string; message: string } | null {
  if (typeof value === 'string') {
    const message = forbiddenCharacter(value);
    return message === null ? null : { path, message };
  }
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const found = badTextAt(key, path) ?? badTextAt(item, `${path}/${key}`);
    if (found !== null) return found;
  }
  return null;
}

/** Ajv's verdict, then one rule for every part of every request: only characters that may be stored. */
function withSafeText(validate: ValidateFunction): ValidateFunction {
  const wrapped = ((data: unknown) => {
    const ok = validate(data) as boolean;
    wrapped.errors = validate.errors;
    if (!ok) return false;
    const bad = badTextAt(data, '');
    if (bad === null) return true;
    const error: ErrorObject = {
      instancePath: bad.path,
      schemaPath: '#',
      keyword: 'text',
      params: {},
      message: bad.message,
    };
    wrapped.errors = [error];
    return false;
  }) as ValidateFunction;
  return wrapped;
}

/** The compilers of one set of shared schemas, with what they compiled: kept for the whole process. */
interface Compilers {
  strictAjv: Ajv;
  coercingAjv: Ajv;
  compiled: Map<string, ValidateFunction>;
}
const compilersBySharedSchemas = new Map<string, Compilers>();
const MAX_COMPILED = 10_000;

function compilersFor(sharedSchemas: readonly object[]): Compilers {
  const key = JSON.stringify(sharedSchemas);
  let compilers = compilersBySharedSchemas.get(key);
  if (!compilers) {
    const strictAjv = new Ajv({ ...base, coerceTypes: false });
    const coercingAjv = new Ajv({ ...base, coerceTypes: 'array' });
    for (const ajv of [strictAjv, coercingAjv]) {
      (addFormats as unknown as (a: Ajv) => void)(ajv);
      ajv.addKeyword('example');
      for (const schema of sharedSchemas) ajv.addSchema(schema);
    }
    compilers = { strictAjv, coercingAjv, compiled: new Map() };
    compilersBySharedSchemas.set(key, compilers);
  }
  return compilers;
}

/**
 * Bodies are validated as sent: a number where a string is expected is a 400, never silently coerced.
 * Query strings, path parameters and headers arrive as text, so they are coerced to the declared types.
 *
 * A schema is compiled once per process (same text, same shared schemas, same part): every route shares the
 * header and error schemas, and tests build an app per database.
 */
export function createValidatorCompiler(sharedSchemas: readonly object[]): FastifySchemaCompiler<unknown> {
  const { strictAjv, coercingAjv, compiled } = compilersFor(sharedSchemas);
  return ({ schema, httpPart }) => {
    const strict = httpPart === 'body';
    const key = `${strict ? 'strict' : 'coercing'}\n${JSON.stringify(schema)}`;
    let validate = compiled.get(key);
    if (!validate) {
      validate = withSafeText((strict ? strictAjv : coercingAjv).compile(schema as object));
      if (compiled.size < MAX_COMPILED) compiled.set(key, validate);
    }
    return validate;
  };
}
