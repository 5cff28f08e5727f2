import { describe, expect, it } from 'vitest';
import { MAX_AMOUNT, amountNumber, formatAmount, parseAmount } from './amount.js';
import { addOneMonth, compactDay, localDateTime, localDay, localInstant } from './day-dates.js';
import { compareNumbers, customerElementNumber } from './numbering.js';
import { planOperation, type ElementTypeRules, type OperationRequest } from './operations.js';
import { checkStatementQuery } from './statement.js';

describe('element amounts', () => {
  it.each([
    ['100', 10000, ''],
    ['90.37', 9037, ''],
    ['+50', 5000, '+'],
    ['-20', 2000, '-'],
    [1000.5, 100050, ''],
    ['1000.00', 100000, ''],
  ] as const)('parses %s', (input, minor, sign) => {
    expect(parseAmount(input)).toEqual({ ok: true, minor, sign });
  });
  it.each(['1.234', 'abc', '', '1e5', null])('refuses %s', (input) => {
    expect(parseAmount(input).ok).toBe(false);
  });
  it.each([
    [0, '0.0'],
    [15000, '150.0'],
    [9037, '90.37'],
    [118000, '1180.0'],
    [1_000_000_000, '1.0E7'],
    [1_234_567_800, '1.2345678E7'],
  ])('formats %i as a Java double', (minor, text) => {
    expect(formatAmount(minor)).toBe(text);
  });
  it.each([
    ['0.30', 30],
    ['99999999999.99', 9_999_999_999_999],
    ['0.1', 10],
  ] as const)('parses %s exactly, through the money module', (input, minor) => {
    expect(parseAmount(input)).toEqual({ ok: true, minor, sign: '' });
  });
  it('refuses an amount past the largest one', () => {
    expect(parseAmount('1000000000000.01')).toEqual({ ok: false, message: 'is too large' });
    expect(parseAmount(String(MAX_AMOUNT / 100)).ok).toBe(true);
  });
  it('gives the double nearest to the decimal (what minor / 100 gave), and round-trips through parseAmount', () => {
    for (const minor of [0, 1, 7, 10, 29, 30, 99, 101, 1999, 9037, 229050, -1234, 123456789, MAX_AMOUNT]) {
      expect(amountNumber(minor)).toBe(minor / 100);
      const back = parseAmount(amountNumber(Math.abs(minor)));
      expect(back).toEqual({ ok: true, minor: Math.abs(minor), sign: '' });
    }
  });
});

describe('day dates', () => {
  it('puts a day at the local midnight of the zone (the manual: 1900 in Buenos Aires is -04:16:48)', () => {
    const zone = 'America/Argentina/Buenos_Aires';
    expect(localInstant('1900-01-10', zone)).toBe('1900-01-10T04:16:48Z');
    expect(localInstant('2050-10-10', zone)).toBe('2050-10-10T03:00:00Z');
    expect(localInstant('2020-08-14', null)).toBe('2020-08-14T00:00:00Z');
    expect(localDay('2022-08-31T02:00:00Z', zone)).toBe('2022-08-30');
  });
  it('gives the local wall time of an instant, to the second', () => {
    const at = new Date('2022-08-31T02:00:59.900Z');
    expect(localDateTime(at, 'America/Argentina/Buenos_Aires')).toBe('2022-08-30T23:00:59');
    expect(localDateTime(at, 'Europe/Paris')).toBe('2022-08-31T04:00:59');
    expect(localDateTime(at, null)).toBe('2022-08-31T02:00:59');
  });
  it('reads compact days and adds months', () => {
    expect(compactDay('20200429')).toBe('2020-04-29');
    expect(compactDay('20200431')).toBeUndefined();
    expect(addOneMonth('2022-01-31')).toBe('2022-02-28');
  });
});

describe('element numbers', () => {
  it('fits prefix + document number to the length', () => {
    expect(customerElementNumber('77', '28710944', 16)).toEqual({ ok: true, number: '7700000028710944' });
    expect(customerElementNumber('77', '28710944', 9)).toEqual({ ok: false, reason: 'TOO_LONG' });
  });
  it('orders digit numbers by length then value', () => {
    expect(['100', '99', 'a1', '555'].sort(compareNumbers)).toEqual(['99', '100', '555', 'a1']);
  });
});

describe('element operations', () => {
  const type: ElementTypeRules = {
    code: '12',
    active: true,
    nominated: false,
    rechargeable: false,
    cvvRequired: false,
    chargeLimit: 100000,
    initialAmount: 0,
  };
  const request = (r: Partial<OperationRequest>): OperationRequest => ({
    action: 'ACTIVATION',
    rec: 1,
    amount: null,
    customerCode: null,
    cvv: null,
    oneActivePerCustomer: true,
    ...r,
  });
  const enabled = { typeCode: '12', status: 'ENABLED' as const, customerCode: null, amount: 5000 };

  it('requires a customer while one active element per customer holds, or on a nominated type', () => {
    expect(planOperation(type, null, request({}), null)).toMatchObject({
      ok: false,
      scope: 'request',
      reason: 'CUSTOMER_REQUIRED',
    });
    expect(planOperation(type, null, request({ oneActivePerCustomer: false }), null)).toEqual({
      ok: true,
      kind: 'create',
      amount: 0,
    });
    expect(
      planOperation({ ...type, nominated: true }, null, request({ oneActivePerCustomer: false }), null),
    ).toMatchObject({
      reason: 'CUSTOMER_REQUIRED',
    });
    expect(
      planOperation(type, null, request({ customerCode: '9' }), { exists: true, hasActiveElement: true }),
    ).toMatchObject({ scope: 'request', reason: 'CUSTOMER_HAS_ACTIVE_ELEMENT' });
  });

  it('plans credits, debits and refusals', () => {
    const amt = (minor: number, sign: '' | '+' | '-' = '') => ({ minor, sign });
    expect(planOperation(type, enabled, request({ action: 'CONSUME', amount: amt(100) }), null)).toEqual({
      ok: true,
      kind: 'debit',
      amount: 100,
    });
    expect(
      planOperation(type, enabled, request({ action: 'RECHARGE', amount: amt(100) }), null),
    ).toMatchObject({ reason: 'NOT_RECHARGEABLE' });
    expect(
      planOperation(type, enabled, request({ action: 'CHARGE', amount: amt(100001) }), null),
    ).toMatchObject({ reason: 'CHARGE_LIMIT' });
    expect(
      planOperation(type, enabled, request({ action: 'AMOUNT_UPDATE', amount: amt(20, '-') }), null),
    ).toEqual({ ok: true, kind: 'debit', amount: 20 });
    expect(
      planOperation(type, enabled, request({ action: 'CONSUME', amount: amt(20, '-') }), null),
    ).toMatchObject({ reason: 'AMOUNT_NEGATIVE' });
    expect(planOperation(type, null, request({ action: 'CONSUME', amount: amt(1) }), null)).toMatchObject({
      reason: 'ELEMENT_NOT_FOUND',
    });
    expect(planOperation(null, null, request({}), null)).toMatchObject({ reason: 'TYPE_NOT_FOUND' });
    expect(
      planOperation(
        type,
        { ...enabled, status: 'CANCELED' },
        request({ action: 'CHARGE', amount: amt(1) }),
        null,
      ),
    ).toMatchObject({
      reason: 'ELEMENT_CANCELLED',
    });
  });
});

describe('points statement query', () => {
  const base = {
    companyId: 'napse',
    customerCode: '1',
    fromDate: '20220801',
    toDate: '20220831',
    isConsume: 'true',
  };
  it('accepts a month and refuses more, a missing parameter, a bad date', () => {
    expect(checkStatementQuery(base)).toMatchObject({
      ok: true,
      query: { fromDay: '2022-08-01', toDay: '2022-08-31', consumed: true },
    });
    expect(checkStatementQuery({ ...base, toDate: '20220901' })).toMatchObject({ ok: true });
    expect(checkStatementQuery({ ...base, toDate: '20220902' })).toEqual({ ok: false, reason: 'TOO_LONG' });
    expect(checkStatementQuery({ ...base, customerCode: undefined })).toEqual({
      ok: false,
      reason: 'MISSING',
      field: 'customerCode',
    });
    expect(checkStatementQuery({ ...base, fromDate: '20220231' })).toEqual({
      ok: false,
      reason: 'BAD_DATE',
      field: 'fromDate',
    });
  });
});
