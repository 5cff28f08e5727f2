/** The card fields and the bonus collection of CashDesk balance answers (spec/cashdesk.md). */
import { Type, type Static } from '@sinclair/typebox';
import type { CardDetails } from '../../app/cards/cards-common.js';
import type { PointsBalance } from '../../app/ledger/balance.js';
import { contactCodeOf } from '../../app/cards/contact-card.js';
import { Envelope } from './envelope.js';

const STATUS: Readonly<Record<string, [number, string]>> = {
  new: [0, 'New'],
  issued: [1, 'Issued'],
  active: [2, 'Active'],
  blocked: [3, 'Blocked'],
  // Tessera's terminal states have no CashDesk code: the till sees an unusable (blocked) card.
  replaced: [3, 'Blocked'],
  expired: [3, 'Blocked'],
};
const CATEGORY: Readonly<Record<string, [number, string]>> = {
  plastic: [0, 'Plastic'],
  virtual: [1, 'Virtual'],
};
const TYPE: Readonly<Record<string, [number, string]>> = {
  bonus: [0, 'Bonus'],
  discount: [1, 'Discount'],
  bonus_discount: [2, 'Bonus/Discount'],
};

export const BonusesInfo = Type.Object({
  Amount: Type.Number({ description: 'Number of bonuses in this status' }),
  StatusCode: Type.Integer({
    description: '0 active, 1 inactive (pending), 2 burnt out, 3 frozen, 4 nearest burning',
  }),
  StatusName: Type.String(),
  ExpireDate: Type.Optional(Type.String({ description: 'Nearest expiry (RFC 3339), status 4 only' })),
  TypeCode: Type.Integer({ description: '0 cash, 1 status' }),
  TypeName: Type.String(),
});

const cardFields = {
  Number: Type.String(),
  MobileNumber: Type.String({ description: "Contact's mobile number (E.164); empty when unbound" }),
  Code: Type.String({ description: 'Contact code; empty when unbound' }),
  StatusCode: Type.Integer({ description: '0 New, 1 Issued, 2 Active, 3 Blocked' }),
  StatusName: Type.String(),
  Name: Type.String({ description: 'Name of the contact the card is bound to' }),
  CategoryCode: Type.Integer({ description: '0 Plastic, 1 Virtual' }),
  CategoryName: Type.String(),
  TypeCode: Type.Integer({ description: '0 Bonus, 1 Discount, 2 Bonus/Discount' }),
  TypeName: Type.String(),
  Bonuses: Type.Array(BonusesInfo),
};

/** The envelope with the card fields, which are present on success only. */
export const BalanceEnvelope = Type.Composite([Envelope, Type.Partial(Type.Object(cardFields))]);
export type BalanceEnvelope = Static<typeof BalanceEnvelope>;
type BonusesInfo = Static<typeof BonusesInfo>;

const cash = { TypeCode: 0, TypeName: 'cash' } as const;

function bonuses(points: PointsBalance): BonusesInfo[] {
  const list: BonusesInfo[] = [
    { Amount: points.active, StatusCode: 0, StatusName: 'active', ...cash },
    { Amount: points.pending, StatusCode: 1, StatusName: 'inactive', ...cash },
    { Amount: points.expired, StatusCode: 2, StatusName: 'burnt out', ...cash },
    { Amount: points.frozen, StatusCode: 3, StatusName: 'frozen', ...cash },
  ];
  if (points.nearestExpiry) {
    list.push({
      Amount: points.nearestExpiry.amount,
      StatusCode: 4,
      StatusName: 'with the nearest burning date',
      ExpireDate: points.nearestExpiry.date,
      ...cash,
    });
  }
  return list;
}

/** A successful balance answer. */
export function balanceView(details: CardDetails, points: PointsBalance): BalanceEnvelope {
  const { card, program, customer } = details;
  const [statusCode, statusName] = STATUS[card.status] ?? [3, 'Blocked'];
  const [categoryCode, categoryName] = CATEGORY[program?.cardCategory ?? 'plastic'] ?? [0, 'Plastic'];
  const [typeCode, typeName] = TYPE[program?.cardType ?? 'bonus'] ?? [0, 'Bonus'];
  const name = customer
    ? [customer.data.firstName, customer.data.lastName].filter((part) => part).join(' ')
    : '';
  return {
    Status: true,
    Key: '',
    Value: '',
    Number: card.number,
    MobileNumber: customer?.data.mobile ?? '',
    Code: customer ? contactCodeOf(customer) : '',
    StatusCode: statusCode,
    StatusName: statusName,
    Name: name,
    CategoryCode: categoryCode,
    CategoryName: categoryName,
    TypeCode: typeCode,
    TypeName: typeName,
    Bonuses: bonuses(points),
  };
}
