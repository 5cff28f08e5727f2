/**
 * An Avomark ticket through the engine. Purchase lines (and every other operation) are one sale; lines of
 * operation 13 ("Reprise d'article", an item brought back) are returns through the engine's return path,
 * against an earlier sale of the same card: the newest one, dated no later than the ticket, that has a
 * purchase line of the returned item code (any sale when the line has no item code) and can still take the
 * amount back. The points taken back are the engine's: in proportion to the amount, never more than that
 * sale earned. A ticket made only of returns posts no sale. Each return's receipt is the ticket's receipt
 * with "-return-<n>", so a resent ticket replays its returns instead of repeating them. The sale is
 * fingerprinted from the ticket as received (ticket-hash.ts), so that a resent ticket is recognised whatever
 * the mapping makes of it.
 */
import { toMajor } from './money.js';
import type { Caller, Deps } from '../../app/context.js';
import {
  postSale,
  type SaleFingerprint,
  type SaleInput,
  type SaleResult,
} from '../../app/sales/post-sale.js';
import { returnSale, type ReturnResult } from '../../app/sales/sale-returns.js';
import { listSales, type SaleView } from '../../app/sales/sale-view.js';
import { unwrap } from '../../http/http-error.js';
import { AvomarkError } from './errors.js';

/** How many of the card's latest sales a return looks through. */
const LOOKBACK = 200;

export interface TicketOutcome {
  status: 200 | 201;
  sale: SaleResult | null;
  returns: ReturnResult[];
  /** Original purchase index of each line of the posted sale. */
  saleLineOrigin: number[];
}

interface PlannedReturn {
  origin: number;
  amount: number;
  itemCode: string | undefined;
  candidates: SaleView[];
}

function candidatesFor(sales: readonly SaleView[], itemCode: string | undefined, date: string): SaleView[] {
  const at = Date.parse(date);
  return sales.filter(
    (s) =>
      s.status !== 'cancelled' &&
      Date.parse(s.date) <= at &&
      (itemCode === undefined || s.lines.some((l) => l.operation === 'purchase' && l.itemCode === itemCode)),
  );
}

export async function postTicket(
  deps: Deps,
  caller: Caller,
  merchantId: string,
  input: SaleInput & { cardNumber: string },
  fingerprint?: SaleFingerprint,
): Promise<TicketOutcome> {
  const kept = input.lines.flatMap((line, i) => (line.operation === 'return' ? [] : [{ line, i }]));
  const wanted = input.lines.flatMap((line, i) => (line.operation === 'return' ? [{ line, i }] : []));
  const planned: PlannedReturn[] = [];
  if (wanted.length > 0) {
    if (kept.length === 0 && (input.vouchers?.length ?? 0) > 0) {
      throw new AvomarkError(0, 'VALIDATION_FAILED', 'A ticket made only of returns cannot use vouchers.');
    }
    const history = unwrap(
      await listSales(deps, merchantId, { cardNumber: input.cardNumber, limit: LOOKBACK }),
    ).data.filter((s) => s.receipt !== input.receipt);
    for (const { line, i } of wanted) {
      const candidates = candidatesFor(history, line.itemCode, input.date);
      if (candidates.length === 0) {
        const what = line.itemCode === undefined ? 'a sale' : `a sale of item ${line.itemCode}`;
        throw new AvomarkError(
          100,
          'SALE_NOT_FOUND',
          `purchases[${i}] returns an item, but card ${input.cardNumber} has no earlier ${what} to take it back from.`,
        );
      }
      planned.push({ origin: i, amount: Math.abs(line.amount), itemCode: line.itemCode, candidates });
    }
  }

  let sale: { status: 200 | 201; result: SaleResult } | null = null;
  if (kept.length > 0 || wanted.length === 0) {
    const lines = kept.map((k) => k.line);
    sale = unwrap(await postSale(deps, caller, merchantId, { ...input, lines }, fingerprint));
  }
  const returns: ReturnResult[] = [];
  let replayed = sale === null || sale.status === 200;
  for (const [n, plan] of planned.entries()) {
    const receipt = `${input.receipt}-return-${n + 1}`;
    let done: ReturnResult | null = null;
    for (const candidate of plan.candidates) {
      if (sale !== null && candidate.id === sale.result.saleId) continue;
      const line = plan.itemCode
        ? candidate.lines.find((l) => l.operation === 'purchase' && l.itemCode === plan.itemCode)
        : undefined;
      const returned = await returnSale(
        deps,
        caller,
        merchantId,
        candidate.id,
        line
          ? { receipt, lines: [{ lineNo: line.lineNo, amount: Math.min(plan.amount, line.amount) }] }
          : { receipt, amount: plan.amount },
      );
      if (returned.ok) {
        done = returned.value.result;
        if (returned.value.status === 201) replayed = false;
        break;
      }
      if (returned.code !== 'RETURN_EXCEEDS_SALE' && returned.code !== 'SALE_CANCELLED') unwrap(returned);
    }
    if (done === null) {
      throw new AvomarkError(
        100,
        'SALE_NOT_FOUND',
        `purchases[${plan.origin}]: no earlier sale of card ${input.cardNumber} can still take back ${toMajor(plan.amount)} €.`,
      );
    }
    returns.push(done);
  }
  return {
    status: replayed ? 200 : 201,
    sale: sale?.result ?? null,
    returns,
    saleLineOrigin: kept.map((k) => k.i),
  };
}
