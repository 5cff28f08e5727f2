/** Reading elements: one element with its movements, movements of all elements in a range, statements. */
import * as elements from '../../db/repos/elements.repo.js';
import { findCustomerId } from '../../db/repos/customer-details.repo.js';
import type { Deps } from '../context.js';

export type { ElementRecord, MovementRecord } from '../../db/repos/elements.repo.js';

export interface MovementQuery {
  from?: string;
  to?: string;
  actions?: readonly string[];
  limit: number;
  skip: number;
}

export async function findElementWithMovements(
  deps: Deps,
  merchantId: string,
  number: string,
  query: MovementQuery,
): Promise<{ element: elements.ElementRecord; movements: elements.MovementRecord[] } | undefined> {
  const element = await elements.findElement(deps.db, merchantId, number);
  if (!element) return undefined;
  const movements = await elements.listMovements(deps.db, merchantId, {
    ...query,
    cardId: element.cardId,
    order: 'newest',
  });
  return { element, movements };
}

export async function movementsInRange(
  deps: Deps,
  merchantId: string,
  query: MovementQuery & { from: string; to: string },
): Promise<elements.MovementRecord[]> {
  return elements.listMovements(deps.db, merchantId, { ...query, order: 'by-card' });
}

/** A customer's element movements in a range (newest first), or undefined when the customer is unknown. */
export async function customerMovements(
  deps: Deps,
  merchantId: string,
  customerCode: string,
  range: { from: string; to: string },
): Promise<elements.MovementRecord[] | undefined> {
  const customerId = await findCustomerId(deps.db, merchantId, { code: customerCode });
  if (!customerId) return undefined;
  return elements.listMovements(deps.db, merchantId, {
    customerId,
    from: range.from,
    to: range.to,
    limit: 100_000,
    skip: 0,
    order: 'newest',
  });
}
