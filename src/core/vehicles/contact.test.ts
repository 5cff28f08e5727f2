import { describe, expect, it } from 'vitest';
import { frenchMobile, isBlacklisted, privacyText, reachable } from './contact.js';

const base = {
  smsFlag: true,
  emailFlag: true,
  privacy: null,
  mobile: '06 12 34 56 78',
  email: 'a@b.fr',
  address1: '1 RUE',
  postalCode: '55200',
  city: 'COMMERCY',
};

describe('contactability (spec/mmp.md §6.9)', () => {
  it('joins the privacy channels in order', () => {
    expect(
      privacyText({
        homePhone: false,
        mobilePhone: true,
        professionalPhone: true,
        email: true,
        postal: false,
      }),
    ).toBe('telephone mobile | telephone professionnel | email');
    expect(
      privacyText({
        homePhone: false,
        mobilePhone: false,
        professionalPhone: false,
        email: false,
        postal: false,
      }),
    ).toBeNull();
  });
  it('blacklists on a flag or on privacy', () => {
    expect(isBlacklisted(base)).toBe(false);
    expect(isBlacklisted({ ...base, smsFlag: false })).toBe(true);
    expect(isBlacklisted({ ...base, privacy: 'telephone professionnel | email' })).toBe(true);
    expect(isBlacklisted({ ...base, privacy: 'courrier' })).toBe(false);
  });
  it('reaches a French mobile, a well-formed e-mail and a full postal address', () => {
    expect(reachable(base)).toEqual({ sms: true, email: true, postal: true });
    expect(reachable({ ...base, mobile: '0329910000', email: 'nope', city: null })).toEqual({
      sms: false,
      email: false,
      postal: false,
    });
    expect(reachable({ ...base, privacy: 'telephone mobile' }).sms).toBe(false);
    expect(frenchMobile('0033 6.12-34-56-78')).toBe('+33612345678');
  });
});
