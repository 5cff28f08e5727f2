import type { Harness } from '../../../../test/support/harness.js';
import { runPromoImports } from '../loading/import-job.js';

export interface Monitor {
  id: string;
  type: string;
  status: string;
  total: number;
  ok: number;
  errors: number;
  counts: Record<string, number>;
  errorDetails: { rec: number; code: string; msg: string }[];
  content?: unknown;
}

/** Posts to a PROMO service with the bearer token. */
export function promoPost(
  h: Harness,
  token: string,
  url: string,
  payload: unknown,
  method: 'POST' | 'DELETE' = 'POST',
) {
  return h.request({
    method,
    url,
    token,
    headers: { 'content-type': 'application/json' },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
}

/** Processes the queue until the import is finished, then answers its monitor record. */
export async function finished(h: Harness, token: string, importId: string): Promise<Monitor> {
  for (let i = 0; i < 200; i++) {
    await runPromoImports(h.deps);
    const res = await h.request({
      method: 'GET',
      url: `/promo/api/rest/importMonitor?companyId=napse&id=${importId}`,
      token,
    });
    const body = res.json() as Monitor;
    if (!['PENDIENTE', 'PROCESANDO'].includes(body.status)) return body;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`import ${importId} did not finish`);
}

/** Uploads and waits: the answer, and the finished import's monitor record. */
export async function load(h: Harness, token: string, url: string, payload: unknown) {
  const res = await promoPost(h, token, url, payload);
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  const id = res.headers['x-import-id'] as string;
  return { res, monitor: await finished(h, token, id) };
}
