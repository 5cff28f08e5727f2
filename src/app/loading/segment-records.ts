/**
 * Segment membership record by record (the segment is created on first use): each record says what it
 * did — inserted, updated (already a member, insert-or-update), removed — or why not.
 */
import * as details from '../../db/repos/customer-details.repo.js';
import * as loading from '../../db/repos/loading.repo.js';
import * as repo from '../../db/repos/segments.repo.js';
import type { Deps } from '../context.js';
import { newId } from '../ids.js';

export type MembershipOperation = 'insert' | 'upsert' | 'remove';
export type MembershipOutcome =
  'inserted' | 'updated' | 'removed' | 'NOT_FOUND' | 'ALREADY_EXISTS' | 'NO_CUSTOMER';

/** The segment's id, created when it does not exist; its members removed first when `clear`. */
export async function openSegment(
  deps: Deps,
  merchantId: string,
  code: string,
  clear: boolean,
): Promise<string> {
  let segment = await repo.findSegment(deps.db, merchantId, code);
  if (!segment) {
    await repo.insertSegment(deps.db, {
      id: newId('seg'),
      merchant_id: merchantId,
      code,
      name: code,
      created_at: deps.now().toISOString(),
    });
    segment = await repo.findSegment(deps.db, merchantId, code);
  }
  if (clear) await loading.clearSegmentMembers(deps.db, segment!.id);
  return segment!.id;
}

export async function changeMembership(
  deps: Deps,
  merchantId: string,
  segmentId: string,
  operation: MembershipOperation,
  customerCode: string,
): Promise<MembershipOutcome> {
  const customerId = await details.findCustomerId(deps.db, merchantId, { code: customerCode });
  if (!customerId) return operation === 'remove' ? 'NOT_FOUND' : 'NO_CUSTOMER';
  if (operation === 'remove')
    return (await repo.removeMembers(deps.db, segmentId, [customerId])) > 0 ? 'removed' : 'NOT_FOUND';
  const added = await repo.addMembers(deps.db, segmentId, [customerId], deps.now().toISOString());
  if (added > 0) return 'inserted';
  return operation === 'upsert' ? 'updated' : 'ALREADY_EXISTS';
}
