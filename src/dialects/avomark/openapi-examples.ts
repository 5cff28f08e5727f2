/**
 * Avomark's request and response examples for /docs, keyed by "METHOD /path" as in /openapi.json: the demo's
 * values, recorded from the test suite's exchanges with the demo data. The dialect declares them
 * (defineDialect's `examples`); applyExamples adds them to operations that declare none on their schemas.
 */
import type { OperationExample } from '../../http/openapi-examples.js';

export const AVOMARK_EXAMPLES: Record<string, OperationExample> = {
  'GET /avomark/api/v1/address/countries': {
    response: [
      {
        code: 'AF',
        name: 'AFGHANISTAN',
      },
      {
        code: 'ZA',
        name: 'AFRIQUE DU SUD',
      },
    ],
  },
  'GET /avomark/api/v1/address/countries/{country}/cities': {
    response: [
      {
        zipCode: '33700',
        city: 'Mérignac',
      },
    ],
  },
  'GET /avomark/api/v1/cards/{number}': {
    response: {
      number: '23301090783',
      status: 'active',
      isActive: true,
      program: {
        code: 'VIP',
        label: 'Carte VIP',
      },
      customer: 634514,
      creationDate: '2026-11-22T09:00:00.000Z',
      activationDate: '2026-11-22T09:00:00.000Z',
      expirationDate: null,
    },
  },
  'GET /avomark/api/v1/cards/{number}/balance': {
    response: [
      {
        shopId: 2928,
        available: true,
        discount: 0,
        purchases: 1,
        purchaseAmount: 2404.8,
        discountCumulative: 0,
        purchasesCumulative: 1,
        purchaseAmountCumulative: 2404.8,
        info: '!! DEPRECATED : DOT USE balance.info FIELD !!',
        primaryLoyaltyBalance: {
          label: 'Points',
          type: 'int',
          value: 2404,
          moneyCurrency: null,
          step: {
            current: 3,
            next: null,
            type: 'purchaseAmount',
            availables: [1, 2],
            steps: [
              {
                index: 1,
                value: '500',
                forcedUse: false,
                reward: 'Un bon de 25 € offert ou 1 cadeau',
              },
              {
                index: 2,
                value: '800',
                forcedUse: false,
                reward: 'Un bon de 40 € offert',
              },
            ],
          },
        },
        dateFirstPurchase: '2026-01-02T10:00:00.000',
        dateLastPurchase: '2026-01-02T10:00:00.000',
      },
    ],
  },
  'GET /avomark/api/v1/customers': {
    response: [
      {
        id: 634509,
        civility: 'MME',
        lastname: 'SOUPE',
        firstname: 'CATHERINE',
        phone: '',
        mobile: '+33673000001',
        email: 'c.soupe@example.com',
        checkEmail: null,
        checkEmailDate: null,
        dayBirthday: '02',
        monthBirthday: '11',
        yearBirthday: '1974',
        source: 'FICHER DOME FLEUR',
        noFidelity: false,
        isActive: true,
        address: {
          address1: '',
          address2: '',
          address3: '159 AVENUE',
          address4: '',
          zipCode: '63000',
          city: 'CLERMONT FERRAND',
          country: 'FRANCE',
        },
        cards: ['3660298205012', '13873734051'],
        criteria: [],
      },
      {
        id: 634510,
        civility: 'M',
        lastname: 'Martin',
        firstname: 'Pierre',
        phone: '',
        mobile: '+33612345678',
        email: 'client@monmail.com',
        checkEmail: null,
        checkEmailDate: null,
        dayBirthday: null,
        monthBirthday: null,
        yearBirthday: null,
        source: null,
        noFidelity: false,
        isActive: true,
        address: {
          address1: '12 rue de la Paix',
          address2: '',
          address3: '',
          address4: '',
          zipCode: '75002',
          city: 'Paris',
          country: 'FRANCE',
        },
        cards: ['13732365477'],
        criteria: [],
      },
    ],
  },
  'GET /avomark/api/v1/customers/{id}': {
    response: {
      id: 634514,
      civility: 'M',
      lastname: 'Laffargue',
      firstname: 'Xavier',
      phone: '+33562010203',
      mobile: '+14507601234',
      email: 'j.wade@proximasoft.com',
      checkEmail: null,
      checkEmailDate: null,
      dayBirthday: '30',
      monthBirthday: '03',
      yearBirthday: '1993',
      source: null,
      noFidelity: false,
      isActive: true,
      address: {
        address1: 'Porte 1',
        address2: 'Résidence',
        address3: '11 rue marc sangnier',
        address4: 'Lieu dit',
        zipCode: '33700',
        city: 'Mérignac',
        country: 'FRANCE',
      },
      cards: ['23301090783'],
      criteria: [],
    },
  },
  'GET /avomark/api/v1/tools/civilities': {
    response: [
      {
        code: 'M',
        label: 'MONSIEUR',
      },
      {
        code: 'MME',
        label: 'MADAME',
      },
    ],
  },
  'GET /avomark/api/v1/vouchers/{number}': {
    response: {
      number: '2322224428',
      type: 'amount',
      value: 25,
      remainder: 25,
      label: 'Bon de 25 €',
      status: 'active',
      card: '23301090783',
      validFrom: '2026-11-28',
      validUntil: null,
    },
  },
  'POST /avomark/api/token': {
    request: {
      username: 'demo',
      password: 'demo',
      terminal: '1',
    },
    response: {
      access_token: 'A_nZ9kUNb7ePKiqTofCDzG_7Hj71MNeN1EO9ZgHa69U',
      token_type: 'bearer',
      expires_in: 3600,
    },
  },
  'POST /avomark/api/v1/cards/{number}/balances/{balance}/steps/{index}': {
    response: {
      index: 1,
      voucher: {
        number: '2322224428',
        type: 'choices',
        value: 0,
        label: 'Un bon de 25 € offert ou 1 cadeau',
        options: [
          {
            type: 'amount',
            value: 25,
            label: 'Bon de 25 €',
          },
          {
            type: 'gift',
            value: '0',
            label: '1 cadeau',
          },
        ],
        validUntil: null,
      },
    },
  },
  'POST /avomark/api/v1/cards/{number}/balances/{balance}/{index}': {
    response: {
      index: 1,
      voucher: {
        number: '2322224428',
        type: 'choices',
        value: 0,
        label: 'Un bon de 25 € offert ou 1 cadeau',
        options: [
          {
            type: 'amount',
            value: 25,
            label: 'Bon de 25 €',
          },
          {
            type: 'gift',
            value: '0',
            label: '1 cadeau',
          },
        ],
        validUntil: null,
      },
    },
  },
  'POST /avomark/api/v1/cards/{number}/sales': {
    request: {
      receipt: 'POS0341531C01',
      date: '2018-12-17T15:55:28.91Z',
      purchases: [
        {
          operation: {
            id: 1,
          },
          amount: 2290,
          quantity: 2,
          percentageDiscount: 0,
          item: {
            code: '0021147',
            label: 'CHAISE PLIANTE BLANC BIRKI',
          },
          itemType: {
            code: '8',
            label: 'JARDIN',
          },
        },
        {
          operation: {
            id: 1,
          },
          amount: 700,
          quantity: 2,
          percentageDiscount: 0,
          item: {
            code: '0064051',
            label: 'RIDEAU FHCS311 140X240CM TAUPE',
          },
          itemType: {
            code: '5',
            label: 'DECORATION',
          },
        },
      ],
      voucherUsed: ['11223344', '22334455'],
    },
    response: {
      id: 'sale_01m8j8b7kz7kfdxz3m7xp7mqa9',
      receipt: 'POS0341531C01',
      card: '13732365477',
      pointsEarned: 2980,
      discountEarned: 0,
      stepsReached: [1, 2],
      vouchersGenerated: ['6701888185'],
      vouchersUsed: [
        {
          number: '11223344',
          type: 'percentage',
          deduction: 0,
          remainder: 0,
        },
        {
          number: '22334455',
          type: 'amount',
          deduction: 5,
          remainder: 0,
        },
      ],
      unusedPurchases: [],
      pointsReversed: 0,
      balance: {
        value: 3110,
        pending: 0,
      },
    },
  },
  'POST /avomark/api/v1/customers': {
    request: {
      noFidelity: false,
      lastname: 'Bernard',
      firstname: 'Alice',
      mobile: '+33611223344',
    },
    response: {
      id: 634515,
      civility: null,
      lastname: 'Bernard',
      firstname: 'Alice',
      phone: '',
      mobile: '+33611223344',
      email: '',
      checkEmail: null,
      checkEmailDate: null,
      dayBirthday: null,
      monthBirthday: null,
      yearBirthday: null,
      source: null,
      noFidelity: false,
      isActive: true,
      address: {
        address1: '',
        address2: '',
        address3: '',
        address4: '',
        zipCode: '',
        city: '',
        country: '',
      },
      cards: ['3660290000004'],
      criteria: [],
    },
  },
  'PUT /avomark/api/v1/customers/{id}': {
    request: {
      email: 'c.soupe@example.com',
      dayBirthday: '02',
    },
    response: {
      id: 634509,
      civility: 'MME',
      lastname: 'SOUPE',
      firstname: 'CATHERINE',
      phone: '',
      mobile: '+33673000001',
      email: 'c.soupe@example.com',
      checkEmail: null,
      checkEmailDate: null,
      dayBirthday: '02',
      monthBirthday: '11',
      yearBirthday: '1974',
      source: 'FICHER DOME FLEUR',
      noFidelity: false,
      isActive: true,
      address: {
        address1: '',
        address2: '',
        address3: '159 AVENUE',
        address4: '',
        zipCode: '63000',
        city: 'CLERMONT FERRAND',
        country: 'FRANCE',
      },
      cards: ['3660298205012', '13873734051'],
      criteria: [],
    },
  },
};
