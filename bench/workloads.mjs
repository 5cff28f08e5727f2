// The workloads, in the order they run. A workload is a small object:
//   name      short id, used in --only and in the results
//   target    'constant' (the bare Fastify server) or 'tessera'
//   what      one line for the report
//   expect    the status every answer should have (a probe request checks it before the load starts)
//   connections  (optional) concurrent connections for this workload instead of --connections
//   request   (ctx) => one autocannon request object: { method, path, headers?, body?, setupRequest? };
//             setupRequest(req) runs before every request and may change path, headers and body.
// ctx = { token, auth: { authorization: 'Bearer ...' }, seeded: { ids, lastNames, cardNumbers }, runId,
//         client: { id, secret } }.
// Later issues add balance lookups and sale posting here.

const pick = (list) => list[Math.floor(Math.random() * list.length)];

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
    name: 'token',
    target: 'tessera',
    what: 'POST /oauth/token, client_credentials (scrypt verification of the secret: slow by design)',
    expect: 200,
    // Each answer costs ~50 ms of scrypt on one core: with 50 connections the queue alone is longer than a
    // quick run's 3 s window. Tills ask for a token once an hour; 8 concurrent logins is already a crowd.
    connections: 8,
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
