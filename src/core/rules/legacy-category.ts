/**
 * The fixed categories 1..9 that the native API had before item attributes, read as attributes: a line's
 * `category` N is its `type` attribute "N", and a `category_subtotal` rule on N is an `attribute_subtotal` rule
 * on `type` ["N"]. This is the one place where the old forms are translated: programs as stored and as posted
 * (rules), sales as posted and as stored (lines). The engine itself knows only item attributes.
 */
import type { ItemAttributes } from '../promotions/basket.js';
import type { ItemAttribute } from '../promotions/model.js';
import type { AttributeSubtotalRule, EarningRule } from './earning-rules.js';
import type { SaleLine } from './sale-line.js';

/** The attribute a legacy category stands for. */
export const CATEGORY_ATTRIBUTE: ItemAttribute = 'type';

/** A rule as programs stored and posted it before attribute rules. */
export interface LegacyCategoryRule extends Omit<AttributeSubtotalRule, 'kind' | 'attribute' | 'values'> {
  kind: 'category_subtotal';
  category: number;
}

/** A rule in today's form: a legacy category rule becomes an attribute rule; any other rule is kept. */
export function upgradeRule(rule: EarningRule | LegacyCategoryRule): EarningRule {
  if (rule.kind !== 'category_subtotal') return rule;
  const { category, ...rest } = rule;
  return { ...rest, kind: 'attribute_subtotal', attribute: CATEGORY_ATTRIBUTE, values: [String(category)] };
}

export const upgradeRules = (rules: readonly (EarningRule | LegacyCategoryRule)[]): EarningRule[] =>
  rules.map(upgradeRule);

/** The legacy fields of a line as posted or stored. */
export interface LegacyCategoryFields {
  category?: number | null | undefined;
  categoryLabel?: string | undefined;
}

/**
 * A line's attributes and type label with its legacy category folded in: the category becomes the type
 * attribute unless the line gives one (categoryConflicts tells when they disagree), the category label
 * becomes the type label unless the line gives one.
 */
export function foldCategory(
  line: LegacyCategoryFields & { attributes?: ItemAttributes | undefined; typeLabel?: string | undefined },
): { attributes?: ItemAttributes; typeLabel?: string } {
  const { category, categoryLabel, attributes, typeLabel } = line;
  const folded =
    category !== undefined && category !== null && attributes?.[CATEGORY_ATTRIBUTE] === undefined
      ? { ...attributes, [CATEGORY_ATTRIBUTE]: String(category) }
      : attributes;
  const label = typeLabel ?? categoryLabel;
  return {
    ...(folded !== undefined ? { attributes: folded } : {}),
    ...(label !== undefined ? { typeLabel: label } : {}),
  };
}

/** Indexes of the lines whose legacy category and type attribute are both given and disagree. */
export function categoryConflicts(
  lines: readonly (LegacyCategoryFields & { attributes?: ItemAttributes | undefined })[],
): number[] {
  return lines.flatMap((line, index) => {
    const type = line.attributes?.[CATEGORY_ATTRIBUTE];
    const category = line.category;
    return category !== undefined && category !== null && type !== undefined && type !== String(category)
      ? [index]
      : [];
  });
}

/**
 * A stored line in today's form, with the legacy fields a reader of the old form expects: `category` when the
 * type attribute is a digit 1..9, `categoryLabel` from the type label.
 */
export function storedLineView(stored: SaleLine & LegacyCategoryFields): SaleLine & LegacyCategoryFields {
  const { category: _category, categoryLabel: _label, ...line } = stored;
  const upgraded: SaleLine = { ...line, ...foldCategory(stored) };
  const type = upgraded.attributes?.[CATEGORY_ATTRIBUTE];
  return {
    ...upgraded,
    ...(type !== undefined && /^[1-9]$/.test(type) ? { category: Number(type) } : {}),
    ...(upgraded.typeLabel !== undefined ? { categoryLabel: upgraded.typeLabel } : {}),
  };
}
