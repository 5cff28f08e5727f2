/** The native API's security schemes (each dialect declares its own), described so that a reader can authenticate by hand. */
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
} as const;
