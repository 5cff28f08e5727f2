import { createDecipheriv, createECDH, createHmac, createPublicKey, randomBytes, verify } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import webpush from 'web-push';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDue } from '../src/app/messaging/deliver-outbox.js';
import { withUnitOfWork } from '../src/app/unit-of-work.js';
import { ok } from '../src/core/error-catalog.js';
import { createHarness, databases, type Harness } from './support/harness.js';
import { TEST_CA, TLS_DIR } from './support/smtp-sink.js';

interface Hit {
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

async function sink(
  secure: boolean,
  status: () => number,
): Promise<{ url: string; hits: Hit[]; close(): Promise<void> }> {
  const hits: Hit[] = [];
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      hits.push({ url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      const code = status();
      res
        .writeHead(code, { 'content-type': 'application/json' })
        .end(
          code < 300
            ? JSON.stringify({ sid: `SM${hits.length}`, status: 'queued' })
            : '{"code":21211,"message":"Invalid To"}',
        );
    });
  };
  const server = secure
    ? https.createServer(
        {
          key: fs.readFileSync(path.join(TLS_DIR, 'key.pem')),
          cert: fs.readFileSync(path.join(TLS_DIR, 'cert.pem')),
        },
        handler,
      )
    : http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `${secure ? 'https' : 'http'}://${secure ? 'localhost' : '127.0.0.1'}:${port}`,
    hits,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** RFC 8291 (aes128gcm) decryption written from the RFC, independently of the sender's library. */
function decryptPush(body: Buffer, ua: ReturnType<typeof createECDH>, authSecret: Buffer): string {
  const salt = body.subarray(0, 16);
  const idlen = body[20]!;
  const asPublic = body.subarray(21, 21 + idlen);
  const ciphertext = body.subarray(21 + idlen);
  const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest();
  const ecdhSecret = ua.computeSecret(asPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), ua.getPublicKey(), asPublic]);
  const ikm = hmac(hmac(authSecret, ecdhSecret), Buffer.concat([keyInfo, Buffer.from([1])]));
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0\x01')).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0\x01')).subarray(0, 12);
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([
    decipher.update(ciphertext.subarray(0, ciphertext.length - 16)),
    decipher.final(),
  ]);
  let end = padded.length - 1;
  while (end > 0 && padded[end] === 0) end--;
  expect(padded[end]).toBe(2); // last-record delimiter
  return padded.subarray(0, end).toString('utf8');
}

describe.each(databases())('SMS and push delivery on $kind', (target) => {
  let h: Harness;
  let admin: string;
  let smsStatus = 201;
  let sms: Awaited<ReturnType<typeof sink>>;
  let push: Awaited<ReturnType<typeof sink>>;
  let customerId: string;
  const vapid = webpush.generateVAPIDKeys();
  const ua = createECDH('prime256v1');
  ua.generateKeys();
  const authSecret = randomBytes(16);

  const enqueue = (channel: 'sms' | 'push', body: string, subject: string | null = null) =>
    withUnitOfWork(h.deps, async (uow) => {
      await uow.enqueue({
        merchantId: h.merchantId,
        channel,
        recipients: [customerId],
        subject,
        body,
        url: 'https://shop.example/points',
        source: 'test',
      });
      return ok(null);
    });
  const latest = async () => (await h.request({ url: '/v1/messages?limit=1', token: admin })).json().data[0];

  beforeAll(async () => {
    sms = await sink(false, () => smsStatus);
    push = await sink(true, () => 201);
    h = await createHarness(target, {
      env: {
        SMS_GATEWAY_URL: `${sms.url.replace('http://', 'http://AC42:tok3n@')}/2010-04-01/Accounts/AC42/Messages.json`,
        SMS_SENDER_ID: 'BOUTIQUE',
        VAPID_PUBLIC_KEY: vapid.publicKey,
        VAPID_PRIVATE_KEY: vapid.privateKey,
        VAPID_SUBJECT: 'mailto:ops@demo.test',
        TESSERA_OUTBOUND_CA: TEST_CA,
      },
    });
    admin = await h.adminToken();
    const res = await h.request({
      method: 'POST',
      url: '/v1/customers',
      token: admin,
      payload: {
        lastName: 'Costa',
        firstName: 'João',
        mobile: '+351912345678',
        consents: { sms: true, push: true },
      },
    });
    expect(res.statusCode).toBe(201);
    customerId = res.json().id;
  });
  afterAll(async () => {
    await h?.close();
    await sms?.close();
    await push?.close();
  });

  it('sends an SMS through the gateway as a form POST with Basic auth and the sender id', async () => {
    await enqueue('sms', 'Olá {{ customer.firstName }}, ganhou 50 pontos');
    expect(await deliverDue(h.deps)).toMatchObject({ sent: 1 });
    const hit = sms.hits.at(-1)!;
    expect(hit.url).toBe('/2010-04-01/Accounts/AC42/Messages.json');
    expect(hit.headers.authorization).toBe(`Basic ${Buffer.from('AC42:tok3n').toString('base64')}`);
    expect(hit.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const form = new URLSearchParams(hit.body.toString('utf8'));
    expect(Object.fromEntries(form)).toEqual({
      To: '+351912345678',
      From: 'BOUTIQUE',
      Body: 'Olá João, ganhou 50 pontos',
    });
    const message = await latest();
    expect(hit.headers['idempotency-key']).toBe(message.id);
    expect(message).toMatchObject({ status: 'sent', channel: 'sms' });
    expect(message.history[0].answer).toMatch(/^1 part\(s\) UCS-2: 201 /);
  });

  it('dead-letters an SMS the gateway refuses for good (4xx) at once', async () => {
    smsStatus = 400;
    await enqueue('sms', 'Hello');
    expect(await deliverDue(h.deps)).toMatchObject({ dead: 1 });
    expect((await latest()).history[0].answer).toContain('Invalid To');
    smsStatus = 201;
  });

  it('registers a push subscription and delivers an encrypted, VAPID-signed push message', async () => {
    const key = await h.request({ url: '/v1/push/public-key', token: admin });
    expect(key.json()).toEqual({ publicKey: vapid.publicKey });
    const bad = await h.request({
      method: 'POST',
      url: `/v1/customers/${customerId}/push-subscriptions`,
      token: admin,
      payload: { endpoint: 'http://insecure.example/x', keys: { p256dh: 'x', auth: 'y' } },
    });
    expect(bad.statusCode).toBe(422);
    const subscription = {
      endpoint: `${push.url}/push/abc123`,
      keys: { p256dh: ua.getPublicKey().toString('base64url'), auth: authSecret.toString('base64url') },
    };
    const res = await h.request({
      method: 'POST',
      url: `/v1/customers/${customerId}/push-subscriptions`,
      token: admin,
      payload: subscription,
    });
    expect(res.statusCode).toBe(201);
    await enqueue('push', '{{ customer.firstName }}, vos points expirent bientôt', 'Rappel');
    expect(await deliverDue(h.deps)).toMatchObject({ sent: 1 });
    const hit = push.hits.at(-1)!;
    expect(hit.url).toBe('/push/abc123');
    expect(hit.headers['content-encoding']).toBe('aes128gcm');
    expect(Number(hit.headers.ttl)).toBe(86400);
    // VAPID (RFC 8292): "vapid t=<JWT>, k=<public key>", the JWT signed ES256 by our key, for this origin
    const auth = /^vapid t=([^,]+), k=(.+)$/.exec(hit.headers.authorization ?? '')!;
    expect(auth[2]).toBe(vapid.publicKey);
    const [header, claims, signature] = auth[1]!.split('.');
    const raw = Buffer.from(vapid.publicKey, 'base64url');
    const jwk = {
      kty: 'EC',
      crv: 'P-256',
      x: raw.subarray(1, 33).toString('base64url'),
      y: raw.subarray(33).toString('base64url'),
    };
    const valid = verify(
      'sha256',
      Buffer.from(`${header}.${claims}`),
      { key: createPublicKey({ key: jwk, format: 'jwk' }), dsaEncoding: 'ieee-p1363' },
      Buffer.from(signature!, 'base64url'),
    );
    expect(valid).toBe(true);
    expect(JSON.parse(Buffer.from(claims!, 'base64url').toString())).toMatchObject({
      aud: push.url,
      sub: 'mailto:ops@demo.test',
    });
    const payload = JSON.parse(decryptPush(hit.body, ua, authSecret));
    expect(payload).toMatchObject({
      title: 'Rappel',
      body: 'João, vos points expirent bientôt',
      url: 'https://shop.example/points',
    });
  });

  it('suppresses a push to a customer who withdrew push consent after it was queued', async () => {
    await enqueue('push', 'Too late');
    const patched = await h.request({
      method: 'PATCH',
      url: `/v1/customers/${customerId}`,
      token: admin,
      payload: { consents: { sms: true, push: false } },
    });
    expect(patched.statusCode).toBe(200);
    const before = push.hits.length;
    expect(await deliverDue(h.deps)).toMatchObject({ suppressed: 1 });
    expect(push.hits).toHaveLength(before);
  });
});
