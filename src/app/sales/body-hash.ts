/**
 * The fingerprint of a request body, for idempotent retries: the same content always hashes the same,
 * whatever the order of its keys. Stored sales keep the fingerprint, so the text hashed must never change
 * (body-hash.test.ts pins it).
 */
import { hash } from 'node:crypto';

/**
 * JSON with object keys sorted (by UTF-16 code units) and keys whose value is undefined left out, so that the
 * same content always hashes the same. Written as loops over the sorted keys: it runs on every sale.
 */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      // JSON.stringify of undefined (or a function) is undefined: an empty slot, as Array.join writes it.
      out += stableJson(value[i] as unknown) ?? '';
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    if (out.length > 1) out += ',';
    out += `${JSON.stringify(key)}:${stableJson(item)}`;
  }
  return `${out}}`;
}

export const hashBody = (body: unknown): string => hash('sha256', stableJson(body), 'hex');
