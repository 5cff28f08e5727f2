import { describe, expect, it } from 'vitest';
import { EMPTY_CUSTOMER } from './customer.js';
import { concernsCustomer, erasureTraces } from './erasure-traces.js';

const helene = {
  ...EMPTY_CUSTOMER,
  firstName: 'Hélène',
  lastName: 'Dupont',
  email: 'helene@example.fr',
  mobile: '+33612345678',
  customerCode: 'AB',
};

describe('erasureTraces', () => {
  const groups = erasureTraces('cus_01', helene);

  it.each([
    ['the id', '{"id":"cus_01"}', true],
    ['the e-mail, in any case', '{"email":"HELENE@example.fr"}', true],
    ['the mobile', '{"mobile":"+33612345678"}', true],
    ['first and last name together, in any case', '{"firstName":"HÉLÈNE","lastName":"Dupont"}', true],
    ['the first name alone (not enough)', '{"firstName":"Hélène"}', false],
    ['the last name alone (not enough: other Duponts)', '{"lastName":"Dupont"}', false],
    ['a code shorter than 4 characters (left out)', '{"customerCode":"AB"}', false],
    ['nothing of hers', '{"lastName":"Martin","email":"x@y.fr"}', false],
  ])('%s', (_what, text, expected) => {
    expect(concernsCustomer(text, groups)).toBe(expected);
  });

  it('a customer with only a last name is traced by it', () => {
    const only = erasureTraces('cus_02', { ...EMPTY_CUSTOMER, lastName: 'Laffargue' });
    expect(concernsCustomer('{"lastname":"LAFFARGUE"}', only)).toBe(true);
  });

  it('names are matched as JSON writes them (quotes escaped)', () => {
    const quoted = erasureTraces('cus_03', { ...EMPTY_CUSTOMER, firstName: 'Jo "Jo"', lastName: "O'Neil" });
    expect(concernsCustomer(JSON.stringify({ f: 'Jo "Jo"', l: "O'Neil" }), quoted)).toBe(true);
  });

  it('null text concerns nobody', () => {
    expect(concernsCustomer(null, groups)).toBe(false);
  });
});
