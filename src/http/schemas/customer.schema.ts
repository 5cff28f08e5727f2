import { Type, type Static } from '@sinclair/typebox';
import type { CustomerRecord } from '../../core/customer/customer.js';
import { Nullable } from './common.js';

const Str = (max: number, description?: string) =>
  Nullable(Type.String({ maxLength: max, ...(description ? { description } : {}) }));
const Flags = Type.Object(
  {
    email: Type.Optional(Type.Boolean()),
    sms: Type.Optional(Type.Boolean()),
    push: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
const AttributeValue = Type.Union([
  Type.String({ maxLength: 1000 }),
  Type.Number(),
  Type.Boolean(),
  Type.Null(),
]);

const AddressInput = Type.Object(
  {
    line1: Type.Optional(Str(200)),
    line2: Type.Optional(Str(200)),
    line3: Type.Optional(Str(200)),
    line4: Type.Optional(Str(200)),
    zipCode: Type.Optional(Str(20)),
    city: Type.Optional(Str(100)),
    country: Type.Optional(Str(100, 'ISO 3166 code (FR) or name (FRANCE)')),
  },
  { additionalProperties: false },
);

const fields = {
  civility: Type.Optional(Str(40, 'Code or label from /v1/reference/civilities')),
  firstName: Type.Optional(Str(200, 'At most 50 characters once trimmed')),
  lastName: Type.Optional(Str(200, 'Required; at most 40 characters once trimmed')),
  gender: Type.Optional(
    Nullable(
      Type.Union([
        Type.Literal('male'),
        Type.Literal('female'),
        Type.Literal('other'),
        Type.Literal('unknown'),
      ]),
    ),
  ),
  birthDay: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 31 }))),
  birthMonth: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 12 }))),
  birthYear: Type.Optional(Nullable(Type.Integer({ minimum: 1900, maximum: 9999 }))),
  mobile: Type.Optional(Str(32, 'International format with country code, e.g. +33612345678')),
  phone: Type.Optional(Str(32, 'International format with country code')),
  email: Type.Optional(Str(254)),
  address: Type.Optional(Nullable(AddressInput)),
  customerType: Type.Optional(Str(40)),
  identificationType: Type.Optional(Str(40)),
  identificationNumber: Type.Optional(Str(64)),
  customerCode: Type.Optional(Str(64, 'Unique per merchant')),
  attributes: Type.Optional(
    Type.Record(Type.String({ maxLength: 64 }), AttributeValue, { maxProperties: 100 }),
  ),
  consents: Type.Optional(Flags),
  blacklist: Type.Optional(Flags),
  source: Type.Optional(Str(100)),
  noFidelity: Type.Optional(Type.Boolean()),
  active: Type.Optional(Type.Boolean()),
  godfatherId: Type.Optional(Str(64, 'Sponsor: id of another customer; a godchild has one godfather')),
};

export const CustomerCreate = Type.Object(fields, { additionalProperties: false, $id: 'CustomerCreate' });
export const CustomerPatch = Type.Object(fields, { additionalProperties: false, $id: 'CustomerPatch' });
export type CustomerBody = Static<typeof CustomerCreate>;

const FlagsOut = Type.Object({ email: Type.Boolean(), sms: Type.Boolean(), push: Type.Boolean() });
export const Customer = Type.Object(
  {
    id: Type.String(),
    number: Type.Integer({ description: 'Numeric reference, stable; used by the dialects' }),
    civility: Nullable(Type.String()),
    firstName: Nullable(Type.String()),
    lastName: Nullable(Type.String()),
    gender: Nullable(Type.String()),
    birthDay: Nullable(Type.Integer()),
    birthMonth: Nullable(Type.Integer()),
    birthYear: Nullable(Type.Integer()),
    mobile: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    email: Nullable(Type.String()),
    address: Type.Object({
      line1: Nullable(Type.String()),
      line2: Nullable(Type.String()),
      line3: Nullable(Type.String()),
      line4: Nullable(Type.String()),
      zipCode: Nullable(Type.String()),
      city: Nullable(Type.String()),
      country: Nullable(Type.String()),
    }),
    customerType: Nullable(Type.String()),
    identificationType: Nullable(Type.String()),
    identificationNumber: Nullable(Type.String()),
    customerCode: Nullable(Type.String()),
    attributes: Type.Record(Type.String(), AttributeValue),
    consents: FlagsOut,
    blacklist: FlagsOut,
    source: Nullable(Type.String()),
    noFidelity: Type.Boolean(),
    active: Type.Boolean(),
    godfatherId: Nullable(Type.String()),
    cards: Type.Array(Type.String()),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Customer' },
);

export const CustomerPage = Type.Object(
  { data: Type.Array(Type.Ref('Customer')), nextCursor: Nullable(Type.String()) },
  { $id: 'CustomerPage' },
);

export function customerView(record: CustomerRecord): Static<typeof Customer> {
  return {
    id: record.id,
    number: record.ref,
    ...record.data,
    cards: record.cards,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
