import { Type } from '@sinclair/typebox';

export const PeriodQuery = Type.Object(
  {
    from: Type.Optional(
      Type.String({
        maxLength: 40,
        description: 'Start (inclusive), RFC 3339 date or date-time; default to − 30 days',
      }),
    ),
    to: Type.Optional(Type.String({ maxLength: 40, description: 'End (exclusive); default now' })),
  },
  { additionalProperties: false },
);

const Period = Type.Object({ from: Type.String(), to: Type.String() });
const int = (description: string) => Type.Integer({ description });

export const SummaryReport = Type.Object(
  {
    period: Period,
    currency: Type.String({ description: "The merchant's currency (ISO 4217) of the amounts" }),
    sales: Type.Object({
      count: int('Sales dated within the period, cancelled ones left out'),
      amountMinor: int('Their total, minor units'),
      returnedMinor: int('What was returned of them, minor units'),
      cancelled: int('Sales of the period that were cancelled'),
      activeCustomers: int('Distinct customers with a sale in the period'),
    }),
    points: Type.Object({
      earned: int('Points earned by sales in the period'),
      burnt: int('Points spent (redeemed) in the period'),
      expired: int('Points that expired in the period'),
      reversed: int('Net points of reversals (returns, cancellations) in the period, signed'),
      adjusted: int('Net points of manual adjustments in the period, signed'),
    }),
    customers: Type.Object({
      total: int('Active customers on file'),
      active: int('Customers with a sale in the period'),
    }),
    liability: Type.Object({
      asOf: Type.String(),
      activePoints: int('Spendable points on all cards now (the points liability)'),
      pendingPoints: int('Points still in their pending period'),
      value: Type.Array(
        Type.Object({
          currency: Type.String(),
          points: int('Active points of the programs that value their points (pointValuePer100)'),
          amount: Type.Integer({ description: 'Their value in minor units, rounded down' }),
        }),
        { description: 'The liability in money, per currency; empty when no program values its points' },
      ),
    }),
    expiring: Type.Array(
      Type.Object({ days: Type.Integer(), points: int('Points expiring within this many days from now') }),
    ),
  },
  {
    example: {
      period: { from: '2026-10-30T12:00:00.000Z', to: '2026-11-29T12:00:00.000Z' },
      currency: 'EUR',
      sales: { count: 42, amountMinor: 1834500, returnedMinor: 7000, cancelled: 1, activeCustomers: 17 },
      points: { earned: 18345, burnt: 1200, expired: 0, reversed: -70, adjusted: 5 },
      customers: { total: 214, active: 17 },
      liability: {
        asOf: '2026-11-29T12:00:00.000Z',
        activePoints: 96310,
        pendingPoints: 420,
        value: [{ currency: 'EUR', points: 96310, amount: 48155 }],
      },
      expiring: [
        { days: 30, points: 1300 },
        { days: 60, points: 2450 },
        { days: 90, points: 5110 },
      ],
    },
  },
);

export const TierReport = Type.Object(
  {
    asOf: Type.String(),
    programs: Type.Array(
      Type.Object({
        id: Type.String(),
        code: Type.String(),
        name: Type.String(),
        basis: Type.String({ enum: ['points', 'purchaseAmount'] }),
        tiers: Type.Array(
          Type.Object({
            index: int('Step index; 0 gathers the cards that reached no step'),
            label: Type.String(),
            threshold: int('Points, or minor units of purchases'),
            cards: int('Active cards at this step now'),
          }),
        ),
      }),
    ),
  },
  {
    example: {
      asOf: '2026-11-29T12:00:00.000Z',
      programs: [
        {
          id: 'prg_01m8j839ez29hzy82mvx1j9tjw',
          code: 'VIP',
          name: 'Carte VIP',
          basis: 'purchaseAmount',
          tiers: [
            { index: 0, label: '', threshold: 0, cards: 12 },
            { index: 1, label: 'Un bon de 25 € offert ou 1 cadeau', threshold: 50000, cards: 3 },
            { index: 2, label: 'Un bon de 40 € offert', threshold: 80000, cards: 1 },
          ],
        },
      ],
    },
  },
);

export const DailyReport = Type.Object(
  {
    period: Period,
    days: Type.Array(
      Type.Object({
        day: Type.String({ description: 'UTC day, YYYY-MM-DD' }),
        sales: Type.Integer(),
        amountMinor: Type.Integer({ description: 'Sales net of returns, minor units' }),
        earned: Type.Integer(),
        burnt: Type.Integer(),
      }),
    ),
  },
  {
    example: {
      period: { from: '2026-11-27T00:00:00.000Z', to: '2026-11-29T00:00:00.000Z' },
      days: [
        { day: '2026-11-27', sales: 0, amountMinor: 0, earned: 0, burnt: 0 },
        { day: '2026-11-28', sales: 3, amountMinor: 302500, earned: 3025, burnt: 500 },
      ],
    },
  },
);
