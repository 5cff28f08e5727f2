/**
 * The promotion grammar's XML form, written once for every caller (the native map export and the dialect
 * that serves promotions as XML). The grammar's JSON form maps onto XML one to one: a scalar field is an
 * attribute, an object is a child element, an array is one child element per item, a list of scalars is one
 * comma-separated attribute. A promotion is written from the grammar object it was posted as (its source),
 * with the ids the engine gave it (promotion and benefit nros) filled in. Pure.
 */
import { isObject, type JsonObject } from './grammar.js';
import type { EvaluationStep, Promotion } from './model.js';

export const MODULAR_PROMOTION_CLASS = 'com.synthesis.promo.engine.promotion.ModularPromotion';

/** Fields the native API adds to the grammar; the grammar's own XML form leaves them out unless asked. */
const NATIVE_FIELDS = [
  'operation',
  'priority',
  'exclusive',
  'validity',
  'stores',
  'regions',
  'segments',
  'customerTypes',
  'campaign',
  'deploymentChannels',
];
const HEAD = [
  'nro',
  'name',
  'code',
  'className',
  'reportParticipants',
  'suggest',
  'descriptor',
  'promotionType',
  'promotionSubType',
  'promotionApplicationForm',
];
const BODY = ['sets', 'condition', 'combo', 'benefits'];

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[^\u0009\u000A\u000D\u0020-\u00FF]/gu, (c) => `&#${c.codePointAt(0)};`);
}

const isScalar = (v: unknown): v is string | number | boolean =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** One element: scalar fields as attributes (in field order), objects and arrays of objects as children. */
export function element(name: string, obj: JsonObject, indent: string): string {
  const attrs: string[] = [];
  const children: string[] = [];
  for (const [key, value] of Object.entries(obj)) {
    if (value === undefined || value === null) continue;
    if (isScalar(value)) attrs.push(`${key}="${escapeXml(String(value))}"`);
    else if (Array.isArray(value)) {
      if (value.length === 0) continue;
      if (value.every(isScalar)) attrs.push(`${key}="${escapeXml(value.map(String).join(','))}"`);
      else for (const item of value) if (isObject(item)) children.push(element(key, item, `${indent}\t`));
    } else if (isObject(value)) children.push(element(key, value, `${indent}\t`));
  }
  const open = `${indent}<${name}${attrs.map((a) => ` ${a}`).join('')}`;
  if (children.length === 0) return `${open} />`;
  return `${open}>\n${children.join('\n')}\n${indent}</${name}>`;
}

/**
 * A promotion's grammar object ready to write: its fields in the grammar's order, the engine's nros filled
 * in (the promotion's, each benefit's in order), defaults for className, reportParticipants and suggest.
 */
export function promotionGrammar(source: unknown, p: Promotion, opts: { native?: boolean } = {}): JsonObject {
  const s: JsonObject = isObject(source) ? source : {};
  const out: JsonObject = {
    nro: p.nro,
    name: p.name,
    code: p.code,
    className: s.className ?? MODULAR_PROMOTION_CLASS,
    reportParticipants: s.reportParticipants ?? p.reportParticipants,
    suggest: s.suggest ?? p.suggest,
    descriptor: s.descriptor,
    promotionType: s.promotionType,
    promotionSubType: s.promotionSubType,
    promotionApplicationForm: s.promotionApplicationForm,
  };
  for (const key of BODY) {
    if (key === 'benefits') out.benefits = withBenefitNros(s.benefits, p);
    else if (s[key] !== undefined) out[key] = s[key];
  }
  if (out.sets === undefined) out.sets = {};
  for (const [key, value] of Object.entries(s))
    if (!HEAD.includes(key) && !BODY.includes(key) && (opts.native || !NATIVE_FIELDS.includes(key)))
      if (key !== 'operation') out[key] = value;
  return out;
}

function withBenefitNros(benefits: unknown, p: Promotion): JsonObject {
  if (!isObject(benefits)) return {};
  const raw = benefits.benefit;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  if (list.length === 0) return {};
  const filled = list.map((b, i) => {
    if (!isObject(b)) return b;
    const { instance, nro, ...rest } = b;
    return { instance, nro: p.benefits[i]?.nro ?? nro, ...rest };
  });
  return { ...benefits, benefit: filled };
}

export function promotionXml(source: unknown, p: Promotion, indent = '', opts: { native?: boolean } = {}) {
  return element('promotion', promotionGrammar(source, p, opts), indent);
}

/** The map's engine parameters, as the downloaded map file carries them. */
export const MAP_PARAMETERS: [string, string][] = [
  ['Logging', 'true'],
  ['LogConfigurationFile', 'logrsca.xml'],
  ['LogConfigurationCategory', 'com.synthesis.promo'],
  ['Descriptors', 'descriptor.properties'],
  ['DAOConfigurationFeatures', 'com.synthesis.promo.engine.dao.ConfigurationFeatures'],
  ['EvaluationAlgorithmClass', 'com.synthesis.promo.engine.evaluation.InStepsAlgorithm'],
];

/**
 * The stores a map version applies at. PROMO's map file has no field for them (the console distributes a map
 * to stores and regions outside the file), so Tessera writes them as one more engine parameter,
 * `<parameter key="Stores" value="S1,S2" />` after the six above: a PROMO engine reads its configuration
 * from these key/value pairs and has no use for a key it does not know, and the document keeps PROMO's
 * shape. Written only when the map names stores (a map of every store writes nothing). Store codes are
 * comma-separated, so a store code never holds a comma.
 */
export const STORES_PARAMETER = 'Stores';

/** The Stores parameter's value as store codes (each trimmed; an empty value: every store), or what is wrong. */
export function storesOfParameter(
  value: string,
): { ok: true; stores: string[] } | { ok: false; message: string } {
  if (value.trim() === '') return { ok: true, stores: [] };
  const stores = value.split(',').map((s) => s.trim());
  const seen = new Set<string>();
  for (const [i, code] of stores.entries()) {
    if (code === '') return { ok: false, message: `store ${i + 1} of the list is empty` };
    if (code.length > 64) return { ok: false, message: `store ${i + 1} is longer than 64 characters` };
    if (seen.has(code)) return { ok: false, message: `names store ${code} twice` };
    seen.add(code);
  }
  return { ok: true, stores };
}

export interface MapDocument {
  version: number;
  /** dd/MM/yyyy HH:mm, local to the merchant. */
  startDate: string;
  endDate: string;
  validityAfterVoid: number;
  /** The stores the map applies at ([]: every store). */
  stores: readonly string[];
  promotions: { source: unknown; promotion: Promotion }[];
  algorithm: EvaluationStep[];
}

/** The map file: <?xml?> declaration, then <promo-engine> with parameters, promotions and the algorithm. */
export function mapXml(m: MapDocument, indent = ''): string {
  const i1 = `${indent}\t`;
  const i2 = `${i1}\t`;
  const byNro = new Map(m.promotions.map((p) => [p.promotion.nro, p.promotion]));
  const steps =
    m.algorithm.length > 0
      ? m.algorithm
      : [{ fn: 'ALL' as const, promotions: m.promotions.map((p) => p.promotion.nro) }];
  const usage = (nro: string, at: string) =>
    `${at}<function name="SIMPLE">\n${at}\t<promotion-usage name="${escapeXml(byNro.get(nro)?.name ?? nro)}" />\n${at}</function>`;
  const algorithm = steps.map((s) =>
    s.fn === 'SIMPLE'
      ? `${i2}<step>\n${s.promotions.map((n) => usage(n, `${i2}\t`)).join('\n')}\n${i2}</step>`
      : `${i2}<step>\n${i2}\t<function name="${s.fn}">\n${s.promotions.map((n) => usage(n, `${i2}\t\t`)).join('\n')}\n${i2}\t</function>\n${i2}</step>`,
  );
  return [
    `${indent}<?xml version="1.0" encoding="iso-8859-1"?>`,
    `${indent}<promo-engine start-date="${m.startDate}" end-date="${m.endDate}" validity-after-void="${m.validityAfterVoid}" map-version="${m.version}" suggest="conditional">`,
    ...MAP_PARAMETERS.map(([k, v]) => `${i1}<parameter key="${k}" value="${escapeXml(v)}" />`),
    ...(m.stores.length > 0
      ? [`${i1}<parameter key="${STORES_PARAMETER}" value="${escapeXml(m.stores.join(','))}" />`]
      : []),
    `${i1}<promotions>`,
    ...m.promotions.map((p) => promotionXml(p.source, p.promotion, i2)),
    `${i1}</promotions>`,
    `${i1}<evaluation-algorithm>`,
    ...algorithm,
    `${i1}</evaluation-algorithm>`,
    `${indent}</promo-engine>`,
  ].join('\n');
}

/** dd/MM/yyyy HH:mm of an instant in a time zone (the map file's dates). */
export function wallClock(instant: string, zone: string | null): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone ?? 'UTC',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(Date.parse(instant)));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}
