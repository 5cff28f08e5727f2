import * as repo from '../../db/repos/integration-log.repo.js';
import type { Deps } from '../context.js';
import { newId } from '../ids.js';

/**
 * An administration change (a store created, a client's secret rotated, a user deactivated), recorded in the
 * integration log with kind "audit": who, when, what request, what answer status. The request body is
 * recorded with its secrets masked; the answer is not (it may carry a new client secret).
 */
export async function recordAudit(
  deps: Deps,
  entry: {
    merchantId: string | null;
    principalId: string;
    requestId: string;
    method: string;
    url: string;
    status: number;
    requestBody: string | null;
    durationMs: number;
    /** The caller's address, as the integration log records it. */
    address?: string | null;
  },
): Promise<void> {
  await repo.insertLogEntry(deps.db, {
    id: newId('log'),
    kind: 'audit',
    merchant_id: entry.merchantId,
    principal_id: entry.principalId,
    request_id: entry.requestId,
    method: entry.method,
    url: entry.url,
    status: entry.status,
    error_code: null,
    error_message: null,
    request_body: entry.requestBody,
    response_body: null,
    address: entry.address ?? null,
    body_digest: null,
    duration_ms: Math.round(entry.durationMs),
    created_at: deps.now().toISOString(),
  });
}
