/**
 * The PROMO company of the demo: napse (user sender / mate, client my-client with an empty secret), with the
 * records the PROMO manual's examples show, so that its example requests answer its example responses.
 * Where the manual's examples contradict each other, spec/promo-v72.md §11 decides (see the comments).
 */
import type { Deps } from '../../../app/context.js';
import {
  findCustomerProfile,
  saveCustomerProfile,
  type ProfileInput,
} from '../../../app/elements/customer-profiles.js';
import {
  registerElement,
  recordElementMovement,
  type ElementRegistration,
} from '../../../app/elements/element-register.js';
import { createElementType, type ElementTypeInput } from '../../../app/elements/element-types.js';
import { setObjectId } from '../../../app/elements/object-ids.js';
import { loadDemoPromoCoupons } from './demo-promo-coupons.js';
import { loadDemoPromoPromotions } from './demo-promo-promotions.js';
import { loadDemoPromoSales } from './demo-promo-sales.js';
import { saveAgreement, saveReferenceCode } from '../../../app/elements/reference-data.js';
import { NO_DETAILS } from '../../../db/repos/customer-details.repo.js';
import { setMerchantTimeZone } from '../../../db/repos/customer-details.repo.js';
import {
  createApiClient,
  createMerchant,
  createStore,
  createTerminal,
  createUser,
} from '../../../app/tenancy/tenancy.js';

export const PROMO_DEMO = {
  company: 'napse',
  user: { login: 'sender', password: 'mate' },
  client: { id: 'my-client', secret: '' },
  zone: 'America/Argentina/Buenos_Aires',
} as const;

const at = (deps: Deps, iso: string): Deps => ({ ...deps, now: () => new Date(iso) });

function must<T>(result: { ok: true; value: T } | { ok: false; code: string }, what: string): T {
  if (!result.ok) throw new Error(`demo PROMO ${what}: ${result.code}`);
  return result.value;
}

const TYPES: { at: string; input: ElementTypeInput }[] = [
  // §3.5 example 3 (isTypes=true): the two types as documented, with their prefix ranges.
  {
    at: '2020-08-25T18:12:13Z',
    input: {
      code: 'tc01',
      name: 'TC01',
      description: 'TC01',
      numberLength: 16,
      rechargeable: true,
      customerValidation: 'NO',
      ranges: [
        { id: '5f45547d830a697a4012df3c', start: 1, end: 1000 },
        { id: '5f45547d830a697a4012df3d', start: 1001, end: 2000 },
      ],
    },
  },
  {
    at: '2020-08-25T18:24:29Z',
    input: {
      code: 'tc02',
      name: 'TC02',
      description: 'TC02',
      active: false,
      numberLength: 11,
      nominated: true,
      rechargeable: true,
      cvvRequired: true,
      customerValidation: 'FILE',
      chargeLimit: 500000,
      ranges: [{ id: '5f45575d830a697a4012df40', start: 3000, end: 3000 }],
    },
  },
  {
    at: '2020-08-01T12:00:00Z',
    input: {
      code: 'tipo1',
      name: 'tipo1',
      numberLength: 13,
      ranges: [{ start: 1111, end: 1111, suggested: true }],
    },
  },
  {
    at: '2020-08-01T12:00:00Z',
    input: {
      code: 'tipo2',
      name: 'tipo2',
      numberLength: 13,
      validityDays: 334,
      ranges: [{ start: 2222, end: 2222, suggested: true }],
    },
  },
  { at: '2021-03-01T12:00:00Z', input: { code: 's_verdes', name: 'Stickers Verdes', numberLength: 18 } },
  {
    at: '2022-08-01T12:00:00Z',
    input: {
      code: '10',
      name: 'Puntos',
      numberLength: 10,
      ranges: [{ start: 6000, end: 6000, suggested: true }],
    },
  },
  // §6.2: type 13 is nominated, type 12 is not; both rechargeable, as the charge examples need.
  {
    at: '2023-10-01T12:00:00Z',
    input: { code: '13', name: 'Nominada', numberLength: 10, nominated: true, rechargeable: true },
  },
  {
    at: '2023-10-01T12:00:00Z',
    input: { code: '12', name: 'No nominada', numberLength: 10, rechargeable: true },
  },
  // §4.1: elements of type 555 are registered inactive and handed out by NextCardNumber.
  {
    at: '2023-01-01T12:00:00Z',
    input: {
      code: '555',
      name: 'Wallet',
      numberLength: 15,
      rechargeable: true,
      ranges: [{ start: 555, end: 555, suggested: true }],
    },
  },
  // §6.4: autoCard type of the customer-administration example (prefix 77, 16 digits).
  {
    at: '2023-01-01T12:00:00Z',
    input: {
      code: 'cardType2',
      name: 'Tarjeta cliente',
      numberLength: 16,
      ranges: [{ start: 77, end: 77, suggested: true }],
    },
  },
];

function profile(
  code: string,
  fields: Omit<Partial<ProfileInput>, 'details'> & { details?: Partial<ProfileInput['details']> },
): ProfileInput {
  return {
    code,
    name: fields.name ?? null,
    lastName: fields.lastName ?? null,
    identificationType: fields.identificationType ?? null,
    identifier: fields.identifier ?? null,
    customerType: fields.customerType ?? null,
    address: fields.address ?? null,
    active: fields.active ?? true,
    attributes: {},
    details: { ...NO_DETAILS, ...fields.details },
  };
}

const CUSTOMERS: { objectId?: string; at: string; input: ProfileInput }[] = [
  {
    // §3.1 example 1.
    objectId: '5f5f8d16b51f3b3160021dac',
    at: '2020-09-14T15:32:38Z',
    input: profile('1', {
      name: 'JUAN',
      lastName: 'Perez',
      identificationType: 'dni',
      identifier: '12345',
      customerType: 'EMPLEADO',
      address: 'calle 1',
      details: {
        gender_code: 'h',
        email: '',
        birth_date: '1900-01-10',
        nationality: 'arg',
        identification_expires_on: '2050-10-10',
        phone: '1555555555',
        address_country: 'arg',
        address_state: 'bsas',
        address_city: 'tig',
        postal_code: '1',
        segments: '',
      },
    }),
  },
  {
    // §3.1 lastSales example: the partially erased customer (personal fields "-").
    objectId: '60824eeecff31c4138ebf73d',
    at: '2021-04-23T04:37:02Z',
    input: profile('0102909421', {
      name: 'john promo',
      lastName: '-',
      identificationType: 'c',
      identifier: '0102909421',
      customerType: 'c',
      details: { email: '-' },
    }),
  },
  {
    at: '2021-03-19T02:50:00Z',
    input: profile('3095535912', { name: 'Cliente', lastName: 'Stickers', identifier: '3095535912' }),
  },
  {
    at: '2023-10-01T12:00:00Z',
    input: profile('9', { name: 'Cliente', lastName: 'Nueve', identifier: '9' }),
  },
  {
    at: '2023-10-01T12:00:00Z',
    input: profile('10', { name: 'Cliente', lastName: 'Diez', identifier: '10' }),
  },
  {
    at: '2023-10-01T12:00:00Z',
    input: profile('clientec', { name: 'Cliente', lastName: 'C', identifier: '77' }),
  },
];

const ELEMENTS: { objectId?: string; r: ElementRegistration }[] = [
  // §3.1 example 1: the customer's two documented cards (the manual trimmed the list from 4 to 2).
  {
    objectId: '5f5fa94db51f3b5b0c2cedc9',
    r: {
      number: '2222000000013',
      typeCode: 'tipo2',
      status: 'DISABLED',
      customerCode: '1',
      validFrom: '2020-08-14',
      validTo: '2021-07-14',
      createdAt: '2020-09-14T17:33:01Z',
    },
  },
  {
    objectId: '5f5f8d88b51f3b3160021db1',
    r: {
      number: '1111000000010',
      typeCode: 'tipo1',
      status: 'ENABLED',
      customerCode: '1',
      createdAt: '2020-09-14T15:34:32Z',
      activatedAt: '2020-09-14T15:34:33Z',
    },
  },
  // §3.5 example 1. Its request asks for code 1000000000001 with dateTo=20200431 (no such day) and answers
  // this element (spec §11.8): the demo holds the element answered, queried by its own code.
  {
    objectId: '6054129516f79ab3103ad3ac',
    r: {
      number: 's_verdes3095535912',
      typeCode: 's_verdes',
      status: 'ENABLED',
      customerCode: '3095535912',
      createdAt: '2021-03-19T02:55:17Z',
      origin: { transactionId: 'napse_1_1_20210319203011', store: '1', terminal: '1' },
    },
  },
  // §3.6: customer 1's points element, consumed on 31/08/2022 12:05.
  {
    r: {
      number: '6000011014',
      typeCode: '10',
      status: 'ENABLED',
      customerCode: '1',
      createdAt: '2022-08-01T13:00:00Z',
    },
  },
  // §6.2: customer 9 already holds an active element of the nominated type.
  {
    r: {
      number: '12000',
      typeCode: '13',
      status: 'ENABLED',
      customerCode: '9',
      createdAt: '2023-10-01T12:00:00Z',
    },
  },
];

async function loadElements(deps: Deps, merchantId: string): Promise<void> {
  for (const e of ELEMENTS) {
    const { cardId } = must(await registerElement(deps, merchantId, e.r), `element ${e.r.number}`);
    if (e.objectId) await setObjectId(deps, merchantId, 'card', cardId, e.objectId);
  }
  must(
    await recordElementMovement(deps, merchantId, 's_verdes3095535912', {
      action: 'SALE',
      amount: 2000,
      occurredAt: '2021-03-19T23:30:15Z',
      recordedAt: '2021-03-19T02:56:30Z',
      transactionId: 'napse_1_1_20210319203015',
      store: '1',
      terminal: '1',
      promotions: [{ name: 'otorga Stickers Verdes-54', code: '54', dateRange: null }],
    }),
    'sale movement',
  );
  must(
    await recordElementMovement(deps, merchantId, '6000011014', {
      action: 'CHARGE',
      amount: 50000,
      occurredAt: '2022-08-30T13:00:00Z',
      recordedAt: '2022-08-30T13:00:00Z',
      transactionId: 'napse_napse_1_20220830100000',
      store: 'napse',
      terminal: '1',
    }),
    'charge movement',
  );
  must(
    await recordElementMovement(deps, merchantId, '6000011014', {
      action: 'CONSUME',
      amount: -20000,
      occurredAt: '2022-08-31T15:05:00Z',
      recordedAt: '2022-08-31T15:05:00Z',
      transactionId: 'napse_napse_1_20220831120500',
      store: 'napse',
      terminal: '1',
    }),
    'consume movement',
  );
  // §3.5 example 2: six tc01 elements with their movements of 29/04/2020 (14 records, by element). Its
  // ACTIVATION amounts read "0" where example 1 writes "0.0": the demo answers "0.0" in both (example 1).
  for (let i = 0; i < 6; i++) {
    const number = `100000000000${i}`;
    must(
      await registerElement(deps, merchantId, {
        number,
        typeCode: 'tc01',
        status: 'ENABLED',
        createdAt: `2020-04-29T12:0${i}:00Z`,
      }),
      `element ${number}`,
    );
    must(
      await recordElementMovement(deps, merchantId, number, {
        action: 'CHARGE',
        amount: 30000,
        occurredAt: `2020-04-29T12:1${i}:00Z`,
        recordedAt: `2020-04-29T12:1${i}:00Z`,
      }),
      'charge',
    );
    if (i < 2) {
      must(
        await recordElementMovement(deps, merchantId, number, {
          action: 'AMOUNT_UPDATE',
          amount: 1000,
          occurredAt: i === 0 ? '2020-04-29T12:42:18Z' : '2020-04-29T12:43:00Z',
          recordedAt: i === 0 ? '2020-04-29T12:42:18Z' : '2020-04-29T12:43:00Z',
        }),
        'amount update',
      );
    }
  }
  // §4.1: registered, inactive elements of type 555 without customer, for NextCardNumber.
  for (let n = 2; n < 42; n++) {
    const number = `55500000220${String(n).padStart(4, '0')}`;
    must(
      await registerElement(deps, merchantId, {
        number,
        typeCode: '555',
        status: 'DISABLED',
        createdAt: '2023-01-02T12:00:00Z',
      }),
      `element ${number}`,
    );
  }
}

export async function loadDemoPromo(deps: Deps): Promise<void> {
  const merchant = await createMerchant(deps, { slug: PROMO_DEMO.company, name: 'Napse', currency: 'ARS' });
  await setMerchantTimeZone(deps.db, merchant.id, PROMO_DEMO.zone);
  for (const code of ['1', '3', 'napse']) {
    const store = await createStore(deps, {
      merchantId: merchant.id,
      code,
      name: code === 'napse' ? 'Napse' : `Tienda${code}`,
    });
    await createTerminal(deps, {
      merchantId: merchant.id,
      storeId: store.id,
      code: '1',
      name: `Caja 1 ${code}`,
    }).catch(() => undefined);
  }
  must(
    await createUser(deps, {
      login: PROMO_DEMO.user.login,
      password: PROMO_DEMO.user.password,
      role: 'administrator',
      merchantId: merchant.id,
    }),
    'user',
  );
  must(
    await createApiClient(deps, {
      name: 'PROMO console client',
      role: 'client',
      merchantId: merchant.id,
      clientId: PROMO_DEMO.client.id,
      clientSecret: PROMO_DEMO.client.secret,
    }),
    'client',
  );
  // Reference catalogs customer codes are checked against, and the agreement of CatalogCardAssign's example.
  for (const [code, description] of <[string, string][]>[
    ['dni', 'DNI'],
    ['le', 'Libreta de enrolamiento'],
    ['c', 'Cédula'],
  ])
    await saveReferenceCode(deps, merchant.id, 'identification-type', { code, description });
  for (const [code, description] of <[string, string][]>[
    ['arg', 'Argentina'],
    ['ar', 'Argentina'],
  ])
    await saveReferenceCode(deps, merchant.id, 'country', { code, description });
  await saveAgreement(deps, merchant.id, { code: 'convenio1', name: 'Convenio 1' });
  for (const t of TYPES)
    must(await createElementType(at(deps, t.at), merchant.id, t.input), `type ${t.input.code}`);
  for (const c of CUSTOMERS) {
    const saved = await saveCustomerProfile(at(deps, c.at), merchant.id, 'insert', c.input, null);
    if (!saved.ok)
      throw new Error(`demo PROMO customer ${c.input.code}: ${saved.reason} ${saved.message ?? ''}`);
    const found = await findCustomerProfile(deps, merchant.id, { code: c.input.code });
    if (c.objectId && found) await setObjectId(deps, merchant.id, 'customer', found.record.id, c.objectId);
  }
  await loadElements(deps, merchant.id);
  await loadDemoPromoPromotions(deps, merchant.id);
  await loadDemoPromoCoupons(deps, merchant.id);
  await loadDemoPromoSales(deps, merchant.id);
}
