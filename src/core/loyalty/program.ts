/**
 * A loyalty program (card type): what a card of it looks like, how it earns, its tiers and lifetimes.
 * Validated when written; the engine trusts a stored program.
 */
import type { CardNumberFormat } from '../cards/card-number.js';
import { validateExpiryPolicy, type ExpiryPolicy } from '../ledger/expiry-policy.js';
import { validateRules, type EarningRule } from '../rules/index.js';
import { validateLadder, type TierLadder } from '../rules/tiers.js';

export const CARD_TYPES = ['bonus', 'discount', 'bonus_discount'] as const;
export type CardType = (typeof CARD_TYPES)[number];
export const CARD_CATEGORIES = ['plastic', 'virtual'] as const;
export type CardCategory = (typeof CARD_CATEGORIES)[number];

/** Customer fields that may be required before a card can be activated. */
export const REQUIRABLE_FIELDS = [
  'firstName',
  'lastName',
  'civility',
  'birthDay',
  'birthMonth',
  'birthYear',
  'mobile',
  'email',
  'address.line1',
  'address.zipCode',
  'address.city',
  'address.country',
] as const;
export type RequirableField = (typeof REQUIRABLE_FIELDS)[number];

/** What a voucher generated from a tier or a gift looks like. */
export interface VoucherTemplate {
  id: string;
  kind: 'amount' | 'percentage' | 'gift' | 'choices';
  /** Minor units for amount, percent for percentage, money value (minor units, may be 0) for gift. */
  value: number;
  label: string;
  validityDays: number | null;
  splittable: boolean;
  options: { type: 'amount' | 'percentage' | 'gift'; value: number; label?: string }[];
}

export interface ProgramSettings {
  cardType: CardType;
  cardCategory: CardCategory;
  numberFormat: CardNumberFormat;
  pointsLabel: string;
  currency: string;
  pendingDays: number;
  expiry: ExpiryPolicy;
  rules: EarningRule[];
  tiers: TierLadder;
  voucherTemplates: VoucherTemplate[];
  requiredFields: RequirableField[];
  /** Discount programs: percent of each eligible purchase accumulated as discount, in basis points. */
  discountBasisPoints: number;
  negativeBalance: 'allow' | 'cap_at_zero';
  cancelWindowHours: number;
  requireKnownItems: boolean;
  oneCardPerCustomer: boolean;
  /** The card carries a money wallet (deposit, withdrawal, credit, fees lines of a sale). */
  walletEnabled: boolean;
  /** Sponsorship (godfather and godchild); null when not activated. */
  sponsorship: SponsorshipSettings | null;
  /** Customers may share a mobile number (else a second customer with a mobile already used is refused). */
  sharedMobiles: boolean;
  /**
   * What 100 points are worth, in minor units of the program's currency (50: 100 points = 0.50); null or
   * absent when the points have no money value. The dashboard values the points liability with it.
   */
  pointValuePer100?: number | null;
}

/** What sponsorship pays, once each: to the godfather on the godchild's first purchase, to the godchild at enrolment. */
export interface SponsorshipSettings {
  godfatherPoints: number;
  godchildPoints: number;
}

export interface Program extends ProgramSettings {
  id: string;
  code: string;
  name: string;
  active: boolean;
}

export interface ProgramIssue {
  field: string;
  message: string;
}

/** Checks a program's settings as a whole; every problem is listed. */
export function validateProgram(settings: ProgramSettings): ProgramIssue[] {
  const issues: ProgramIssue[] = [];
  const { numberFormat } = settings;
  if (!/^\d*$/.test(numberFormat.prefix))
    issues.push({ field: 'numberFormat.prefix', message: 'digits only' });
  if (numberFormat.length < numberFormat.prefix.length + 2 || numberFormat.length > 19) {
    issues.push({ field: 'numberFormat.length', message: 'between the prefix length + 2 and 19' });
  }
  const value = settings.pointValuePer100;
  if (
    value !== undefined &&
    value !== null &&
    (!Number.isSafeInteger(value) || value < 1 || value > 1_000_000_000)
  )
    issues.push({
      field: 'pointValuePer100',
      message: 'a whole number of minor units from 1 to 1000000000, or null',
    });
  if (settings.pendingDays < 0 || settings.pendingDays > 365 || !Number.isInteger(settings.pendingDays)) {
    issues.push({ field: 'pendingDays', message: 'an integer from 0 to 365' });
  }
  const expiry = validateExpiryPolicy(settings.expiry);
  if (!expiry.ok) issues.push({ field: 'expiry', message: expiry.message });
  const rules = validateRules(settings.rules);
  if (!rules.ok) for (const i of rules.issues) issues.push({ field: `rules${i.field}`, message: i.message });
  const ladder = validateLadder(settings.tiers);
  if (!ladder.ok) issues.push({ field: 'tiers', message: ladder.message });
  const templateIds = new Set(settings.voucherTemplates.map((t) => t.id));
  for (const step of settings.tiers.steps) {
    if (step.reward.kind === 'voucher_template' && !templateIds.has(step.reward.templateId)) {
      issues.push({
        field: `tiers.steps.${step.index}`,
        message: `unknown voucher template "${step.reward.templateId}"`,
      });
    }
  }
  for (const t of settings.voucherTemplates) {
    if (!Number.isInteger(t.value) || t.value < 0)
      issues.push({ field: `voucherTemplates.${t.id}`, message: 'value must be a non-negative integer' });
    if (t.kind === 'percentage' && t.value > 100)
      issues.push({ field: `voucherTemplates.${t.id}`, message: 'a percentage is at most 100' });
    if (t.kind === 'choices' && t.options.length < 2)
      issues.push({
        field: `voucherTemplates.${t.id}`,
        message: 'a choices voucher needs 2 options or more',
      });
  }
  if (settings.discountBasisPoints < 0 || settings.discountBasisPoints > 10000) {
    issues.push({ field: 'discountBasisPoints', message: 'from 0 to 10000 (100%)' });
  }
  if (settings.cardType === 'discount' && settings.discountBasisPoints === 0) {
    issues.push({ field: 'discountBasisPoints', message: 'a discount program needs a discount rate' });
  }
  for (const field of ['godfatherPoints', 'godchildPoints'] as const) {
    const points = settings.sponsorship?.[field] ?? 0;
    if (!Number.isInteger(points) || points < 0 || points > 1_000_000_000)
      issues.push({ field: `sponsorship.${field}`, message: 'an integer from 0 to 1000000000' });
  }
  if (!/^[A-Z]{3}$/.test(settings.currency))
    issues.push({ field: 'currency', message: 'an ISO 4217 code such as EUR' });
  return issues;
}

/** Whether the customer's data allows a card to be activated under this program. */
export function missingRequiredFields(
  required: readonly RequirableField[],
  customer: Record<string, unknown> & { address?: Record<string, unknown> },
): RequirableField[] {
  return required.filter((field) => {
    const value = field.startsWith('address.') ? customer.address?.[field.slice(8)] : customer[field];
    return value === null || value === undefined || value === '';
  });
}

/** A stored program: its settings plus what only the database knows. */
export interface ProgramRecord extends Program {
  merchantId: string;
  nextSerial: number;
  createdAt: string;
  updatedAt: string;
}
