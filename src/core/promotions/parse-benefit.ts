/** Benefits of the promotion grammar (`benefits.benefit`, its parameters, applied sets, staggered steps). */
import {
  at,
  bool,
  container,
  decimal,
  integer,
  isNro,
  isObject,
  list,
  paramPath,
  parameters,
  text,
  type Json,
  type Reader,
} from './grammar.js';
import {
  MESSAGE_ONLY_KINDS,
  type AppliedSet,
  type Benefit,
  type BenefitCommon,
  type CatalogRedeemEntry,
  type MessageOnlyKind,
  type StaggeredStep,
} from './model.js';

export const COMPUTED_KINDS = [
  'PercentageDiscount',
  'FixedDiscount',
  'NewPrice',
  'ContractPercentageDiscount',
  'LoyaltyBenefit',
  'PercentLoyaltyBenefit',
  'FactorLoyaltyBenefit',
  'CouponBenefit',
  'RedeemPointsBenefit',
  'CatalogRedeemBenefit',
  'GiftBenefit',
] as const;

const PERCENT = { min: 0, max: 10_000 };

interface Ctx {
  r: Reader;
  sets: ReadonlySet<string>;
  /** Decimal digits of the merchant's currency minor unit. */
  digits: number;
  newNro: () => string;
  /** On update: the benefit nros the promotion already has (others are new and get a fresh nro). */
  knownBenefits: ReadonlySet<string>;
}

function appliedSets(c: Ctx, value: Json, path: string): AppliedSet[] {
  if (value === undefined || value === null) return [];
  if (!isObject(value)) {
    c.r.bad(path, 'must be an object { "use-set": … }');
    return [];
  }
  return container(c.r, value['use-set'], at(path, 'use-set')).map(({ value: u, path: p }) => {
    const set = text(c.r, u.name, at(p, 'name'), true) ?? '';
    if (set !== '' && !c.sets.has(set)) c.r.bad(at(p, 'name'), `names no set of the promotion ("${set}")`);
    const max = u.max === undefined || u.max === '' ? null : integer(c.r, u.max, at(p, 'max'), { min: 1 });
    return { set, max };
  });
}

function staggered(c: Ctx, value: Json, path: string, digits: number, max?: number): StaggeredStep[] | null {
  if (value === undefined || value === null) return null;
  if (!isObject(value)) {
    c.r.bad(path, 'must be an object { "unit", "staggeredStep": … }');
    return null;
  }
  const steps = container(c.r, value.staggeredStep, at(path, 'staggeredStep')).map(
    ({ value: s, path: p }) => ({
      nro: text(c.r, s.nro, at(p, 'nro'), false),
      min: integer(c.r, s.min, at(p, 'min'), { min: 0 }) ?? 0,
      max: s.max === undefined || s.max === '' ? null : integer(c.r, s.max, at(p, 'max'), { min: 0 }),
      value:
        decimal(c.r, s.applyValue, at(p, 'applyValue'), digits, { min: 0, ...(max ? { max } : {}) }) ?? 0,
    }),
  );
  if (steps.length === 0) c.r.bad(at(path, 'staggeredStep'), 'needs at least one step');
  const sorted = [...steps].sort((a, b) => a.min - b.min);
  sorted.forEach((s, i) => {
    if (s.max !== null && s.max < s.min) c.r.bad(path, `step ${s.min}..${s.max}: max is below min`);
    const next = sorted[i + 1];
    if (next && (s.max === null || s.max >= next.min))
      c.r.bad(path, `steps from ${s.min} and ${next.min} overlap`);
  });
  return sorted;
}

function catalog(c: Ctx, value: Json, path: string): CatalogRedeemEntry[] {
  const entries: CatalogRedeemEntry[] = [];
  if (!Array.isArray(value)) {
    c.r.bad(path, 'must be a list of { store, code, points, discountType, discountValue }');
    return entries;
  }
  value.forEach((e, i) => {
    const p = at(path, i);
    if (!isObject(e)) return c.r.bad(p, 'must be an object');
    const discountType = text(c.r, e.discountType, at(p, 'discountType'), true) ?? 'fix';
    if (discountType !== 'perc' && discountType !== 'fix' && discountType !== 'nprice')
      return c.r.bad(at(p, 'discountType'), 'must be perc, fix or nprice');
    entries.push({
      store: text(c.r, e.store, at(p, 'store'), false) ?? '-',
      code: text(c.r, e.code, at(p, 'code'), true) ?? '',
      points: integer(c.r, e.points, at(p, 'points'), { min: 1 }) ?? 1,
      discountType,
      discountValue:
        decimal(c.r, e.discountValue, at(p, 'discountValue'), discountType === 'perc' ? 2 : c.digits, {
          min: 0,
          ...(discountType === 'perc' ? PERCENT : {}),
        }) ?? 0,
    });
  });
  return entries;
}

export function parseBenefit(c: Ctx, b: Record<string, Json>, path: string): Benefit | null {
  const { r } = c;
  const instance = text(r, b.instance, at(path, 'instance'), true);
  if (instance === null) return null;
  const params = parameters(r, b.parameter, at(path, 'parameter'));
  const pp = (key: string) => paramPath(at(path, 'parameter'), key);
  const str = (key: string, required = false) => text(r, params.get(key), pp(key), required);
  const given = text(r, b.nro, at(path, 'nro'), false);
  if (given !== null && !isNro(given)) r.bad(at(path, 'nro'), 'must be 24 lowercase hex digits');
  const method = str('applicationMethod') ?? 'resume';
  if (method !== 'lineByLine' && method !== 'resume')
    r.bad(pp('applicationMethod'), 'must be lineByLine or resume');
  const priceType = str('applicationPriceType') ?? 'benefited-price';
  if (priceType !== 'benefited-price' && priceType !== 'original-price')
    r.bad(pp('applicationPriceType'), 'must be benefited-price or original-price');
  const proration = str('prorationMethod') ?? 'proportional';
  if (proration !== 'proportional') r.bad(pp('prorationMethod'), 'only proportional proration is defined');
  const common: BenefitCommon = {
    nro: given !== null && c.knownBenefits.has(given) ? given : c.newNro(),
    messages: { display: str('displayMessage'), printer: str('printerMessage'), tlog: str('TLOGMessage') },
    applicationMethod: method === 'lineByLine' ? 'lineByLine' : 'resume',
    proration: 'proportional',
    priceBase: priceType === 'original-price' ? 'original' : 'benefited',
    unit: str('unit') ?? 'qty',
    recovery: {
      value:
        decimal(r, params.get('recoveryValue'), pp('recoveryValue'), 2, { required: false, min: 0 }) ?? 0,
      type: str('recoveryType') ?? '',
    },
    appliedTo: appliedSets(c, b['applied-elements'], at(path, 'applied-elements')),
  };
  bool(r, params.get('prorateBCP'), pp('prorateBCP'), false);
  bool(r, params.get('hasLimit'), pp('hasLimit'), false);
  const cardType = str('type');
  const percent = (key = 'percent') => decimal(r, params.get(key), pp(key), 2, PERCENT) ?? 0;
  const factor = () => decimal(r, params.get('factor'), pp('factor'), 3, { min: 0, max: 1_000_000_000 }) ?? 0;
  const stag = b.staggered;
  switch (instance) {
    case 'PercentageDiscount': {
      const steps = staggered(c, stag, at(path, 'staggered'), 2, PERCENT.max);
      const percentBp = steps ? 0 : percent();
      return { ...common, kind: instance, percentBp, staggered: steps };
    }
    case 'FixedDiscount': {
      const steps = staggered(c, stag, at(path, 'staggered'), c.digits);
      const amountMinor = steps
        ? 0
        : (decimal(r, params.get('amount'), pp('amount'), c.digits, { min: 0 }) ?? 0);
      return { ...common, kind: instance, amountMinor, staggered: steps };
    }
    case 'NewPrice':
      return {
        ...common,
        kind: instance,
        priceMinor: decimal(r, params.get('price'), pp('price'), c.digits, { min: 0 }) ?? 0,
      };
    case 'ContractPercentageDiscount': {
      const contracts = list(r, params.get('contract'), pp('contract'));
      if (contracts.length === 0) r.bad(pp('contract'), 'names the agreement (contract) codes it is for');
      return { ...common, kind: instance, percentBp: percent(), contracts };
    }
    case 'LoyaltyBenefit':
      return {
        ...common,
        kind: instance,
        points: integer(r, params.get('value') ?? params.get('points'), pp('value'), { min: 1 }) ?? 0,
        cardType,
      };
    case 'PercentLoyaltyBenefit':
      return { ...common, kind: instance, percentBp: percent(), cardType };
    case 'FactorLoyaltyBenefit':
      return { ...common, kind: instance, factorMilli: factor(), cardType };
    case 'RedeemPointsBenefit':
      return { ...common, kind: instance, factorMilli: factor(), cardType };
    case 'CouponBenefit':
      return {
        ...common,
        kind: instance,
        couponType: str('couponid', true) ?? '',
        quantity: integer(r, params.get('qty') ?? '1', pp('qty'), { min: 1, max: 100 }) ?? 1,
      };
    case 'GiftBenefit':
      return {
        ...common,
        kind: instance,
        gift: str('gift', true) ?? '',
        quantity: integer(r, params.get('qty') ?? '1', pp('qty'), { min: 1, max: 100 }) ?? 1,
      };
    case 'CatalogRedeemBenefit':
      return { ...common, kind: instance, entries: catalog(c, b.catalog, at(path, 'catalog')) };
    default:
      if ((MESSAGE_ONLY_KINDS as readonly string[]).includes(instance)) {
        const kept: Record<string, string> = {};
        for (const [k, v] of params) kept[k] = typeof v === 'string' ? v : JSON.stringify(v);
        return { ...common, kind: instance as MessageOnlyKind, parameters: kept };
      }
      r.bad(at(path, 'instance'), `unknown benefit kind "${instance}"`);
      return null;
  }
}

export function parseBenefits(c: Ctx, value: Json, path: string): Benefit[] {
  if (value === undefined || value === null) return [];
  if (!isObject(value)) {
    c.r.bad(path, 'must be an object { "benefit": … }');
    return [];
  }
  return container(c.r, value.benefit, at(path, 'benefit'))
    .map(({ value: b, path: p }) => parseBenefit(c, b, p))
    .filter((b): b is Benefit => b !== null);
}

export type BenefitContext = Ctx;
