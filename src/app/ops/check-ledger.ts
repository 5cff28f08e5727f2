/**
 * Ledger checks for `tessera check`: every card's movements sum to the book balance of its lots, every lot's
 * remaining and burnt agree with its stored allocations, and no sale has given back more than it took.
 */
import { sql } from 'kysely';
import {
  checkBalanceInvariant,
  checkLotInvariant,
  type Lot,
  type MovementKind,
} from '../../core/ledger/index.js';
import type { Deps } from '../context.js';
import { movementsAfterBlock, wrongSummaries } from './check-summaries.js';

interface LedgerCheck {
  name: string;
  count(deps: Deps): Promise<number>;
}

async function lotsByCard(deps: Deps): Promise<Map<string, Lot[]>> {
  const rows = await deps.db.selectFrom('lots').selectAll().orderBy('id').execute();
  const byCard = new Map<string, Lot[]>();
  for (const r of rows) {
    const lots = byCard.get(r.card_id) ?? [];
    lots.push({
      id: r.id,
      amount: Number(r.amount),
      remaining: Number(r.remaining),
      burnt: Number(r.burnt),
      earnedAt: r.earned_at,
      pendingUntil: r.pending_until,
      expiresAt: r.expires_at,
    });
    byCard.set(r.card_id, lots);
  }
  return byCard;
}

/** Cards whose movements do not sum to the book balance of their lots (or have malformed movements). */
export async function unbalancedCards(deps: Deps): Promise<string[]> {
  const lots = await lotsByCard(deps);
  const movements = await deps.db.selectFrom('movements').select(['card_id', 'kind', 'points']).execute();
  const byCard = new Map<string, { kind: MovementKind; points: number }[]>();
  for (const m of movements) {
    // Wallet movements move money, never points: the wallet checks below cover them.
    if (m.kind.startsWith('wallet_') && Number(m.points) === 0) continue;
    const list = byCard.get(m.card_id) ?? [];
    list.push({ kind: m.kind as MovementKind, points: Number(m.points) });
    byCard.set(m.card_id, list);
  }
  const bad: string[] = [];
  for (const cardId of new Set([...lots.keys(), ...byCard.keys()])) {
    try {
      if (!checkBalanceInvariant(lots.get(cardId) ?? [], byCard.get(cardId) ?? []).ok) bad.push(cardId);
    } catch {
      bad.push(cardId);
    }
  }
  return bad;
}

const FLOW_OF_KIND = { debit: 'allocated', restore: 'restored', settle: 'settled', burn: 'burnt' } as const;

/** Lots whose remaining or burnt disagree with their allocations (debit, restore, settle, burn). */
export async function inconsistentLots(deps: Deps): Promise<string[]> {
  const lots = [...(await lotsByCard(deps)).values()].flat();
  const sums = await deps.db
    .selectFrom('allocations')
    .select(['lot_id', 'kind', sql<number>`sum(amount)`.as('total')])
    .groupBy(['lot_id', 'kind'])
    .execute();
  const flows = new Map<string, { allocated: number; restored: number; settled: number; burnt: number }>();
  const unknownKinds = new Set<string>();
  for (const s of sums) {
    const flow = FLOW_OF_KIND[s.kind as keyof typeof FLOW_OF_KIND] as
      (typeof FLOW_OF_KIND)[keyof typeof FLOW_OF_KIND] | undefined;
    if (!flow) {
      unknownKinds.add(s.lot_id);
      continue;
    }
    const f = flows.get(s.lot_id) ?? { allocated: 0, restored: 0, settled: 0, burnt: 0 };
    f[flow] += Number(s.total);
    flows.set(s.lot_id, f);
  }
  const bad = lots
    .filter((lot) => {
      const f = flows.get(lot.id) ?? { allocated: 0, restored: 0, settled: 0, burnt: 0 };
      return unknownKinds.has(lot.id) || checkLotInvariant(lot, f).length > 0;
    })
    .map((lot) => lot.id);
  const known = new Set(lots.map((l) => l.id));
  const orphans = [...flows.keys(), ...unknownKinds].filter((id) => !known.has(id));
  return [...bad, ...orphans];
}

/** The ledger checks, passed to runChecks by `tessera check`. */
export const ledgerChecks: LedgerCheck[] = [
  {
    name: "every card's movements sum to its lots' balance",
    count: async (deps) => (await unbalancedCards(deps)).length,
  },
  {
    name: "every lot's remaining and burnt agree with its allocations",
    count: async (deps) => (await inconsistentLots(deps)).length,
  },
  {
    name: 'no wallet is below zero, and wallet movements carry no points',
    count: async (deps) => {
      const negative = await deps.db
        .selectFrom('movements')
        .select('card_id')
        .groupBy('card_id')
        .having(sql<number>`sum(money)`, '<', 0)
        .execute();
      const mixed = await deps.db
        .selectFrom('movements')
        .select(sql<number>`count(*)`.as('n'))
        .where('kind', 'in', [
          'wallet_deposit',
          'wallet_withdrawal',
          'wallet_credit',
          'wallet_fees',
          'wallet_reverse',
        ])
        .where('points', '<>', 0)
        .executeTakeFirst();
      return negative.length + Number(mixed?.n ?? 0);
    },
  },
  {
    name: 'no sale has reversed more points or returned more than it had',
    count: async (deps) => {
      const row = await deps.db
        .selectFrom('sales')
        .select(sql<number>`count(*)`.as('n'))
        .where((eb) =>
          eb.or([
            eb('reversed_points', '>', eb.ref('earned_points')),
            eb('returned_minor', '>', eb.ref('total_minor')),
            eb('reversed_points', '<', 0),
          ]),
        )
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  },
  {
    name: "every card's summary agrees with its lots, wallet and sales",
    count: async (deps) => (await wrongSummaries(deps)).length,
  },
  {
    name: 'no sale moved points on a card after its block or replacement',
    count: movementsAfterBlock,
  },
];
