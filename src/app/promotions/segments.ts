/** Customer segments (auto-created on first use) and their members, added or removed in bulk. */
import { decodeCursor, encodeCursor } from '../../core/cursor.js';
import { fail, ok, type Result } from '../../core/error-catalog.js';
import { customerExists } from '../../db/repos/customers.repo.js';
import * as repo from '../../db/repos/segments.repo.js';
import type { Deps } from '../context.js';
import { newId } from '../ids.js';

export async function listSegments(deps: Deps, merchantId: string) {
  const rows = await repo.listSegments(deps.db, merchantId);
  return ok({
    data: rows.map((r) => ({
      code: r.code,
      name: r.name,
      members: Number(r.members),
      createdAt: r.created_at,
    })),
  });
}

/** Adds (operation "add") or removes ("remove") customers; the segment is created on first add. */
export async function changeMembers(
  deps: Deps,
  merchantId: string,
  code: string,
  input: { operation: 'add' | 'remove'; customers: string[]; name?: string | undefined },
): Promise<Result<{ code: string; added: number; removed: number; unknown: string[] }>> {
  const now = deps.now().toISOString();
  let segment = await repo.findSegment(deps.db, merchantId, code);
  if (!segment) {
    if (input.operation === 'remove') return fail('SEGMENT_NOT_FOUND', `No segment ${code}.`);
    await repo.insertSegment(deps.db, {
      id: newId('seg'),
      merchant_id: merchantId,
      code,
      name: input.name ?? code,
      created_at: now,
    });
    segment = await repo.findSegment(deps.db, merchantId, code);
  }
  const ids = [...new Set(input.customers)];
  const known = await Promise.all(ids.map((id) => customerExists(deps.db, merchantId, id)));
  const unknown = ids.filter((_, i) => !known[i]);
  const valid = ids.filter((_, i) => known[i]);
  if (input.operation === 'add')
    return ok({ code, added: await repo.addMembers(deps.db, segment!.id, valid, now), removed: 0, unknown });
  return ok({ code, added: 0, removed: await repo.removeMembers(deps.db, segment!.id, valid), unknown });
}

export async function segmentMembers(
  deps: Deps,
  merchantId: string,
  code: string,
  q: { cursor?: string | undefined; limit?: number | undefined },
): Promise<Result<{ data: { customerId: string; addedAt: string }[]; nextCursor: string | null }>> {
  const segment = await repo.findSegment(deps.db, merchantId, code);
  if (!segment) return fail('SEGMENT_NOT_FOUND', `No segment ${code}.`);
  const limit = q.limit ?? 100;
  const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
  if (q.cursor !== undefined && after === undefined) return fail('INVALID_CURSOR');
  const rows = await repo.membersOf(deps.db, segment.id, { after, limit });
  const page = rows.slice(0, limit);
  return ok({
    data: page.map((r) => ({ customerId: r.customer_id, addedAt: r.added_at })),
    nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!.customer_id) : null,
  });
}
