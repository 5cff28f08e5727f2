/**
 * The promotions report (spec §3.8), read from what the engine stored with each sale and its returns. The
 * records come out as the manual has them: under the key "records:" (with its colon), as a JSON-encoded
 * string, with a header {total, offset (0-based), limit (25 by default, at most 50,000)}. Labels are the
 * console's Spanish ones; amounts are numbers; dates dd/MM/yyyy HH:mm in the company's time zone.
 *
 * Returns and cancellations: the manual gives the record values "Venta" / "Devolución" and a VENTA /
 * DEVOLUCION filter, so each return, and a sale's cancellation, is a record of its own — transactionType
 * "Devolución", dated when it happened, transactionId the return's receipt (a cancellation: the sale's) —
 * one per promotion and line it took back, with what it took back as positive amounts, as the return ticket
 * shows them: `subTotal` the line amount returned, `quantity` its share of the line's quantity,
 * `discountApply` the part of the promotion's discount on that line given back (in proportion, all of it once
 * the line is wholly returned, exactly as the reversal took it back). A promotion's net discount over a
 * period is its Venta records' less its Devolución records'.
 */
import type { Deps } from '../../../app/context.js';
import { mapDocument } from '../../../app/promotions/promotion-queries.js';
import { promotionSales, type PromotionSale } from '../../../app/reports/promotion-sales.js';
import { amountNumber } from '../../../core/elements/index.js';
import { wallClock } from '../../../core/promotions/grammar-xml.js';
import type { Promotion } from '../../../core/promotions/model.js';
import type { SaleLine } from '../../../core/rules/index.js';
import { proportional } from '../../../core/sales/reversal-promotions.js';
import { CLASS } from '../map/promotion-available.js';
import type { Company } from './company.js';
import { bad, dateRange, positive } from './queries.js';

type Query = Record<string, string | undefined>;

const SALE_TYPES = ['VENTA', 'VENTAS', 'SALE'];
const RETURN_TYPES = ['DEVOLUCION', 'DEVOLUCIÓN', 'DEVOLUÇÃO', 'RETURN'];
/** Tessera's promotions apply to the sales posted by stores' tills: the channel of one that names none. */
const POINT_OF_SALE = 'Punto de venta';

/** The map versions the sales name, each read once. */
function mapsOf(deps: Deps, company: Company) {
  const known = new Map<number, Promise<Map<string, { promotion: Promotion; source: unknown }>>>();
  return (version: number) => {
    let found = known.get(version);
    if (!found) {
      found = mapDocument(deps, company.merchantId, version).then(
        (doc) => new Map((doc?.promotions ?? []).map((p) => [p.promotion.nro, p])),
      );
      known.set(version, found);
    }
    return found;
  };
}

function timeRangeText(p: Promotion | undefined, zone: string | null): string {
  if (!p || (!p.validity.from && !p.validity.to)) return 'Indefinida';
  const from = p.validity.from ? wallClock(p.validity.from, zone) : '-';
  const to = p.validity.to ? wallClock(p.validity.to, zone) : '-';
  return `\r\nEntre las fechas con horario ${from}-${to}\r\n`;
}

/** The discount of each of the promotion's lines: prorated on the line amounts, the remainder on the last. */
function lineShares(discount: number, lines: SaleLine[]): number[] {
  const total = lines.reduce((n, l) => n + l.amount, 0);
  let given = 0;
  return lines.map((l, i) => {
    if (i === lines.length - 1) return discount - given;
    const share = total === 0 ? 0 : Math.floor((discount * l.amount) / total);
    given += share;
    return share;
  });
}

const unitPrice = (line: SaleLine) =>
  amountNumber(line.unitPrice ?? Math.round(line.amount / (line.quantity || 1)));

/** A line's quantity in proportion to the part of its amount returned (3 decimals). */
const quantityOf = (line: SaleLine, amount: number) =>
  amount >= line.amount ? line.quantity : Math.round((line.quantity * amount * 1000) / line.amount) / 1000;

interface Dated {
  at: string;
  type: 'Venta' | 'Devolución';
  record: Record<string, unknown>;
}

function saleRecords(
  company: Company,
  sale: PromotionSale,
  promotions: Map<string, { promotion: Promotion }>,
  q: Query,
) {
  const out: Dated[] = [];
  for (const applied of sale.promotions.applied) {
    const promotion = promotions.get(applied.nro)?.promotion;
    const name = promotion?.name ?? applied.code;
    if (q.pname && name !== q.pname) continue;
    if (q.pcode && applied.code !== q.pcode) continue;
    const benefit = promotion?.benefits.find((b) => b.nro === applied.benefit);
    const lines = applied.lines
      .map((n) => sale.lines.find((l) => l.lineNo === n))
      .filter((l): l is SaleLine => l !== undefined);
    const shares = lineShares(applied.discount, lines);
    const record = (
      at: string,
      type: Dated['type'],
      transactionId: string,
      line: SaleLine,
      values: { discount: number; quantity: number; amount: number },
    ): Dated => ({
      at,
      type,
      record: {
        transactionId,
        offline: false,
        unitPrice: unitPrice(line),
        benefitClass: benefit ? (CLASS[benefit.kind] ?? benefit.kind) : '',
        itemCode: line.itemCode ?? line.attributes?.code ?? '',
        discountApply: amountNumber(values.discount),
        deploymentChannels: promotion?.deploymentChannels?.join(', ') || POINT_OF_SALE,
        date: wallClock(at, company.zone),
        transactionType: type,
        campaign: promotion?.campaign ?? '',
        quantity: values.quantity,
        promotionCode: applied.code === '' ? null : applied.code,
        promotionName: name,
        store: `${sale.storeCode} - ${sale.storeName}`,
        subTotal: amountNumber(values.amount),
        conditionTimeRange: timeRangeText(promotion, company.zone),
      },
    });
    lines.forEach((line, i) =>
      out.push(
        record(sale.soldAt, 'Venta', sale.receipt, line, {
          discount: shares[i]!,
          quantity: line.quantity,
          amount: line.amount,
        }),
      ),
    );
    // Each reversal takes the part of each line's share between what was returned before it and after it.
    const returned = new Map<number, number>();
    for (const reversal of sale.reversals)
      for (const taken of reversal.lines) {
        const i = lines.findIndex((l) => l.lineNo === taken.lineNo);
        const before = returned.get(taken.lineNo) ?? 0;
        returned.set(taken.lineNo, before + taken.amount);
        if (i < 0 || taken.amount <= 0) continue;
        const line = lines[i]!;
        const share = shares[i]!;
        const discount =
          proportional(share, before + taken.amount, line.amount) - proportional(share, before, line.amount);
        out.push(
          record(reversal.at, 'Devolución', reversal.receipt, line, {
            discount,
            quantity: quantityOf(line, taken.amount),
            amount: taken.amount,
          }),
        );
      }
  }
  return out;
}

export async function promotionReport(deps: Deps, company: Company, q: Query): Promise<unknown> {
  const limit = Math.max(1, positive(q.limit, 'limit', 25, 50_000));
  const offset = positive(q.offset, 'offset', 0, Number.MAX_SAFE_INTEGER);
  const range = dateRange(q, company.zone);
  const type = (q.transactionType ?? '').toUpperCase();
  if (type && !SALE_TYPES.includes(type) && !RETURN_TYPES.includes(type))
    throw bad('transactionType', 'El campo transactionType debe ser VENTA o DEVOLUCION');
  const only = SALE_TYPES.includes(type) ? 'Venta' : RETURN_TYPES.includes(type) ? 'Devolución' : null;
  const sales = await promotionSales(deps, company.merchantId, {
    from: range?.from,
    to: range?.to,
    storeCode: q.store || undefined,
  });
  const mapOf = mapsOf(deps, company);
  const from = range?.from ? Date.parse(range.from) : -Infinity;
  const to = range?.to ? Date.parse(range.to) : Infinity;
  const dated: Dated[] = [];
  for (const sale of sales)
    for (const r of saleRecords(company, sale, await mapOf(sale.promotions.mapVersion), q)) {
      const at = Date.parse(r.at);
      if (at >= from && at < to && (only === null || r.type === only)) dated.push(r);
    }
  // In the order they happened (a sale's records before its returns'), stable within a transaction.
  const records = dated
    .map((r, i) => ({ r, i, at: Date.parse(r.at) }))
    .sort((a, b) => a.at - b.at || a.i - b.i)
    .map(({ r }) => r.record);
  return {
    'records:': JSON.stringify(records.slice(offset, offset + limit)),
    header: { total: records.length, offset, limit },
  };
}
