/** Shared set-up of the MMP Vision 360 tests: tokens of the demo users, calls, ZIP archives. */
import type { LightMyRequestResponse } from 'fastify';
import { ZipFile } from 'yazl';
import { VEHICLES_DEMO } from '../demo/demo-vehicles.js';
import type { Harness } from '../../../../test/support/harness.js';

export const BASE = '/mmp/api/v1/trif/service-external-client';

export async function mmpToken(h: Harness, user: { login: string; password: string }): Promise<string> {
  const res = await h.app.inject({
    method: 'POST',
    url: '/mmp/api/v1/service-authentification/token',
    payload: {
      grant_type: 'password',
      client_id: VEHICLES_DEMO.client.id,
      client_secret: VEHICLES_DEMO.client.secret,
      username: user.login,
      password: user.password,
    },
  });
  if (res.statusCode !== 200) throw new Error(`token ${res.statusCode} ${res.body}`);
  return (res.json() as { access_token: string }).access_token;
}

export function vehicle(h: Harness, token: string, ws: string, plate: unknown = 'ABC123', lang = 'en') {
  return h.app.inject({
    method: 'POST',
    url: `${BASE}/vehicule/${ws}?lang=${lang}`,
    headers: { authorization: `Bearer ${token}` },
    payload: { immatriculation: plate },
  });
}

export async function zipOf(entries: Record<string, string | Buffer>): Promise<Buffer> {
  const zip = new ZipFile();
  for (const [name, content] of Object.entries(entries))
    zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A multipart/form-data body with an importFile and an organizationId. */
export function multipart(file: Buffer | null, organizationId: string | null, fileName = 'import.zip') {
  const boundary = '----tessera-test-boundary';
  const parts: Buffer[] = [];
  if (organizationId !== null)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="organizationId"\r\n\r\n${organizationId}\r\n`,
      ),
    );
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="importFile"; filename="${fileName}"\r\nContent-Type: application/zip\r\n\r\n`,
      ),
      file,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export function upload(
  h: Harness,
  token: string,
  file: Buffer | null,
  organizationId: string | null,
  lang = 'en',
) {
  const body = multipart(file, organizationId);
  return h.app.inject({
    method: 'POST',
    url: `${BASE}/import-fichier/clients-factures?lang=${lang}`,
    headers: { ...body.headers, authorization: `Bearer ${token}` },
    payload: body.payload,
  });
}

export const json = (res: LightMyRequestResponse) =>
  res.json() as Record<string, unknown> & { data: unknown };

/** Row counts of the vehicles tables (nothing written means these do not change). */
export async function counts(h: Harness): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of [
    'vehicle_clients',
    'vehicle_client_rows',
    'vehicles',
    'vehicle_invoices',
    'vehicle_invoice_lines',
    'customers',
  ] as const) {
    const row = await h.deps.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}
