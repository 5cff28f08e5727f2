/**
 * One promotion object of the grammar's JSON form (containers as object or array, decimal text), with the
 * typed additions of the native API (validity, stores, regions, segments, priority, exclusive, and the
 * campaign and deployment channels the console's reports show: spec §8.8) → a typed
 * Promotion, or every issue found, each naming the path of the bad element.
 */
import { detail, fail, ok, type Result } from '../error-catalog.js';
import {
  at,
  bool,
  integer,
  isNro,
  isObject,
  list,
  onlyKeys,
  Reader,
  text,
  type Json,
  type JsonObject,
} from './grammar.js';
import type { Promotion, TimeRange, Validity } from './model.js';
import { parseBenefits } from './parse-benefit.js';
import { parseCombo, parseCondition, parseSets, simpleConditions } from './parse-conditions.js';

const FIELDS = [
  'operation',
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
  'priority',
  'exclusive',
  'validity',
  'stores',
  'regions',
  'segments',
  'customerTypes',
  'campaign',
  'deploymentChannels',
  'sets',
  'condition',
  'combo',
  'benefits',
] as const;

const MAX_SIMPLE_CONDITIONS = 3000;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export interface ParseOptions {
  /** Decimal digits of the merchant currency's minor unit (2 for EUR). */
  currencyDigits: number;
  /** Ids are parameters: a fresh 24-hex id for the promotion (on create) and for each new benefit. */
  newNro: () => string;
  /** On update: the promotion's nro and its benefits' nros (a benefit sent with one of them keeps it). */
  existing?: { nro: string; benefits: readonly string[] };
}

function validity(r: Reader, value: Json, path: string): Validity {
  const empty: Validity = { from: null, to: null, daysOfWeek: [], timeRanges: [] };
  if (value === undefined || value === null) return empty;
  if (!isObject(value)) {
    r.bad(path, 'must be an object { from, to, daysOfWeek, timeRanges }');
    return empty;
  }
  onlyKeys(r, value, path, ['from', 'to', 'daysOfWeek', 'timeRanges']);
  const instant = (key: 'from' | 'to') => {
    const s = text(r, value[key], at(path, key), false);
    if (s !== null && (!INSTANT.test(s) || Number.isNaN(Date.parse(s)))) {
      r.bad(at(path, key), 'must be an RFC 3339 date-time with its offset, e.g. 2026-12-01T00:00:00Z');
      return null;
    }
    return s === null ? null : new Date(s).toISOString();
  };
  const from = instant('from');
  const to = instant('to');
  if (from && to && from > to) r.bad(at(path, 'to'), 'is before from');
  const days = list(r, value.daysOfWeek, at(path, 'daysOfWeek')).map(Number);
  if (days.some((d) => !Number.isInteger(d) || d < 1 || d > 7))
    r.bad(at(path, 'daysOfWeek'), 'must list days 1 (Monday) to 7 (Sunday)');
  const timeRanges: TimeRange[] = [];
  if (value.timeRanges !== undefined) {
    if (!Array.isArray(value.timeRanges)) r.bad(at(path, 'timeRanges'), 'must be a list of { from, to }');
    else
      value.timeRanges.forEach((t: Json, i: number) => {
        const p = at(at(path, 'timeRanges'), i);
        const o = isObject(t) ? t : {};
        const f = text(r, o.from, at(p, 'from'), true) ?? '00:00';
        const e = text(r, o.to, at(p, 'to'), true) ?? '00:00';
        if (!TIME.test(f)) r.bad(at(p, 'from'), 'must be HH:MM');
        if (!TIME.test(e)) r.bad(at(p, 'to'), 'must be HH:MM');
        timeRanges.push({ from: f, to: e });
      });
  }
  return { from, to, daysOfWeek: [...new Set(days)].sort(), timeRanges };
}

export function parsePromotion(input: unknown, options: ParseOptions): Result<Promotion> {
  const r = new Reader();
  if (!isObject(input)) return fail('PROMOTION_INVALID', 'The promotion must be a JSON object.');
  const p = input as JsonObject;
  onlyKeys(r, p, '', FIELDS);
  const given = text(r, p.nro, 'nro', false);
  if (given !== null && !isNro(given)) r.bad('nro', 'must be 24 lowercase hex digits');
  const nro = options.existing?.nro ?? given ?? options.newNro();
  const suggest = text(r, p.suggest, 'suggest', false) ?? 'not';
  if (suggest !== 'not' && suggest !== 'always') r.bad('suggest', 'must be not or always');
  const sets = parseSets(r, p.sets, 'sets');
  const setNames = new Set(sets.map((s) => s.name));
  const condition = p.condition === undefined ? null : parseCondition(r, p.condition, 'condition', setNames);
  if (simpleConditions(condition) > MAX_SIMPLE_CONDITIONS)
    r.bad('condition', `has more than ${MAX_SIMPLE_CONDITIONS} simple conditions`);
  const combo = parseCombo(r, p.combo, 'combo', setNames);
  const benefits = parseBenefits(
    {
      r,
      sets: setNames,
      digits: options.currencyDigits,
      newNro: options.newNro,
      knownBenefits: new Set(options.existing?.benefits ?? []),
    },
    p.benefits,
    'benefits',
  );
  // A draft ("nothing configured": `benefits` sent empty, as the grammar's `<benefits />`) is kept and never
  // applies; a promotion that leaves `benefits` out is a mistake.
  const draft = isObject(p.benefits) && Object.keys(p.benefits).length === 0;
  if (benefits.length === 0 && !draft && r.issues.every((i) => !i.path.startsWith('benefits')))
    r.bad('benefits', 'a promotion needs at least one benefit');
  const promotion: Promotion = {
    nro,
    // The console's promotions may have an empty code (""); leaving the field out is a mistake.
    code: p.code === '' ? '' : (text(r, p.code, 'code', true) ?? ''),
    name: text(r, p.name, 'name', true) ?? '',
    type: text(r, p.promotionType, 'promotionType', false),
    subtype: text(r, p.promotionSubType, 'promotionSubType', false),
    applicationForm: text(r, p.promotionApplicationForm, 'promotionApplicationForm', false),
    reportParticipants: bool(r, p.reportParticipants, 'reportParticipants', false),
    suggest: suggest === 'always' ? 'always' : 'not',
    descriptor: text(r, p.descriptor, 'descriptor', false),
    priority: integer(r, p.priority ?? 0, 'priority', { min: -1_000_000, max: 1_000_000 }) ?? 0,
    exclusive: bool(r, p.exclusive, 'exclusive', false),
    validity: validity(r, p.validity, 'validity'),
    stores: list(r, p.stores, 'stores'),
    regions: list(r, p.regions, 'regions'),
    segments: list(r, p.segments, 'segments'),
    customerTypes: list(r, p.customerTypes, 'customerTypes'),
    sets,
    condition,
    combo,
    benefits,
  };
  // Kept only when given, so that the definitions stored before these fields read the same.
  const campaign = text(r, p.campaign, 'campaign', false);
  const channels = list(r, p.deploymentChannels, 'deploymentChannels');
  if (campaign !== null) promotion.campaign = campaign;
  if (channels.length > 0) promotion.deploymentChannels = channels;
  if (promotion.name.length > 200) r.bad('name', 'is longer than 200 characters');
  if (promotion.code.length > 100) r.bad('code', 'is longer than 100 characters');
  if ((campaign?.length ?? 0) > 200) r.bad('campaign', 'is longer than 200 characters');
  if (r.issues.length > 0) {
    const first = r.issues[0]!;
    return fail(
      'PROMOTION_INVALID',
      `The promotion is invalid at ${first.path || '(root)'}: ${first.message}.`,
      r.issues.slice(0, 50).map((i) => detail('PROMOTION_INVALID', i.path || '(root)', i.message)),
    );
  }
  return ok(promotion);
}
