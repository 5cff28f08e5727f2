// A small HTTP client for the reliability runs: tokens of the demo till (native and Avomark), JSON requests
// that never throw (a refused or reset connection is status 0), and a bounded pool of concurrent tasks.
import { DEMO } from '../src/app/demo/load-demo.js';

export interface Answer {
  status: number;
  body: unknown;
  /** Set when no HTTP answer came back (connection refused or reset, timeout). */
  error?: string;
}

export interface Tokens {
  native: string;
  avomark: string;
}

export async function send(
  base: string,
  method: string,
  path: string,
  options: {
    token?: string;
    body?: unknown;
    form?: Record<string, string>;
    timeoutMs?: number;
    headers?: Record<string, string>;
  } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let payload: string | undefined;
  if (options.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    payload = new URLSearchParams(options.form).toString();
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  try {
    const response = await fetch(`${base}${path}`, {
      method,
      headers,
      body: payload,
      signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body };
  } catch (error) {
    const e = error as { cause?: { code?: string }; message?: string };
    return { status: 0, body: null, error: e.cause?.code ?? e.message ?? String(error) };
  }
}

async function token(base: string, path: string, form: Record<string, string>): Promise<string> {
  const res = await send(base, 'POST', path, { form });
  const body = res.body as { access_token?: string };
  if (res.status !== 200 || !body?.access_token) {
    throw new Error(`token ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return body.access_token;
}

/** The demo till's tokens: client demo-pos (cashier) and the Avomark user demo on terminal 1. */
export async function tokens(base: string): Promise<Tokens> {
  return {
    native: await token(base, '/oauth/token', {
      grant_type: 'client_credentials',
      client_id: DEMO.client.id,
      client_secret: DEMO.client.secret,
    }),
    avomark: await token(base, '/avomark/api/token', { username: 'demo', password: 'demo', terminal: '1' }),
  };
}

/** A token of the demo administrator (adjustments). */
export function adminToken(base: string) {
  return token(base, '/oauth/token', {
    grant_type: 'password',
    username: DEMO.admin.login,
    password: DEMO.admin.password,
  });
}

/** Runs `task` on every item with at most `concurrency` in flight; results in item order. */
export async function pool<T, R>(
  items: T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<R>,
) {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/** Active + pending points of a card (native balance route). */
export async function points(base: string, tok: string, card: string): Promise<number> {
  const res = await send(base, 'GET', `/v1/cards/${card}/balance`, { token: tok });
  const body = res.body as { active: number; pending: number };
  if (res.status !== 200) throw new Error(`balance ${card}: ${res.status} ${JSON.stringify(res.body)}`);
  return body.active + body.pending;
}
