import { createHash } from 'node:crypto';
import { fail, ok, type Result } from '../../core/error-catalog.js';
import * as repo from '../../db/repos/integration-log.repo.js';
import type { Deps } from '../context.js';
import { newId } from '../ids.js';

export interface LogEntryInput {
  merchantId: string | null;
  principalId: string | null;
  requestId: string;
  method: string;
  url: string;
  status: number;
  errorCode: string | null;
  errorMessage: string | null;
  requestBody: string | null;
  responseBody: string | null;
  durationMs: number;
  address: string;
}

const MAX_BODY = 64 * 1024;
const clip = (s: string | null, max = MAX_BODY) =>
  s !== null && s.length > max ? `${s.slice(0, max)}…[truncated]` : s;

/** What is kept of a body nobody authenticated: its hash and length, a fixed 80 characters or so. */
function digestOf(body: string | null): string | null {
  if (body === null) return null;
  const hash = createHash('sha256').update(body).digest('hex');
  return `sha256:${hash} bytes:${Buffer.byteLength(body)}`;
}

/**
 * Errors (a 4xx/5xx status, or an error code on a 200 answer) are always logged; full request/response
 * logging only for principals that have it switched on.
 */
export async function recordExchange(deps: Deps, entry: LogEntryInput, full: boolean): Promise<void> {
  const base = {
    merchant_id: entry.merchantId,
    principal_id: entry.principalId,
    request_id: entry.requestId,
    method: entry.method,
    url: entry.url,
    status: entry.status,
    error_code: entry.errorCode,
    error_message: entry.errorMessage,
    duration_ms: Math.round(entry.durationMs),
    created_at: deps.now().toISOString(),
    address: entry.address,
  };
  if (entry.principalId === null) {
    // Nobody authenticated: no body is stored (nobody could read it, anyone could fill the disk with it).
    await repo.insertLogEntry(deps.db, {
      ...base,
      url: clip(entry.url, 512)!,
      error_message: clip(entry.errorMessage, 256),
      id: newId('log'),
      kind: 'error',
      request_body: null,
      response_body: null,
      body_digest: digestOf(entry.requestBody),
    });
    return;
  }
  if (entry.status >= 400 || entry.errorCode !== null) {
    await repo.insertLogEntry(deps.db, {
      ...base,
      id: newId('log'),
      kind: 'error',
      request_body: clip(entry.requestBody),
      response_body: clip(entry.responseBody),
      body_digest: null,
    });
  }
  if (full) {
    await repo.insertLogEntry(deps.db, {
      ...base,
      id: newId('log'),
      kind: 'full',
      request_body: clip(entry.requestBody),
      response_body: clip(entry.responseBody),
      body_digest: null,
    });
  }
}

const loggingCache = new Map<string, { full: boolean; until: number }>();

/** Whether a principal has full logging on as read lately, without waiting (undefined: to be read). */
export function knownFullLogging(principalId: string): boolean | undefined {
  const cached = loggingCache.get(principalId);
  return cached && cached.until > Date.now() ? cached.full : undefined;
}

/** Whether a principal has full logging on; cached for a few seconds, the switch is not on a hot path. */
export async function hasFullLogging(deps: Deps, principalId: string): Promise<boolean> {
  const known = knownFullLogging(principalId);
  if (known !== undefined) return known;
  const now = Date.now();
  const full = await repo.fullLoggingOf(deps.db, principalId);
  loggingCache.set(principalId, { full, until: now + 5000 });
  return full;
}

export async function setFullLogging(
  deps: Deps,
  merchantId: string,
  principalId: string,
  on: boolean,
): Promise<Result<{ id: string; logFull: boolean }>> {
  const found = await repo.setPrincipalLogging(deps.db, merchantId, principalId, on);
  if (!found) return fail('VALIDATION_FAILED', 'No API client or user of this merchant has this id.');
  loggingCache.delete(principalId);
  return ok({ id: principalId, logFull: on });
}

export async function listPrincipals(deps: Deps, merchantId: string) {
  const [clients, users] = await Promise.all([
    repo.listClients(deps.db, merchantId),
    repo.listUsers(deps.db, merchantId),
  ]);
  return [
    ...clients.map((c) => ({ ...c, kind: 'client' as const })),
    ...users.map((u) => ({ ...u, kind: 'user' as const })),
  ].map((p) => ({
    id: p.id,
    kind: p.kind,
    login: p.login,
    name: p.name,
    role: p.role,
    logFull: p.log_full === 1,
    active: p.active === 1,
  }));
}

export async function listLog(
  deps: Deps,
  merchantId: string,
  query: { kind?: 'error' | 'full' | 'audit' | undefined; cursor?: string | undefined; limit: number },
) {
  const rows = await repo.listLogEntries(deps.db, merchantId, {
    kind: query.kind,
    before: query.cursor,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    data: page.map((r) => ({
      id: r.id,
      kind: r.kind,
      requestId: r.request_id,
      principalId: r.principal_id,
      method: r.method,
      url: r.url,
      status: Number(r.status),
      errorCode: r.error_code,
      errorMessage: r.error_message,
      requestBody: r.request_body,
      responseBody: r.response_body,
      durationMs: Number(r.duration_ms),
      createdAt: r.created_at,
    })),
    nextCursor: rows.length > query.limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}
