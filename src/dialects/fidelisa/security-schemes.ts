/** Fidelisa's headers as OpenAPI security schemes, described so that a reader can sign a request by hand. */
const FIDELISA_SIGNING =
  'sign(request, key) = base64(hex(HMAC-SHA1(key, base64(request)))), with lower-case hex. ' +
  'Shell: printf %s "$REQUEST" | openssl base64 -A | openssl dgst -sha1 -hmac "$KEY" -r | cut -d" " -f1 | tr -d "\\n" | openssl base64 -A';

export const FIDELISA_SECURITY_SCHEMES = {
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
};

const FIDELISA_PROVIDER = { fidelisaJeton: [], fidelisaProvider: [], fidelisaProviderKey: [] };
/** Shop calls sign with the provider and the shop; provider calls with the provider only. */
export const FIDELISA_SECURITY = [
  { ...FIDELISA_PROVIDER, fidelisaApiUser: [], fidelisaApiUserKey: [] },
  FIDELISA_PROVIDER,
];
