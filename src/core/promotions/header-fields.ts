/**
 * Header attributes of a merchant (the transaction header attributes a Header condition tests: store,
 * terminal, region, customerType, segment, contract), each configured active or not and mandatory or not, and
 * the header fields a promotion shows for them. The configuration never refuses a promotion:
 * - inactive (whether mandatory or not): the attribute is not shown on the promotion;
 * - active: the promotion shows the field, with the values its Header conditions require, or empty (no
 *   restriction) when it has none; `mandatory` is carried on the field.
 * A field's values come from the Header conditions the whole promotion requires: the top-level condition and
 * the members of top-level Ands (several on one attribute: the values all allow). Header conditions under Or
 * or Not are not a field: they still apply, as every condition does. Fields are a view; the conditions are
 * what evaluation tests.
 */
import { HEADER_ATTRIBUTES, type Condition, type HeaderAttribute } from './model.js';

export interface HeaderAttributeConfig {
  attribute: HeaderAttribute;
  name: string;
  active: boolean;
  mandatory: boolean;
}

export interface HeaderField {
  attribute: HeaderAttribute;
  name: string;
  mandatory: boolean;
  values: string[];
}

/** Each known attribute's configuration; an attribute never configured is inactive and not mandatory. */
export function headerConfiguration(stored: readonly HeaderAttributeConfig[]): HeaderAttributeConfig[] {
  const byAttribute = new Map(stored.map((c) => [c.attribute, c]));
  return HEADER_ATTRIBUTES.map(
    (attribute) =>
      byAttribute.get(attribute) ?? { attribute, name: attribute, active: false, mandatory: false },
  );
}

function required(c: Condition | null, into: Map<HeaderAttribute, string[]>): void {
  if (c === null) return;
  if (c.kind === 'and') for (const x of c.conditions) required(x, into);
  else if (c.kind === 'header') {
    const before = into.get(c.attribute);
    into.set(c.attribute, before === undefined ? [...c.values] : before.filter((v) => c.values.includes(v)));
  }
}

export function headerFields(
  condition: Condition | null,
  config: readonly HeaderAttributeConfig[],
): HeaderField[] {
  const values = new Map<HeaderAttribute, string[]>();
  required(condition, values);
  return headerConfiguration(config)
    .filter((c) => c.active)
    .map((c) => ({
      attribute: c.attribute,
      name: c.name,
      mandatory: c.mandatory,
      values: values.get(c.attribute) ?? [],
    }));
}
