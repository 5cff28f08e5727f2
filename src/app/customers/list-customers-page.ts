import { fail, ok, type Result } from '../../core/error-catalog.js';
import * as repo from '../../db/repos/customers.repo.js';
import type { Deps } from '../context.js';
import type { CustomerRecord } from './customers.js';

/**
 * Customers by page number (0-based), for the compatibility APIs that page by number rather than by
 * cursor. The same search rule as the cursor list: a search needs at least 3 characters.
 */
export async function listCustomersByPage(
  deps: Deps,
  merchantId: string,
  query: { page: number; size: number; q?: string | undefined },
): Promise<Result<{ data: CustomerRecord[]; hasMore: boolean }>> {
  const q = query.q?.trim();
  if (q !== undefined && q.length < 3) return fail('SEARCH_TOO_SHORT');
  if (!Number.isSafeInteger(query.page) || query.page < 0) {
    return fail('VALIDATION_FAILED', "A page number can't be negative.");
  }
  const rows = await repo.listCustomers(deps.db, merchantId, {
    limit: query.size + 1,
    offset: query.page * query.size,
    q,
    dbKind: deps.dbKind,
  });
  return ok({ data: rows.slice(0, query.size), hasMore: rows.length > query.size });
}
