import { Type } from '@sinclair/typebox';
import { ROLES } from '../../core/roles.js';
import { CODE_PATTERN, SLUG_PATTERN } from '../../app/admin/validate.js';
import { Nullable } from './common.js';

const strict = { additionalProperties: false } as const;
const Code = (what: string) =>
  Type.String({
    pattern: CODE_PATTERN,
    description: `${what}: 1 to 32 letters, digits, dot, underscore, hyphen`,
  });
const Name = Type.String({ minLength: 1, maxLength: 100 });
const RoleName = Type.Union(
  ROLES.map((r) => Type.Literal(r)),
  { description: 'administrator, director, senior_employee, marketer, cc_operator, cashier or client' },
);
const Currency = Type.String({
  minLength: 3,
  maxLength: 3,
  description: 'ISO 4217 code in circulation (EUR, USD, JPY, ...); amounts are in its minor units',
});
const TimeZone = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'IANA time zone, e.g. Europe/Paris',
});
const Password = Type.String({
  minLength: 1,
  maxLength: 256,
  description: 'At least 10 characters, not a common password, not the login. Never returned.',
});
export const List = <T extends ReturnType<typeof Type.Object>>(item: T) =>
  Type.Object({
    data: Type.Array(item),
    nextCursor: Type.Null({ description: 'Administration lists are complete: always null' }),
  });

export const StoreView = Type.Object(
  {
    id: Type.String(),
    code: Type.String(),
    name: Type.String(),
    region: Nullable(Type.String()),
    timeZone: Type.String(),
    currency: Type.String({
      description: "The currency of the store's sales (its own, else the merchant's)",
    }),
    createdAt: Type.String(),
  },
  {
    examples: [
      {
        id: 'sto_01jd3x5m6k2v8q9r0s1t2u3v4w',
        code: 'PARIS-01',
        name: 'Paris Opéra',
        region: 'Île-de-France',
        timeZone: 'Europe/Paris',
        currency: 'EUR',
        createdAt: '2026-11-22T09:00:00.000Z',
      },
    ],
  },
);
export const StoreCreate = Type.Object(
  {
    code: Code('The code tills send as storeCode, unique per merchant'),
    name: Name,
    region: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    timeZone: Type.Optional(TimeZone),
    currency: Type.Optional(Currency),
  },
  {
    ...strict,
    examples: [
      { code: 'LYON-02', name: 'Lyon Part-Dieu', region: 'Rhône', timeZone: 'Europe/Paris', currency: 'EUR' },
    ],
  },
);
export const StorePatch = Type.Object(
  {
    name: Type.Optional(Name),
    region: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    timeZone: Type.Optional(TimeZone),
    currency: Type.Optional(Currency),
  },
  { ...strict, examples: [{ region: 'Auvergne-Rhône-Alpes' }] },
);

export const TerminalView = Type.Object(
  {
    id: Type.String(),
    code: Type.String(),
    name: Type.String(),
    storeId: Type.String(),
    storeCode: Type.String(),
    createdAt: Type.String(),
  },
  {
    examples: [
      {
        id: 'trm_01jd3x5m6k2v8q9r0s1t2u3v4x',
        code: '7',
        name: 'Till 7',
        storeId: 'sto_01jd3x5m6k2v8q9r0s1t2u3v4w',
        storeCode: 'PARIS-01',
        createdAt: '2026-11-22T09:00:00.000Z',
      },
    ],
  },
);
export const TerminalCreate = Type.Object(
  {
    code: Code('The terminal code, unique per merchant (users log in on it with terminal=<code>)'),
    name: Name,
    storeCode: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    storeId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  {
    ...strict,
    description: 'Send storeCode or storeId',
    examples: [{ code: '7', name: 'Till 7', storeCode: 'PARIS-01' }],
  },
);

export const UserView = Type.Object(
  {
    id: Type.String(),
    login: Type.String(),
    email: Nullable(Type.String()),
    role: Type.String(),
    active: Type.Boolean(),
    createdAt: Type.String(),
  },
  {
    examples: [
      {
        id: 'usr_01jd3x5m6k2v8q9r0s1t2u3v4y',
        login: 'marie@demo.test',
        email: 'marie@demo.test',
        role: 'director',
        active: true,
        createdAt: '2026-11-22T09:00:00.000Z',
      },
    ],
  },
);
export const UserCreate = Type.Object(
  {
    login: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'Unique on the server; stored in lower case',
    }),
    password: Password,
    role: RoleName,
    email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 200 }))),
  },
  {
    ...strict,
    examples: [
      {
        login: 'marie@demo.test',
        password: 'blue-ferry-42-dawn',
        role: 'director',
        email: 'marie@demo.test',
      },
    ],
  },
);
export const UserPatch = Type.Object(
  {
    role: Type.Optional(RoleName),
    email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 200 }))),
    active: Type.Optional(Type.Boolean({ description: 'false stops logins and revokes the tokens' })),
  },
  { ...strict, examples: [{ active: false }] },
);
export const PasswordReset = Type.Object(
  { password: Password },
  { ...strict, examples: [{ password: 'green-ferry-7-noon' }] },
);

export const ClientView = Type.Object(
  {
    id: Type.String(),
    clientId: Type.String({ description: 'The client_id of the client_credentials grant' }),
    name: Type.String(),
    role: Type.String(),
    active: Type.Boolean(),
    createdAt: Type.String(),
  },
  {
    examples: [
      {
        id: 'cli_01jd3x5m6k2v8q9r0s1t2u3v4z',
        clientId: 'cli-Xb3kP9qLm2Ta',
        name: 'Paris tills',
        role: 'cashier',
        active: true,
        createdAt: '2026-11-22T09:00:00.000Z',
      },
    ],
  },
);
export const ClientWithSecret = Type.Object({
  ...ClientView.properties,
  clientSecret: Type.String({ description: 'Shown this once; stored hashed' }),
});
export const ClientCreate = Type.Object(
  {
    name: Name,
    role: Type.Optional(RoleName),
    logFull: Type.Optional(Type.Boolean({ description: 'Record every exchange in the integration log' })),
  },
  { ...strict, examples: [{ name: 'Paris tills', role: 'cashier' }] },
);

export const MerchantView = Type.Object(
  {
    id: Type.String(),
    slug: Type.String(),
    name: Type.String(),
    currency: Type.String(),
    providerId: Nullable(Type.String()),
    createdAt: Type.String(),
  },
  {
    examples: [
      {
        id: 'mer_01jd3x5m6k2v8q9r0s1t2u3v50',
        slug: 'acme',
        name: 'Acme Retail',
        currency: 'EUR',
        providerId: 'prv_01jd3x5m6k2v8q9r0s1t2u3v51',
        createdAt: '2026-11-22T09:00:00.000Z',
      },
    ],
  },
);
export const MerchantCreate = Type.Object(
  {
    slug: Type.String({ pattern: SLUG_PATTERN, description: 'lower-case letters, digits and hyphens' }),
    name: Name,
    currency: Type.Optional(Currency),
    administrator: Type.Optional(
      Type.Object({ login: Type.String({ minLength: 1, maxLength: 100 }), password: Password }, strict),
    ),
  },
  {
    ...strict,
    examples: [
      {
        slug: 'acme',
        name: 'Acme Retail',
        currency: 'EUR',
        administrator: { login: 'ops@acme.test', password: 'blue-ferry-42-dawn' },
      },
    ],
  },
);
