/**
 * Reads the environment against the configuration schema (config-schema.ts): each variable is converted
 * from its text (integers, 1/0 flags), checked against its schema (bounds, allowed values, URL schemes) and
 * given its default when unset or empty. A bad value is refused with a message naming the variable and what
 * it accepts; an unknown TESSERA_* variable is reported with the closest known name.
 */
import { Kind, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { ConfigSchema, VARIABLES, type Settings } from './config-schema.js';

export class ConfigError extends Error {}

/** What a valid value of this variable looks like, in words. */
export function accepted(schema: TSchema): string {
  if (typeof schema.accepts === 'string') return schema.accepts;
  if (schema[Kind] === 'Integer') {
    const min = schema.minimum as number | undefined;
    const max = schema.maximum as number | undefined;
    if (max !== undefined) return `an integer from ${min ?? 0} to ${max}`;
    return min === undefined || min === 0 ? 'a non-negative integer' : `an integer of at least ${min}`;
  }
  if (schema[Kind] === 'Boolean') return '1 or 0 (true or false)';
  if (schema[Kind] === 'Union') {
    const values = (schema.anyOf as TSchema[]).map((s) => String(s.const));
    return `one of ${values.join(', ')}`;
  }
  return 'text';
}

/** The text as the schema's type, or undefined when it cannot be (then the value is refused). */
function convert(schema: TSchema, raw: string): unknown {
  if (schema[Kind] === 'Integer') return /^-?[0-9]+$/.test(raw.trim()) ? Number(raw.trim()) : undefined;
  if (schema[Kind] === 'Boolean') {
    const v = raw.trim().toLowerCase();
    return v === '1' || v === 'true' ? true : v === '0' || v === 'false' ? false : undefined;
  }
  return raw;
}

function validUrl(raw: string): boolean {
  try {
    new URL(raw);
    return true;
  } catch {
    return false;
  }
}

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

const KNOWN = new Set(VARIABLES.map((v) => v.name));

/** The known variable whose name is closest to this one. */
export function closestVariable(name: string): string {
  let best = VARIABLES[0]!.name;
  let bestDistance = Infinity;
  for (const v of VARIABLES) {
    // TESSERA_PORTT is closest to PORT: compare without the prefix too.
    const d = Math.min(distance(name, v.name), distance(name.replace(/^TESSERA_/, ''), v.name));
    if (d < bestDistance) [best, bestDistance] = [v.name, d];
  }
  return best;
}

/** TESSERA_* variables of the environment that the schema does not know, each with a warning. */
export function unknownVariables(env: NodeJS.ProcessEnv): string[] {
  return Object.keys(env)
    .filter((name) => name.startsWith('TESSERA_') && !KNOWN.has(name))
    .sort()
    .map(
      (name) =>
        `${name} is not a Tessera setting and is ignored; did you mean ${closestVariable(name)}? (\`tessera config\` lists them)`,
    );
}

/** The validated settings of this environment, and warnings about unknown variables. */
export function readSettings(env: NodeJS.ProcessEnv): { settings: Settings; warnings: string[] } {
  const settings: Record<string, Record<string, unknown>> = {};
  for (const { name, group, schema } of VARIABLES) {
    const raw = env[name];
    const values = (settings[group] ??= {});
    if (raw === undefined || raw === '') {
      if (schema.default !== undefined) values[name] = schema.default;
      continue;
    }
    const value = convert(schema, raw);
    const ok =
      value !== undefined && Value.Check(schema, value) && (schema.url !== true || validUrl(String(value)));
    if (!ok) throw new ConfigError(`${name} must be ${accepted(schema)}, got "${raw}"`);
    values[name] = value;
  }
  if (!Value.Check(ConfigSchema, settings)) {
    const first = Value.Errors(ConfigSchema, settings).First();
    throw new ConfigError(`configuration: ${first?.path ?? ''} ${first?.message ?? 'is invalid'}`);
  }
  return { settings: settings as Settings, warnings: unknownVariables(env) };
}
