/**
 * promotionAvailable's descriptions (spec §3.7), as the console words them: the simple condition
 * ("Productos con Aplica a TODOS"), the combo, the dates, and per benefit (numbered "1.- ") its type, class
 * and a sentence with its values and limits. Pure: a typed promotion, its posted source, its limits.
 */
import type { LimitView } from '../../../app/promotions/limit-view.js';
import { formatDecimal, toMajorNumber } from '../../../core/money/money.js';
import type { Benefit, Condition, Promotion, PromotionSet } from '../../../core/promotions/model.js';

export const CLASS: Partial<Record<Benefit['kind'], string>> = {
  PercentageDiscount: 'Descuento porcentaje',
  FixedDiscount: 'Descuento monto fijo',
  NewPrice: 'Nuevo precio',
  ContractPercentageDiscount: 'Descuento por convenio',
  LoyaltyBenefit: 'Puntos',
  PercentLoyaltyBenefit: 'Porcentaje de puntos',
  FactorLoyaltyBenefit: 'Coeficiente de puntos',
  CouponBenefit: 'Cupón',
  RedeemPointsBenefit: 'Canje de puntos',
  CatalogRedeemBenefit: 'Canje de Puntos por Catálogo',
  GiftBenefit: 'Regalo',
};
export const MONETARY = ['PercentageDiscount', 'FixedDiscount', 'NewPrice', 'ContractPercentageDiscount'];
export const SCOPE = { customer: 'Cliente', store: 'Tienda', retailer: 'General' } as const;
export const LIMIT_BY = {
  count: 'Cantidad de aplicaciones',
  quantity: 'Cantidad de productos beneficiados',
  amount: 'Cantidad de dinero',
} as const;

/** An integer in 10^-digits units as its shortest decimal text (1250, 2 → "12.5"), exactly. */
const decimal = (n: number, digits: number) => formatDecimal(n, digits, 0);

function setText(set: PromotionSet | undefined): string {
  if (!set) return '';
  if (set.kind === 'payment')
    return `Pagos con ${set.values.length === 0 ? 'Aplica a TODOS' : set.values.join(', ')}`;
  if (set.attribute === null) return 'Productos con Aplica a TODOS';
  return `Productos con ${set.attribute} ${set.values.join(', ')}`;
}

function existsSets(c: Condition | null): string[] {
  if (!c) return [];
  if (c.kind === 'exists') return [c.set];
  if (c.kind === 'and' || c.kind === 'or') return c.conditions.flatMap(existsSets);
  if (c.kind === 'not') return existsSets(c.condition);
  return [];
}

function paramOf(source: unknown, index: number, key: string): string | undefined {
  const benefits = (source as { benefits?: { benefit?: unknown } } | null)?.benefits?.benefit;
  const list = Array.isArray(benefits) ? benefits : benefits ? [benefits] : [];
  const params = (list[index] as { parameter?: unknown } | undefined)?.parameter;
  const all = Array.isArray(params) ? params : params ? [params] : [];
  const found = all.find((p) => (p as { key?: unknown }).key === key) as { value?: unknown } | undefined;
  return found?.value === undefined ? undefined : String(found.value);
}

function valueText(b: Benefit, digits: number): string {
  switch (b.kind) {
    case 'PercentageDiscount':
    case 'ContractPercentageDiscount':
    case 'PercentLoyaltyBenefit':
      return 'percentBp' in b ? `El siguiente porcentaje (%) ${decimal(b.percentBp, 2)}` : '';
    case 'FixedDiscount':
      return `El siguiente monto ${decimal(b.amountMinor, digits)}`;
    case 'NewPrice':
      return `El siguiente precio ${decimal(b.priceMinor, digits)}`;
    case 'LoyaltyBenefit':
      return `Los siguientes puntos ${b.points}`;
    case 'CouponBenefit':
      return `Cupón ${b.couponType} Cantidad ${b.quantity}`;
    case 'RedeemPointsBenefit':
    case 'FactorLoyaltyBenefit':
      return `El siguiente factor ${decimal(b.factorMilli, 3)}`;
    default:
      return '';
  }
}

function limitText(l: LimitView, digits: number): string {
  const value = l.type === 'amount' ? toMajorNumber(l.max, digits) : l.max;
  const period = l.period === 'undefined' ? 'Indefinido' : `${l.numberDays ?? 0} días`;
  return `Tipo de límite: ${SCOPE[l.scope]} Descripción: - Periodo a contabilizar: ${period} Limitar por: ${LIMIT_BY[l.type]} Valor: ${value} `;
}

export function availableView(
  mapVersion: number,
  p: Promotion,
  source: unknown,
  limits: LimitView[],
  digits: number,
) {
  const sets = new Map(p.sets.map((s) => [s.name, s]));
  const each = (f: (b: Benefit, i: number) => string) =>
    p.benefits.map((b, i) => `<p>${i + 1}.- ${f(b, i)}</p>`).join('');
  const benefit = each((b, i) => {
    const parts = [
      b.appliedTo.map((a) => setText(sets.get(a.set))).join(', ') || setText(p.sets[0]),
      valueText(b, digits),
      b.unit === 'qty' ? 'Por cada unidad de Cantidad' : `Por cada unidad de ${b.unit}`,
      `Prorratear entre Participantes ${paramOf(source, i, 'prorateBCP') === 'true' ? 'Si' : 'No'}`,
      `Valor de Recupero ${decimal(b.recovery.value, 2)}`,
      `Tipo de Recupero ${b.recovery.type || '-'}`,
    ].filter((s) => s !== '');
    const own = limits.filter((l) => l.benefit === b.nro);
    const limitPart =
      own.length === 0 ? '' : ` Límites de aplicación ${own.map((l) => limitText(l, digits)).join('')}`;
    return `${parts.join('. ')}. Balance -${limitPart}`;
  });
  const dates =
    p.validity.from || p.validity.to ? `Entre ${p.validity.from ?? '-'} y ${p.validity.to ?? '-'}` : '';
  return {
    mapVersion: String(mapVersion),
    code: p.code,
    name: p.name,
    conditionSimple: existsSets(p.condition)
      .map((s) => setText(sets.get(s)))
      .join(', '),
    conditionCombo: p.combo.map((c) => `${c.min}-${c.max} de ${setText(sets.get(c.set))}`).join(', '),
    conditionDate: dates,
    benefitTypeDescription: `${each((b) => (MONETARY.includes(b.kind) ? 'Monetario' : 'No monetario'))}<br/>`,
    benefitClassDescription: `${each((b) => CLASS[b.kind] ?? b.kind)}<br/>`,
    benefit: `${benefit} `,
    promotionType: p.type ?? '',
    promotionSubType: p.subtype ?? '',
    promotionApplicationForm: p.applicationForm ?? '',
  };
}
