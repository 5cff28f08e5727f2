/**
 * Reading the promotion grammar's JSON form: containers that arrive as an object or an array (an XML→JSON
 * conversion makes a single child an object), key/value parameter lists, decimal text converted once to
 * integers, and the path of every element so that a refusal names what to fix.
 */
import { formatDecimal, toMinorUnits } from '../money/money.js';

export interface GrammarIssue {
  path: string;
  message: string;
}

/** Collects issues while reading; readers answer a fallback value so that every issue is found at once. */
export class Reader {
  readonly issues: GrammarIssue[] = [];
  bad(path: string, message: string): void {
    this.issues.push({ path, message });
  }
}

export type Json = unknown;
export type JsonObject = Record<string, unknown>;

export const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const at = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;

/** A container: absent → [], an object → [it], an array → its elements (objects only). */
export function container(r: Reader, value: Json, path: string): { value: JsonObject; path: string }[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  const out: { value: JsonObject; path: string }[] = [];
  list.forEach((item, i) => {
    const p = Array.isArray(value) ? at(path, i) : path;
    if (isObject(item)) out.push({ value: item, path: p });
    else r.bad(p, 'must be an object');
  });
  return out;
}

/** Scalars of the grammar are text, but numbers and booleans are accepted as they are. */
export function text(r: Reader, value: Json, path: string, required: boolean): string | null {
  if (value === undefined || value === null || value === '') {
    if (required) r.bad(path, 'is required');
    return null;
  }
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  r.bad(path, 'must be a string');
  return null;
}

export function bool(r: Reader, value: Json, path: string, fallback: boolean): boolean {
  if (value === undefined || value === null || value === '') return fallback;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  r.bad(path, 'must be true or false');
  return fallback;
}

const DECIMAL = /^-?\d{1,15}(\.\d{1,9})?$/;

/**
 * Decimal text (or a JSON number) × 10^digits as an integer, half to even: "10" with 2 digits → 1000,
 * "19.995" → 2000. `min` bounds the result.
 */
export function decimal(
  r: Reader,
  value: Json,
  path: string,
  digits: number,
  opts: { required?: boolean; min?: number; max?: number } = {},
): number | null {
  const raw = typeof value === 'number' ? String(value) : text(r, value, path, opts.required ?? true);
  if (raw === null) return null;
  if (!DECIMAL.test(raw)) {
    r.bad(path, `must be a decimal number, got "${raw}"`);
    return null;
  }
  const scaled = toMinorUnits(Number(raw), digits);
  if (scaled === null) {
    r.bad(path, 'is too large');
    return null;
  }
  if (opts.min !== undefined && scaled < opts.min) {
    r.bad(path, `must be at least ${formatDecimal(opts.min, digits, 0)}`);
    return null;
  }
  if (opts.max !== undefined && scaled > opts.max) {
    r.bad(path, `must be at most ${formatDecimal(opts.max, digits, 0)}`);
    return null;
  }
  return scaled;
}

/** A whole number (text or number) within bounds. */
export function integer(
  r: Reader,
  value: Json,
  path: string,
  opts: { required?: boolean; min?: number; max?: number } = {},
): number | null {
  const n = decimal(r, value, path, 0, opts);
  if (n === null) return null;
  const raw = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(raw)) {
    r.bad(path, 'must be a whole number');
    return null;
  }
  return n;
}

/** A list of text values: an array of strings, or one comma-separated string ("napse,napse2"). */
export function list(r: Reader, value: Json, path: string): string[] {
  if (value === undefined || value === null || value === '') return [];
  if (typeof value === 'string')
    return value
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  if (Array.isArray(value)) {
    const out: string[] = [];
    value.forEach((v, i) => {
      const s = text(r, v, at(path, i), true);
      if (s !== null) out.push(s);
    });
    return out;
  }
  r.bad(path, 'must be a list of strings or a comma-separated string');
  return [];
}

/** Parameters as a {key, value} list (object or array) → a record; each key's path is `parameter[key]`. */
export function parameters(r: Reader, value: Json, path: string): Map<string, Json> {
  const out = new Map<string, Json>();
  for (const item of container(r, value, path)) {
    const key = text(r, item.value.key, at(item.path, 'key'), true);
    if (key === null) continue;
    if (out.has(key)) r.bad(`${path}[${key}]`, 'appears twice');
    out.set(key, item.value.value ?? '');
  }
  return out;
}

export const paramPath = (path: string, key: string) => `${path}[${key}]`;

const HEX24 = /^[0-9a-f]{24}$/;
export const isNro = (s: string) => HEX24.test(s);

/** Unknown top-level keys are refused so that a typo does not silently drop a part of a promotion. */
export function onlyKeys(r: Reader, obj: JsonObject, path: string, allowed: readonly string[]): void {
  for (const key of Object.keys(obj))
    if (!allowed.includes(key)) r.bad(at(path, key), `is not a known field (known: ${allowed.join(', ')})`);
}
