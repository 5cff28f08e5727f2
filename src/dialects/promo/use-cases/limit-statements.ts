/**
 * The limit statements of a map version (spec §3.9), read from what the engine stored with each sale: one
 * entry per limit and subject with its labels, maximum and current value, and `detail[]`, the sales that
 * used it with the value before, used and after. A limit with a period of N days counts each period on its
 * own: a sale's use belongs to the period its stored reset instant closes, and the first use of a new
 * period starts again from 0 (as the engine's counter does); the current value is 0 once the counter's
 * period is over. Values are strings with two decimals; dates dd/MM/yyyy HH:mm.
 */
import type { Deps } from '../../../app/context.js';
import { listLimits } from '../../../app/promotions/limits.js';
import { mapDocument } from '../../../app/promotions/promotion-queries.js';
import { limitCounters, promotionSales } from '../../../app/reports/promotion-sales.js';
import { amountNumber } from '../../../core/elements/index.js';
import { wallClock } from '../../../core/promotions/grammar-xml.js';
import { PromoAnswer } from '../errors.js';
import { CLASS, LIMIT_BY, MONETARY, SCOPE } from '../map/promotion-available.js';
import type { Company } from './company.js';
import { bad } from './queries.js';

type Query = Record<string, string | undefined>;

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
  const now = deps.now().getTime();
  const out = [];
  for (const { promotion, limit } of limits) {
    const benefit = promotion.benefits.find((b) => b.nro === limit.benefit);
    const money = limit.type === 'amount';
    const value = (n: number) => two(money ? amountNumber(n) : n);
    const subjects = counters.filter((c) => c.limitId === limit.id);
    for (const counter of subjects.length ? subjects : [{ subject: '-', used: 0, nextReset: null }]) {
      let running = 0;
      let period: string | null = null;
      const detail = [];
      for (const sale of sales) {
        if (sale.promotions.mapVersion !== version) continue;
        for (const applied of sale.promotions.applied)
          for (const use of applied.limits) {
            if (use.limitId !== limit.id || use.subject !== counter.subject) continue;
            if (use.nextReset !== period) running = 0;
            period = use.nextReset;
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
      const over = counter.nextReset !== null && Date.parse(counter.nextReset) <= now;
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
        limitCurrentValue: value(over ? 0 : counter.used),
        storeCode: limit.storeCode ?? '-',
        detail,
      });
    }
  }
  return out;
}
