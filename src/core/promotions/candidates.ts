/**
 * The candidates of a basket: the positions of the promotions filed under its values in the compiled map's
 * key table (its lines' values, which the scan looked up once, and its header's: store, terminal, region,
 * customer type, contract, segments, payment types, coupon types), with the always-candidates, in map order.
 */
import type { BasketScan } from './basket-scan.js';
import { attributeSeed, lookupKey } from './key-table.js';
import type { CompiledMap } from './map-index.js';

const STORE = attributeSeed('store');
const TERMINAL = attributeSeed('terminal');
const REGION = attributeSeed('region');
const CUSTOMER_TYPE = attributeSeed('customerType');
const CONTRACT = attributeSeed('contract');
const SEGMENT = attributeSeed('segment');
const PAYMENT = attributeSeed('payment');
const COUPON = attributeSeed('coupon');
const ANY = attributeSeed('*');

/**
 * Positions of the promotions a basket may trigger, in map order: those filed under the lines' values (the
 * scan looked each up once), under the header's values, and the always-candidates.
 */
export function candidates(map: CompiledMap, scan: BasketScan): number[] {
  const t = map.table;
  const b = scan.basket;
  const found: number[] = [];
  if (b.lines.length > 0) add(found, lookupKey(t, ANY, '*', 'line'));
  if (b.payments.length > 0) add(found, lookupKey(t, ANY, '*', 'payment'));
  const entries = scan.entries;
  for (let k = 0; k < entries.length; k++) add(found, t.lists[entries[k]!]);
  add(found, lookupKey(t, STORE, 'store', b.storeCode));
  if (b.terminalCode !== null) add(found, lookupKey(t, TERMINAL, 'terminal', b.terminalCode));
  if (b.region !== null) add(found, lookupKey(t, REGION, 'region', b.region));
  if (b.customerType !== null) add(found, lookupKey(t, CUSTOMER_TYPE, 'customerType', b.customerType));
  if (b.contract !== null) add(found, lookupKey(t, CONTRACT, 'contract', b.contract));
  for (const s of b.segments) add(found, lookupKey(t, SEGMENT, 'segment', s));
  for (const p of b.payments) add(found, lookupKey(t, PAYMENT, 'payment', p.type));
  for (const c of b.coupons) add(found, lookupKey(t, COUPON, 'coupon', c.couponType));
  add(found, map.always);
  // A few dozen positions: sorted as numbers by the typed array's own sort (no comparator), then deduplicated.
  const sorted = new Int32Array(found).sort();
  const out: number[] = [];
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) out.push(sorted[i]!);
  return out;
}

function add(out: number[], list: readonly number[] | undefined): void {
  if (list) for (let k = 0; k < list.length; k++) out.push(list[k]!);
}
