/**
 * The promotions report (spec §3.8) and the limit statements of a map (§3.9), read from what the engine
 * stored with each sale. The report's records come out as the manual has them: under the key "records:"
 * (with its colon), as a JSON-encoded string, with a header {total, offset (0-based), limit (25 by default,
 * at most 50,000)}. Labels are the console's Spanish ones; amounts are numbers in the report and strings with
 * two decimals in the statements; dates dd/MM/yyyy HH:mm in the company's time zone.
 */
import type { Deps } from '../../../app/context.js';
import { listLimits } from '../../../app/promotions/limits.js';
import { mapDocument } from '../../../app/promotions/promotion-queries.js';
import { limitCounters, promotionSales, type PromotionSale } from '../../../app/reports/promotion-sales.js';
import { amountNumber } from '../../../core/elements/index.js';
import { wallClock } from '../../../core/promotions/grammar-xml.js';
import type { Promotion } from '../../../core/promotions/model.js';
import type { SaleLine } from '../../../core/rules/index.js';
import { PromoAnswer } from '../errors.js';
import { CLASS, LIMIT_BY, MONETARY, SCOPE } from '../map/promotion-available.js';
import type { Company } from './company.js';
import { bad, dateRange, positive } from './queries.js';

type Query = Record<string, string | undefined>;

const SALE_TYPES = ['VENTA', 'VENTAS', 'SALE'];
const RETURN_TYPES = ['DEVOLUCION', 'DEVOLUCIÓN', 'DEVOLUÇÃO', 'RETURN'];

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

async function reportRecords(deps: Deps, company: Company, sales: PromotionSale[], q: Query) {
  const mapOf = mapsOf(deps, company);
  const records: Record<string, unknown>[] = [];
  for (const sale of sales) {
    const promotions = await mapOf(sale.promotions.mapVersion);
    for (const applied of sale.promotions.applied) {
      const found = promotions.get(applied.nro);
      const promotion = found?.promotion;
      const name = promotion?.name ?? applied.code;
      if (q.pname && name !== q.pname) continue;
      if (q.pcode && applied.code !== q.pcode) continue;
      const benefit = promotion?.benefits.find((b) => b.nro === applied.benefit);
      const lines = applied.lines
        .map((n) => sale.lines.find((l) => l.lineNo === n))
        .filter((l): l is SaleLine => l !== undefined);
      const shares = lineShares(applied.discount, lines);
      lines.forEach((line, i) => {
        records.push({
          transactionId: sale.receipt,
          offline: false,
          unitPrice: amountNumber(line.unitPrice ?? Math.round(line.amount / (line.quantity || 1))),
          benefitClass: benefit ? (CLASS[benefit.kind] ?? benefit.kind) : '',
          itemCode: line.itemCode ?? line.attributes?.code ?? '',
          discountApply: amountNumber(shares[i]!),
          deploymentChannels: 'Punto de venta',
          date: wallClock(sale.soldAt, company.zone),
          transactionType: 'Venta',
          campaign: '',
          quantity: line.quantity,
          promotionCode: applied.code === '' ? null : applied.code,
          promotionName: name,
          store: `${sale.storeCode} - ${sale.storeName}`,
          subTotal: amountNumber(line.amount),
          conditionTimeRange: timeRangeText(promotion, company.zone),
        });
      });
    }
  }
  return records;
}

export async function promotionReport(deps: Deps, company: Company, q: Query): Promise<unknown> {
  const limit = Math.max(1, positive(q.limit, 'limit', 25, 50_000));
  const offset = positive(q.offset, 'offset', 0, Number.MAX_SAFE_INTEGER);
  const range = dateRange(q, company.zone);
  const type = (q.transactionType ?? '').toUpperCase();
  if (type && !SALE_TYPES.includes(type) && !RETURN_TYPES.includes(type))
    throw bad('transactionType', 'El campo transactionType debe ser VENTA o DEVOLUCION');
  // Returns are not reported yet: the engine's returns do not store what they took back per promotion line.
  const sales = RETURN_TYPES.includes(type)
    ? []
    : await promotionSales(deps, company.merchantId, {
        from: range?.from,
        to: range?.to,
        storeCode: q.store || undefined,
      });
  const records = await reportRecords(deps, company, sales, q);
  return {
    'records:': JSON.stringify(records.slice(offset, offset + limit)),
    header: { total: records.length, offset, limit },
  };
}

const two = (n: number) => n.toFixed(2);

export async function limitStatements(deps: Deps, company: Company, q: Query): Promise<unknown> {
  if (!q.mapVersion) throw bad('mapVersion', 'Debe enviar el campo mapVersion');
  if (!/^\d{1,9}$/.test(q.mapVersion)) throw bad('mapVersion', 'El campo mapVersion debe ser numérico');
  const version = Number(q.mapVersion);
  const doc = await mapDocument(deps, company.merchantId, version);
  if (!doc)
    throw new PromoAnswer(400, {
      status: 'mapVersion is Invalid',
      description: `El mapa ${version} no existe`,
    });
  const promotions = doc.promotions.filter((p) => !q.promoCode || p.promotion.code === q.promoCode);
  const limits = [];
  for (const { promotion } of promotions) {
    const found = await listLimits(deps, company.merchantId, promotion.nro);
    if (found.ok) for (const l of found.value.data) limits.push({ promotion, limit: l });
  }
  const counters = await limitCounters(
    deps,
    limits.map((l) => l.limit.id),
  );
  const sales = await promotionSales(deps, company.merchantId, { limitUse: true });
  const out = [];
  for (const { promotion, limit } of limits) {
    const benefit = promotion.benefits.find((b) => b.nro === limit.benefit);
    const money = limit.type === 'amount';
    const value = (n: number) => two(money ? amountNumber(n) : n);
    const subjects = counters.filter((c) => c.limitId === limit.id);
    for (const counter of subjects.length ? subjects : [{ subject: '-', used: 0, nextReset: null }]) {
      let running = 0;
      const detail = [];
      for (const sale of sales) {
        if (sale.promotions.mapVersion !== version) continue;
        for (const applied of sale.promotions.applied)
          for (const use of applied.limits) {
            if (use.limitId !== limit.id || use.subject !== counter.subject) continue;
            detail.push({
              date: wallClock(sale.soldAt, company.zone),
              transaction: sale.receipt,
              operation: 'Venta',
              store: sale.storeCode,
              terminal: sale.terminalCode ?? '',
              customer: limit.scope === 'customer' ? (sale.customerCode ?? '') : '',
              initialValue: value(running),
              transactionValue: value(use.amount),
              finalValue: value(running + use.amount),
            });
            running += use.amount;
          }
      }
      out.push({
        promotionName: promotion.name,
        promotionCode: promotion.code === '' ? null : promotion.code,
        benefitType: benefit ? (MONETARY.includes(benefit.kind) ? 'Monetario' : 'No monetario') : '',
        benefitClass: benefit ? (CLASS[benefit.kind] ?? benefit.kind) : '',
        limitScope: SCOPE[limit.scope],
        limitType: LIMIT_BY[limit.type],
        store: limit.scope === 'store' ? counter.subject : '',
        customer: limit.scope === 'customer' ? counter.subject : '',
        limitOriginalValue: value(limit.max),
        limitCurrentValue: value(counter.used),
        storeCode: limit.storeCode ?? '-',
        detail,
      });
    }
  }
  return out;
}
