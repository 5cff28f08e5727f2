/**
 * Delivery throughput of the outbox to a local SMTP server (smtp-server, STARTTLS + AUTH, as in the tests):
 * N e-mails queued, then delivered by the worker (pooled connections), timed. Usage:
 *   npx tsx bench/outbox-smtp.ts [messages=2000] [sqlite|postgres://…]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deliverDue } from '../src/app/messaging/deliver-outbox.js';
import { withUnitOfWork } from '../src/app/unit-of-work.js';
import { ok } from '../src/core/error-catalog.js';
import { loadConfig } from '../src/config.js';
import { openDeps } from '../src/server.js';
import { startSmtpSink, TEST_CA } from '../test/support/smtp-sink.js';

const count = Number(process.argv[2] ?? 2000);
const target = process.argv[3] ?? 'sqlite';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-bench-'));
const smtp = await startSmtpSink({ parse: false });
const config = loadConfig({
  ...process.env,
  DATABASE_URL: target === 'sqlite' ? `sqlite:${path.join(dir, 'bench.sqlite')}` : target,
  SMTP_URL: smtp.url,
  SMTP_FROM: 'Bench <bench@demo.test>',
  TESSERA_OUTBOUND_CA: TEST_CA,
  LOG_LEVEL: 'silent',
});
const { deps, database } = await openDeps(config);
const merchantId = 'mer_bench';
for (let i = 0; i < count; i += 500)
  await withUnitOfWork(deps, async (uow) => {
    for (let j = i; j < Math.min(count, i + 500); j++)
      await uow.enqueue({
        merchantId,
        channel: 'email',
        recipients: [`customer${j}@example.com`],
        subject: `Vos points #${j}`,
        body: 'Bonjour, vous avez 120 points.',
        html: '<p>Bonjour, vous avez <b>120</b> points.</p>',
        source: 'bench',
      });
    return ok(null);
  });
const started = performance.now();
let sent = 0;
while (sent < count) {
  const report = await deliverDue(deps, { batch: 200, concurrency: 16 });
  if (report.sent === 0 && report.failed === 0) break;
  sent += report.sent;
}
const seconds = (performance.now() - started) / 1000;
console.log(
  JSON.stringify({
    database: database.kind,
    messages: count,
    sent,
    received: smtp.received.length,
    seconds: Number(seconds.toFixed(2)),
    messagesPerSecond: Math.round(sent / seconds),
  }),
);
deps.ports.mail?.close?.();
await database.close();
await smtp.close();
fs.rmSync(dir, { recursive: true, force: true });
