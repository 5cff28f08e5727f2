import type { FastifyInstance } from 'fastify';

const FIDELISA_SIGNING =
  'sign(request, key) = base64(hex(HMAC-SHA1(key, base64(request)))), with lower-case hex. ' +
  'Shell: printf %s "$REQUEST" | openssl base64 -A | openssl dgst -sha1 -hmac "$KEY" -r | cut -d" " -f1 | tr -d "\\n" | openssl base64 -A';

/** The security schemes of the OpenAPI document, described so that a reader can authenticate by hand. */
export const SECURITY_SCHEMES = {
  bearer: {
    type: 'http',
    scheme: 'bearer',
    description:
      'Native API. Get a token from POST /oauth/token (form-encoded): grant_type=client_credentials with client_id and client_secret (demo: demo-pos / demo-secret), or grant_type=password with username, password and optionally terminal (demo: admin@demo.test / demo-admin). Paste the access_token here.',
  },
  oauth2: {
    type: 'oauth2',
    description:
      'The same tokens, fetched by this page: choose a flow, enter the demo credentials (client demo-pos / demo-secret, or user admin@demo.test / demo-admin), Authorize.',
    flows: {
      clientCredentials: { tokenUrl: '/oauth/token', scopes: {} },
      password: { tokenUrl: '/oauth/token', scopes: {} },
    },
  },
  avomarkBearer: {
    type: 'http',
    scheme: 'bearer',
    description:
      'Avomark API360. Get a token from POST /avomark/api/token with username, password and terminal (demo: demo / demo, terminal 1).',
  },
  mmpBearer: {
    type: 'http',
    scheme: 'bearer',
    description:
      'MMP Vision 360. Get a token from POST /mmp/api/v1/service-authentification/token with grant_type password, client_id 2, client_secret mmp-demo-secret, username my-personnal-account@domainmail.com, password demo-password.',
  },
  basic: {
    type: 'http',
    scheme: 'basic',
    description:
      "CashDesk Card Service: HTTP Basic with a user's login and password; the user's role decides the block and unblock reasons it may use (demo: aladdin / opensesame, administrator; cd-cashier / cashier).",
  },
  fidelisaJeton: {
    type: 'apiKey',
    in: 'header',
    name: 'FIDELISA_JETON',
    description:
      'Fidelisa: a one-time token (any string never sent before; a reused jeton is refused with 401).',
  },
  fidelisaProvider: {
    type: 'apiKey',
    in: 'header',
    name: 'FIDELISA_PROVIDER',
    description: 'Fidelisa: the provider code (demo: DEMOPROVIDER).',
  },
  fidelisaProviderKey: {
    type: 'apiKey',
    in: 'header',
    name: 'FIDELISA_PROVIDER_KEY',
    description: `Fidelisa: sign(provider + jeton, provider key); demo provider key: demo-provider-key. ${FIDELISA_SIGNING}`,
  },
  fidelisaApiUser: {
    type: 'apiKey',
    in: 'header',
    name: 'FIDELISA_APIUSER',
    description: 'Fidelisa shop calls: the shop uuid (demo: 619E8B5AAD5E48138881C5E7774C86B2).',
  },
  fidelisaApiUserKey: {
    type: 'apiKey',
    in: 'header',
    name: 'FIDELISA_APIUSER_KEY',
    description: `Fidelisa shop calls: sign(shop uuid + jeton, shop key); demo shop key: FrZN6UChpqXBRKVExXVB. ${FIDELISA_SIGNING}`,
  },
} as const;

const FIDELISA_PROVIDER = { fidelisaJeton: [], fidelisaProvider: [], fidelisaProviderKey: [] };
const BY_PREFIX: [string, Record<string, string[]>[]][] = [
  ['/cashdesk/', [{ basic: [] }]],
  ['/mmp/', [{ mmpBearer: [] }]],
  ['/fidelisa/', [{ ...FIDELISA_PROVIDER, fidelisaApiUser: [], fidelisaApiUserKey: [] }, FIDELISA_PROVIDER]],
];

/** Declares the security of the compatibility APIs that authenticate their own way (the native API does its own). */
export function declareDialectSecurity(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const match = BY_PREFIX.find(([prefix]) => route.url.startsWith(prefix));
    if (match && !route.schema?.security) route.schema = { ...route.schema, security: match[1] };
  });
}
