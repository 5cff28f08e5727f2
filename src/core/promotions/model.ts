/**
 * The promotion model, as typed data (discriminated unions), validated when written (parse-promotion.ts).
 * Amounts are integer minor units, rates are integer basis points (1 % = 100), factors are integer
 * thousandths (1.5 = 1500): the grammar's decimal text is converted once, on parse.
 */

/** Item attributes a set can select on (the sale line's attributes record). */
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
] as const;
export type ItemAttribute = (typeof ITEM_ATTRIBUTES)[number];

/** A set of items: every item (`attribute` null), or the items whose attribute is one of `values` (Into). */
export interface ItemSet {
  kind: 'item';
  name: string;
  attribute: ItemAttribute | null;
  values: string[];
}

/** A set of payments: every payment (`values` empty), or the payments whose type is one of `values`. */
export interface PaymentSet {
  kind: 'payment';
  name: string;
  values: string[];
}

export type PromotionSet = ItemSet | PaymentSet;

/** Transaction header attributes a Header condition can test. */
export const HEADER_ATTRIBUTES = [
  'store',
  'terminal',
  'region',
  'customerType',
  'segment',
  'contract',
] as const;
export type HeaderAttribute = (typeof HEADER_ATTRIBUTES)[number];

export type Condition =
  | { kind: 'exists'; set: string }
  | { kind: 'header'; attribute: HeaderAttribute; values: string[] }
  | { kind: 'and'; conditions: Condition[] }
  | { kind: 'or'; conditions: Condition[] }
  | { kind: 'not'; condition: Condition }
  /** The basket's date between from and to (inclusive, yyyy-MM-dd local dates of the basket). */
  | { kind: 'dateRange'; from: string | null; to: string | null }
  /** The basket's local time of day within [from, to) (HH:MM; from > to wraps past midnight). */
  | { kind: 'timeRange'; from: string; to: string }
  /** The basket's local day of week (1 Monday … 7 Sunday) is one of `days`. */
  | { kind: 'daysOfWeek'; days: number[] }
  /** A valid coupon of this type is presented with the basket (it is redeemed when the promotion applies). */
  | { kind: 'coupon'; couponType: string };

/** A combo component: each application needs `min` units of the set (3x2: min 3 on the SKU). */
export interface ComboComponent {
  set: string;
  min: number;
  max: number;
}

/** Where a benefit lands: the units of a set, at most `max` units per application (absent: all). */
export interface AppliedSet {
  set: string;
  max: number | null;
}

export interface BenefitMessages {
  display: string | null;
  printer: string | null;
  tlog: string | null;
}

/** Staggered values: the step whose [min, max] holds the benefited quantity gives its value. */
export interface StaggeredStep {
  nro: string | null;
  min: number;
  max: number | null;
  /** Minor units for FixedDiscount, basis points for PercentageDiscount. */
  value: number;
}

export interface BenefitCommon {
  nro: string;
  messages: BenefitMessages;
  /** lineByLine: the value is applied to each benefited unit; resume: once, prorated over the lines. */
  applicationMethod: 'lineByLine' | 'resume';
  proration: 'proportional';
  /** The amount a rate applies to: after the discounts of promotions applied before, or the original. */
  priceBase: 'benefited' | 'original';
  unit: string;
  recovery: { value: number; type: string };
  appliedTo: AppliedSet[];
}

/** A line of the redeem-by-catalog table (store "-" = every store). */
export interface CatalogRedeemEntry {
  store: string;
  code: string;
  points: number;
  discountType: 'perc' | 'fix' | 'nprice';
  /** Basis points for perc, minor units for fix and nprice. */
  discountValue: number;
}

/** Benefit kinds the model leaves undefined: stored and reported to the till as messages, never computed. */
export const MESSAGE_ONLY_KINDS = [
  'PaymentPlanBenefit',
  'BankRefundBenefit',
  'ExternalBenefit',
  'RedeemWithOptionsBenefit',
  'CalculatedCouponApplicationBenefit',
  'CalculatedCouponBenefit',
  'GeneralBenefit',
] as const;
export type MessageOnlyKind = (typeof MESSAGE_ONLY_KINDS)[number];

export type Benefit = BenefitCommon &
  (
    | { kind: 'PercentageDiscount'; percentBp: number; staggered: StaggeredStep[] | null }
    | { kind: 'FixedDiscount'; amountMinor: number; staggered: StaggeredStep[] | null }
    | { kind: 'NewPrice'; priceMinor: number }
    | { kind: 'ContractPercentageDiscount'; percentBp: number; contracts: string[] }
    | { kind: 'LoyaltyBenefit'; points: number; cardType: string | null }
    | { kind: 'PercentLoyaltyBenefit'; percentBp: number; cardType: string | null }
    | { kind: 'FactorLoyaltyBenefit'; factorMilli: number; cardType: string | null }
    | { kind: 'CouponBenefit'; couponType: string; quantity: number }
    | { kind: 'RedeemPointsBenefit'; factorMilli: number; cardType: string | null }
    | { kind: 'CatalogRedeemBenefit'; entries: CatalogRedeemEntry[] }
    | { kind: 'GiftBenefit'; gift: string; quantity: number }
    | { kind: MessageOnlyKind; parameters: Record<string, string> }
  );
export type BenefitKind = Benefit['kind'];

export interface TimeRange {
  from: string;
  to: string;
}

export interface Validity {
  /** Instants (RFC 3339); null: open. */
  from: string | null;
  to: string | null;
  /** 1 Monday … 7 Sunday; empty: every day. */
  daysOfWeek: number[];
  /** Local times of day; empty: all day. */
  timeRanges: TimeRange[];
}

export interface Promotion {
  /** 24-hex id. */
  nro: string;
  code: string;
  name: string;
  type: string | null;
  subtype: string | null;
  applicationForm: string | null;
  reportParticipants: boolean;
  suggest: 'not' | 'always';
  /** Suggestion text for the till. */
  descriptor: string | null;
  priority: number;
  /** An exclusive promotion applies alone: with it, no other promotion of the basket applies. */
  exclusive: boolean;
  validity: Validity;
  /** Store codes and regions where it applies; empty: everywhere. */
  stores: string[];
  regions: string[];
  /** Customer segments and types it is for; empty: everyone. */
  segments: string[];
  customerTypes: string[];
  sets: PromotionSet[];
  condition: Condition | null;
  combo: ComboComponent[];
  benefits: Benefit[];
  /**
   * The marketing campaign it belongs to (e.g. "BLACK FRIDAY", "Mercadeo"), as reports show it; never read by
   * evaluation. Absent when not given.
   */
  campaign?: string;
  /**
   * The channels it is deployed to (e.g. "Punto de venta", "Ecommerce"), as reports show them; never read by
   * evaluation. Absent when not given.
   */
  deploymentChannels?: string[];
}

export type LimitScope = 'customer' | 'store' | 'retailer';
export type LimitType = 'count' | 'quantity' | 'amount';

export interface Limit {
  id: string;
  promotion: string;
  benefit: string;
  scope: LimitScope;
  /** For a store limit: the one store it counts (null: each store counts on its own). */
  storeCode: string | null;
  /** null: never resets; else the counter resets every numberDays days. */
  periodDays: number | null;
  type: LimitType;
  max: number;
}

/** The counter of one limit for one subject (customer id, store code, or "-" for the retailer). */
export interface LimitCounter {
  used: number;
  /** When the counter starts again from 0 (null: never). */
  nextReset: string | null;
}

export interface EvaluationStep {
  fn: 'ALL' | 'SIMPLE';
  promotions: string[];
}

/** An immutable map version, as evaluation reads it (with the live limits and date exclusions). */
export interface MapVersion {
  version: number;
  startDate: string;
  endDate: string | null;
  stores: string[];
  promotions: Promotion[];
  /** Steps over promotion nros; promotions named by no step run in a final ALL step. */
  algorithm: EvaluationStep[];
  limits: Limit[];
  /** "nro|storeCode|yyyy-MM-dd" (storeCode "*" for every store). */
  exclusions: ReadonlySet<string>;
}
