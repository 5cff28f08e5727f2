/** GET /api/v1/cards/{number}/balance: the engine's card balance in the seed's array shape. */
import { Type, type Static } from '@sinclair/typebox';
import type { CardBalance } from '../../app/ledger/balance.js';
import type { ProgramRecord } from '../../app/programs/programs.js';
import { toMajor } from './money.js';

const NullableInt = Type.Union([Type.Integer(), Type.Null()]);
const NullableString = Type.Union([Type.String(), Type.Null()]);

export const AvomarkStep = Type.Object({
  current: NullableInt,
  next: NullableInt,
  type: Type.String({ description: 'purchaseAmount or points' }),
  availables: Type.Array(Type.Integer({ description: 'Reached steps whose reward can be generated' })),
  steps: Type.Array(
    Type.Object({
      index: Type.Integer(),
      value: Type.String({ description: 'Threshold: euros for purchaseAmount, points otherwise' }),
      forcedUse: Type.Boolean(),
      reward: Type.String(),
    }),
  ),
});

export const AvomarkBalance = Type.Object({
  shopId: NullableInt,
  available: Type.Boolean(),
  discount: Type.Number(),
  purchases: Type.Integer(),
  purchaseAmount: Type.Number(),
  discountCumulative: Type.Number(),
  purchasesCumulative: Type.Integer(),
  purchaseAmountCumulative: Type.Number(),
  info: Type.String(),
  primaryLoyaltyBalance: Type.Object({
    label: Type.String(),
    type: Type.String({ description: 'int (points) or money' }),
    value: Type.Number(),
    moneyCurrency: NullableString,
    step: Type.Union([AvomarkStep, Type.Null()]),
  }),
  dateFirstPurchase: NullableString,
  dateLastPurchase: NullableString,
});
export type AvomarkBalance = Static<typeof AvomarkBalance>;

/** The seed's text for the deprecated field, verbatim. */
export const DEPRECATED_INFO = '!! DEPRECATED : DOT USE balance.info FIELD !!';

/** "2019-12-05T12:15:30.583": the seed's date form, UTC without the zone letter. */
function avomarkDate(iso: string | null): string | null {
  if (iso === null) return null;
  return new Date(iso).toISOString().replace(/Z$/, '');
}

const capitalized = (s: string) => (s === '' ? s : s[0]!.toUpperCase() + s.slice(1));

export function toAvomarkBalance(
  balance: CardBalance,
  program: ProgramRecord | null,
  shopId: number | null,
): AvomarkBalance {
  const money = program?.cardType === 'discount';
  const tiers = program?.tiers;
  const step =
    balance.tier && tiers && tiers.steps.length > 0
      ? {
          current: balance.tier.current,
          next: balance.tier.next,
          type: balance.tier.type,
          availables: balance.tier.availables,
          steps: [...tiers.steps]
            .sort((a, b) => a.index - b.index)
            .map((s) => ({
              index: s.index,
              value: String(tiers.type === 'purchaseAmount' ? toMajor(s.threshold) : s.threshold),
              forcedUse: s.forcedUse,
              reward: s.label,
            })),
        }
      : null;
  return {
    shopId,
    available: (balance.tier?.availables.length ?? 0) > 0,
    discount: toMajor(balance.discountMinor),
    purchases: balance.purchases.period.count,
    purchaseAmount: toMajor(balance.purchases.period.amount),
    discountCumulative: toMajor(balance.discountMinor),
    purchasesCumulative: balance.purchases.cumulative.count,
    purchaseAmountCumulative: toMajor(balance.purchases.cumulative.amount),
    info: DEPRECATED_INFO,
    primaryLoyaltyBalance: {
      label: money ? 'Remise' : capitalized(program?.pointsLabel ?? 'points'),
      type: money ? 'money' : 'int',
      value: money ? toMajor(balance.discountMinor) : balance.active,
      moneyCurrency: money ? (program?.currency ?? null) : null,
      step,
    },
    dateFirstPurchase: avomarkDate(balance.purchases.firstDate),
    dateLastPurchase: avomarkDate(balance.purchases.lastDate),
  };
}
