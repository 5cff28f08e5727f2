// The workloads, in the order they run. A workload is a small object:
//   name      short id, used in --only and in the results
//   target    'constant' (the bare Fastify server) or 'tessera'
//   what      one line for the report
//   expect    the status every answer should have (a probe request checks it before the load starts)
//   connections  (optional) concurrent connections for this workload instead of --connections
//   setup     (optional) async (ctx, target) => void, run once just before the workload (after the ones before it)
//   request   (ctx) => one autocannon request object: { method, path, headers?, body?, setupRequest? };
//             setupRequest(req) runs before every request and may change path, headers and body.
// ctx = { token, auth: { authorization: 'Bearer ...' }, avomarkAuth: { authorization: 'Bearer ...' } (the demo
//         Avomark till: demo / demo, terminal 1), seeded: { ids, lastNames, cardNumbers, voucherNumbers },
//         runId, client: { id, secret }, admin: { username, password } (the demo's administrator) }.
// Seeded cards belong to the demo's Carte VIP (1 point per euro; tiers at 500 / 800 / 1 200 € of purchases)
// and hold a few earned lots each.

import { seedPromotionMap } from './seed.mjs';

const pick = (list) => list[Math.floor(Math.random() * list.length)];

const ITEMS = [
  { code: '0021147', label: 'CHAISE PLIANTE', category: 8, categoryLabel: 'JARDIN' },
  { code: '0064051', label: 'RIDEAU 140X240', category: 5, categoryLabel: 'DECORATION' },
  { code: '0031002', label: 'LAMPE DE TABLE', category: 5, categoryLabel: 'DECORATION' },
  { code: '0045510', label: 'COUSSIN 40X40', category: 5, categoryLabel: 'DECORATION' },
  { code: '0012009', label: 'PARASOL 3M', category: 8, categoryLabel: 'JARDIN' },
  { code: '0077301', label: 'TAPIS 160X230', category: 4, categoryLabel: 'SOL' },
  { code: '0058812', label: 'VASE CERAMIQUE', category: 5, categoryLabel: 'DECORATION' },
  { code: '0090417', label: 'ETAGERE MURALE', category: 3, categoryLabel: 'RANGEMENT' },
  { code: '0066120', label: 'BOUGIE PARFUMEE', category: 5, categoryLabel: 'DECORATION' },
  { code: '0083355', label: 'PLAID LAINE', category: 6, categoryLabel: 'LINGE' },
];

/**
 * Ten purchase lines of 2 to 80 € each (line amounts in cents, quantity 1 or 2): about 410 € a ticket, above
 * 500 € about one ticket in nine, so a card's first sale crosses the VIP's first tier now and then and a card
 * that comes back crosses the next ones.
 */
function purchaseLines() {
  return ITEMS.map((item) => ({
    item,
    amount: 200 + Math.floor(Math.random() * 7801),
    quantity: Math.random() < 0.8 ? 1 : 2,
  }));
}

function nativeSale(receipt, cardNumber, voucherNumber) {
  const lines = purchaseLines();
  const total = lines.reduce((sum, l) => sum + l.amount, 0);
  return {
    receipt,
    date: new Date().toISOString(),
    storeCode: 'PARIS-01',
    terminalCode: '1',
    cardNumber,
    lines: lines.map(({ item, amount, quantity }) => ({
      operation: 'purchase',
      itemCode: item.code,
      itemLabel: item.label,
      category: item.category,
      amount,
      quantity,
      discountPercent: 0,
    })),
    payments: [{ method: 'card', amount: total - (voucherNumber ? 500 : 0) }],
    ...(voucherNumber ? { vouchers: [{ number: voucherNumber }] } : {}),
  };
}

/** The Avomark ticket of the guide's "cas pratique": euros, operation 1 (purchase), item and itemType. */
function avomarkSale(receipt) {
  return {
    receipt,
    date: new Date().toISOString(),
    purchases: purchaseLines().map(({ item, amount, quantity }) => ({
      operation: { id: 1 },
      amount: amount / 100,
      quantity,
      percentageDiscount: 0,
      item: { code: item.code, label: item.label },
      itemType: { code: String(item.category), label: item.categoryLabel },
    })),
  };
}

/** Ten lines of the seeded promotion map's catalogue (SKU-0..999, CAT-0..199, BRAND-0..299). */
function evaluateBasket() {
  const int = (n) => Math.floor(Math.random() * n);
  return {
    storeCode: 'PARIS-01',
    date: new Date().toISOString(),
    lines: Array.from({ length: 10 }, () => ({
      sku: `SKU-${int(1000)}`,
      quantity: Math.random() < 0.7 ? 1 : 1 + int(4),
      unitPrice: 99 + int(3000),
      attributes: { level1: `CAT-${int(200)}`, brand: `BRAND-${int(300)}` },
    })),
  };
}

/** The balance of a random seeded card. */
function balanceRequest(ctx) {
  return {
    method: 'GET',
    headers: ctx.auth,
    setupRequest: (req) => ({ ...req, path: `/v1/cards/${pick(ctx.seeded.cardNumbers)}/balance` }),
  };
}

/** A sale workload: unique receipts (run id + counter), a random seeded card, a fresh voucher if asked. */
function saleRequest(ctx, kind, { voucher = false, receiptTag = kind, cards = ctx.seeded.cardNumbers } = {}) {
  let n = 0;
  return {
    method: 'POST',
    path: '/v1/sales',
    setupRequest: (req) => {
      n += 1;
      const receipt = `B-${ctx.runId}-${receiptTag}-${n}`;
      const card = pick(cards);
      if (kind === 'avomark') {
        return {
          ...req,
          path: `/avomark/api/v1/cards/${card}/sales`,
          headers: { ...ctx.avomarkAuth, 'content-type': 'application/json' },
          body: JSON.stringify(avomarkSale(receipt)),
        };
      }
      // One voucher per request, never reused: past the seeded ones the request is refused, and it shows.
      const voucherNumber = voucher ? (ctx.seeded.voucherNumbers[n - 1] ?? 'exhausted') : undefined;
      return {
        ...req,
        headers: { ...ctx.auth, 'content-type': 'application/json' },
        body: JSON.stringify(nativeSale(receipt, card, voucherNumber)),
      };
    },
  };
}

export const workloads = [
  {
    name: 'constant',
    target: 'constant',
    what: "GET / of a bare Fastify server answering a constant JSON: the machine's ceiling",
    expect: 200,
    request: () => ({ method: 'GET', path: '/' }),
  },
  {
    name: 'customer-read',
    target: 'tessera',
    what: 'GET /v1/customers/{id} of a random seeded customer (token lookup, customer row, its cards)',
    expect: 200,
    request: (ctx) => ({
      method: 'GET',
      headers: ctx.auth,
      setupRequest: (req) => ({ ...req, path: `/v1/customers/${pick(ctx.seeded.ids)}` }),
    }),
  },
  {
    name: 'customer-search',
    target: 'tessera',
    what: 'GET /v1/customers?q=<last name of a random seeded customer> (a few matches among all customers)',
    expect: 200,
    request: (ctx) => ({
      method: 'GET',
      headers: ctx.auth,
      setupRequest: (req) => ({
        ...req,
        path: `/v1/customers?q=${encodeURIComponent(pick(ctx.seeded.lastNames).toLowerCase())}`,
      }),
    }),
  },
  {
    name: 'customer-create',
    target: 'tessera',
    what: 'POST /v1/customers, a new customer with mobile, e-mail, address and an Idempotency-Key',
    expect: 201,
    request: (ctx) => {
      let n = 0;
      return {
        method: 'POST',
        path: '/v1/customers',
        setupRequest: (req) => {
          n += 1;
          const key = `${ctx.runId}-${n}`;
          return {
            ...req,
            headers: { ...ctx.auth, 'content-type': 'application/json', 'idempotency-key': `bench-${key}` },
            body: JSON.stringify({
              civility: 'MME',
              firstName: 'Bench',
              lastName: `Load ${key}`,
              mobile: `+336${String(n % 1e8).padStart(8, '0')}`,
              email: `bench.${key}@example.com`,
              birthDay: 14,
              birthMonth: 7,
              address: {
                line1: '3 place de Jaude',
                zipCode: '63000',
                city: 'Clermont-Ferrand',
                country: 'FR',
              },
              consents: { email: true, sms: false },
            }),
          };
        },
      };
    },
  },
  {
    name: 'balance',
    target: 'tessera',
    what: 'GET /v1/cards/{number}/balance of a random seeded VIP card (lots, purchases, tier status)',
    expect: 200,
    request: balanceRequest,
  },
  {
    name: 'sale',
    target: 'tessera',
    what: 'POST /v1/sales, 10 purchase lines, a unique receipt, store PARIS-01, a random seeded VIP card',
    expect: 201,
    request: (ctx) => saleRequest(ctx, 'sale'),
  },
  {
    name: 'sale-history',
    target: 'tessera',
    what: 'sale on a random one of 50 cards holding 2,000 lots each (its cost must not grow with history)',
    expect: 201,
    request: (ctx) => saleRequest(ctx, 'sale', { receiptTag: 'history', cards: ctx.seeded.heavyCardNumbers }),
  },
  {
    name: 'sale-two-processes',
    target: 'tessera-pair',
    what: 'sale, the connections split over two Tessera processes on one PostgreSQL database (PostgreSQL only)',
    expect: 201,
    request: (ctx) => saleRequest(ctx, 'sale', { receiptTag: 'pair' }),
  },
  {
    name: 'sale-one-card',
    target: 'tessera',
    what: 'sale, every connection on the same card (a busy card: its lock is the queue)',
    expect: 201,
    request: (ctx) =>
      saleRequest(ctx, 'sale', { receiptTag: 'one-card', cards: ctx.seeded.cardNumbers.slice(0, 1) }),
  },
  {
    name: 'sale-voucher',
    target: 'tessera',
    what: 'POST /v1/sales as sale, plus one 5 € bearer voucher, a fresh seeded one per request',
    expect: 201,
    request: (ctx) => saleRequest(ctx, 'voucher', { voucher: true }),
  },
  {
    name: 'avomark-balance',
    target: 'tessera',
    what: 'GET /avomark/api/v1/cards/{number}/balance of a random seeded VIP card (Avomark till token)',
    expect: 200,
    request: (ctx) => ({
      method: 'GET',
      headers: ctx.avomarkAuth,
      setupRequest: (req) => ({
        ...req,
        path: `/avomark/api/v1/cards/${pick(ctx.seeded.cardNumbers)}/balance`,
      }),
    }),
  },
  {
    name: 'avomark-sale',
    target: 'tessera',
    what: 'POST /avomark/api/v1/cards/{number}/sales, the same 10-line ticket in euros, a unique receipt',
    expect: 201,
    request: (ctx) => saleRequest(ctx, 'avomark'),
  },
  // Latency below saturation and with many tills: these take their rate from a workload measured earlier in
  // the same run (skipped when it was not run), sent at evenly spaced times over the connections (paced.mjs).
  {
    name: 'balance-half-rate',
    target: 'tessera',
    what: 'balance, at half the requests/s that balance reached in this run (latency below saturation)',
    expect: 200,
    rateOf: 'balance',
    rateFraction: 0.5,
    request: balanceRequest,
  },
  {
    name: 'sale-half-rate',
    target: 'tessera',
    what: 'sale, at half the requests/s that sale reached in this run (latency below saturation)',
    expect: 201,
    rateOf: 'sale',
    rateFraction: 0.5,
    request: (ctx) => saleRequest(ctx, 'sale', { receiptTag: 'sale-half' }),
  },
  {
    name: 'sale-1500-half-rate',
    target: 'tessera',
    what: 'sale from 1,500 connections, together at half the requests/s that sale reached in this run',
    expect: 201,
    connections: 1500,
    // The target counts every till's first answer: no warm-up, so each connection opens (and pays
    // its handshake and first request) inside the measured window.
    warmupSeconds: 0,
    rateOf: 'sale',
    rateFraction: 0.5,
    request: (ctx) => saleRequest(ctx, 'sale', { receiptTag: 'sale-1500-half' }),
  },
  {
    name: 'sale-1500',
    target: 'tessera',
    what: 'sale from 1,500 connections at once, each posting as fast as it is answered (saturation)',
    expect: 201,
    connections: 1500,
    request: (ctx) => saleRequest(ctx, 'sale', { receiptTag: 'sale-1500' }),
  },
  {
    // Last but token: its setup activates a promotion map, which every sale after it would evaluate too.
    name: 'evaluate',
    target: 'tessera',
    what: 'POST /v1/baskets/evaluate, 10 lines against an active map of 300 promotions (about 5 apply)',
    expect: 200,
    setup: async (ctx, target) => {
      const login = await fetch(`${target.url}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'password', ...ctx.admin }).toString(),
      });
      if (login.status !== 200)
        throw new Error(`admin login answered ${login.status}: ${await login.text()}`);
      const admin = { authorization: `Bearer ${(await login.json()).access_token}` };
      await seedPromotionMap(target.url, admin, { count: 300 });
    },
    request: (ctx) => ({
      method: 'POST',
      path: '/v1/baskets/evaluate',
      setupRequest: (req) => ({
        ...req,
        headers: { ...ctx.auth, 'content-type': 'application/json' },
        body: JSON.stringify(evaluateBasket()),
      }),
    }),
  },
  {
    // Not HTTP: the promotion engine in process (bench/engine.mjs), run after the servers have stopped.
    name: 'promotions-engine',
    target: 'in-process',
    what: 'the promotion engine in process: 10,000 active promotions, a 50-line basket, per explain mode',
  },
  {
    name: 'token',
    target: 'tessera',
    what: 'POST /oauth/token, client_credentials (scrypt verification of the secret: slow by design)',
    expect: 200,
    // Each answer costs ~50 ms of scrypt on one core: with 50 connections the queue alone is longer than a
    // quick run's 3 s window. Tills ask for a token once an hour; 4 concurrent logins is already a crowd. More
    // than 5 at once for one client from one address meet the login throttle (TESSERA_LOGIN_ATTEMPTS, checks
    // reserved per client and address): with 8 connections, 2-24 answers a run were 429.
    connections: 4,
    request: (ctx) => ({
      method: 'POST',
      path: '/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: ctx.client.id,
        client_secret: ctx.client.secret,
      }).toString(),
    }),
  },
];
