/**
 * The promotion editor's form model and its translation to and from the /v1/promotions JSON grammar. The
 * form writes every container as an array and the condition as a composite And, so that each path of a 422
 * PROMOTION_INVALID (`sets.set[1].value`, `benefits.benefit[0].parameter[percent]`) names one form field.
 */
export interface SetRow {
  name: string;
  type: 'item' | 'payment';
  attribute: string;
  values: string;
}
export interface ConditionRow {
  name: 'Exists' | 'Header' | 'DateRange' | 'TimeRange' | 'DaysOfWeek' | 'Coupon';
  params: Record<string, string>;
}
export interface ComboRow {
  set: string;
  min: string;
  max: string;
}
export interface BenefitRow {
  nro?: string;
  instance: string;
  /** The benefit's own parameters (percent, amount, value, ...), by key. */
  params: Record<string, string>;
  message: string;
  method: 'resume' | 'lineByLine';
  set: string;
}
export interface Draft {
  name: string;
  code: string;
  priority: string;
  exclusive: boolean;
  from: string;
  to: string;
  stores: string;
  segments: string;
  sets: SetRow[];
  conditions: ConditionRow[];
  combo: ComboRow[];
  benefits: BenefitRow[];
}

export const CONDITION_PARAMS: Record<ConditionRow['name'], readonly string[]> = {
  Exists: ['use-set'],
  Header: ['attribute', 'value'],
  DateRange: ['from', 'to'],
  TimeRange: ['from', 'to'],
  DaysOfWeek: ['value'],
  Coupon: ['couponType'],
};

/** The parameters the form offers per benefit kind (the grammar's keys). */
export const BENEFIT_PARAMS: Record<string, readonly string[]> = {
  PercentageDiscount: ['percent'],
  FixedDiscount: ['amount'],
  NewPrice: ['price'],
  LoyaltyBenefit: ['value'],
  PercentLoyaltyBenefit: ['percent'],
  FactorLoyaltyBenefit: ['factor'],
  CouponBenefit: ['couponid', 'qty'],
  GiftBenefit: ['gift', 'qty'],
};
export const ITEM_ATTRIBUTES = [
  'code',
  'level1',
  'level2',
  'level3',
  'level4',
  'level5',
  'level6',
  'brand',
  'type',
];

export const emptyBenefit = (): BenefitRow => ({
  instance: 'PercentageDiscount',
  params: { percent: '' },
  message: '',
  method: 'resume',
  set: '',
});

export const emptyDraft = (): Draft => ({
  name: '',
  code: '',
  priority: '0',
  exclusive: false,
  from: '',
  to: '',
  stores: '',
  segments: '',
  sets: [{ name: '', type: 'item', attribute: 'level1', values: '' }],
  conditions: [{ name: 'Exists', params: { 'use-set': '' } }],
  combo: [],
  benefits: [emptyBenefit()],
});

const csv = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');
const kv = (params: Record<string, string>) =>
  Object.entries(params)
    .filter(([, v]) => v.trim() !== '')
    .map(([key, value]) => ({ key, value: value.trim() }));

/** The grammar body of a draft (what POST/PUT /v1/promotions receives). */
export function toSource(d: Draft): Record<string, unknown> {
  const body: Record<string, unknown> = { name: d.name.trim(), code: d.code.trim() };
  if (d.priority.trim() !== '' && d.priority.trim() !== '0') body.priority = d.priority.trim();
  if (d.exclusive) body.exclusive = true;
  if (d.from || d.to)
    body.validity = {
      ...(d.from ? { from: new Date(d.from).toISOString() } : {}),
      ...(d.to ? { to: new Date(d.to).toISOString() } : {}),
    };
  if (csv(d.stores).length) body.stores = csv(d.stores);
  if (csv(d.segments).length) body.segments = csv(d.segments);
  if (d.sets.length)
    body.sets = {
      set: d.sets.map((s) => ({
        name: s.name.trim(),
        type: s.type,
        ...(s.attribute ? { attribute: s.type === 'payment' ? 'type' : s.attribute } : {}),
        value: csv(s.values),
      })),
    };
  if (d.conditions.length)
    body.condition = {
      type: 'composite',
      name: 'And',
      condition: d.conditions.map((c) => ({ type: 'basic', name: c.name, parameter: kv(c.params) })),
    };
  if (d.combo.length)
    body.combo = {
      'combo-component': d.combo.map((c) => ({
        'use-set': c.set,
        attribute: 'qty',
        min: c.min.trim(),
        ...(c.max.trim() ? { max: c.max.trim() } : {}),
      })),
    };
  body.benefits = {
    benefit: d.benefits.map((b) => ({
      ...(b.nro ? { nro: b.nro } : {}),
      instance: b.instance,
      parameter: [
        ...kv(b.params),
        ...(b.message.trim() ? [{ key: 'displayMessage', value: b.message.trim() }] : []),
        ...(b.method !== 'resume' ? [{ key: 'applicationMethod', value: b.method }] : []),
      ],
      ...(b.set ? { 'applied-elements': { 'use-set': [{ name: b.set }] } } : {}),
    })),
  };
  return body;
}

type J = Record<string, unknown>;
const isObj = (v: unknown): v is J => typeof v === 'object' && v !== null && !Array.isArray(v);
const items = (v: unknown): J[] =>
  (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]).filter(isObj);
const str = (v: unknown) =>
  v === undefined || v === null ? '' : Array.isArray(v) ? v.join(', ') : String(v);
function params(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isObj(v) && !('key' in v)) for (const [k, x] of Object.entries(v)) out[k] = str(x);
  else for (const p of items(v)) out[str(p.key)] = str(p.value);
  return out;
}
/** datetime-local's value (local time, minutes) of an RFC 3339 instant. */
function local(iso: unknown): string {
  if (typeof iso !== 'string' || Number.isNaN(Date.parse(iso))) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * A draft from a stored grammar body (as written by this form or by any client: containers as object or
 * array), or undefined when the body uses what the form does not edit (nested Or/Not, staggered steps,
 * catalogs): the editor then offers the JSON only.
 */
export function fromSource(source: J): Draft | undefined {
  const validity = isObj(source.validity) ? source.validity : {};
  if (validity.daysOfWeek !== undefined || validity.timeRanges !== undefined) return undefined;
  const sets = items(isObj(source.sets) ? source.sets.set : undefined).map<SetRow>((s) => ({
    name: str(s.name),
    type: s.type === 'payment' ? 'payment' : 'item',
    attribute: str(s.attribute),
    values: str(s.value),
  }));
  let conditions: ConditionRow[] = [];
  if (source.condition !== undefined) {
    const root = isObj(source.condition) ? source.condition : {};
    const composite = root.type === 'composite' || (root.type === undefined && root.condition !== undefined);
    if (composite && root.name !== 'And') return undefined;
    const basics = composite ? items(root.condition) : [root];
    for (const c of basics) {
      if (c.type === 'composite' || c.condition !== undefined) return undefined;
      const name = str(c.name) as ConditionRow['name'];
      if (!(name in CONDITION_PARAMS)) return undefined;
      conditions.push({ name, params: params(c.parameter) });
    }
  } else conditions = [];
  const combo = items(isObj(source.combo) ? source.combo['combo-component'] : undefined).map<ComboRow>(
    (c) => ({
      set: str(c['use-set']),
      min: str(c.min),
      max: str(c.max),
    }),
  );
  const benefits: BenefitRow[] = [];
  for (const b of items(isObj(source.benefits) ? source.benefits.benefit : undefined)) {
    if (b.staggered !== undefined || b.catalog !== undefined) return undefined;
    const all = params(b.parameter);
    const { displayMessage, applicationMethod, ...own } = all;
    const applied = isObj(b['applied-elements']) ? items(b['applied-elements']['use-set']) : [];
    if (applied.length > 1) return undefined;
    benefits.push({
      ...(typeof b.nro === 'string' ? { nro: b.nro } : {}),
      instance: str(b.instance),
      params: own,
      message: displayMessage ?? '',
      method: applicationMethod === 'lineByLine' ? 'lineByLine' : 'resume',
      set: applied[0] ? str(applied[0].name) : '',
    });
  }
  return {
    name: str(source.name),
    code: str(source.code),
    priority: str(source.priority ?? '0'),
    exclusive: source.exclusive === true || source.exclusive === 'true',
    from: local(validity.from),
    to: local(validity.to),
    stores: str(source.stores),
    segments: str(source.segments),
    sets,
    conditions,
    combo,
    benefits,
  };
}

const ALIASES: Record<string, string> = {
  value: 'values',
  'use-set': 'set',
  'applied-elements': 'set',
  displayMessage: 'message',
};
/** The name of a row's input: `set-0-values`, `condition-1-set`, `benefit-0-percent`. */
export const fieldName = (prefix: string, row: number, key: string) =>
  `${prefix}-${row}-${ALIASES[key] ?? key}`;

/** The form field a 422 path belongs to, as the editor names its inputs (`set-0-name`, `benefit-1-percent`). */
export function fieldOfPath(path: string): string {
  const m =
    /^sets\.set\[(\d+)\]\.(name|type|attribute|value)/.exec(path) ??
    /^condition\.condition\[(\d+)\]\.parameter\[([^\]]+)\]/.exec(path) ??
    /^combo\.combo-component\[(\d+)\]\.(use-set|min|max)/.exec(path) ??
    /^benefits\.benefit\[(\d+)\]\.parameter\[([^\]]+)\]/.exec(path) ??
    /^benefits\.benefit\[(\d+)\]\.(instance|applied-elements)/.exec(path);
  if (m) {
    const prefix = path.startsWith('sets')
      ? 'set'
      : path.startsWith('condition')
        ? 'condition'
        : path.startsWith('combo')
          ? 'combo'
          : 'benefit';
    return fieldName(prefix, Number(m[1]), m[2]!);
  }
  if (/^condition\.condition\[(\d+)\]/.test(path)) return `condition-${/\[(\d+)\]/.exec(path)![1]}-name`;
  if (path.startsWith('validity.')) return path.slice('validity.'.length);
  return path.split(/[.[]/)[0] || 'form';
}

/** The API's PROMOTION_INVALID details grouped by form field (several messages may hit one field). */
export function errorsByField(
  details: readonly { field?: string; message: string }[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of details) {
    const field = fieldOfPath(d.field ?? '');
    out[field] = out[field] ? `${out[field]}; ${d.message}` : d.message;
  }
  return out;
}
