import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { saveSummary, StaleSummaryError, toSummary } from '../src/db/repos/card-summaries.repo.js';
import { createHarness, databases, type Harness } from './support/harness.js';
import { balanceOf, createCard, createProgram, purchase, sale } from './support/loyalty-fixtures.js';

// On PostgreSQL a sale's writes that nothing reads back (movement, lot, summary, sale row, events) travel as one
// statement with the transaction's next one (src/db/pg-deferred-writes.ts), and its hot statements go by name
// (src/db/pg-prepared.ts): fewer round trips and less parsing, same result.
const postgres = databases().filter((d) => d.kind === 'postgres');

// What reaches the server: the client's own query method, under the layers installed on connect.
const sent = vi.spyOn(pg.Client.prototype, 'query');
afterAll(() => sent.mockRestore());
/** The texts sent; a statement prepared by name goes as { name, text, values }. */
const texts = () =>
  sent.mock.calls.map((c) => (typeof c[0] === 'string' ? c[0] : ((c[0] as { text?: string }).text ?? '')));

describe.each(postgres)('round trips of a sale on $kind', (target) => {
  let h: Harness;
  let token: string;
  let programId: string;
  beforeAll(async () => {
    h = await createHarness(target);
    token = await h.clientToken();
    programId = await createProgram(h);
  });
  afterAll(() => h.close());

  it('sends the sale’s writes in one statement and its hot statements by name; the sale is posted as before', async () => {
    const card = await createCard(h, programId);
    expect((await sale(h, token, { cardNumber: card.number, lines: [purchase(1000)] })).statusCode).toBe(201);
    sent.mockClear();
    const answer = await sale(h, token, { cardNumber: card.number, lines: [purchase(2500)] });
    expect(answer.statusCode).toBe(201);
    const statements = texts();
    const combined = statements.filter((t) => t.startsWith('with w0 as ('));
    expect(combined).toHaveLength(1);
    for (const table of ['movements', 'lots', 'sales', 'webhook_events']) {
      expect(combined[0]).toContain(`insert into "${table}"`);
      expect(statements.filter((t) => t.startsWith(`insert into "${table}"`))).toEqual([]);
    }
    expect(combined[0]).toMatch(/update "card_summaries" set .* returning 1\)/);
    expect(statements.at(-1)).toBe('commit');
    // Everything but BEGIN and COMMIT goes by name: the server parses and plans each once per connection.
    const named = sent.mock.calls.map((c) => (c[0] as { name?: string }).name).filter(Boolean);
    expect(named).toHaveLength(statements.length - 2);
    expect(named.every((n) => /^tessera_\d+$/.test(n!))).toBe(true);
    const balance = await balanceOf(h, token, card.number);
    expect(balance.active + balance.pending).toBe(35);
  });

  it('a duplicate receipt still answers with the stored sale (its insert fails with the statement after it)', async () => {
    const card = await createCard(h, programId);
    // One body, date included (the fixture would date each request anew: other content, a 409).
    const body = {
      receipt: `dup-${card.number}`,
      date: new Date().toISOString(),
      cardNumber: card.number,
      lines: [purchase(1200)],
    };
    const answers = await Promise.all(Array.from({ length: 8 }, () => sale(h, token, body)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.json().saleId)).size).toBe(1);
    const balance = await balanceOf(h, token, card.number);
    expect(balance.active + balance.pending).toBe(12);
  });
});

describe.each(postgres)('a deferred conditional write on $kind', (target) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(target);
  });
  afterAll(() => h.close());

  it('a summary changed by another transaction after it was read fails the commit, never overwritten', async () => {
    const token = await h.clientToken();
    const card = await createCard(h, await createProgram(h));
    expect((await sale(h, token, { cardNumber: card.number, lines: [purchase(1000)] })).statusCode).toBe(201);
    const db = h.deps.db;
    const stored = () =>
      db
        .selectFrom('card_summaries')
        .selectAll()
        .where('card_id', '=', card.cardId)
        .executeTakeFirstOrThrow();
    const attempt = db.transaction().execute(async (tx) => {
      const read = await tx
        .selectFrom('card_summaries')
        .selectAll()
        .where('card_id', '=', card.cardId)
        .executeTakeFirstOrThrow();
      // Another connection moves the summary on meanwhile.
      await db
        .updateTable('card_summaries')
        .set({ version: read.version + 5 })
        .where('card_id', '=', card.cardId)
        .execute();
      // Deferred: answered at once as one row changed; checked when the COMMIT sends it.
      await saveSummary(tx, card.cardId, h.merchantId, read.version, { ...toSummary(read), active: 999 });
    });
    await expect(attempt).rejects.toBeInstanceOf(StaleSummaryError);
    const after = await stored();
    expect(after.active).not.toBe(999);
  });
});

describe.each(postgres)('TESSERA_PG_PREPARED=0 on $kind', (target) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(target, { env: { TESSERA_PG_PREPARED: '0' } });
  });
  afterAll(() => h.close());

  it('sends no statement by name (for a pooler that does not keep prepared statements)', async () => {
    const token = await h.clientToken();
    const card = await createCard(h, await createProgram(h));
    sent.mockClear();
    expect((await sale(h, token, { cardNumber: card.number, lines: [purchase(1000)] })).statusCode).toBe(201);
    expect(sent.mock.calls.length).toBeGreaterThan(3);
    expect(sent.mock.calls.filter((c) => typeof c[0] !== 'string')).toEqual([]);
  });
});
