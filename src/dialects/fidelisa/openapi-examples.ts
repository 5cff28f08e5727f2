/**
 * Fidelisa's request and response examples for /docs, keyed by "METHOD /path" as in /openapi.json: the demo's
 * values, recorded from the test suite's exchanges with the demo data. The dialect declares them
 * (defineDialect's `examples`); applyExamples adds them to operations that declare none on their schemas.
 */
import type { OperationExample } from '../../http/openapi-examples.js';

export const FIDELISA_EXAMPLES: Record<string, OperationExample> = {
  'DELETE /fidelisa/api/customers/{id}': {
    response: {},
  },
  'DELETE /fidelisa/api/gifts/{gift_id}': {
    response: {},
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
};
