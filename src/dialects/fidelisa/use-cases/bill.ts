/**
 * A Fidelisa bill earns on every active card of its customer, each by its own program's rules (the document:
 * the cards are updated; rulebasis?customer_id lists every card's rules). It is posted through the engine's
 * one sale path on every card, in one unit of work (all cards or none: app/sales/post-sales.ts); each card's
 * sale has the bill's receipt with the card's rank appended when there are several. A customer without an
 * active card is posted as before (the engine answers).
 */
import type { EarningRule } from '../../../core/rules/index.js';
import { ok, type Result } from '../../../core/error-catalog.js';
import type { Caller, Deps } from '../../../app/context.js';
import type { SaleLineInput } from '../../../app/sales/post-sale.js';
import { postSales } from '../../../app/sales/post-sales.js';
import { customerCards } from './cards.js';
import { allPrograms } from './shops.js';

export interface Bill {
  receipt: string;
  date: string;
  storeCode: string;
  customerId: string;
  lines: SaleLineInput[];
}

export interface BillOutcome {
  /** Lines (1-based) no card's rules used. */
  unusedLineNos: number[];
  /** The kinds of earning rule of the programs of the cards the bill was posted on. */
  ruleKinds: Set<EarningRule['kind']>;
  cardsCredited: number;
}

export async function postBill(
  deps: Deps,
  caller: Caller,
  merchantId: string,
  bill: Bill,
): Promise<Result<BillOutcome>> {
  const cards = await customerCards(deps, merchantId, bill.customerId);
  if (!cards.ok) return cards;
  const active = cards.value.filter((c) => c.card.status === 'active');
  const base = { date: bill.date, storeCode: bill.storeCode, lines: bill.lines };
  const targets =
    active.length === 0
      ? [{ ...base, receipt: bill.receipt, customerId: bill.customerId }]
      : active.map((c, i) => ({
          ...base,
          receipt: active.length === 1 ? bill.receipt : `${bill.receipt}-${i + 1}`,
          cardNumber: c.card.number,
        }));
  // One unit of work for the whole bill: every card or none.
  const posted = await postSales(deps, caller, merchantId, targets);
  if (!posted.ok) return posted;
  const unusedPerCard = posted.value.map((p) => new Set(p.result.unusedLines.map((l) => l.lineNo)));
  const [first = new Set<number>(), ...others] = unusedPerCard;
  const unused = [...first].filter((n) => others.every((set) => set.has(n)));
  const held = new Set((active.length > 0 ? active : cards.value).map((c) => c.card.programId));
  const ruleKinds = new Set(
    (await allPrograms(deps, merchantId))
      .filter((p) => held.has(p.id))
      .flatMap((p) => p.rules.map((r) => r.kind)),
  );
  return ok({ unusedLineNos: unused, ruleKinds, cardsCredited: active.length });
}
