/**
 * Request and response examples for /docs, keyed by "METHOD /path" as in /openapi.json: the demo's values,
 * recorded from the test suite's exchanges with the demo data (so each body passed its route's validation and
 * serialisation). applyExamples adds them to operations that declare none on their schemas.
 */
import { CAMPAIGN_EXAMPLES } from './openapi-examples-campaigns.js';
import { MESSAGING_EXAMPLES } from './openapi-examples-messaging.js';
import { PROMOTION_EXAMPLES } from './promotion-examples.js';
import { DailyReport, SummaryReport, TierReport } from './schemas/report.schema.js';

export interface OperationExample {
  request?: unknown;
  response?: unknown;
}

export const EXAMPLES: Record<string, OperationExample> = {
  ...MESSAGING_EXAMPLES,
  ...CAMPAIGN_EXAMPLES,
  // the reports' examples live on their schemas (src/http/schemas/report.schema.ts)
  'GET /v1/reports/summary': { response: SummaryReport.example },
  'GET /v1/reports/daily': { response: DailyReport.example },
  'GET /v1/reports/tiers': { response: TierReport.example },
  'POST /oauth/revoke': {
    request: { token: '5f0c2a9e1b7d4c3a8e6f9d2b0a1c4e7f' },
    response: {},
  },
  'POST /v1/principals/{id}/secret': {
    response: { id: 'cli_01m8j8a1k2d3e4f5g6h7j8k9m0', clientSecret: 'q7Z2xW9vB4nM6kL1pR3tY8uE5oA0sD2f' },
  },
  'DELETE /fidelisa/api/customers/{id}': {
    response: {},
  },
  'DELETE /fidelisa/api/gifts/{gift_id}': {
    response: {},
  },
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
  'GET /fidelisa/api/customers': {
    response: {
      customers: [
        {
          uuid: 'D407587D800ECC6C629A52CD204C6E61',
          email: null,
          phone: '0673000001',
          first_name: 'CATHERINE',
          last_name: 'SOUPE',
        },
        {
          uuid: 'FD39A1AA85AC4F3FB977DEA5A5786263',
          email: 'client@monmail.com',
          phone: '0612345678',
          first_name: 'Pierre',
          last_name: 'Martin',
        },
      ],
    },
  },
  'GET /fidelisa/api/customers/{id}': {
    response: {
      uuid: '3258F67535EF0DE48BE2EC3FC8D92547',
      email: 'client@monmail.com',
      phone: '0123456789',
      first_name: 'Pierre',
      last_name: 'Martin',
    },
  },
  'GET /fidelisa/api/customers/{id}/cards': {
    response: {
      cards: [
        {
          uuid: 'DD29F25A2B81B7ADFC5E65240B507EA1',
          title: 'Carte Catégorie 1',
          points: 111,
          expired_at: null,
        },
      ],
    },
  },
  'GET /fidelisa/api/gifts': {
    response: {
      gifts: [
        {
          uuid: 'AZEFDFD39A1AA85AC423JJL34NEZOJ3E',
          title: '10€ de bon d’achat',
          points: 293,
        },
      ],
    },
  },
  'GET /fidelisa/api/rulebasis': {
    response: {
      rulebasis: [
        {
          type: 'TotalAmount',
          item: 'N/A',
          exclude_discount: 'f',
        },
      ],
    },
  },
  'GET /fidelisa/api/shops': {
    response: {
      shops: [
        {
          title: 'test3',
          uuid: '619E8B5AAD5E48138881C5E7774C86B2',
          key: 'FrZN6UChpqXBRKVExXVB',
          user_email: 'test3@fidelisa.com',
        },
        {
          title: 'test1',
          uuid: 'DA5EF3157D83F23751B57DF339B4056E',
          key: 'JW2uqvZzGRjY3fDNF66J',
          user_email: 'test1@fidelisa.com',
        },
      ],
    },
  },
  'GET /fidelisa/api/shops/categories': {
    response: {
      categories: {
        subtotal1: 'SUBTOTAL1',
        subtotal2: null,
        subtotal3: null,
        subtotal4: null,
        subtotal5: null,
        subtotal6: null,
        subtotal7: null,
        subtotal8: null,
        subtotal9: null,
      },
    },
  },
  'GET /fidelisa/api/shops/programs': {
    response: {
      programs: [
        {
          title: 'Carte VIP',
          uuid: '67B222DC2A92672CA8E9D2C6DCB785CB',
        },
        {
          title: 'Carte Privilèges',
          uuid: '8853A37D20967C9E099184814805AC31',
        },
      ],
    },
  },
  'GET /fidelisa/api/shops/{id}': {
    response: {
      title: 'test3',
      uuid: '619E8B5AAD5E48138881C5E7774C86B2',
      key: 'FrZN6UChpqXBRKVExXVB',
      user_email: 'test3@fidelisa.com',
    },
  },
  'GET /healthz': {
    response: {
      status: 'ok',
    },
  },
  'GET /readyz': {
    response: {
      status: 'ready',
      database: 'postgres',
    },
  },
  'GET /v1/balances': {
    response: {
      data: [
        {
          customerId: 'cus_01m8j8btkc6s89hfjgm75bwd2n',
          cards: [
            {
              cardNumber: '7709085810008',
              cardStatus: 'active',
              customerId: 'cus_01m8j8btkc6s89hfjgm75bwd2n',
              programId: 'prg_01m8j8btk38242a09y0t5rm84w',
              active: 7,
              pending: 0,
              expired: 0,
              frozen: 0,
              nearestExpiry: null,
              discountMinor: 0,
              walletMinor: 0,
              purchases: {
                period: {
                  from: '2026-01-01T00:00:00.000Z',
                  to: '2027-01-01T00:00:00.000Z',
                  count: 0,
                  amount: 0,
                },
                cumulative: {
                  count: 0,
                  amount: 0,
                },
                firstDate: null,
                lastDate: null,
              },
              tier: null,
            },
          ],
        },
      ],
    },
  },
  'GET /v1/cards/{number}': {
    response: {
      id: 'card_01m8j839jwewkg9rajey75m9b8',
      number: '3660290000233',
      status: 'blocked',
      program: {
        id: 'prg_01m8j839ez29hzy82mvx1j9tjw',
        code: 'VIP',
        name: 'Carte VIP',
        cardType: 'bonus',
        cardCategory: 'plastic',
      },
      customer: {
        id: 'cus_01m8j839ag6ns8zg9jfbrwxr79',
        number: 634512,
        firstName: 'Sophie',
        lastName: 'Durand',
        mobile: '+33698765432',
      },
      block: {
        reasonCode: 0,
        reasonName: 'Loss of the card',
        blockedByRole: 'cc_operator',
      },
      expiresAt: null,
      replacedBy: null,
      discountMinor: 0,
      issuedAt: '2026-11-28T23:33:26.339Z',
      activatedAt: '2026-11-28T23:33:26.366Z',
      createdAt: '2026-11-28T23:33:26.236Z',
      updatedAt: '2026-11-28T23:33:26.378Z',
    },
  },
  'GET /v1/cards/{number}/balance': {
    response: {
      cardNumber: '7709083297002',
      cardStatus: 'active',
      customerId: 'cus_01m8j8bqt67eajyszwzs4ynj59',
      programId: 'prg_01m8j8bqjy7yjk3axh0enymwt5',
      active: 50,
      pending: 30,
      expired: 0,
      frozen: 0,
      nearestExpiry: {
        amount: 50,
        date: '2026-03-20T10:00:00.000Z',
      },
      discountMinor: 0,
      walletMinor: 0,
      purchases: {
        period: {
          from: '2026-01-01T00:00:00.000Z',
          to: '2027-01-01T00:00:00.000Z',
          count: 2,
          amount: 8000,
        },
        cumulative: {
          count: 2,
          amount: 8000,
        },
        firstDate: '2026-03-10T10:00:00.000Z',
        lastDate: '2026-03-11T10:00:00.000Z',
      },
      tier: null,
    },
  },
  'GET /v1/cards/{number}/lots': {
    response: {
      data: [
        {
          id: 'lot_01m8j8bve034wqrrqf3gnkmzyq',
          earnedAt: '2026-03-20T22:00:00.000Z',
          amount: 120,
          remaining: 100,
          burnt: 0,
          pendingUntil: null,
          expiresAt: '2027-03-20T22:00:00.000Z',
          state: 'active',
          receipt: 'ST-2',
        },
      ],
      nextCursor: null,
    },
  },
  'GET /v1/cards/{number}/statement': {
    response: {
      data: [
        {
          id: 'mov_01m8j8bvmr4w2qyxaebnfhteck',
          date: '2026-03-20T22:00:00.000Z',
          kind: 'adjust',
          points: 5,
          receipt: null,
          storeCode: null,
          terminalCode: null,
          reason: 'Goodwill gesture',
        },
        {
          id: 'mov_01m8j8bve034wqrrqf3gnkmzyp',
          date: '2026-03-20T22:00:00.000Z',
          kind: 'earn',
          points: 1,
          receipt: 'ST-2',
          storeCode: 'PARIS-01',
          terminalCode: '1',
          reason: null,
        },
      ],
      nextCursor: 'djE6bW92XzAxbThqOGJ2ZGYwZzR6bnN4MGZzNWRlZDg4',
    },
  },
  'GET /v1/clients': {
    response: {
      data: [
        {
          id: 'cli_01m8j838gp0ran4hc3k28kyex6',
          clientId: 'demo-pos',
          name: 'Demo POS',
          role: 'cashier',
          active: true,
          createdAt: '2026-11-28T23:33:25.443Z',
        },
        {
          id: 'cli_01m8j83zx50452rwyf20zfnb25',
          clientId: 'cli-18uITdm0E-3w',
          name: 'Lyon tills',
          role: 'cashier',
          active: true,
          createdAt: '2026-11-28T23:33:49.267Z',
        },
      ],
      nextCursor: null,
    },
  },
  'GET /v1/customers': {
    response: {
      data: [
        {
          id: 'cus_01m8j86krr06jmsw2mm3c0h7e5',
          number: 634509,
          civility: 'MME',
          firstName: 'CATHERINE',
          lastName: 'SOUPE',
          gender: null,
          birthDay: 1,
          birthMonth: 11,
          birthYear: 1974,
          mobile: '+33673000001',
          phone: null,
          email: null,
          address: {
            line1: null,
            line2: null,
            line3: '159 AVENUE',
            line4: null,
            zipCode: '63000',
            city: 'CLERMONT FERRAND',
            country: 'FR',
          },
          customerType: null,
          identificationType: null,
          identificationNumber: null,
          customerCode: null,
          attributes: {},
          consents: {
            email: false,
            sms: false,
            push: false,
          },
          blacklist: {
            email: false,
            sms: false,
            push: false,
          },
          source: 'FICHER DOME FLEUR',
          noFidelity: false,
          active: true,
          godfatherId: null,
          cards: ['3660298205012', '13873734051'],
          createdAt: '2026-11-28T23:35:14.981Z',
          updatedAt: '2026-11-28T23:35:14.981Z',
        },
        {
          id: 'cus_01m8j86ksqb7mbr2xeby6avktt',
          number: 634510,
          civility: 'M',
          firstName: 'Pierre',
          lastName: 'Martin',
          gender: null,
          birthDay: null,
          birthMonth: null,
          birthYear: null,
          mobile: '+33612345678',
          phone: null,
          email: 'client@monmail.com',
          address: {
            line1: '12 rue de la Paix',
            line2: null,
            line3: null,
            line4: null,
            zipCode: '75002',
            city: 'Paris',
            country: 'FR',
          },
          customerType: null,
          identificationType: null,
          identificationNumber: null,
          customerCode: 'FID-0001',
          attributes: {},
          consents: {
            email: true,
            sms: true,
            push: false,
          },
          blacklist: {
            email: false,
            sms: false,
            push: false,
          },
          source: null,
          noFidelity: false,
          active: true,
          godfatherId: null,
          cards: ['13732365477'],
          createdAt: '2026-11-28T23:35:15.001Z',
          updatedAt: '2026-11-28T23:35:15.001Z',
        },
      ],
      nextCursor: 'djE6Y3VzXzAxbThqODZrdHRleWFqcTU3MDg1djAyN3Fu',
    },
  },
  'GET /v1/customers/{id}': {
    response: {
      id: 'cus_01m8j875ap074dg6r95q8htx80',
      number: 634514,
      civility: 'M',
      firstName: 'Xavier',
      lastName: 'Laffargue',
      gender: null,
      birthDay: 30,
      birthMonth: 3,
      birthYear: 1993,
      mobile: '+14507601234',
      phone: '+33562010203',
      email: 'j.wade@proximasoft.com',
      address: {
        line1: 'Porte 1',
        line2: 'Résidence',
        line3: '11 rue marc sangnier',
        line4: 'Lieu dit',
        zipCode: '33700',
        city: 'Mérignac',
        country: 'FR',
      },
      customerType: null,
      identificationType: 'id_card',
      identificationNumber: 'AB123456',
      customerCode: 'XL-33700',
      attributes: {
        shoeSize: 43,
        newsletter: true,
      },
      consents: {
        email: true,
        sms: false,
        push: false,
      },
      blacklist: {
        email: false,
        sms: false,
        push: false,
      },
      source: 'web',
      noFidelity: false,
      active: true,
      godfatherId: null,
      cards: [],
      createdAt: '2026-11-28T23:35:32.951Z',
      updatedAt: '2026-11-28T23:35:32.951Z',
    },
  },
  'GET /v1/customers/{id}/balance': {
    response: {
      customerId: 'cus_01m8j8btkc6s89hfjgm75bwd2n',
      cards: [
        {
          cardNumber: '7709085810008',
          cardStatus: 'active',
          customerId: 'cus_01m8j8btkc6s89hfjgm75bwd2n',
          programId: 'prg_01m8j8btk38242a09y0t5rm84w',
          active: 7,
          pending: 0,
          expired: 0,
          frozen: 0,
          nearestExpiry: null,
          discountMinor: 0,
          walletMinor: 0,
          purchases: {
            period: {
              from: '2026-01-01T00:00:00.000Z',
              to: '2027-01-01T00:00:00.000Z',
              count: 0,
              amount: 0,
            },
            cumulative: {
              count: 0,
              amount: 0,
            },
            firstDate: null,
            lastDate: null,
          },
          tier: null,
        },
      ],
    },
  },
  'GET /v1/gifts': {
    response: {
      data: [
        {
          id: 'gft_01m8j85bv77d5nwzys2b6zrr9s',
          title: 'Une nuit offerte',
          pointsCost: 1200,
          stock: null,
          validFrom: null,
          validUntil: null,
          programId: null,
          active: true,
          createdAt: '2026-11-28T23:34:34.087Z',
        },
        {
          id: 'gft_01m8j85bvk5vthqn0db9qad8c2',
          title: 'Tote bag',
          pointsCost: 300,
          stock: 50,
          validFrom: null,
          validUntil: null,
          programId: null,
          active: true,
          createdAt: '2026-11-28T23:34:34.099Z',
        },
      ],
    },
  },
  'GET /v1/integration-log': {
    response: {
      data: [
        {
          id: 'log_01m8j84sxmbkffeeha8pdkasc8',
          kind: 'audit',
          requestId: 'req_01m8j84sx87rtazknhjx5rvvym',
          principalId: 'usr_01m8j845jd2thsnwg2swdjprwd',
          method: 'POST',
          url: '/v1/clients/cli_01m8j84qw38njd0vs7xmacm78m/activate',
          status: 200,
          errorCode: null,
          errorMessage: null,
          requestBody: '{}',
          responseBody: null,
          durationMs: 12,
          createdAt: '2026-11-28T23:34:15.732Z',
        },
        {
          id: 'log_01m8j84spje9fpw9j8aq18d6yk',
          kind: 'audit',
          requestId: 'req_01m8j84snqe3beah6p5en08nk7',
          principalId: 'usr_01m8j845jd2thsnwg2swdjprwd',
          method: 'POST',
          url: '/v1/clients/cli_01m8j84qw38njd0vs7xmacm78m/deactivate',
          status: 200,
          errorCode: null,
          errorMessage: null,
          requestBody: '{}',
          responseBody: null,
          durationMs: 13,
          createdAt: '2026-11-28T23:34:15.506Z',
        },
      ],
      nextCursor: null,
    },
  },
  'GET /v1/me': {
    response: {
      principalKind: 'user',
      principalId: 'usr_01m8j838tdctmn19w58cyxdqte',
      merchantId: 'mer_01m8j838f70c2zgcxqvwff1a7n',
      providerId: null,
      role: 'administrator',
      terminalId: 'trm_01m8j83xsna38ce5tcgs5cs2sk',
    },
  },
  'GET /v1/merchants': {
    response: {
      data: [
        {
          id: 'mer_01m8j8420bf677367zxw2tpzd5',
          slug: 'acme',
          name: 'Acme',
          currency: 'GBP',
          providerId: 'prv_01m8j841fa2y1cj2eesj3jper3',
          createdAt: '2026-11-28T23:33:51.243Z',
        },
      ],
      nextCursor: null,
    },
  },
  'GET /v1/principals': {
    response: {
      data: [
        {
          id: 'cli_01m8j89dbe8g702ref6vd2bc0n',
          kind: 'client',
          login: 'demo-pos',
          name: 'Demo POS',
          role: 'cashier',
          logFull: false,
          active: true,
        },
        {
          id: 'usr_01m8j89dkh92bd8jt7m1jyec6v',
          kind: 'user',
          login: 'admin@demo.test',
          name: 'admin@demo.test',
          role: 'administrator',
          logFull: false,
          active: true,
        },
      ],
    },
  },
  'GET /v1/programs': {
    response: {
      data: [
        {
          id: 'prg_01m8j839ez29hzy82mvx1j9tjw',
          code: 'VIP',
          name: 'Carte VIP',
          active: true,
          cardType: 'bonus',
          cardCategory: 'plastic',
          numberFormat: {
            prefix: '366029',
            length: 13,
            checkDigit: 'ean13',
          },
          pointsLabel: 'points',
          currency: 'EUR',
          pendingDays: 0,
          expiry: {
            kind: 'months',
            months: 12,
          },
          rules: [
            {
              id: 'total',
              kind: 'total_amount',
              rate: {
                points: 1,
                per: 100,
              },
              rounding: 'floor',
              minimumAmount: 0,
              excludeDiscounted: false,
            },
          ],
          tiers: {
            type: 'purchaseAmount',
            steps: [
              {
                index: 1,
                threshold: 50000,
                forcedUse: false,
                reward: {
                  kind: 'voucher_template',
                  templateId: 'VIP-25-OR-GIFT',
                },
                label: 'Un bon de 25 € offert ou 1 cadeau',
              },
              {
                index: 2,
                threshold: 80000,
                forcedUse: false,
                reward: {
                  kind: 'voucher_template',
                  templateId: 'VIP-40',
                },
                label: 'Un bon de 40 € offert',
              },
            ],
          },
          voucherTemplates: [
            {
              id: 'VIP-25-OR-GIFT',
              kind: 'choices',
              value: 2500,
              label: 'Un bon de 25 € offert ou 1 cadeau',
              options: [
                {
                  type: 'amount',
                  value: 2500,
                  label: 'Bon de 25 €',
                },
                {
                  type: 'gift',
                  value: 0,
                  label: '1 cadeau',
                },
              ],
              validityDays: null,
              splittable: false,
            },
            {
              id: 'VIP-40',
              kind: 'amount',
              value: 4000,
              label: 'Un bon de 40 € offert',
              validityDays: null,
              splittable: false,
              options: [],
            },
          ],
          requiredFields: ['firstName', 'lastName'],
          discountBasisPoints: 0,
          negativeBalance: 'allow',
          cancelWindowHours: 24,
          requireKnownItems: false,
          walletEnabled: false,
          oneCardPerCustomer: true,
          nextSerial: 24,
          createdAt: '2026-11-28T23:33:26.111Z',
          updatedAt: '2026-11-28T23:33:26.111Z',
        },
        {
          id: 'prg_01m8j839ft23smm2pvpc8kv51s',
          code: 'PRIV',
          name: 'Carte Privilèges',
          active: true,
          cardType: 'bonus_discount',
          cardCategory: 'virtual',
          numberFormat: {
            prefix: '1387',
            length: 11,
            checkDigit: 'luhn',
          },
          pointsLabel: 'points',
          currency: 'EUR',
          pendingDays: 0,
          expiry: {
            kind: 'none',
          },
          rules: [
            {
              id: 'total',
              kind: 'total_amount',
              rate: {
                points: 1,
                per: 100,
              },
              rounding: 'floor',
              minimumAmount: 0,
              excludeDiscounted: false,
            },
          ],
          tiers: {
            type: 'points',
            steps: [],
          },
          voucherTemplates: [],
          requiredFields: [],
          discountBasisPoints: 500,
          negativeBalance: 'allow',
          cancelWindowHours: 24,
          requireKnownItems: false,
          walletEnabled: true,
          oneCardPerCustomer: true,
          nextSerial: 0,
          createdAt: '2026-11-28T23:33:26.138Z',
          updatedAt: '2026-11-28T23:33:26.138Z',
        },
      ],
      nextCursor: null,
    },
  },
  'GET /v1/programs/{id}': {
    response: {
      id: 'prg_01m8j85nhm9wjxaxhg2027wtsq',
      code: 'GOLD',
      name: 'Carte Gold',
      active: true,
      cardType: 'bonus',
      cardCategory: 'plastic',
      numberFormat: {
        prefix: '2900',
        length: 13,
        checkDigit: 'ean13',
      },
      pointsLabel: 'points',
      currency: 'EUR',
      pendingDays: 0,
      expiry: {
        kind: 'none',
      },
      rules: [
        {
          id: 'total',
          kind: 'total_amount',
          rate: {
            points: 1,
            per: 100,
          },
          rounding: 'floor',
          minimumAmount: 0,
          excludeDiscounted: false,
        },
      ],
      tiers: {
        type: 'points',
        steps: [
          {
            index: 1,
            threshold: 500,
            forcedUse: false,
            reward: {
              kind: 'voucher_template',
              templateId: 'B10',
            },
            label: 'Bon de 10 €',
          },
        ],
      },
      voucherTemplates: [
        {
          id: 'B10',
          kind: 'amount',
          value: 1000,
          label: 'Bon de 10 €',
          validityDays: null,
          splittable: false,
          options: [],
        },
      ],
      requiredFields: [],
      discountBasisPoints: 0,
      negativeBalance: 'allow',
      cancelWindowHours: 24,
      requireKnownItems: false,
      walletEnabled: false,
      oneCardPerCustomer: true,
      nextSerial: 0,
      createdAt: '2026-11-28T23:34:44.021Z',
      updatedAt: '2026-11-28T23:34:44.021Z',
    },
  },
  'GET /v1/reference/civilities': {
    response: {
      data: [
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
  },
  'GET /v1/reference/countries': {
    response: {
      data: [
        {
          code: 'AF',
          name: 'Afghanistan',
          nameFr: 'Afghanistan',
        },
        {
          code: 'AX',
          name: 'Åland Islands',
          nameFr: 'Åland',
        },
      ],
    },
  },
  'GET /v1/reference/countries/{country}/cities': {
    response: {
      country: 'FR',
      data: [
        {
          zipCode: '01450',
          name: 'Mérignat',
          label: 'MERIGNAT',
        },
        {
          zipCode: '09230',
          name: 'Mérigon',
          label: 'MERIGON',
        },
      ],
    },
  },
  'GET /v1/sales': {
    response: {
      data: [
        {
          id: 'sale_01m8j8azt94qapap0863avt0yb',
          receipt: 'R-mx11vu3y-19',
          storeId: 'sto_01m8j8adhn654geqhv3p0kmatr',
          terminalId: null,
          seller: null,
          cardId: 'card_01m8j8azgk95qx8bbmg7z85pmb',
          customerId: 'cus_01m8j8azfp07517g43ba18m850',
          date: '2026-03-10T10:00:00.000Z',
          totalMinor: 3000,
          status: 'cancelled',
          earnedPoints: 70,
          redeemedPoints: 40,
          reversedPoints: 70,
          returnedMinor: 1000,
          lines: [
            {
              lineNo: 1,
              operation: 'purchase',
              amount: 3000,
              quantity: 1,
              discountPercent: 0,
            },
          ],
          createdAt: '2026-03-10T10:00:00.000Z',
        },
      ],
      nextCursor: null,
    },
  },
  'GET /v1/sales/{id}': {
    response: {
      id: 'sale_01m8j8azt94qapap0863avt0yb',
      receipt: 'R-mx11vu3y-19',
      storeId: 'sto_01m8j8adhn654geqhv3p0kmatr',
      terminalId: null,
      seller: null,
      cardId: 'card_01m8j8azgk95qx8bbmg7z85pmb',
      customerId: 'cus_01m8j8azfp07517g43ba18m850',
      date: '2026-03-10T10:00:00.000Z',
      totalMinor: 3000,
      status: 'cancelled',
      earnedPoints: 70,
      redeemedPoints: 40,
      reversedPoints: 70,
      returnedMinor: 1000,
      lines: [
        {
          lineNo: 1,
          operation: 'purchase',
          amount: 3000,
          quantity: 1,
          discountPercent: 0,
        },
      ],
      createdAt: '2026-03-10T10:00:00.000Z',
    },
  },
  'GET /v1/stores': {
    response: {
      data: [
        {
          id: 'sto_01m8j838fr6z48xsfsk3det21j',
          code: 'CLF-01',
          name: 'Clermont-Ferrand Jaude',
          region: 'Auvergne-Rhône-Alpes',
          timeZone: 'UTC',
          currency: 'EUR',
          createdAt: '2026-11-28T23:33:25.112Z',
        },
        {
          id: 'sto_01m8j83x446hc184sqvntrmzc7',
          code: 'LYON-02',
          name: 'Lyon',
          region: 'Rhône',
          timeZone: 'Europe/Paris',
          currency: 'EUR',
          createdAt: '2026-11-28T23:33:46.244Z',
        },
      ],
      nextCursor: null,
    },
  },
  'GET /v1/terminals': {
    response: {
      data: [
        {
          id: 'trm_01m8j83xsna38ce5tcgs5cs2sk',
          code: 'LY-1',
          name: 'Lyon till 1',
          storeId: 'sto_01m8j83x446hc184sqvntrmzc7',
          storeCode: 'LYON-02',
          createdAt: '2026-11-28T23:33:46.933Z',
        },
      ],
      nextCursor: null,
    },
  },
  'GET /v1/users': {
    response: {
      data: [
        {
          id: 'usr_01m8j838tdctmn19w58cyxdqte',
          login: 'admin@demo.test',
          email: 'admin@demo.test',
          role: 'administrator',
          active: true,
          createdAt: '2026-11-28T23:33:25.622Z',
        },
        {
          id: 'usr_01m8j83a01bsghtcjbkmms856m',
          login: 'aladdin',
          email: null,
          role: 'administrator',
          active: true,
          createdAt: '2026-11-28T23:33:26.903Z',
        },
      ],
      nextCursor: null,
    },
  },
  'GET /v1/vouchers': {
    response: {
      data: [
        {
          id: 'vch_01m8j8840831bvpzzv0nnbmnq1',
          number: '22334466',
          kind: 'amount',
          value: 500,
          remaining: 500,
          splittable: false,
          options: [],
          label: 'Bon de 5 €',
          status: 'active',
          validFrom: null,
          validUntil: null,
          cardNumber: null,
          customerId: null,
          source: 'demo',
          stepIndex: null,
          giftId: null,
          createdAt: '2026-11-28T23:36:04.291Z',
        },
        {
          id: 'vch_01m8j8840w4dcwevhngxeygbzr',
          number: '66778800',
          kind: 'amount',
          value: 500,
          remaining: 500,
          splittable: false,
          options: [],
          label: 'Bon de 5 €',
          status: 'active',
          validFrom: null,
          validUntil: null,
          cardNumber: null,
          customerId: null,
          source: 'demo',
          stepIndex: null,
          giftId: null,
          createdAt: '2026-11-28T23:36:04.291Z',
        },
      ],
      nextCursor: null,
    },
  },
  'GET /v1/vouchers/{number}': {
    response: {
      id: 'vch_01m8j88p89emaaa7afwx434gc5',
      number: '7511884665',
      kind: 'gift',
      value: 0,
      remaining: 0,
      splittable: false,
      options: [],
      label: 'Une nuit offerte',
      status: 'active',
      validFrom: null,
      validUntil: null,
      cardNumber: '9089830430003',
      customerId: null,
      source: 'step',
      stepIndex: 3,
      giftId: 'gft_01m8j88jsv0ew2qcfhabmcak8c',
      createdAt: '2026-11-28T23:36:23.047Z',
    },
  },
  'PATCH /v1/customers/{id}': {
    request: {
      email: null,
      mobile: '+33611223344',
      blacklist: {
        sms: true,
      },
    },
    response: {
      id: 'cus_01m8j83xkw85qsk8e32mwyks5n',
      number: 634514,
      civility: null,
      firstName: 'Enfin',
      lastName: 'Sans-Prénom',
      gender: null,
      birthDay: null,
      birthMonth: null,
      birthYear: null,
      mobile: '+33611220001',
      phone: null,
      email: null,
      address: {
        line1: null,
        line2: null,
        line3: null,
        line4: null,
        zipCode: null,
        city: null,
        country: null,
      },
      customerType: null,
      identificationType: null,
      identificationNumber: null,
      customerCode: null,
      attributes: {},
      consents: {
        email: false,
        sms: false,
        push: false,
      },
      blacklist: {
        email: false,
        sms: false,
        push: false,
      },
      source: null,
      noFidelity: false,
      active: true,
      godfatherId: null,
      cards: ['3660290000301'],
      createdAt: '2026-11-28T23:33:46.749Z',
      updatedAt: '2026-11-28T23:33:47.824Z',
    },
  },
  'PATCH /v1/principals/{id}': {
    request: {
      logFull: false,
    },
    response: {
      id: 'cli_01m8j89dbe8g702ref6vd2bc0n',
      logFull: false,
    },
  },
  'PATCH /v1/programs/{id}': {
    request: {
      name: 'Renamed',
      pendingDays: 14,
      requiredFields: ['email'],
    },
    response: {
      id: 'prg_01m8j85paw9an5wfvan5avg61j',
      code: 'UPD',
      name: 'Renamed',
      active: true,
      cardType: 'bonus',
      cardCategory: 'plastic',
      numberFormat: {
        prefix: '2900',
        length: 13,
        checkDigit: 'ean13',
      },
      pointsLabel: 'points',
      currency: 'EUR',
      pendingDays: 14,
      expiry: {
        kind: 'none',
      },
      rules: [
        {
          id: 'total',
          kind: 'total_amount',
          rate: {
            points: 1,
            per: 100,
          },
          rounding: 'floor',
          minimumAmount: 0,
          excludeDiscounted: false,
        },
      ],
      tiers: {
        type: 'points',
        steps: [
          {
            index: 1,
            threshold: 500,
            forcedUse: false,
            reward: {
              kind: 'voucher_template',
              templateId: 'B10',
            },
            label: 'Bon de 10 €',
          },
        ],
      },
      voucherTemplates: [
        {
          id: 'B10',
          kind: 'amount',
          value: 1000,
          label: 'Bon de 10 €',
          validityDays: null,
          splittable: false,
          options: [],
        },
      ],
      requiredFields: ['email'],
      discountBasisPoints: 0,
      negativeBalance: 'allow',
      cancelWindowHours: 24,
      requireKnownItems: false,
      walletEnabled: false,
      oneCardPerCustomer: true,
      nextSerial: 0,
      createdAt: '2026-11-28T23:34:44.828Z',
      updatedAt: '2026-11-28T23:34:44.893Z',
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
  'POST /fidelisa/api/corrections': {
    request: {
      correction: {
        points: 20,
        customer_id: 'FD39A1AA85AC4F3FB977DEA5A5786263',
        card_id: '1DA03451947C4B91A0EAE4099AD01E26',
      },
    },
    response: {
      correction: {
        points: 20,
        customer_id: 'FD39A1AA85AC4F3FB977DEA5A5786263',
        card_id: '1DA03451947C4B91A0EAE4099AD01E26',
      },
      card: {
        uuid: '1DA03451947C4B91A0EAE4099AD01E26',
        title: 'Carte VIP',
        points: 273,
        expired_at: null,
      },
    },
  },
  'POST /fidelisa/api/customers': {
    request: {
      customer: {
        email: 'client@monmail.com',
        phone: '0123456789',
        first_name: 'Pierre',
        last_name: 'Martin',
        birth_day: 19,
        birth_month: 10,
      },
    },
    response: {
      uuid: '3258F67535EF0DE48BE2EC3FC8D92547',
      email: 'client@monmail.com',
      phone: '0123456789',
      first_name: 'Pierre',
      last_name: 'Martin',
    },
  },
  'POST /fidelisa/api/customers/{id}/cards/expired_at': {
    request: {
      id: '1DA03451947C4B91A0EAE4099AD01E26',
      date: '2014-06-20',
      reset: true,
    },
    response: {
      uuid: '1DA03451947C4B91A0EAE4099AD01E26',
      title: 'Carte VIP',
      points: 0,
      expired_at: '2014-06-20',
    },
  },
  'POST /fidelisa/api/gifts/award': {
    request: {
      uuid: 'AZEFDFD39A1AA85AC423JJL34NEZOJ3E',
      customer_id: 'FD39A1AA85AC4F3FB977DEA5A5786263',
    },
    response: {},
  },
  'POST /fidelisa/api/notifications': {
    request: {
      customers: {
        D407587D800ECC6C629A52CD204C6E61: 'http://fidelisa.com/1',
        FD39A1AA85AC4F3FB977DEA5A5786263: 'http://fidelisa.com/2',
      },
      alert: 'Message aux clients',
    },
    response: {
      messages: 1,
      recipients: 1,
    },
  },
  'POST /fidelisa/api/sales/': {
    request: {
      bill: {
        total: '123.50',
        date: '2013-01-15',
        customer_id: 'FD39A1AA85AC4F3FB977DEA5A5786263',
        details: [
          {
            type: 'SubTotal1',
            amount: '123.50',
            quantity: '2',
          },
          {
            type: 'Item',
            item: '1234',
            amount: '12.50',
            quantity: '2',
          },
        ],
      },
    },
    response: {
      bill: {
        date: '2013-01-15',
        total: '123.5',
      },
      errors: [
        {
          type: 'Item',
          amount: '12.50',
          error: 'Not Use',
          item: '1234',
          quantity: '2',
        },
      ],
    },
  },
  'POST /fidelisa/api/shops/init': {
    request: {
      shop: {
        user_email: 'subtotals@fidelisa.com',
      },
    },
    response: {
      title: 'test3',
      uuid: '619E8B5AAD5E48138881C5E7774C86B2',
      key: 'FrZN6UChpqXBRKVExXVB',
      user_email: 'test3@fidelisa.com',
    },
  },
  'POST /oauth/token': {
    request: {
      grant_type: 'client_credentials',
      client_id: 'demo-pos',
      client_secret: 'demo-secret',
    },
    response: {
      access_token: 'vw-kNGczYrqrw0Jf1wcZ21CvrCc92e5lJnVrThF87w8',
      token_type: 'Bearer',
      expires_in: 3600,
    },
  },
  'POST /v1/adjustments': {
    request: {
      cardNumber: '7709034647005',
      points: 100,
      reason: 'Goodwill gesture',
    },
    response: {
      movementId: 'mov_01m8j8aa6e1zhveaytzsjt9641',
      cardNumber: '7709035795008',
      points: 100,
      reason: 'Goodwill gesture',
      balance: {
        active: 100,
        pending: 0,
        expired: 0,
        frozen: 0,
        nearestExpiry: null,
        discountMinor: 0,
        walletMinor: 0,
      },
    },
  },
  'POST /v1/cards/batch': {
    request: {
      programId: 'prg_01m8j839ez29hzy82mvx1j9tjw',
      count: 3,
    },
    response: {
      programId: 'prg_01m8j839ez29hzy82mvx1j9tjw',
      firstSerial: 24,
      count: 3,
      numbers: ['3660290000240', '3660290000257'],
    },
  },
  'POST /v1/cards/next-available': {
    request: {
      programId: 'prg_01m8j839ez29hzy82mvx1j9tjw',
    },
    response: {
      id: 'card_01m8j839jj1vf9jy6e5jnw3qt0',
      number: '3660290000004',
      status: 'issued',
      program: {
        id: 'prg_01m8j839ez29hzy82mvx1j9tjw',
        code: 'VIP',
        name: 'Carte VIP',
        cardType: 'bonus',
        cardCategory: 'plastic',
      },
      customer: null,
      block: null,
      expiresAt: null,
      replacedBy: null,
      discountMinor: 0,
      issuedAt: '2026-11-28T23:33:46.349Z',
      activatedAt: null,
      createdAt: '2026-11-28T23:33:26.226Z',
      updatedAt: '2026-11-28T23:33:46.349Z',
    },
  },
  'POST /v1/cards/{number}/activate': {
    response: {
      id: 'card_01m8j83xgd08015ezjdhm51sw2',
      number: '3660290000301',
      status: 'active',
      program: {
        id: 'prg_01m8j839ez29hzy82mvx1j9tjw',
        code: 'VIP',
        name: 'Carte VIP',
        cardType: 'bonus',
        cardCategory: 'plastic',
      },
      customer: {
        id: 'cus_01m8j83xkw85qsk8e32mwyks5n',
        number: 634514,
        firstName: 'Enfin',
        lastName: 'Sans-Prénom',
        mobile: '+33611220001',
      },
      block: null,
      expiresAt: null,
      replacedBy: null,
      discountMinor: 0,
      issuedAt: '2026-11-28T23:33:47.063Z',
      activatedAt: '2026-11-28T23:33:48.087Z',
      createdAt: '2026-11-28T23:33:46.637Z',
      updatedAt: '2026-11-28T23:33:48.087Z',
    },
  },
  'POST /v1/cards/{number}/bind': {
    request: {
      customerId: 'cus_01m8j83xkw85qsk8e32mwyks5n',
    },
    response: {
      id: 'card_01m8j83zgy48yvt30vsf3065da',
      number: '13870000018',
      status: 'issued',
      program: {
        id: 'prg_01m8j839ft23smm2pvpc8kv51s',
        code: 'PRIV',
        name: 'Carte Privilèges',
        cardType: 'bonus_discount',
        cardCategory: 'virtual',
      },
      customer: {
        id: 'cus_01m8j83xkw85qsk8e32mwyks5n',
        number: 634514,
        firstName: 'Enfin',
        lastName: 'Sans-Prénom',
        mobile: '+33611220001',
      },
      block: null,
      expiresAt: null,
      replacedBy: null,
      discountMinor: 0,
      issuedAt: '2026-11-28T23:33:48.713Z',
      activatedAt: null,
      createdAt: '2026-11-28T23:33:48.702Z',
      updatedAt: '2026-11-28T23:33:48.732Z',
    },
  },
  'POST /v1/cards/{number}/block': {
    request: {
      reasonCode: 0,
      reasonName: 'Perdue',
    },
    response: {
      id: 'card_01m8j840bm0dknv4pjkz8ts2f7',
      number: '3660290000332',
      status: 'blocked',
      program: {
        id: 'prg_01m8j839ez29hzy82mvx1j9tjw',
        code: 'VIP',
        name: 'Carte VIP',
        cardType: 'bonus',
        cardCategory: 'plastic',
      },
      customer: {
        id: 'cus_01m8j840c13vxx9rqm1469s171',
        number: 634517,
        firstName: 'Kim',
        lastName: 'Bloc',
        mobile: '+33612230387',
      },
      block: {
        reasonCode: 1,
        reasonName: 'Put on the list of unwanted customers',
        blockedByRole: 'senior_employee',
      },
      expiresAt: null,
      replacedBy: null,
      discountMinor: 0,
      issuedAt: '2026-11-28T23:33:49.593Z',
      activatedAt: '2026-11-28T23:33:49.649Z',
      createdAt: '2026-11-28T23:33:49.556Z',
      updatedAt: '2026-11-28T23:33:49.964Z',
    },
  },
  'POST /v1/cards/{number}/expiry': {
    request: {
      expiresAt: '2028-06-30T00:00:00+02:00',
      resetPoints: true,
    },
    response: {
      id: 'card_01m8j8455x3hj3n03rrjcpms5e',
      number: '3660290000493',
      status: 'active',
      program: {
        id: 'prg_01m8j839ez29hzy82mvx1j9tjw',
        code: 'VIP',
        name: 'Carte VIP',
        cardType: 'bonus',
        cardCategory: 'plastic',
      },
      customer: {
        id: 'cus_01m8j8456k6bqx5tbes5egr49w',
        number: 634531,
        firstName: 'Max',
        lastName: 'Expire',
        mobile: '+33611220088',
      },
      block: null,
      expiresAt: '2028-06-29T22:00:00.000Z',
      replacedBy: null,
      discountMinor: 0,
      issuedAt: '2026-11-28T23:33:54.540Z',
      activatedAt: '2026-11-28T23:33:54.586Z',
      createdAt: '2026-11-28T23:33:54.493Z',
      updatedAt: '2026-11-28T23:33:54.711Z',
      pointsReset: 75,
    },
  },
  'POST /v1/cards/{number}/issue': {
    response: {
      id: 'card_01m8j83zgy48yvt30vsf3065da',
      number: '13870000018',
      status: 'issued',
      program: {
        id: 'prg_01m8j839ft23smm2pvpc8kv51s',
        code: 'PRIV',
        name: 'Carte Privilèges',
        cardType: 'bonus_discount',
        cardCategory: 'virtual',
      },
      customer: null,
      block: null,
      expiresAt: null,
      replacedBy: null,
      discountMinor: 0,
      issuedAt: '2026-11-28T23:33:48.713Z',
      activatedAt: null,
      createdAt: '2026-11-28T23:33:48.702Z',
      updatedAt: '2026-11-28T23:33:48.713Z',
    },
  },
  'POST /v1/cards/{number}/replace': {
    request: {
      newNumber: '3660290000462',
    },
    response: {
      id: 'card_01m8j844ex9ykgccbhbasgqw6z',
      number: '3660290000462',
      status: 'active',
      program: {
        id: 'prg_01m8j839ez29hzy82mvx1j9tjw',
        code: 'VIP',
        name: 'Carte VIP',
        cardType: 'bonus',
        cardCategory: 'plastic',
      },
      customer: {
        id: 'cus_01m8j8398cefg5sptgh08hvrs3',
        number: 634510,
        firstName: 'Pierre',
        lastName: 'Martin',
        mobile: '+33612345678',
      },
      block: null,
      expiresAt: null,
      replacedBy: null,
      discountMinor: 0,
      issuedAt: '2026-11-28T23:33:53.892Z',
      activatedAt: '2026-11-28T23:33:53.892Z',
      createdAt: '2026-11-28T23:33:53.757Z',
      updatedAt: '2026-11-28T23:33:53.892Z',
    },
  },
  'POST /v1/cards/{number}/steps/{index}/reward': {
    response: {
      stepIndex: 1,
      voucher: {
        id: 'vch_01m8j88nt47f4bkhmy8tpd30wk',
        number: '8844481653',
        kind: 'choices',
        value: 0,
        remaining: 0,
        splittable: false,
        options: [
          {
            type: 'amount',
            value: 2500,
            label: 'Bon de 25 €',
          },
          {
            type: 'percentage',
            value: 15,
          },
        ],
        label: 'Un bon de 25 € offert ou 1 cadeau',
        status: 'active',
        validFrom: null,
        validUntil: '2027-02-26T23:36:22.588Z',
        cardNumber: '9089796840001',
        customerId: null,
        source: 'step',
        stepIndex: 1,
        giftId: null,
        createdAt: '2026-11-28T23:36:22.588Z',
      },
    },
  },
  'POST /v1/cards/{number}/unblock': {
    request: {
      reasonCode: 0,
    },
    response: {
      id: 'card_01m8j83zk2aqwzt1z37d48mw3e',
      number: '3660290000325',
      status: 'active',
      program: {
        id: 'prg_01m8j839ez29hzy82mvx1j9tjw',
        code: 'VIP',
        name: 'Carte VIP',
        cardType: 'bonus',
        cardCategory: 'plastic',
      },
      customer: {
        id: 'cus_01m8j83zk56mcf89h98ctp01yz',
        number: 634516,
        firstName: 'Kim',
        lastName: 'Bloc',
        mobile: '+33612566175',
      },
      block: null,
      expiresAt: null,
      replacedBy: null,
      discountMinor: 0,
      issuedAt: '2026-11-28T23:33:48.784Z',
      activatedAt: '2026-11-28T23:33:48.836Z',
      createdAt: '2026-11-28T23:33:48.770Z',
      updatedAt: '2026-11-28T23:33:49.215Z',
    },
  },
  'POST /v1/clients': {
    response: {
      id: 'cli_01m8j83zx50452rwyf20zfnb25',
      clientId: 'cli-18uITdm0E-3w',
      name: 'Lyon tills',
      role: 'cashier',
      active: true,
      createdAt: '2026-11-28T23:33:49.267Z',
      clientSecret: '4iUU-r0hb2FsZbgcF5rb5XP4KshLtiw4',
    },
  },
  'POST /v1/clients/{id}/activate': {
    response: {
      id: 'cli_01m8j83zx50452rwyf20zfnb25',
      clientId: 'cli-18uITdm0E-3w',
      name: 'Lyon tills',
      role: 'cashier',
      active: true,
      createdAt: '2026-11-28T23:33:49.267Z',
      tokensRevoked: 0,
    },
  },
  'POST /v1/clients/{id}/deactivate': {
    response: {
      id: 'cli_01m8j83zx50452rwyf20zfnb25',
      clientId: 'cli-18uITdm0E-3w',
      name: 'Lyon tills',
      role: 'cashier',
      active: false,
      createdAt: '2026-11-28T23:33:49.267Z',
      tokensRevoked: 1,
    },
  },
  'POST /v1/clients/{id}/rotate-secret': {
    response: {
      id: 'cli_01m8j83zx50452rwyf20zfnb25',
      clientId: 'cli-18uITdm0E-3w',
      name: 'Lyon tills',
      role: 'cashier',
      active: true,
      createdAt: '2026-11-28T23:33:49.267Z',
      clientSecret: 'yxeWR4MgGRjB_7L4Q3Ow5NRMPQkmvYxd',
      tokensRevoked: 1,
    },
  },
  'POST /v1/customers': {
    request: {
      civility: 'MONSIEUR',
      lastName: 'Quenouille',
      firstName: 'Xavier',
      phone: '+33 5 62 01 02 03',
      mobile: '+14507601234',
      email: 'J.Wade@Proximasoft.com',
      birthDay: 30,
      birthMonth: 3,
      birthYear: 1993,
      address: {
        line1: 'Porte 1',
        line2: 'Résidence',
        line3: '11 rue marc sangnier',
        line4: 'Lieu dit',
        zipCode: '33700',
        city: 'Mérignac',
        country: 'FRANCE',
      },
      customerCode: 'SEARCH-2',
      identificationType: 'id_card',
      identificationNumber: 'AB123456',
      attributes: {
        shoeSize: 43,
        newsletter: true,
      },
      consents: {
        email: true,
        sms: false,
      },
      source: 'web',
    },
    response: {
      id: 'cus_01m8j877a5d3k18cvcp1dnt8qk',
      number: 634522,
      civility: 'M',
      firstName: 'Xavier',
      lastName: 'Quenouille',
      gender: null,
      birthDay: 30,
      birthMonth: 3,
      birthYear: 1993,
      mobile: '+14507601234',
      phone: '+33562010203',
      email: 'j.wade@proximasoft.com',
      address: {
        line1: 'Porte 1',
        line2: 'Résidence',
        line3: '11 rue marc sangnier',
        line4: 'Lieu dit',
        zipCode: '33700',
        city: 'Mérignac',
        country: 'FR',
      },
      customerType: null,
      identificationType: 'id_card',
      identificationNumber: 'AB123456',
      customerCode: 'SEARCH-2',
      attributes: {
        shoeSize: 43,
        newsletter: true,
      },
      consents: {
        email: true,
        sms: false,
        push: false,
      },
      blacklist: {
        email: false,
        sms: false,
        push: false,
      },
      source: 'web',
      noFidelity: false,
      active: true,
      godfatherId: null,
      cards: [],
      createdAt: '2026-11-28T23:35:34.981Z',
      updatedAt: '2026-11-28T23:35:34.981Z',
    },
  },
  'POST /v1/gift-awards/{id}/restore': {
    response: {
      awardId: 'gaw_01m8j85tbg3tz49szq0cv0tq24',
      status: 'restored',
      pointsRestored: 300,
    },
  },
  'POST /v1/gifts': {
    request: {
      title: 'Mug',
      pointsCost: 150,
      stock: 10,
      programId: 'prg_01m8j85srf663cshsk15wemk3y',
    },
    response: {
      id: 'gft_01m8j85sxhd5b49q89s92ety3z',
      title: 'Mug',
      pointsCost: 150,
      stock: 10,
      validFrom: null,
      validUntil: null,
      programId: 'prg_01m8j85srf663cshsk15wemk3y',
      active: true,
      createdAt: '2026-11-28T23:34:48.497Z',
    },
  },
  'POST /v1/gifts/{id}/award': {
    request: {
      cardNumber: '9088887690002',
    },
    response: {
      awardId: 'gaw_01m8j85v5m9088y12rjbd5wy0q',
      voucher: {
        id: 'vch_01m8j85v5ka5wdbgnhymna61ms',
        number: '1991900093',
        kind: 'gift',
        value: 0,
        remaining: 0,
        splittable: false,
        options: [],
        label: 'Lampe',
        status: 'active',
        validFrom: null,
        validUntil: null,
        cardNumber: '9088897660004',
        customerId: null,
        source: 'gift',
        stepIndex: null,
        giftId: 'gft_01m8j85v4w7g9vcp53snr3m5xj',
        createdAt: '2026-11-28T23:34:49.770Z',
      },
    },
  },
  'POST /v1/merchants': {
    response: {
      id: 'mer_01m8j8420bf677367zxw2tpzd5',
      slug: 'acme',
      name: 'Acme',
      currency: 'GBP',
      providerId: 'prv_01m8j841fa2y1cj2eesj3jper3',
      createdAt: '2026-11-28T23:33:51.243Z',
      administrator: {
        id: 'usr_01m8j8420qakq213m5tqk1c8p1',
        login: 'a@acme.test',
      },
    },
  },
  'POST /v1/programs': {
    request: {
      code: 'GOLD',
      name: 'Carte Gold',
      cardType: 'bonus',
      cardCategory: 'plastic',
      numberFormat: {
        prefix: '2900',
        length: 13,
        checkDigit: 'ean13',
      },
      rules: [
        {
          id: 'total',
          kind: 'total_amount',
          rate: {
            points: 1,
            per: 100,
          },
        },
      ],
      tiers: {
        type: 'points',
        steps: [
          {
            index: 1,
            threshold: 500,
            forcedUse: false,
            reward: {
              kind: 'voucher_template',
              templateId: 'B10',
            },
            label: 'Bon de 10 €',
          },
        ],
      },
      voucherTemplates: [
        {
          id: 'B10',
          kind: 'amount',
          value: 1000,
          label: 'Bon de 10 €',
        },
      ],
    },
    response: {
      id: 'prg_01m8j85nhm9wjxaxhg2027wtsq',
      code: 'GOLD',
      name: 'Carte Gold',
      active: true,
      cardType: 'bonus',
      cardCategory: 'plastic',
      numberFormat: {
        prefix: '2900',
        length: 13,
        checkDigit: 'ean13',
      },
      pointsLabel: 'points',
      currency: 'EUR',
      pendingDays: 0,
      expiry: {
        kind: 'none',
      },
      rules: [
        {
          id: 'total',
          kind: 'total_amount',
          rate: {
            points: 1,
            per: 100,
          },
          rounding: 'floor',
          minimumAmount: 0,
          excludeDiscounted: false,
        },
      ],
      tiers: {
        type: 'points',
        steps: [
          {
            index: 1,
            threshold: 500,
            forcedUse: false,
            reward: {
              kind: 'voucher_template',
              templateId: 'B10',
            },
            label: 'Bon de 10 €',
          },
        ],
      },
      voucherTemplates: [
        {
          id: 'B10',
          kind: 'amount',
          value: 1000,
          label: 'Bon de 10 €',
          validityDays: null,
          splittable: false,
          options: [],
        },
      ],
      requiredFields: [],
      discountBasisPoints: 0,
      negativeBalance: 'allow',
      cancelWindowHours: 24,
      requireKnownItems: false,
      walletEnabled: false,
      oneCardPerCustomer: true,
      nextSerial: 0,
      createdAt: '2026-11-28T23:34:44.021Z',
      updatedAt: '2026-11-28T23:34:44.021Z',
    },
  },
  'POST /v1/sales': {
    response: {
      saleId: 'sale_01m8j8a72we5whg9yn51kj9et5',
      receipt: 'R-mx11val2-1',
      cardNumber: '7709033037002',
      pointsEarned: 23,
      pointsRedeemed: 0,
      discountEarnedMinor: 0,
      unusedLines: [],
      stepsReached: [],
      vouchersGenerated: [],
      vouchersUsed: [],
      balance: {
        active: 23,
        pending: 0,
        expired: 0,
        frozen: 0,
        nearestExpiry: null,
        discountMinor: 0,
        walletMinor: 0,
      },
    },
    request: {
      receipt: 'R-mx11vru6-14',
      date: '2026-03-10T10:00:00.000Z',
      storeCode: 'PARIS-01',
      cardNumber: '7709055396014',
      lines: [
        {
          operation: 'purchase',
          amount: 600,
          quantity: 1,
          discountPercent: 0,
        },
        {
          operation: 'purchase',
          amount: 300,
          quantity: 1,
          discountPercent: 0,
        },
      ],
    },
  },
  'POST /v1/sales/{id}/cancel': {
    response: {
      saleId: 'sale_01m8j8ab85ac3rna1zg4tygx3c',
      status: 'cancelled',
      pointsReversed: 14,
      pointsRestored: 0,
      vouchersRestored: ['5027310166'],
      balance: {
        active: 0,
        pending: 0,
        expired: 0,
        frozen: 0,
        nearestExpiry: null,
        discountMinor: 0,
        walletMinor: 0,
      },
    },
  },
  'POST /v1/sales/{id}/returns': {
    request: {
      receipt: 'L1',
      lines: [
        {
          lineNo: 2,
        },
      ],
    },
    response: {
      returnId: 'ret_01m8j8a7zn1eanygc5n7k1wv68',
      saleId: 'sale_01m8j8a7z9f80rz7e29pvxnhf3',
      receipt: 'R1',
      amount: 1500,
      lines: [{ lineNo: 2, amount: 1500 }],
      pointsReversed: 35,
      deficit: 0,
      waived: 0,
      saleReturnedMinor: 1500,
      saleReversedPoints: 35,
      balance: {
        active: 35,
        pending: 0,
        expired: 0,
        frozen: 0,
        nearestExpiry: null,
        discountMinor: 0,
        walletMinor: 0,
      },
    },
  },
  'POST /v1/users/{id}/password': {
    response: {
      id: 'usr_01m8j83y5s8w0gcwhs977pzhhj',
      tokensRevoked: 1,
    },
  },
  'POST /v1/vouchers': {
    request: {
      kind: 'choices',
      options: [
        {
          type: 'amount',
          value: 2500,
        },
        {
          type: 'percentage',
          value: 10,
        },
      ],
    },
    response: {
      id: 'vch_01m8j88nncbgw509bqthbzerjb',
      number: '8751487726',
      kind: 'choices',
      value: 0,
      remaining: 0,
      splittable: false,
      options: [
        {
          type: 'amount',
          value: 2500,
        },
        {
          type: 'percentage',
          value: 10,
        },
      ],
      label: null,
      status: 'active',
      validFrom: null,
      validUntil: null,
      cardNumber: null,
      customerId: null,
      source: 'manual',
      stepIndex: null,
      giftId: null,
      createdAt: '2026-11-28T23:36:22.444Z',
    },
  },
  'POST /v1/vouchers/{number}/cancel': {
    response: {
      id: 'vch_01m8j88m4xcq3v8s2ftwg1ab64',
      number: '7173618577',
      kind: 'amount',
      value: 300,
      remaining: 300,
      splittable: false,
      options: [],
      label: null,
      status: 'cancelled',
      validFrom: null,
      validUntil: null,
      cardNumber: null,
      customerId: null,
      source: 'manual',
      stepIndex: null,
      giftId: null,
      createdAt: '2026-11-28T23:36:20.892Z',
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

interface Media {
  example?: unknown;
  examples?: unknown;
}
interface Operation {
  requestBody?: { content?: Record<string, Media> };
  responses?: Record<string, { content?: Record<string, Media> }>;
}

const declared = (media: Media) => media.example !== undefined || media.examples !== undefined;

/** Adds EXAMPLES to the document's operations, where a body or a success response has no example of its own. */
export function applyExamples<T extends object>(document: T): T {
  const paths = (document as { paths?: Record<string, Record<string, unknown>> }).paths ?? {};
  for (const [path, operations] of Object.entries(paths))
    for (const [method, value] of Object.entries(operations)) {
      const key = `${method.toUpperCase()} ${path}`;
      const example = EXAMPLES[key] ?? PROMOTION_EXAMPLES[key];
      if (!example) continue;
      const operation = value as Operation;
      if (example.request !== undefined)
        for (const media of Object.values(operation.requestBody?.content ?? {}))
          if (!declared(media)) media.example = example.request;
      // Every success status gets the recorded answer (POST /v1/sales: a replay, 200, answers like the first post, 201).
      if (example.response !== undefined)
        for (const [status, response] of Object.entries(operation.responses ?? {}))
          if (/^2\d\d$/.test(status))
            for (const [type, media] of Object.entries(response.content ?? {}))
              if (type.includes('json') && !declared(media)) media.example = example.response;
    }
  return document;
}
