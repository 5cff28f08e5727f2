/** Sets, conditions and combos of the promotion grammar → the typed model. */
import {
  at,
  container,
  integer,
  isObject,
  list,
  paramPath,
  parameters,
  text,
  type Json,
  type Reader,
} from './grammar.js';
import {
  HEADER_ATTRIBUTES,
  ITEM_ATTRIBUTES,
  type ComboComponent,
  type Condition,
  type HeaderAttribute,
  type ItemAttribute,
  type PromotionSet,
} from './model.js';

export function parseSets(r: Reader, value: Json, path: string): PromotionSet[] {
  if (value === undefined || value === null) return [];
  if (!isObject(value)) {
    r.bad(path, 'must be an object { "set": … }');
    return [];
  }
  const sets: PromotionSet[] = [];
  const names = new Set<string>();
  for (const { value: s, path: p } of container(r, value.set, at(path, 'set'))) {
    const name = text(r, s.name, at(p, 'name'), true) ?? '';
    if (names.has(name)) r.bad(at(p, 'name'), `set "${name}" is defined twice`);
    names.add(name);
    const type = text(r, s.type, at(p, 'type'), false) ?? 'item';
    const attribute = text(r, s.attribute, at(p, 'attribute'), false);
    const comparator = text(r, s.comparator, at(p, 'comparator'), false);
    if (comparator !== null && comparator !== 'Into' && comparator !== 'Equals')
      r.bad(at(p, 'comparator'), 'must be Into (value in a list) or Equals');
    const values = list(r, s.value, at(p, 'value'));
    if (attribute !== null && values.length === 0) r.bad(at(p, 'value'), 'is required with an attribute');
    if (type === 'item') {
      if (attribute !== null && !(ITEM_ATTRIBUTES as readonly string[]).includes(attribute)) {
        r.bad(at(p, 'attribute'), `must be one of ${ITEM_ATTRIBUTES.join(', ')}`);
        continue;
      }
      sets.push({ kind: 'item', name, attribute: attribute as ItemAttribute | null, values });
    } else if (type === 'payment') {
      if (attribute !== null && attribute !== 'type')
        r.bad(at(p, 'attribute'), 'a payment set selects on type');
      sets.push({ kind: 'payment', name, values });
    } else r.bad(at(p, 'type'), 'must be item or payment');
  }
  return sets;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function basic(r: Reader, name: string, c: Record<string, Json>, p: string, sets: ReadonlySet<string>) {
  const params = parameters(r, c.parameter, at(p, 'parameter'));
  const pp = (key: string) => paramPath(at(p, 'parameter'), key);
  const get = (key: string, required = true) => text(r, params.get(key), pp(key), required);
  switch (name) {
    case 'Exists': {
      const set = get('use-set') ?? '';
      if (set !== '' && !sets.has(set)) r.bad(pp('use-set'), `names no set of the promotion ("${set}")`);
      return { kind: 'exists', set } as const;
    }
    case 'Header': {
      const attribute = get('attribute') ?? 'store';
      if (!(HEADER_ATTRIBUTES as readonly string[]).includes(attribute))
        r.bad(pp('attribute'), `must be one of ${HEADER_ATTRIBUTES.join(', ')}`);
      const values = list(r, params.get('value'), pp('value'));
      if (values.length === 0) r.bad(pp('value'), 'needs at least one value');
      return { kind: 'header', attribute: attribute as HeaderAttribute, values } as const;
    }
    case 'DateRange': {
      const from = get('from', false);
      const to = get('to', false);
      if (from !== null && !DATE.test(from)) r.bad(pp('from'), 'must be yyyy-MM-dd');
      if (to !== null && !DATE.test(to)) r.bad(pp('to'), 'must be yyyy-MM-dd');
      if (from === null && to === null) r.bad(at(p, 'parameter'), 'needs from or to');
      return { kind: 'dateRange', from, to } as const;
    }
    case 'TimeRange': {
      const from = get('from') ?? '00:00';
      const to = get('to') ?? '00:00';
      if (!TIME.test(from)) r.bad(pp('from'), 'must be HH:MM');
      if (!TIME.test(to)) r.bad(pp('to'), 'must be HH:MM');
      return { kind: 'timeRange', from, to } as const;
    }
    case 'DaysOfWeek': {
      const days = list(r, params.get('value'), pp('value')).map(Number);
      if (days.length === 0 || days.some((d) => !Number.isInteger(d) || d < 1 || d > 7))
        r.bad(pp('value'), 'must list days 1 (Monday) to 7 (Sunday)');
      return { kind: 'daysOfWeek', days } as const;
    }
    case 'Coupon':
      return { kind: 'coupon', couponType: get('couponType') ?? '' } as const;
    default:
      r.bad(at(p, 'name'), 'a basic condition is Exists, Header, DateRange, TimeRange, DaysOfWeek or Coupon');
      return null;
  }
}

export function parseCondition(
  r: Reader,
  c: Json,
  p: string,
  sets: ReadonlySet<string>,
  depth = 0,
): Condition | null {
  if (!isObject(c)) {
    r.bad(p, 'must be an object');
    return null;
  }
  if (depth > 16) {
    r.bad(p, 'is nested too deeply (16 levels at most)');
    return null;
  }
  const type = text(r, c.type, at(p, 'type'), false) ?? (c.condition !== undefined ? 'composite' : 'basic');
  const name = text(r, c.name, at(p, 'name'), true) ?? '';
  if (type === 'basic') return basic(r, name, c, p, sets);
  if (type !== 'composite') {
    r.bad(at(p, 'type'), 'must be basic or composite');
    return null;
  }
  const children = container(r, c.condition, at(p, 'condition'))
    .map((child) => parseCondition(r, child.value, child.path, sets, depth + 1))
    .filter((x): x is Condition => x !== null);
  if (name === 'And' || name === 'Or') {
    if (children.length === 0) r.bad(at(p, 'condition'), `${name} needs at least one condition`);
    return { kind: name === 'And' ? 'and' : 'or', conditions: children };
  }
  if (name === 'Not') {
    if (children.length !== 1) r.bad(at(p, 'condition'), 'Not takes exactly one condition');
    return children[0] ? { kind: 'not', condition: children[0] } : null;
  }
  r.bad(at(p, 'name'), 'a composite condition is And, Or or Not');
  return null;
}

/** Counts the simple conditions (the grammar allows 3000 per promotion). */
export function simpleConditions(c: Condition | null): number {
  if (c === null) return 0;
  if (c.kind === 'and' || c.kind === 'or') return c.conditions.reduce((s, x) => s + simpleConditions(x), 0);
  if (c.kind === 'not') return simpleConditions(c.condition);
  return 1;
}

export function parseCombo(
  r: Reader,
  value: Json,
  path: string,
  sets: ReadonlySet<string>,
): ComboComponent[] {
  if (value === undefined || value === null) return [];
  if (!isObject(value)) {
    r.bad(path, 'must be an object { "combo-component": … }');
    return [];
  }
  return container(r, value['combo-component'], at(path, 'combo-component')).map(({ value: c, path: p }) => {
    const set = text(r, c['use-set'], at(p, 'use-set'), true) ?? '';
    if (set !== '' && !sets.has(set)) r.bad(at(p, 'use-set'), `names no set of the promotion ("${set}")`);
    const attribute = text(r, c.attribute, at(p, 'attribute'), false) ?? 'qty';
    if (attribute !== 'qty') r.bad(at(p, 'attribute'), 'only qty combos are defined');
    const min = integer(r, c.min, at(p, 'min'), { min: 1, max: 1_000_000 }) ?? 1;
    const max = integer(r, c.max ?? c.min, at(p, 'max'), { min: 1, max: 1_000_000 }) ?? min;
    if (max < min) r.bad(at(p, 'max'), 'must be at least min');
    return { set, min, max };
  });
}
