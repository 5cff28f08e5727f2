/**
 * The next available element of a type: the lowest-numbered registered element that is inactive and has no
 * customer, handed out exactly once. Each candidate is claimed with one conditional UPDATE (new → issued);
 * a request that loses the race on one candidate tries the next.
 */
import { claimNewCard } from '../../db/repos/cards.repo.js';
import { freeElements } from '../../db/repos/elements.repo.js';
import { findElementType } from '../../db/repos/element-types.repo.js';
import type { Deps } from '../context.js';

export type NextElement =
  { ok: true; number: string } | { ok: false; reason: 'TYPE_NOT_FOUND' | 'NONE_LEFT' };

export async function claimNextElement(
  deps: Deps,
  merchantId: string,
  typeCode: string,
): Promise<NextElement> {
  const type = await findElementType(deps.db, merchantId, typeCode);
  if (!type) return { ok: false, reason: 'TYPE_NOT_FOUND' };
  for (;;) {
    const candidates = await freeElements(deps.db, merchantId, type.programId, 50);
    if (candidates.length === 0) return { ok: false, reason: 'NONE_LEFT' };
    for (const candidate of candidates) {
      if (await claimNewCard(deps.db, candidate.cardId, 'issued', deps.now().toISOString())) {
        return { ok: true, number: candidate.number };
      }
    }
  }
}
