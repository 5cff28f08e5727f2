import { hotQuery } from '../hot.js';
import type { Tx } from '../transaction.js';

const godfatherRewarded = hotQuery((db, godchildId: string, kind: 'godfather') =>
  db
    .selectFrom('sponsorship_rewards')
    .select('godchild_id')
    .where('godchild_id', '=', godchildId)
    .where('kind', '=', kind),
);

const oldestActiveCard = hotQuery(
  (db, customerId: string, merchantId: string, programId: string, status: 'active') =>
    db
      .selectFrom('cards')
      .select(['id as godfatherCardId'])
      .where('customer_id', '=', customerId)
      .where('merchant_id', '=', merchantId)
      .where('program_id', '=', programId)
      .where('status', '=', status)
      .orderBy('created_at')
      .orderBy('id')
      .limit(1),
);

/**
 * The customer's godfather still to reward for a first purchase: the godfather's oldest active card in the
 * program, when the customer has a godfather (`godfatherId`, read by the caller with the card) and no
 * godfather reward is recorded for them; else undefined.
 *
 * Lookups by key rather than one join: as one statement SQLite's planner started from the program's active
 * cards (an index scan over every card of the program, 100,000 in the benchmark) and every sale of a
 * sponsorship program paid for it.
 */
export async function godfatherToReward(
  tx: Tx,
  merchantId: string,
  godchildId: string,
  programId: string,
  godfatherId: string | null,
) {
  if (!godfatherId) return undefined;
  if ((await godfatherRewarded(tx, godchildId, 'godfather')).rows[0]) return undefined;
  return (await oldestActiveCard(tx, godfatherId, merchantId, programId, 'active')).rows[0];
}

/** Records a reward; false when one of this kind was already recorded for the godchild (paid once). */
export async function claimSponsorshipReward(
  tx: Tx,
  row: {
    godchild_id: string;
    kind: 'godfather' | 'godchild';
    merchant_id: string;
    card_id: string;
    sale_id: string | null;
    points: number;
    created_at: string;
  },
): Promise<boolean> {
  const r = await tx
    .insertInto('sponsorship_rewards')
    .values({ ...row, lot_id: null })
    .onConflict((oc) => oc.columns(['godchild_id', 'kind']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

type Kind = 'godfather' | 'godchild';

export async function setSponsorshipRewardLot(tx: Tx, godchildId: string, kind: Kind, lotId: string) {
  await tx
    .updateTable('sponsorship_rewards')
    .set({ lot_id: lotId })
    .where('godchild_id', '=', godchildId)
    .where('kind', '=', kind)
    .execute();
}

/** The godfather reward a sale paid, if any. */
export function sponsorshipRewardOfSale(tx: Tx, saleId: string) {
  return tx
    .selectFrom('sponsorship_rewards')
    .selectAll()
    .where('sale_id', '=', saleId)
    .where('kind', '=', 'godfather')
    .executeTakeFirst();
}

/** Forgets a reward taken back: the godchild's next first purchase pays again. */
export async function dropSponsorshipReward(tx: Tx, godchildId: string, kind: Kind) {
  await tx
    .deleteFrom('sponsorship_rewards')
    .where('godchild_id', '=', godchildId)
    .where('kind', '=', kind)
    .execute();
}
