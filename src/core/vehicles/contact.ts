/**
 * Contactability of an after-sales client: the dealer system's privacy channels, the blacklist flags of
 * the network (SMS STOP, e-mail unsubscribe, back office) and whether a channel can reach the client.
 */
export const PRIVACY_CHANNELS = [
  'telephone fixe',
  'telephone mobile',
  'telephone professionnel',
  'email',
  'courrier',
] as const;
export type PrivacyChannel = (typeof PRIVACY_CHANNELS)[number];

export interface PrivacyFlags {
  homePhone: boolean;
  mobilePhone: boolean;
  professionalPhone: boolean;
  email: boolean;
  postal: boolean;
}

/** The channels under privacy, joined with " | ", or null when none. */
export function privacyText(flags: PrivacyFlags): string | null {
  const set = [flags.homePhone, flags.mobilePhone, flags.professionalPhone, flags.email, flags.postal];
  const names = PRIVACY_CHANNELS.filter((_, i) => set[i]);
  return names.length ? names.join(' | ') : null;
}

function underPrivacy(privacy: string | null, channel: PrivacyChannel): boolean {
  return privacy !== null && privacy.split(' | ').includes(channel);
}

export interface ContactFacts {
  smsFlag: boolean;
  emailFlag: boolean;
  privacy: string | null;
  mobile: string | null;
  email: string | null;
  address1: string | null;
  postalCode: string | null;
  city: string | null;
}

export function allowed(c: Pick<ContactFacts, 'smsFlag' | 'emailFlag' | 'privacy'>) {
  return {
    sms: c.smsFlag && !underPrivacy(c.privacy, 'telephone mobile'),
    email: c.emailFlag && !underPrivacy(c.privacy, 'email'),
    postal: !underPrivacy(c.privacy, 'courrier'),
  };
}

/** On the blacklist: SMS or e-mail not allowed. */
export function isBlacklisted(c: Pick<ContactFacts, 'smsFlag' | 'emailFlag' | 'privacy'>): boolean {
  const a = allowed(c);
  return !a.sms || !a.email;
}

const FRENCH_MOBILE = /^(0[67][0-9]{8}|\+33[67][0-9]{8}|0033[67][0-9]{8})$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const filled = (v: string | null) => v !== null && v.trim() !== '';

/** The E.164 form of a French mobile written as DMS do (06 12 34 56 78, 0033…), or null. */
export function frenchMobile(raw: string | null): string | null {
  if (raw === null) return null;
  const compact = raw.replace(/[ .-]/g, '');
  if (!FRENCH_MOBILE.test(compact)) return null;
  return `+33${compact.slice(-9)}`;
}

/** The channels a campaign can reach the client on. */
export function reachable(c: ContactFacts): { sms: boolean; email: boolean; postal: boolean } {
  const a = allowed(c);
  return {
    sms: a.sms && frenchMobile(c.mobile) !== null,
    email: a.email && c.email !== null && EMAIL.test(c.email),
    postal: a.postal && filled(c.address1) && filled(c.postalCode) && filled(c.city),
  };
}
