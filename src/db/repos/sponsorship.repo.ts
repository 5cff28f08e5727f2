import type { Tx } from '../transaction.js';

/**
 * The customer's godfather still to reward for a first purchase: the godfather's oldest active card in the
 * program, when the customer has a godfather and no godfather reward is recorded for them; else undefined.
 */
export async function godfatherToReward(tx: Tx, merchantId: string, godchildId: string, programId: string) {
  return tx
    .selectFrom('customers as child')
    .innerJoin('cards as card', 'card.customer_id', 'child.godfather_id')
    .select(['card.id as godfatherCardId'])
    .where('child.id', '=', godchildId)
    .where('child.merchant_id', '=', merchantId)
    .where('card.merchant_id', '=', merchantId)
    .where('card.program_id', '=', programId)
    .where('card.status', '=', 'active')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('sponsorship_rewards as r')
            .select('r.godchild_id')
            .where('r.godchild_id', '=', godchildId)
            .where('r.kind', '=', 'godfather'),
        ),
      ),
    )
    .orderBy('card.created_at')
    .orderBy('card.id')
    .limit(1)
    .executeTakeFirst();
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
