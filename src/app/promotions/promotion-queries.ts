/**
 * Promotions as integrating systems ask for them: by nro, by code (codes are not unique: every match), by
 * name, by a benefit's nro, the promotions distributed to stores or regions (those of the active map), and a
 * map version as its grammar document. Each answers the grammar object a promotion was posted as (its
 * source) with the typed promotion, which is what the grammar's XML writer needs.
 */
import { mapXml, wallClock, type MapDocument } from '../../core/promotions/grammar-xml.js';
import type { EvaluationStep, Promotion } from '../../core/promotions/model.js';
import { promotionsMentioning, promotionsWhere } from '../../db/repos/promotion-queries.repo.js';
import * as repo from '../../db/repos/promotions.repo.js';
import type { Deps } from '../context.js';
import { companyOf } from '../elements/company.js';

export interface SourcedPromotion {
  source: unknown;
  promotion: Promotion;
  status: 'active' | 'inactive';
}

const sourced = (row: repo.PromotionRow): SourcedPromotion => ({
  source: JSON.parse(row.source) as unknown,
  promotion: JSON.parse(row.definition) as Promotion,
  status: row.status === 'active' ? 'active' : 'inactive',
});

export async function promotionByNro(deps: Deps, merchantId: string, nro: string) {
  const row = await repo.findPromotion(deps.db, merchantId, nro);
  return row ? [sourced(row)] : [];
}

export async function promotionsByCode(deps: Deps, merchantId: string, code: string) {
  return (await promotionsWhere(deps.db, merchantId, { codes: [code] })).map(sourced);
}

export async function promotionsByName(deps: Deps, merchantId: string, name: string) {
  return (await promotionsWhere(deps.db, merchantId, { name })).map(sourced);
}

/** The promotion that owns a benefit. */
export async function promotionByBenefit(deps: Deps, merchantId: string, benefitNro: string) {
  const rows = await promotionsMentioning(deps.db, merchantId, benefitNro);
  return rows.map(sourced).filter((p) => p.promotion.benefits.some((b) => b.nro === benefitNro));
}

/**
 * The promotions distributed by the active map, narrowed to codes, stores and regions (each filter a list;
 * empty: no filter). A promotion reaches a store when neither the map nor the promotion names stores, or both
 * include it; it reaches a region when it names no region or names that one.
 */
export async function distributedPromotions(
  deps: Deps,
  merchantId: string,
  filter: { codes: string[]; stores: string[]; regions: string[] },
): Promise<SourcedPromotion[]> {
  const active = await repo.activeMapOf(deps.db, merchantId);
  if (!active) return [];
  const row = await repo.findMapById(deps.db, active.map_id);
  if (!row) return [];
  const mapStores = JSON.parse(row.stores) as string[];
  const reaches = (own: string[], wanted: string[]) =>
    wanted.length === 0 || own.length === 0 || wanted.some((w) => own.includes(w));
  return (await mapPromotions(deps, row)).filter(
    ({ promotion: p }) =>
      (filter.codes.length === 0 || filter.codes.includes(p.code)) &&
      reaches(mapStores, filter.stores) &&
      reaches(p.stores, filter.stores) &&
      reaches(p.regions, filter.regions),
  );
}

/** The promotions frozen in a map version, with the sources frozen with them (or, before 0021, today's). */
async function mapPromotions(deps: Deps, row: repo.PromotionMapRow): Promise<SourcedPromotion[]> {
  const promotions = JSON.parse(row.snapshot) as Promotion[];
  const frozen = row.sources === null ? null : (JSON.parse(row.sources) as unknown[]);
  const current =
    frozen === null
      ? new Map(
          (
            await repo.findPromotions(
              deps.db,
              row.merchant_id,
              promotions.map((p) => p.nro),
            )
          ).map((r) => [r.nro, JSON.parse(r.source) as unknown]),
        )
      : null;
  return promotions.map((promotion, i) => ({
    promotion,
    source: frozen ? frozen[i] : current?.get(promotion.nro),
    status: 'active',
  }));
}

/** A map version as the grammar's map document (dates as instants: the writer's caller formats them). */
export async function mapDocument(
  deps: Deps,
  merchantId: string,
  version: number,
): Promise<
  (Omit<MapDocument, 'startDate' | 'endDate'> & { startDate: string; endDate: string | null }) | null
> {
  const row = await repo.findMap(deps.db, merchantId, version);
  if (!row) return null;
  return {
    version: row.version,
    startDate: row.start_date,
    endDate: row.end_date,
    validityAfterVoid: row.validity_after_void,
    stores: JSON.parse(row.stores) as string[],
    promotions: await mapPromotions(deps, row),
    algorithm: JSON.parse(row.algorithm) as EvaluationStep[],
  };
}

/** A map version as its file (the grammar's XML, ISO-8859-1), dates in the merchant's time zone. */
export async function mapFile(deps: Deps, merchantId: string, version: number): Promise<Buffer | null> {
  const doc = await mapDocument(deps, merchantId, version);
  if (!doc) return null;
  const zone = (await companyOf(deps, merchantId))?.zone ?? null;
  const xml = mapXml({
    ...doc,
    startDate: wallClock(doc.startDate, zone),
    endDate: doc.endDate === null ? '' : wallClock(doc.endDate, zone),
  });
  return Buffer.from(`${xml}\n`, 'latin1');
}
