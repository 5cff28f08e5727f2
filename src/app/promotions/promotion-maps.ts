/**
 * Map versions: an immutable snapshot of promotions (and the evaluation algorithm's steps) numbered per
 * merchant; one version is the merchant's active map, switched in one statement. The active map is read with
 * the live limits and the day's date exclusions; parsed snapshots are cached by version id (immutable).
 */
import type { Kysely } from 'kysely';
import { detail, fail, ok, type ErrorDetail, type Result } from '../../core/error-catalog.js';
import type { EvaluationStep, MapVersion, Promotion } from '../../core/promotions/model.js';
import * as limits from '../../db/repos/limits.repo.js';
import * as repo from '../../db/repos/promotions.repo.js';
import type { DB } from '../../db/schema/index.js';
import { inTransaction } from '../../db/transaction.js';
import type { Deps } from '../context.js';
import { newId } from '../ids.js';
import { limitOfRow } from './limit-view.js';

export interface MapInput {
  /** An explicit version number (a map file carries its own); absent: the next one. */
  version?: number | undefined;
  name: string;
  promotions: string[];
  startDate: string;
  endDate?: string | undefined;
  stores?: string[] | undefined;
  validityAfterVoid?: number | undefined;
  algorithm?: { fn: 'ALL' | 'SIMPLE'; promotions: string[] }[] | undefined;
}

export interface MapView {
  version: number;
  name: string;
  startDate: string;
  endDate: string | null;
  stores: string[];
  validityAfterVoid: number;
  algorithm: EvaluationStep[];
  promotions: { nro: string; code: string; name: string }[];
  active: boolean;
  createdAt: string;
}

function mapView(row: repo.PromotionMapRow, activeId: string | null): MapView {
  const promotions = JSON.parse(row.snapshot) as Promotion[];
  return {
    version: row.version,
    name: row.name,
    startDate: row.start_date,
    endDate: row.end_date,
    stores: JSON.parse(row.stores) as string[],
    validityAfterVoid: row.validity_after_void,
    algorithm: JSON.parse(row.algorithm) as EvaluationStep[],
    promotions: promotions.map((p) => ({ nro: p.nro, code: p.code, name: p.name })),
    active: row.id === activeId,
    createdAt: row.created_at,
  };
}

export async function createMap(deps: Deps, merchantId: string, input: MapInput): Promise<Result<MapView>> {
  const issues: ErrorDetail[] = [];
  const start = Date.parse(input.startDate);
  const end = input.endDate === undefined ? null : Date.parse(input.endDate);
  if (Number.isNaN(start))
    issues.push(detail('PROMOTION_MAP_INVALID', 'startDate', 'must be an RFC 3339 date-time'));
  if (end !== null && (Number.isNaN(end) || end < start))
    issues.push(detail('PROMOTION_MAP_INVALID', 'endDate', 'must be an RFC 3339 date-time after startDate'));
  // Store codes travel comma-separated in the map file (its Stores parameter): none may hold a comma or
  // surrounding spaces, nor come twice, or the exported file would not import as the same map.
  const seenStores = new Set<string>();
  (input.stores ?? []).forEach((code, i) => {
    if (code.includes(',') || code.trim() !== code || code === '')
      issues.push(
        detail(
          'PROMOTION_MAP_INVALID',
          `stores[${i}]`,
          'must be a store code without commas or surrounding spaces',
        ),
      );
    else if (seenStores.has(code))
      issues.push(detail('PROMOTION_MAP_INVALID', `stores[${i}]`, `names store ${code} twice`));
    seenStores.add(code);
  });
  const nros = [...new Set(input.promotions)];
  const rows = await repo.findPromotions(deps.db, merchantId, nros);
  const found = new Map(rows.map((r) => [r.nro, r]));
  input.promotions.forEach((nro, i) => {
    const row = found.get(nro);
    if (!row)
      issues.push(detail('PROMOTION_MAP_INVALID', `promotions[${i}]`, `no promotion has the nro ${nro}`));
    else if (row.status !== 'active')
      issues.push(detail('PROMOTION_MAP_INVALID', `promotions[${i}]`, `promotion ${nro} is deactivated`));
  });
  (input.algorithm ?? []).forEach((step, i) =>
    step.promotions.forEach((nro, j) => {
      if (!found.has(nro))
        issues.push(
          detail('PROMOTION_MAP_INVALID', `algorithm[${i}].promotions[${j}]`, `${nro} is not in the map`),
        );
    }),
  );
  if (issues.length > 0)
    return fail('PROMOTION_MAP_INVALID', `${issues[0]!.field}: ${issues[0]!.message}.`, issues);
  const snapshot = nros.map((nro) => JSON.parse(found.get(nro)!.definition) as Promotion);
  for (let attempt = 0; attempt < 5; attempt++) {
    const version = input.version ?? (await repo.lastMapVersion(deps.db, merchantId)) + 1;
    const row = {
      id: newId('pmv'),
      merchant_id: merchantId,
      version,
      name: input.name,
      start_date: new Date(start).toISOString(),
      end_date: end === null ? null : new Date(end).toISOString(),
      stores: JSON.stringify(input.stores ?? []),
      validity_after_void: input.validityAfterVoid ?? 365,
      algorithm: JSON.stringify(input.algorithm ?? []),
      snapshot: JSON.stringify(snapshot),
      sources: JSON.stringify(nros.map((nro) => JSON.parse(found.get(nro)!.source) as unknown)),
      created_at: deps.now().toISOString(),
    };
    if (await repo.insertMap(deps.db, row)) return ok(mapView(row, null));
    if (input.version !== undefined)
      return fail('PROMOTION_MAP_INVALID', `Map version ${input.version} exists.`, [
        detail('PROMOTION_MAP_INVALID', 'version', 'is taken'),
      ]);
  }
  return fail('SERVICE_UNAVAILABLE', 'Map versions are being created concurrently; retry.');
}

export async function activateMap(deps: Deps, merchantId: string, version: number): Promise<Result<MapView>> {
  const row = await repo.findMap(deps.db, merchantId, version);
  if (!row) return fail('PROMOTION_MAP_NOT_FOUND', `No map version ${version}.`);
  await inTransaction(deps.db, (tx) =>
    repo.activateMap(tx, merchantId, row.id, version, deps.now().toISOString()),
  );
  return ok(mapView(row, row.id));
}

export async function getMap(deps: Deps, merchantId: string, version: number): Promise<Result<MapView>> {
  const row = await repo.findMap(deps.db, merchantId, version);
  if (!row) return fail('PROMOTION_MAP_NOT_FOUND', `No map version ${version}.`);
  const active = await repo.activeMapOf(deps.db, merchantId);
  return ok(mapView(row, active?.map_id ?? null));
}

export async function listMaps(
  deps: Deps,
  merchantId: string,
  q: { limit?: number | undefined; before?: number | undefined },
): Promise<Result<{ data: MapView[]; active: number | null }>> {
  const limit = q.limit ?? 50;
  const [rows, active] = await Promise.all([
    repo.listMaps(deps.db, merchantId, { before: q.before, limit }),
    repo.activeMapOf(deps.db, merchantId),
  ]);
  const full = await Promise.all(rows.slice(0, limit).map((r) => repo.findMapById(deps.db, r.id)));
  return ok({
    data: full.filter((r) => r !== undefined).map((r) => mapView(r, active?.map_id ?? null)),
    active: active?.version ?? null,
  });
}

/**
 * A map version never changes once written, so its parsed parts are kept per process: the same arrays on
 * every request also let the engine's compiled map (compileMap, memoised on them) be built once per version.
 */
const snapshots = new Map<
  string,
  {
    promotions: Promotion[];
    row: repo.PromotionMapRow;
    stores: string[];
    algorithm: EvaluationStep[];
  }
>();

async function snapshotOf(db: Kysely<DB>, mapId: string) {
  let entry = snapshots.get(mapId);
  if (!entry) {
    const row = await repo.findMapById(db, mapId);
    if (!row) return null;
    entry = {
      promotions: JSON.parse(row.snapshot) as Promotion[],
      row,
      stores: JSON.parse(row.stores) as string[],
      algorithm: JSON.parse(row.algorithm) as EvaluationStep[],
    };
    if (snapshots.size >= 64) snapshots.delete(snapshots.keys().next().value!);
    snapshots.set(mapId, entry);
  }
  return entry;
}

export interface ActiveMap {
  map: MapVersion;
  validityAfterVoid: number;
}

/**
 * The stores of the merchant's active map ([] when it applies at every store), or null without an active map:
 * what a sale asks first (map versions are immutable, so this is one keyed read and a kept snapshot).
 */
export async function activeMapStores(db: Kysely<DB>, merchantId: string): Promise<string[] | null> {
  const active = await repo.activeMapOf(db, merchantId);
  if (!active) return null;
  return (await snapshotOf(db, active.map_id))?.stores ?? null;
}

/** Whether a map applies at a store (a map without stores applies at every store). */
export const coversStore = (active: ActiveMap, storeCode: string) =>
  active.map.stores.length === 0 || active.map.stores.includes(storeCode);

/**
 * The merchant's active map, with its live limits and the date exclusions of one local date. With a store
 * the map does not cover, the limits and exclusions are not read (nothing of the map applies there).
 */
export async function loadActiveMap(
  db: Kysely<DB>,
  merchantId: string,
  localDate: string,
  storeCode?: string,
): Promise<ActiveMap | null> {
  const active = await repo.activeMapOf(db, merchantId);
  if (!active) return null;
  const entry = await snapshotOf(db, active.map_id);
  if (!entry) return null;
  const nros = entry.promotions.map((p) => p.nro);
  const elsewhere = storeCode !== undefined && entry.stores.length > 0 && !entry.stores.includes(storeCode);
  const [limitRows, exclusions] = elsewhere
    ? [[], []]
    : await Promise.all([limits.limitsOf(db, merchantId), repo.exclusionsOn(db, merchantId, localDate)]);
  const inMap = new Set(nros);
  return {
    map: {
      version: entry.row.version,
      startDate: entry.row.start_date,
      endDate: entry.row.end_date,
      stores: entry.stores,
      promotions: entry.promotions,
      algorithm: entry.algorithm,
      limits: limitRows.filter((l) => inMap.has(l.promotion_nro)).map(limitOfRow),
      exclusions: new Set(exclusions.map((e) => `${e.promotion_nro}|${e.store_code}|${e.date}`)),
    },
    validityAfterVoid: entry.row.validity_after_void,
  };
}
