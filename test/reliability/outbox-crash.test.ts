/**
 * Crash during delivery: a real `tessera serve` process delivering 300 queued e-mails to a real SMTP server is
 * killed with SIGKILL mid-run, then restarted on the same database. Proves: every message is delivered (none
 * lost), each ends `sent` exactly once in the outbox, and a message received twice (sent before the kill, its
 * success not yet recorded) carries the same Message-ID both times, so the receiver can drop the duplicate —
 * the documented at-least-once. The restart waits for the dead process's leases to run out (1 min).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, prepare, sql, startServer, type Db, type Server } from '../../soak/stack.js';
import { startSmtpSink, TEST_CA, type SmtpSink } from '../support/smtp-sink.js';

const TOTAL = 300;

async function writeSql(db: Db, statements: { text: string; params: unknown[] }[]) {
  const { default: SQLite } = await import('better-sqlite3');
  const conn = new SQLite(db.url.slice('sqlite:'.length));
  try {
    conn.transaction(() => {
      for (const s of statements) conn.prepare(s.text).run(...s.params);
    })();
  } finally {
    conn.close();
  }
}

const waitFor = async (what: string, test: () => Promise<boolean>, timeoutMs: number) => {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await test()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe('kill -9 during outbox delivery (sqlite)', { timeout: 240_000 }, () => {
  let db: Db;
  let smtp: SmtpSink;
  let server: Server | undefined;
  beforeAll(async () => {
    db = await freshDb('sqlite');
    await prepare(db, 'tsx', { customers: 1 });
    smtp = await startSmtpSink({ parse: false });
    const merchant = (await sql<{ id: string }>(db, 'select id from merchants order by id limit 1'))[0]!.id;
    const now = new Date().toISOString();
    await writeSql(
      db,
      Array.from({ length: TOTAL }, (_, i) => ({
        text: `insert into outbox_messages (id, merchant_id, channel, recipients, subject, body, url, status, source,
          created_at, next_attempt_at, attempts) values (?, ?, 'email', ?, ?, 'x', null, 'pending', 'crash', ?, ?, 0)`,
        params: [
          `msg_crash${String(i).padStart(21, '0')}`,
          merchant,
          JSON.stringify([`reader${i}@example.com`]),
          `crash ${i}`,
          now,
          now,
        ],
      })),
    );
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await smtp?.close();
    await db?.drop();
  });

  it('loses no message and sends none twice without the same Message-ID', async () => {
    const env = {
      SMTP_URL: smtp.url,
      SMTP_FROM: 'Crash <crash@demo.test>',
      TESSERA_OUTBOUND_CA: TEST_CA,
      SMS_GATEWAY_URL: '',
    };
    server = await startServer(db, 'tsx', 'crash-outbox', env);
    await waitFor('some deliveries', async () => smtp.received.length >= 40, 60_000);
    await server.kill9();
    const atKill = smtp.received.length;
    expect(atKill).toBeLessThan(TOTAL);
    server = await startServer(db, 'tsx', 'crash-outbox', env);
    await waitFor(
      'every message sent',
      async () =>
        (
          await sql<{ n: number }>(
            db,
            `select count(*) as n from outbox_messages where source = 'crash' and status = 'sent'`,
          )
        )[0]!.n === TOTAL,
      150_000,
    );
    const byRecipient = new Map<string, Set<string>>();
    for (const r of smtp.received) {
      const to = r.envelopeTo[0]!;
      const id = /^Message-ID:\s*(\S+)/im.exec(r.raw)?.[1] ?? '';
      byRecipient.set(to, (byRecipient.get(to) ?? new Set()).add(id));
    }
    expect(byRecipient.size).toBe(TOTAL); // none lost
    // A duplicate (at least once) always carries the Message-ID of the first copy.
    expect([...byRecipient.values()].every((ids) => ids.size === 1)).toBe(true);
    const duplicates = smtp.received.length - TOTAL;
    console.info(`outbox kill -9: ${atKill} received before the kill, ${duplicates} resent after it`);
    expect(duplicates).toBeLessThanOrEqual(50); // at most the batch leased by the killed process
  });
});
