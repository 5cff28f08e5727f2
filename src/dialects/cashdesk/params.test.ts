import { describe, expect, it } from 'vitest';
import { keyFor, transportKey } from './envelope.js';
import { cardNumberOf, missingParams, mobileOf, readParams, reasonCodeOf } from './params.js';

describe('CashDesk parameters', () => {
  it('reads documented names in any case, body over query, numbers as text, blanks as absent', () => {
    const params = readParams(
      ['Number', 'ContactMobileNumber', 'BlockReasonCode'],
      { number: '111', BlockReasonCode: '1' },
      { Number: 222, contactmobilenumber: '  ', BLOCKREASONCODE: 0, Other: 'x' },
    );
    expect(params).toEqual({ Number: '222', BlockReasonCode: '0' });
    expect(readParams(['Number'], undefined, [1, 2])).toEqual({});
  });

  it('lists missing parameters, a starred group as "A or B"', () => {
    expect(missingParams({}, ['Number', 'MobileNumber'])).toEqual(['Number', 'MobileNumber']);
    expect(missingParams({}, [['Number', 'ContactMobileNumber'], 'BlockReasonCode'])).toEqual([
      'Number or ContactMobileNumber',
      'BlockReasonCode',
    ]);
    expect(missingParams({ ContactMobileNumber: '+33' }, [['Number', 'ContactMobileNumber']])).toEqual([]);
  });

  it('normalises card numbers, mobile numbers and reason codes', () => {
    expect(cardNumberOf('3660 2982-05012')).toBe('3660298205012');
    expect(cardNumberOf('12AB')).toBeNull();
    expect(cardNumberOf('9'.repeat(33))).toBeNull();
    expect(mobileOf('33 6 12 34 56 78')).toBe('+33612345678');
    expect(mobileOf('+33612345678')).toBe('+33612345678');
    expect(mobileOf('0612345678')).toBe('0612345678');
    expect(reasonCodeOf('3')).toBe(3);
    expect(reasonCodeOf('loss')).toBeNaN();
  });
});

describe('CashDesk keys', () => {
  it('maps engine codes per method', () => {
    expect(keyFor('issue', 'CARD_NOT_FOUND')).toBe('CardNumberCannotFind');
    expect(keyFor('block', 'CARD_NOT_FOUND')).toBe('CannotFindCardNumber');
    expect(keyFor('active', 'CARD_NUMBER_INVALID')).toBe('CannotFindCardNumber');
    expect(keyFor('balanceByPhone', 'CUSTOMER_NOT_FOUND')).toBe('CannotFindMobileNumber');
    expect(keyFor('bindto', 'CUSTOMER_NOT_FOUND')).toBe('CannotFindMobile');
    expect(keyFor('unblock', 'CARD_BLOCKED_BY_ADMINISTRATOR')).toBe('UnBlockReasonError');
    expect(keyFor('unblock', 'CARD_REASON_CODE_INVALID')).toBe('UnBlockReasonError');
    expect(keyFor('block', 'CARD_REASON_CODE_INVALID')).toBe('BlockReasonError');
    expect(keyFor('active', 'CUSTOMER_DATA_INSUFFICIENT')).toBe('StatusError');
    expect(keyFor('block', 'INTERNAL')).toBeNull();
    expect(transportKey('UNAUTHENTICATED', 401)).toBe('Unauthorized');
    expect(transportKey('ROUTE_NOT_FOUND', 404)).toBe('MethodNotFound');
    expect(transportKey('MALFORMED_BODY', 400)).toBe('InvalidRequest');
    expect(transportKey('INTERNAL', 500)).toBe('InternalError');
  });
});
