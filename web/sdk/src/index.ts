import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema.js';

export type { components, paths };
export type TesseraClient = Client<paths>;
/** A schema of the OpenAPI document by name, e.g. `Schema<'Customer'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

export interface TesseraOptions {
  /** The server, e.g. http://127.0.0.1:8080 (default: the page's own origin in a browser). */
  baseUrl?: string;
  /** The bearer token, or a function that returns the current one (undefined: send none). */
  token?: string | (() => string | undefined);
  /** Called when the server answers 401 (token expired or revoked). */
  onUnauthorized?: () => void;
  fetch?: typeof fetch;
}

/** A typed client of the Tessera API: `client.GET('/v1/customers', { params: { query: { q } } })`. */
export function createTesseraClient(options: TesseraOptions = {}): TesseraClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? '',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const auth: Middleware = {
    onRequest({ request }) {
      const token = typeof options.token === 'function' ? options.token() : options.token;
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
    onResponse({ response }) {
      if (response.status === 401) options.onUnauthorized?.();
      return response;
    },
  };
  client.use(auth);
  return client;
}

export interface TokenAnswer {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

/** OAuth2 password or client-credentials grant against POST /oauth/token (form-encoded, RFC 6749). */
export async function requestToken(
  grant:
    | { grantType: 'password'; username: string; password: string; terminal?: string }
    | { grantType: 'client_credentials'; clientId: string; clientSecret: string },
  options: { baseUrl?: string; fetch?: typeof fetch } = {},
): Promise<{ ok: true; token: TokenAnswer } | { ok: false; status: number; error: string; message: string }> {
  const form = new URLSearchParams({ grant_type: grant.grantType });
  if (grant.grantType === 'password') {
    form.set('username', grant.username);
    form.set('password', grant.password);
    if (grant.terminal) form.set('terminal', grant.terminal);
  } else {
    form.set('client_id', grant.clientId);
    form.set('client_secret', grant.clientSecret);
  }
  const response = await (options.fetch ?? fetch)(`${options.baseUrl ?? ''}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form,
  });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) return { ok: true, token: body as unknown as TokenAnswer };
  return {
    ok: false,
    status: response.status,
    error: String(body.error ?? 'server_error'),
    message: String(body.error_description ?? response.statusText),
  };
}

/** Ends a token (RFC 7009), e.g. on logout. */
export async function revokeToken(
  token: string,
  options: { baseUrl?: string; fetch?: typeof fetch } = {},
): Promise<void> {
  await (options.fetch ?? fetch)(`${options.baseUrl ?? ''}/oauth/revoke`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }),
  });
}

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
/** The JSON body of an operation's success answer: `ResponseOf<'/v1/cards/{number}', 'get'>`. */
export type ResponseOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: infer R;
}
  ? R extends { 200: infer A }
    ? JsonOf<A>
    : R extends { 201: infer A }
      ? JsonOf<A>
      : never
  : never;
/** The JSON body an operation takes: `RequestOf<'/v1/customers', 'post'>`. */
export type RequestOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: infer B;
}
  ? JsonOf<NonNullable<B>>
  : never;
