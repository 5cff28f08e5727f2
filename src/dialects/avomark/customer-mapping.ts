/** Avomark customers on the wire ↔ the engine's customer records. */
import { Type, type Static } from '@sinclair/typebox';
import type { CustomerRecord } from '../../app/customers/customers.js';
import type { AttributeValue, CustomerInput } from '../../core/customer/customer.js';
import { countryOf } from '../../core/reference/countries.js';
import { AvomarkError } from './errors.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const NullableString = Nullable(Type.String());

export const AvomarkAddress = Type.Object({
  address1: Type.String(),
  address2: Type.String(),
  address3: Type.String(),
  address4: Type.String(),
  zipCode: Type.String(),
  city: Type.String(),
  country: Type.String({ description: 'French name in capitals, e.g. FRANCE' }),
});

export const AvomarkCriterion = Type.Object({
  code: Type.String(),
  value: Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]),
});

/** A criterion sent: a null value arrives as an absent one (typed clients), and means no value. */
const AvomarkCriterionInput = Type.Object({
  code: Type.String(),
  value: Type.Optional(AvomarkCriterion.properties.value),
});

/** GET /api/v1/customers/{id}: the seed's exact field set. */
export const AvomarkCustomer = Type.Object(
  {
    id: Type.Integer(),
    civility: NullableString,
    lastname: NullableString,
    firstname: NullableString,
    phone: Type.String(),
    mobile: Type.String(),
    email: Type.String(),
    checkEmail: Type.Union([Type.Boolean(), Type.Null()]),
    checkEmailDate: NullableString,
    dayBirthday: NullableString,
    monthBirthday: NullableString,
    yearBirthday: NullableString,
    source: NullableString,
    noFidelity: Type.Boolean(),
    isActive: Type.Boolean(),
    address: AvomarkAddress,
    cards: Type.Array(Type.String()),
    criteria: Type.Array(AvomarkCriterion),
  },
  { description: 'Avomark customer' },
);
export type AvomarkCustomer = Static<typeof AvomarkCustomer>;

const Birth = Type.Union([Type.Integer(), Type.String({ maxLength: 4 }), Type.Null()]);
const Text = Type.Union([Type.String({ maxLength: 500 }), Type.Null()]);

/** POST and PUT bodies. Unknown fields (id, checkEmail... when a GET answer is sent back) are ignored. */
export const AvomarkCustomerInput = Type.Object(
  {
    noFidelity: Type.Optional(Type.Boolean()),
    isActive: Type.Optional(Type.Boolean()),
    civility: Type.Optional(Text),
    lastname: Type.Optional(Text),
    firstname: Type.Optional(Text),
    phone: Type.Optional(Text),
    mobile: Type.Optional(Text),
    email: Type.Optional(Text),
    dayBirthday: Type.Optional(Birth),
    monthBirthday: Type.Optional(Birth),
    yearBirthday: Type.Optional(Birth),
    source: Type.Optional(Text),
    address: Type.Optional(
      Type.Union([
        Type.Object(
          {
            address1: Type.Optional(Text),
            address2: Type.Optional(Text),
            address3: Type.Optional(Text),
            address4: Type.Optional(Text),
            zipcode: Type.Optional(Text),
            zipCode: Type.Optional(Text),
            city: Type.Optional(Text),
            country: Type.Optional(Text),
          },
          { additionalProperties: true },
        ),
        Type.Null(),
      ]),
    ),
    // "Laisser vide le champ" (cases 2 and 3): absent, null, [], "" and [""] all mean no card given.
    cards: Type.Optional(
      Type.Union([
        Type.Array(Type.String({ maxLength: 32 }), { maxItems: 20 }),
        Type.String({ maxLength: 32 }),
      ]),
    ),
    criteria: Type.Optional(Type.Array(AvomarkCriterionInput, { maxItems: 100 })),
    godfather: Type.Optional(
      Type.Union([Type.Integer({ minimum: 1 }), Type.String({ pattern: '^\\d{1,15}$' })], {
        description: "Sponsor: the godfather's Avomark customer id (a godchild has one godfather)",
      }),
    ),
  },
  { additionalProperties: true },
);
export type AvomarkCustomerInput = Static<typeof AvomarkCustomerInput>;

const two = (n: number | null) => (n === null ? null : String(n).padStart(2, '0'));

export function countryName(code: string | null): string {
  if (code === null) return '';
  return (countryOf(code)?.nameFr ?? code).toUpperCase();
}

export function toAvomarkCustomer(record: CustomerRecord): AvomarkCustomer {
  const d = record.data;
  return {
    id: record.ref,
    civility: d.civility,
    lastname: d.lastName,
    firstname: d.firstName,
    phone: d.phone ?? '',
    mobile: d.mobile ?? '',
    email: d.email ?? '',
    checkEmail: null,
    checkEmailDate: null,
    dayBirthday: two(d.birthDay),
    monthBirthday: two(d.birthMonth),
    yearBirthday: d.birthYear === null ? null : String(d.birthYear).padStart(4, '0'),
    source: d.source,
    noFidelity: d.noFidelity,
    isActive: d.active,
    address: {
      address1: d.address.line1 ?? '',
      address2: d.address.line2 ?? '',
      address3: d.address.line3 ?? '',
      address4: d.address.line4 ?? '',
      zipCode: d.address.zipCode ?? '',
      city: d.address.city ?? '',
      country: countryName(d.address.country),
    },
    cards: record.cards,
    criteria: Object.entries(d.attributes).map(([code, value]) => ({ code, value })),
  };
}

/** "01", 1 and "" → 1, 1 and null; anything else is Avomark's 304. */
function birthPart(value: number | string | null | undefined): number | null | undefined {
  if (value === undefined || value === null) return value;
  if (typeof value === 'number') return value;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (!/^\d{1,4}$/.test(trimmed)) throw new AvomarkError(304, 'BIRTH_DATE_INVALID');
  return Number(trimmed);
}

/** Empty strings clear a field, as in the GET answer where an absent value is "". */
function text(value: string | null | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  return value === null || value.trim() === '' ? null : value;
}

function put<K extends keyof CustomerInput>(out: CustomerInput, key: K, value: CustomerInput[K] | undefined) {
  if (value !== undefined) out[key] = value;
}

export function toCustomerInput(body: AvomarkCustomerInput): CustomerInput {
  const out: CustomerInput = {};
  put(out, 'civility', text(body.civility));
  put(out, 'lastName', text(body.lastname));
  put(out, 'firstName', text(body.firstname));
  put(out, 'phone', text(body.phone));
  put(out, 'mobile', text(body.mobile));
  put(out, 'email', text(body.email));
  put(out, 'source', text(body.source));
  put(out, 'birthDay', birthPart(body.dayBirthday));
  put(out, 'birthMonth', birthPart(body.monthBirthday));
  put(out, 'birthYear', birthPart(body.yearBirthday));
  put(out, 'noFidelity', body.noFidelity);
  put(out, 'active', body.isActive);
  if (body.address === null) out.address = null;
  else if (body.address !== undefined) {
    const a = body.address;
    const address: NonNullable<CustomerInput['address']> = {};
    const set = (key: keyof typeof address, value: string | null | undefined) => {
      const v = text(value);
      if (v !== undefined) address[key] = v;
    };
    set('line1', a.address1);
    set('line2', a.address2);
    set('line3', a.address3);
    set('line4', a.address4);
    set('zipCode', a.zipCode !== undefined ? a.zipCode : a.zipcode);
    set('city', a.city);
    set('country', a.country);
    out.address = address;
  }
  if (body.criteria !== undefined) {
    const attributes: Record<string, AttributeValue> = {};
    for (const c of body.criteria) attributes[c.code] = c.value ?? null;
    out.attributes = attributes;
  }
  return out;
}

/** The card numbers a creation body gives, blanks left out ("leave the field empty"). */
export function cardsGiven(cards: AvomarkCustomerInput['cards']): string[] {
  const list = typeof cards === 'string' ? [cards] : (cards ?? []);
  return list.map((c) => c.trim()).filter((c) => c !== '');
}
