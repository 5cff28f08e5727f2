/** Promotions available in a map version (spec §3.7): an array, one entry per promotion of the version. */
import type { Deps } from '../../../app/context.js';
import { listLimits } from '../../../app/promotions/limits.js';
import { mapDocument } from '../../../app/promotions/promotion-queries.js';
import { merchantDigits } from '../../../app/promotions/promotion-records.js';
import { availableView } from '../map/promotion-available.js';
import type { Company } from './company.js';
import { bad } from './queries.js';

type Query = Record<string, string | undefined>;

export async function promotionAvailable(deps: Deps, company: Company, q: Query): Promise<unknown> {
  if (!q.mapVersion) throw bad('mapVersion', 'Debe enviar el campo mapVersion');
  if (!/^\d{1,9}$/.test(q.mapVersion)) throw bad('mapVersion', 'El campo mapVersion debe ser numérico');
  const doc = await mapDocument(deps, company.merchantId, Number(q.mapVersion));
  if (!doc) return [];
  const digits = await merchantDigits(deps, company.merchantId);
  const out = [];
  for (const { promotion, source } of doc.promotions) {
    if (q.promotionCode && promotion.code !== q.promotionCode) continue;
    const limits = await listLimits(deps, company.merchantId, promotion.nro);
    out.push(availableView(doc.version, promotion, source, limits.ok ? limits.value.data : [], digits));
  }
  return out;
}
