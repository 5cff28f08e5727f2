/**
 * Earning rules (per visit, on the total, on the lines with given item attribute values, on a brand, on
 * listed items) and the computation of what a sale earns. Amounts are minor units of the program's
 * currency; points integers.
 */
import { BOUNDS } from '../bounds.js';
import type { ItemAttribute } from '../promotions/model.js';
import { scaleRounded, type Rounding } from './rounding.js';
import { lineAttribute, type SaleLine } from './sale-line.js';
import { deductAmountVouchers, type LineDeduction } from './voucher-deduction.js';

/** `points` for every `per` minor units of the eligible amount. */
export interface AmountRate {
  points: number;
  per: number;
}

/** `points` for each sale (visit). */
export interface VisitRate {
  points: number;
}

interface RuleCommon {
  id: string;
  /** How the rule's points are rounded; applied once, to the rule's eligible total (not line by line). */
  rounding: Rounding;
  /** Minor units; below this eligible total (after vouchers) the rule gives nothing. 0 = no minimum. */
  minimumAmount: number;
  /** Leave out discounted purchase lines (see isDiscountedLine). */
  excludeDiscounted: boolean;
}

/** Points per sale (visit) with at least one eligible purchase line. */
export interface VisitRule extends RuleCommon {
  kind: 'visit';
  rate: VisitRate;
}
/** Every purchase line. */
export interface TotalAmountRule extends RuleCommon {
  kind: 'total_amount';
  rate: AmountRate;
}
/** Purchase lines whose item attribute (level1, type, brand, ...) is one of `values` (compared exactly). */
export interface AttributeSubtotalRule extends RuleCommon {
  kind: 'attribute_subtotal';
  attribute: ItemAttribute;
  values: readonly string[];
  rate: AmountRate;
}
export interface BrandRule extends RuleCommon {
  kind: 'brand';
  /** Compared exactly (case-sensitive) with the line's brand. */
  brand: string;
  rate: AmountRate;
}
/** Purchase lines whose item code is listed. */
export interface ItemsRule extends RuleCommon {
  kind: 'items';
  itemCodes: readonly string[];
  rate: AmountRate;
}

export type EarningRule = VisitRule | TotalAmountRule | AttributeSubtotalRule | BrandRule | ItemsRule;
export type EarningRuleKind = EarningRule['kind'];
export const EARNING_RULE_KINDS: readonly EarningRuleKind[] = [
  'visit',
  'total_amount',
  'attribute_subtotal',
  'brand',
  'items',
];

export interface RuleEarning {
  ruleId: string;
  points: number;
  /** The purchase lines the rule selected (whether or not its minimum was reached). */
  lineNos: number[];
  /** Sum of those lines' amounts after voucher deduction, minor units. */
  eligibleAmount: number;
}

export interface EarningResult {
  points: number;
  /** One entry per rule, in the order of the rules, including rules that earned 0. */
  perRule: RuleEarning[];
  /** Lines no rule selected. Non-purchase lines always appear here. */
  unusedLines: number[];
  /** How the voucher money was taken off the purchase lines before computing. */
  deductions: LineDeduction[];
}

/** Does the rule's selector (attribute, brand, items; everything for visit and total) match the line? */
export function ruleMatchesLine(rule: EarningRule, line: SaleLine): boolean {
  switch (rule.kind) {
    case 'visit':
    case 'total_amount':
      return true;
    case 'attribute_subtotal': {
      const value = lineAttribute(line, rule.attribute);
      return value !== undefined && rule.values.includes(value);
    }
    case 'brand':
      return line.brand !== undefined && line.brand === rule.brand;
    case 'items':
      return line.itemCode !== undefined && rule.itemCodes.includes(line.itemCode);
  }
}

/**
 * A purchase line is discounted when the till applied a percentage discount to it, or when the sale has a
 * discount operation line for the same item code.
 */
export function isDiscountedLine(line: SaleLine, lines: readonly SaleLine[]): boolean {
  if (line.discountPercent > 0) return true;
  if (line.itemCode === undefined) return false;
  return lines.some((other) => other.operation === 'discount' && other.itemCode === line.itemCode);
}

/** The purchase lines a rule selects: purchase operation, matching selector, not excluded as discounted. */
export function eligibleLines(rule: EarningRule, lines: readonly SaleLine[]): SaleLine[] {
  return lines.filter(
    (line) =>
      line.operation === 'purchase' &&
      ruleMatchesLine(rule, line) &&
      !(rule.excludeDiscounted && isDiscountedLine(line, lines)),
  );
}

function pointsFor(rule: EarningRule, selected: readonly SaleLine[], eligibleAmount: number): number {
  if (selected.length === 0 || eligibleAmount < rule.minimumAmount) return 0;
  if (rule.kind === 'visit') return rule.rate.points;
  // Past what a card may hold, an earning is refused whatever its size: computed exactly up to just past that
  // cap, so that a huge rate times a huge ticket is a clean refusal rather than an overflow.
  return scaleRounded(
    eligibleAmount,
    rule.rate.points,
    rule.rate.per,
    rule.rounding,
    BOUNDS.balancePoints + 1,
  );
}

/**
 * What a sale earns. First the voucher money (`voucherDeductions`, minor units: the sum of the amount
 * vouchers used, and of gift vouchers' money value) is taken off the purchase lines (deductAmountVouchers);
 * then each rule independently selects its eligible purchase lines and earns on their total. Rules add up:
 * a line selected by two rules earns under both. Only purchase lines earn; percentage vouchers are
 * expected to be already applied by the till. Rules are assumed valid (validateRule) and lines too
 * (validateSaleLines).
 */
export function computeEarning(
  rules: readonly EarningRule[],
  lines: readonly SaleLine[],
  voucherDeductions = 0,
): EarningResult {
  const deducted = deductAmountVouchers(lines, voucherDeductions);
  const used = new Set<number>();
  const perRule = rules.map((rule): RuleEarning => {
    const selected = eligibleLines(rule, deducted.lines);
    for (const line of selected) used.add(line.lineNo);
    const eligibleAmount = Math.max(
      0,
      selected.reduce((sum, line) => sum + line.amount, 0),
    );
    return {
      ruleId: rule.id,
      points: pointsFor(rule, selected, eligibleAmount),
      lineNos: selected.map((line) => line.lineNo),
      eligibleAmount,
    };
  });
  return {
    points: perRule.reduce((sum, earning) => sum + earning.points, 0),
    perRule,
    unusedLines: lines.filter((line) => !used.has(line.lineNo)).map((line) => line.lineNo),
    deductions: deducted.deductions,
  };
}
