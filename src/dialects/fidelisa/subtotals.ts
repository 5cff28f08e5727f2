/**
 * Fidelisa's bill categories as item attributes. A bill's SubTotal1..SubTotal9 are the amounts of its lines
 * of one category; the engine knows them as the lines whose `type` attribute is "1".."9", and a program's
 * rule on SubTotalN as an attribute rule on type ["N"].
 */
import type { EarningRule, SaleLine } from '../../core/rules/index.js';

/** The attributes of the lines of subtotal `n` (1..9). */
export const subtotalAttributes = (n: number): NonNullable<SaleLine['attributes']> => ({ type: String(n) });

/** The subtotals (1..9) a rule earns on: those of an attribute rule on type whose values are digits 1..9. */
export function subtotalsOfRule(rule: EarningRule): number[] {
  if (rule.kind !== 'attribute_subtotal' || rule.attribute !== 'type') return [];
  return rule.values.filter((v) => /^[1-9]$/.test(v)).map(Number);
}
