/**
 * The fingerprint of a request body, for idempotent retries: the same content always hashes the same,
 * whatever the order of its keys.
 */
import { hash } from 'node:crypto';

/** JSON with object keys sorted, so that the same content always hashes the same. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const hashBody = (body: unknown): string => hash('sha256', stableJson(body), 'hex');
