/**
 * What a promotion is given when it is written, beyond its definition: its completeness state (complete when
 * it has no gap, core/promotions/completeness.ts) and the header fields it shows (from the merchant's header
 * attribute configuration, core/promotions/header-fields.ts). The workflow is given on creation only
 * (workflows.ts).
 */
import { detail, fail, type ErrorDetail, type Failure } from '../../core/error-catalog.js';
import {
  completenessGaps,
  gapMessage,
  namedCouponTypes,
  type CompletenessGap,
} from '../../core/promotions/completeness.js';
import { headerFields, type HeaderField } from '../../core/promotions/header-fields.js';
import type { Promotion } from '../../core/promotions/model.js';
import * as repo from '../../db/repos/workflows.repo.js';
import type { PromotionState } from '../../db/schema/index.js';
import type { Deps } from '../context.js';
import { headerAttributes } from './header-attributes.js';

export interface PromotionProfile {
  state: PromotionState;
  gaps: CompletenessGap[];
  headerFields: HeaderField[];
}

/** A promotion refused because it is not complete; `gaps` says what it lacks (for a dialect's wording). */
export type IncompleteFailure = Failure & { code: 'PROMOTION_INCOMPLETE'; gaps: CompletenessGap[] };

export async function profileOf(deps: Deps, merchantId: string, p: Promotion): Promise<PromotionProfile> {
  const named = namedCouponTypes(p).map((x) => x.type);
  const [couponTypes, config] = await Promise.all([
    repo.existingCouponTypes(deps.db, merchantId, named),
    headerAttributes(deps, merchantId),
  ]);
  const gaps = completenessGaps(p, { couponTypes: new Set(couponTypes) });
  return {
    state: gaps.length === 0 ? 'complete' : 'incomplete',
    gaps,
    headerFields: headerFields(p.condition, config),
  };
}

export function incomplete(gaps: CompletenessGap[]): IncompleteFailure {
  const details: ErrorDetail[] = gaps.map((g) => detail('PROMOTION_INCOMPLETE', g.path, gapMessage(g)));
  const first = gaps[0]!;
  return {
    ...fail(
      'PROMOTION_INCOMPLETE',
      `The promotion is not complete: ${first.path} ${gapMessage(first)}.`,
      details,
    ),
    code: 'PROMOTION_INCOMPLETE',
    gaps,
  };
}
