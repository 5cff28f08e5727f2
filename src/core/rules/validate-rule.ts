import { ITEM_ATTRIBUTES } from '../promotions/model.js';
import { EARNING_RULE_KINDS, type EarningRule } from './earning-rules.js';
import { ROUNDINGS } from './rounding.js';

export type RuleIssueReason =
  | 'RULE_ID_REQUIRED'
  | 'RULE_ID_DUPLICATE'
  | 'KIND_UNKNOWN'
  | 'ROUNDING_UNKNOWN'
  | 'MINIMUM_AMOUNT_INVALID'
  | 'EXCLUDE_DISCOUNTED_INVALID'
  | 'RATE_POINTS_INVALID'
  | 'RATE_PER_INVALID'
  | 'ATTRIBUTE_UNKNOWN'
  | 'ATTRIBUTE_VALUES_REQUIRED'
  | 'ATTRIBUTE_VALUE_INVALID'
  | 'BRAND_REQUIRED'
  | 'ITEM_CODES_REQUIRED'
  | 'ITEM_CODE_INVALID';

export interface RuleIssue {
  /** Path of the offending field, e.g. 'rate.per' or 'rules[2].values[0]'. */
  field: string;
  reason: RuleIssueReason;
  message: string;
}

export type RuleValidation<T> =
  { ok: true; value: T } | { ok: false; reason: 'INVALID_RULE'; issues: RuleIssue[] };

const isNonNegativeInteger = (n: unknown): boolean => Number.isSafeInteger(n) && (n as number) >= 0;
const isBlank = (s: unknown): boolean => typeof s !== 'string' || s.trim() === '';

/**
 * Checks one rule when it is written, so that a bad rule never reaches a sale: id, kind, rounding,
 * minimumAmount (integer ≥ 0), rate.points (integer ≥ 0; 0 is allowed and marks lines as used without
 * earning), rate.per (integer > 0, amount rules only), a known item attribute with a non-empty list of
 * non-blank values, non-blank brand, a non-empty list of non-blank item codes. Reports every issue, not just the first.
 */
export function validateRule(rule: EarningRule, path = ''): RuleValidation<EarningRule> {
  const issues: RuleIssue[] = [];
  const add = (field: string, reason: RuleIssueReason, message: string) =>
    issues.push({ field: path + field, reason, message });
  if (isBlank(rule.id)) add('id', 'RULE_ID_REQUIRED', 'A rule needs an id.');
  if (!EARNING_RULE_KINDS.includes(rule.kind)) {
    add('kind', 'KIND_UNKNOWN', `kind must be one of ${EARNING_RULE_KINDS.join(', ')}.`);
    return { ok: false, reason: 'INVALID_RULE', issues };
  }
  if (!ROUNDINGS.includes(rule.rounding))
    add('rounding', 'ROUNDING_UNKNOWN', 'rounding must be floor, round or ceil.');
  if (!isNonNegativeInteger(rule.minimumAmount)) {
    add(
      'minimumAmount',
      'MINIMUM_AMOUNT_INVALID',
      'minimumAmount must be a non-negative integer in minor units.',
    );
  }
  if (typeof rule.excludeDiscounted !== 'boolean') {
    add('excludeDiscounted', 'EXCLUDE_DISCOUNTED_INVALID', 'excludeDiscounted must be true or false.');
  }
  if (!isNonNegativeInteger(rule.rate?.points)) {
    add('rate.points', 'RATE_POINTS_INVALID', 'rate.points must be a non-negative integer.');
  }
  if (rule.kind !== 'visit' && !(Number.isSafeInteger(rule.rate?.per) && rule.rate.per > 0)) {
    add('rate.per', 'RATE_PER_INVALID', 'rate.per must be a positive integer in minor units.');
  }
  if (rule.kind === 'attribute_subtotal') {
    if (!(ITEM_ATTRIBUTES as readonly string[]).includes(rule.attribute)) {
      add('attribute', 'ATTRIBUTE_UNKNOWN', `attribute must be one of ${ITEM_ATTRIBUTES.join(', ')}.`);
    }
    if (!Array.isArray(rule.values) || rule.values.length === 0) {
      add('values', 'ATTRIBUTE_VALUES_REQUIRED', 'An attribute rule needs at least one value.');
    } else {
      rule.values.forEach((value, index) => {
        if (isBlank(value)) add(`values[${index}]`, 'ATTRIBUTE_VALUE_INVALID', 'Values cannot be blank.');
      });
    }
  }
  if (rule.kind === 'brand' && isBlank(rule.brand))
    add('brand', 'BRAND_REQUIRED', 'A brand rule needs a brand.');
  if (rule.kind === 'items') {
    if (!Array.isArray(rule.itemCodes) || rule.itemCodes.length === 0) {
      add('itemCodes', 'ITEM_CODES_REQUIRED', 'An items rule needs at least one item code.');
    } else {
      rule.itemCodes.forEach((code, index) => {
        if (isBlank(code)) add(`itemCodes[${index}]`, 'ITEM_CODE_INVALID', 'Item codes cannot be blank.');
      });
    }
  }
  return issues.length === 0 ? { ok: true, value: rule } : { ok: false, reason: 'INVALID_RULE', issues };
}

/** Checks a program's rule set: every rule (fields prefixed `rules[i].`) and unique ids. */
export function validateRules(rules: readonly EarningRule[]): RuleValidation<readonly EarningRule[]> {
  const issues: RuleIssue[] = [];
  const ids = new Set<string>();
  rules.forEach((rule, index) => {
    const result = validateRule(rule, `rules[${index}].`);
    if (!result.ok) issues.push(...result.issues);
    if (ids.has(rule.id)) {
      issues.push({
        field: `rules[${index}].id`,
        reason: 'RULE_ID_DUPLICATE',
        message: `Rule id ${rule.id} is used twice.`,
      });
    }
    ids.add(rule.id);
  });
  return issues.length === 0 ? { ok: true, value: rules } : { ok: false, reason: 'INVALID_RULE', issues };
}
