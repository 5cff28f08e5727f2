/**
 * The header attribute configuration of a merchant (the console's "header attributes"): each transaction
 * header attribute a Header condition tests, active or not, mandatory or not. It decides the header fields a
 * promotion shows (core/promotions/header-fields.ts); it never refuses a promotion.
 */
import { fail, ok, type Result } from '../../core/error-catalog.js';
import { headerConfiguration, type HeaderAttributeConfig } from '../../core/promotions/header-fields.js';
import { HEADER_ATTRIBUTES, type HeaderAttribute } from '../../core/promotions/model.js';
import * as repo from '../../db/repos/workflows.repo.js';
import type { Deps } from '../context.js';

export const isHeaderAttribute = (a: string): a is HeaderAttribute =>
  (HEADER_ATTRIBUTES as readonly string[]).includes(a);

/** Every known attribute, configured or not (never configured: inactive and not mandatory). */
export async function headerAttributes(deps: Deps, merchantId: string): Promise<HeaderAttributeConfig[]> {
  const rows = await repo.headerAttributesOf(deps.db, merchantId);
  return headerConfiguration(
    rows
      .filter((r) => isHeaderAttribute(r.attribute))
      .map((r) => ({
        attribute: r.attribute as HeaderAttribute,
        name: r.name,
        active: r.active === 1,
        mandatory: r.mandatory === 1,
      })),
  );
}

export async function setHeaderAttribute(
  deps: Deps,
  merchantId: string,
  attribute: string,
  input: { name?: string | undefined; active: boolean; mandatory: boolean },
): Promise<Result<HeaderAttributeConfig>> {
  if (!isHeaderAttribute(attribute))
    return fail(
      'HEADER_ATTRIBUTE_NOT_FOUND',
      `${attribute} is no header attribute; use one of ${HEADER_ATTRIBUTES.join(', ')}.`,
    );
  const name = input.name?.trim() || attribute;
  await repo.upsertHeaderAttribute(deps.db, {
    merchant_id: merchantId,
    attribute,
    name,
    active: input.active ? 1 : 0,
    mandatory: input.mandatory ? 1 : 0,
    updated_at: deps.now().toISOString(),
  });
  return ok({ attribute, name, active: input.active, mandatory: input.mandatory });
}
