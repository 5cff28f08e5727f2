/**
 * CashDesk's request and response examples for /docs, keyed by "METHOD /path" as in /openapi.json: the demo's
 * values, recorded from the test suite's exchanges with the demo data. The dialect declares them
 * (defineDialect's `examples`); applyExamples adds them to operations that declare none on their schemas.
 */
import type { OperationExample } from '../../http/openapi-examples.js';

export const CASHDESK_EXAMPLES: Record<string, OperationExample> = {
  'GET /cashdesk/api/card/active': {
    response: {
      Status: false,
      Key: 'StatusError',
      Value: 'The customer lacks data required to activate the card. Missing: firstName.',
    },
  },
  'GET /cashdesk/api/card/balance/by/phone/{phone}': {
    response: {
      Status: true,
      Key: '',
      Value: '',
      Number: '13732365477',
      MobileNumber: '+33612345678',
      Code: 'FID-0001',
      StatusCode: 2,
      StatusName: 'Active',
      Name: 'Pierre Martin',
      CategoryCode: 0,
      CategoryName: 'Plastic',
      TypeCode: 0,
      TypeName: 'Bonus',
      Bonuses: [
        {
          Amount: 130,
          StatusCode: 0,
          StatusName: 'active',
          TypeCode: 0,
          TypeName: 'cash',
        },
        {
          Amount: 0,
          StatusCode: 1,
          StatusName: 'inactive',
          TypeCode: 0,
          TypeName: 'cash',
        },
      ],
    },
  },
  'GET /cashdesk/api/card/balance/by/{number}': {
    response: {
      Status: true,
      Key: '',
      Value: '',
      Number: '13732365477',
      MobileNumber: '+33612345678',
      Code: 'FID-0001',
      StatusCode: 2,
      StatusName: 'Active',
      Name: 'Pierre Martin',
      CategoryCode: 0,
      CategoryName: 'Plastic',
      TypeCode: 0,
      TypeName: 'Bonus',
      Bonuses: [
        {
          Amount: 130,
          StatusCode: 0,
          StatusName: 'active',
          TypeCode: 0,
          TypeName: 'cash',
        },
        {
          Amount: 0,
          StatusCode: 1,
          StatusName: 'inactive',
          TypeCode: 0,
          TypeName: 'cash',
        },
      ],
    },
  },
  'GET /cashdesk/api/card/issue': {
    response: {
      Status: false,
      Key: 'InvalidCardNumber',
      Value: '"12AB" is not a card number (digits only, at most 32).',
    },
  },
  'POST /cashdesk/api/card/bindto': {
    request: {
      Number: '3660290000264',
      MobileNumber: '+33660000003',
    },
    response: {
      Status: false,
      Key: 'ContactBindToAnotherCardNumber',
      Value: 'The customer already has card 13732365477 (active) in this program.',
    },
  },
  'POST /cashdesk/api/card/block': {
    request: {
      Number: '3660290000363',
      BlockReasonCode: '0',
      BlockReasonName: 'Loss of the card',
    },
    response: {
      Status: false,
      Key: 'RequiredParameterNotSpecified',
      Value: 'Required parameters not specified: Number or ContactMobileNumber, BlockReasonCode',
    },
  },
  'POST /cashdesk/api/card/unblock': {
    request: {
      contactMobileNumber: '+33660000010',
      unblockReasonCode: '3',
    },
    response: {
      Status: false,
      Key: 'InvalidMobileNumber',
      Value: 'Phone numbers must start with + and the country code, e.g. +33612345678.',
    },
  },
};
