/**
 * A map file (the grammar's XML form, `<promo-engine>`, as GET /v1/promotion-maps/{version} exports it)
 * imported as a map version: each promotion is matched by its nro (one the merchant has is used as it is)
 * or created from its XML (attributes are the grammar's scalar fields, child elements its objects, repeated
 * ones its arrays); the algorithm's promotion-usage names the promotions by name; dates are the merchant's
 * wall clock (dd/MM/yyyy HH:mm); the stores are the `Stores` parameter's. A document that is not well
 * formed or misses a part is a 422 naming it.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { detail, fail, ok, type Result } from '../../core/error-catalog.js';
import type { JsonObject } from '../../core/promotions/grammar.js';
import { STORES_PARAMETER, storesOfParameter } from '../../core/promotions/grammar-xml.js';
import type { EvaluationStep } from '../../core/promotions/model.js';
import * as repo from '../../db/repos/promotions.repo.js';
import type { Deps } from '../context.js';
import { companyOf } from '../elements/company.js';
import { createMap, type MapView } from './promotion-maps.js';
import { createPromotion } from './promotion-records.js';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: true,
  trimValues: true,
});

type Node = Record<string, unknown>;
const invalid = (field: string, message: string) =>
  fail('PROMOTION_MAP_INVALID', `${field}: ${message}.`, [detail('PROMOTION_MAP_INVALID', field, message)]);
const listOf = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An element as the grammar's JSON: attributes as strings, children as objects, repeated ones as arrays. */
function grammarOf(node: unknown): JsonObject {
  if (!isNode(node)) return {};
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '#text') continue;
    if (key.startsWith('@')) out[key.slice(1)] = String(value);
    else out[key] = Array.isArray(value) ? value.map(grammarOf) : grammarOf(value);
  }
  return out;
}

/** dd/MM/yyyy HH:mm on the wall clock of `zone` → the instant (ISO 8601), or null. */
export function instantOf(wall: string, zone: string | null): string | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})$/.exec(wall.trim());
  if (!m) return null;
  const [, d, mo, y, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(guess) || new Date(guess).getUTCDate() !== d) return null;
  const offset = (at: number) => {
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone ?? 'UTC',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }).formatToParts(new Date(at));
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - at;
  };
  let at = guess - offset(guess);
  at = guess - offset(at);
  return new Date(at).toISOString();
}

/** The map's stores: its `<parameter key="Stores" value="S1,S2" />` (grammar-xml.ts), [] without one. */
function storesOf(root: Node): Result<string[]> {
  let stores: string[] | null = null;
  for (const [i, p] of listOf(root.parameter).entries()) {
    if (!isNode(p) || p['@key'] !== STORES_PARAMETER) continue;
    const at = `promo-engine.parameter[${i}]`;
    if (stores !== null) return invalid(at, `the ${STORES_PARAMETER} parameter is given twice`);
    const value = p['@value'];
    if (typeof value !== 'string') return invalid(`${at}@value`, 'must list store codes, comma-separated');
    const parsed = storesOfParameter(value);
    if (!parsed.ok) return invalid(`${at}@value`, `${parsed.message} (store codes, comma-separated)`);
    stores = parsed.stores;
  }
  return ok(stores ?? []);
}

/** The algorithm's steps: a step of one ALL function over SIMPLE ones, or of SIMPLE functions. */
function stepsOf(root: Node, nroByName: ReadonlyMap<string, string>): Result<EvaluationStep[]> {
  const algorithm = root['evaluation-algorithm'];
  const steps: EvaluationStep[] = [];
  const usages = (fns: unknown[], at: string): Result<string[]> => {
    const nros: string[] = [];
    for (const [j, f] of fns.entries()) {
      const fAt = `${at}.function[${j}]`;
      if (!isNode(f) || f['@name'] !== 'SIMPLE') return invalid(fAt, 'must be a function named SIMPLE');
      for (const [k, u] of listOf(f['promotion-usage']).entries()) {
        const name = isNode(u) ? u['@name'] : undefined;
        const nro = typeof name === 'string' ? nroByName.get(name) : undefined;
        if (nro === undefined)
          return invalid(`${fAt}.promotion-usage[${k}]`, `names no promotion of the map (${String(name)})`);
        nros.push(nro);
      }
    }
    return ok(nros);
  };
  for (const [i, step] of listOf(isNode(algorithm) ? algorithm.step : undefined).entries()) {
    const at = `promo-engine.evaluation-algorithm.step[${i}]`;
    const fns = listOf(isNode(step) ? step.function : undefined);
    const all = fns.length === 1 && isNode(fns[0]) && fns[0]['@name'] === 'ALL';
    const r = all ? usages(listOf((fns[0] as Node).function), `${at}.function[0]`) : usages(fns, at);
    if (!r.ok) return r;
    steps.push({ fn: all ? 'ALL' : 'SIMPLE', promotions: r.value });
  }
  return ok(steps);
}

export async function importMapXml(
  deps: Deps,
  merchantId: string,
  xml: string,
  opts: { name?: string | undefined } = {},
): Promise<Result<MapView>> {
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    return invalid(
      `line ${valid.err.line}, column ${valid.err.col}`,
      `the XML is not well formed (${valid.err.msg})`,
    );
  const doc = parser.parse(xml) as Node;
  const root = doc['promo-engine'];
  if (!isNode(root)) return invalid('promo-engine', 'the document must be a <promo-engine> map file');
  const zone = (await companyOf(deps, merchantId))?.zone ?? null;
  const start = instantOf(String(root['@start-date'] ?? ''), zone);
  if (start === null) return invalid('promo-engine@start-date', 'must be dd/MM/yyyy HH:mm');
  const endText = String(root['@end-date'] ?? '');
  const end = endText === '' ? null : instantOf(endText, zone);
  if (endText !== '' && end === null) return invalid('promo-engine@end-date', 'must be dd/MM/yyyy HH:mm');
  const version = Number(root['@map-version']);
  if (!Number.isInteger(version) || version < 1)
    return invalid('promo-engine@map-version', 'must be a positive integer');
  const vav = root['@validity-after-void'] === undefined ? 365 : Number(root['@validity-after-void']);
  if (!Number.isInteger(vav) || vav < 0 || vav > 3650)
    return invalid('promo-engine@validity-after-void', 'must be a number of days (0 to 3650)');
  const stores = storesOf(root);
  if (!stores.ok) return stores;
  const list = listOf(isNode(root.promotions) ? root.promotions.promotion : undefined);
  if (list.length === 0) return invalid('promo-engine.promotions', 'must hold at least one <promotion>');
  const bodies = list.map(grammarOf);
  const given = bodies.map((b) => b.nro).filter((n): n is string => typeof n === 'string');
  const known = new Set((await repo.findPromotions(deps.db, merchantId, given)).map((r) => r.nro));
  const nros: string[] = [];
  const nroByName = new Map<string, string>();
  for (const [i, body] of bodies.entries()) {
    let nro = typeof body.nro === 'string' && known.has(body.nro) ? body.nro : null;
    if (nro === null) {
      const created = await createPromotion(deps, merchantId, body, { keepNros: true });
      if (!created.ok) {
        const at = `promo-engine.promotions.promotion[${i}]`;
        const details = (created.details ?? []).map((d) => ({ ...d, field: `${at}.${d.field}` }));
        return fail('PROMOTION_INVALID', `${at}: ${created.message ?? created.code}`, details);
      }
      nro = created.value.nro;
    }
    nros.push(nro);
    if (typeof body.name === 'string' && !nroByName.has(body.name)) nroByName.set(body.name, nro);
    nroByName.set(nro, nro);
  }
  const steps = stepsOf(root, nroByName);
  if (!steps.ok) return steps;
  return createMap(deps, merchantId, {
    version,
    name: opts.name ?? `Map file version ${version}`,
    promotions: nros,
    startDate: start,
    ...(end !== null ? { endDate: end } : {}),
    validityAfterVoid: vav,
    ...(stores.value.length > 0 ? { stores: stores.value } : {}),
    algorithm: steps.value,
  });
}
