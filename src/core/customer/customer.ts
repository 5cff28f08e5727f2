import { parsePhoneNumberFromString } from 'libphonenumber-js';

export const CHANNELS = ['email', 'sms', 'push'] as const;
export type Channel = (typeof CHANNELS)[number];
export type ChannelFlags = Record<Channel, boolean>;

export const GENDERS = ['male', 'female', 'other', 'unknown'] as const;
export type Gender = (typeof GENDERS)[number];

export type AttributeValue = string | number | boolean | null;

export interface Address {
  line1: string | null;
  line2: string | null;
  line3: string | null;
  line4: string | null;
  zipCode: string | null;
  city: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
}

/** A customer's data as the engine sees it (no ids, no timestamps). */
export interface CustomerData {
  civility: string | null;
  firstName: string | null;
  lastName: string | null;
  gender: Gender | null;
  birthDay: number | null;
  birthMonth: number | null;
  birthYear: number | null;
  mobile: string | null;
  phone: string | null;
  email: string | null;
  address: Address;
  customerType: string | null;
  identificationType: string | null;
  identificationNumber: string | null;
  customerCode: string | null;
  attributes: Record<string, AttributeValue>;
  consents: ChannelFlags;
  blacklist: ChannelFlags;
  source: string | null;
  noFidelity: boolean;
  active: boolean;
  godfatherId: string | null;
}

/** What a caller may send: every field optional; null clears a field on update. */
export type CustomerInput = {
  [K in Exclude<keyof CustomerData, 'address' | 'consents' | 'blacklist' | 'attributes'>]?:
    CustomerData[K] | null;
} & {
  address?: Partial<Address> | null;
  consents?: Partial<ChannelFlags>;
  blacklist?: Partial<ChannelFlags>;
  attributes?: Record<string, AttributeValue>;
};

export const EMPTY_ADDRESS: Address = {
  line1: null,
  line2: null,
  line3: null,
  line4: null,
  zipCode: null,
  city: null,
  country: null,
};

export const NO_CHANNELS: ChannelFlags = { email: false, sms: false, push: false };

export const EMPTY_CUSTOMER: CustomerData = {
  civility: null,
  firstName: null,
  lastName: null,
  gender: null,
  birthDay: null,
  birthMonth: null,
  birthYear: null,
  mobile: null,
  phone: null,
  email: null,
  address: EMPTY_ADDRESS,
  customerType: null,
  identificationType: null,
  identificationNumber: null,
  customerCode: null,
  attributes: {},
  consents: NO_CHANNELS,
  blacklist: NO_CHANNELS,
  source: null,
  noFidelity: false,
  active: true,
  godfatherId: null,
};

/** Personal data removed, for GDPR erasure. Flags and sponsor link are kept; ledger and sales live elsewhere. */
export function eraseCustomer(data: CustomerData): CustomerData {
  return {
    ...EMPTY_CUSTOMER,
    lastName: null,
    consents: NO_CHANNELS,
    blacklist: { email: true, sms: true, push: true },
    noFidelity: data.noFidelity,
    active: false,
    godfatherId: data.godfatherId,
  };
}

/** Lower-cased text the search (`q`) runs against: names, phones, e-mail, code, identification. */
export function searchTextOf(data: CustomerData, cardNumbers: readonly string[] = []): string {
  const phones = [data.mobile, data.phone].flatMap((p) => (p ? [p, nationalForm(p)] : []));
  return [
    data.firstName,
    data.lastName,
    data.lastName && data.firstName ? `${data.firstName} ${data.lastName}` : null,
    data.email,
    data.customerCode,
    data.identificationNumber,
    ...phones,
    ...cardNumbers,
  ]
    .filter((v): v is string => !!v)
    .join(' | ')
    .toLowerCase();
}

function nationalForm(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatNational().replace(/\D/g, '') ?? e164;
}

/** A stored customer, as the use-cases and views read it. */
export interface CustomerRecord {
  id: string;
  merchantId: string;
  ref: number;
  data: CustomerData;
  cards: string[];
  erasedAt: string | null;
  createdAt: string;
  updatedAt: string;
}
