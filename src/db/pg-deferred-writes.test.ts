import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { combinedWrites, deferrableOnPostgres, deferWritesOf } from './pg-deferred-writes.js';

const MOVE = 'insert into "t_moves" ("id", "card_id") values ($1, $2)';
const LOT = 'insert into "t_lots" ("id", "move_id", "amount") values ($1, $2, $3)';
const SUMMARY =
  'update "t_summaries" set "points" = $1, "version" = $2 where "card_id" = $3 and "version" = $4';
class Stale extends Error {}
deferrableOnPostgres(MOVE);
deferrableOnPostgres(LOT);
deferrableOnPostgres(SUMMARY, { expectRows: 1, stale: (p) => new Stale(`card ${String(p[2])}`) });

/** A connection that records what reaches the server; `answer` decides the rows of each statement. */
function fakeClient(answer: (text: string) => Partial<pg.QueryResult> = () => ({})) {
  const sent: { text: string; parameters: unknown[] | undefined }[] = [];
  const client = {
    query: (text: string, parameters?: unknown[]) => {
      sent.push({ text, parameters });
      return Promise.resolve({ command: 'SELECT', rowCount: 0, rows: [], ...answer(text) });
    },
  };
  deferWritesOf(client as unknown as pg.ClientBase);
  const query = (text: string, parameters: unknown[] = []) =>
    (client.query as unknown as (t: string, p: unknown[]) => Promise<pg.QueryResult>)(text, parameters);
  return { sent, query };
}

describe('combinedWrites', () => {
  it('renumbers each statement’s parameters after the ones before it and counts the checked writes', () => {
    const { text, parameters } = combinedWrites([
      { text: MOVE, parameters: ['m1', 'c1'], deferral: {} },
      { text: LOT, parameters: ['l1', 'm1', 5], deferral: {} },
      { text: SUMMARY, parameters: [5, 2, 'c1', 1], deferral: { expectRows: 1 } },
    ]);
    expect(text).toBe(
      'with w0 as (insert into "t_moves" ("id", "card_id") values ($1, $2)), ' +
        'w1 as (insert into "t_lots" ("id", "move_id", "amount") values ($3, $4, $5)), ' +
        'w2 as (update "t_summaries" set "points" = $6, "version" = $7 where "card_id" = $8 and "version" = $9 returning 1) ' +
        'select (select count(*) from w2)::int as c2',
    );
    expect(parameters).toEqual(['m1', 'c1', 'l1', 'm1', 5, 5, 2, 'c1', 1]);
  });

  it('refuses a statement with a literal or a RETURNING (its text cannot be combined safely)', () => {
    expect(() => deferrableOnPostgres(`insert into "t" ("a") values ('$1')`)).toThrow(/not a deferrable/);
    expect(() => deferrableOnPostgres('insert into "t" ("a") values ($1) returning "a"')).toThrow(
      /not a deferrable/,
    );
    expect(() => deferrableOnPostgres('delete from "t" where "a" = $1')).toThrow(/not a deferrable/);
    expect(() => deferrableOnPostgres('insert into t (a) values ($1)')).toThrow(/not a deferrable/);
  });
});

describe('deferred writes on a connection', () => {
  it('sends the writes of a transaction with its next statement, in one round trip', async () => {
    const { sent, query } = fakeClient((text) =>
      text.startsWith('with') ? { rows: [{ c2: 1 }] } : { rows: [{ id: 'm1' }] },
    );
    await query('begin');
    const write = await query(MOVE, ['m1', 'c1']);
    expect(write.rowCount).toBe(1);
    await query(LOT, ['l1', 'm1', 5]);
    await query(SUMMARY, [5, 2, 'c1', 1]);
    expect(sent.map((s) => s.text)).toEqual(['begin']);
    // A read of another table does not wait for them.
    await query('select "events" from "t_endpoints" where "merchant_id" = $1', ['m']);
    expect(sent.map((s) => s.text)).toEqual([
      'begin',
      'select "events" from "t_endpoints" where "merchant_id" = $1',
    ]);
    sent.shift();
    const read = await query('select "id" from "t_moves" where "card_id" = $1', ['c1']);
    expect(read.rows).toEqual([{ id: 'm1' }]);
    expect(sent).toHaveLength(3);
    expect(sent[1]!.text).toMatch(/^with w0 as \(insert into "t_moves"/);
    expect(sent[1]!.parameters).toEqual(['m1', 'c1', 'l1', 'm1', 5, 5, 2, 'c1', 1]);
    expect(sent[2]!.text).toBe('select "id" from "t_moves" where "card_id" = $1');
    await query(MOVE, ['m2', 'c1']);
    await query('commit');
    expect(sent.slice(3)).toEqual([
      { text: MOVE, parameters: ['m2', 'c1'] },
      { text: 'commit', parameters: [] },
    ]);
  });

  it('fails the next statement when a conditional write changed another number of rows (a lost race)', async () => {
    const { sent, query } = fakeClient(() => ({ rowCount: 0 }));
    await query('begin');
    await query(SUMMARY, [5, 2, 'c7', 1]);
    await expect(query('commit')).rejects.toThrow(new Stale('card c7'));
    // The COMMIT was not sent: the caller rolls back.
    expect(sent.map((s) => s.text)).toEqual(['begin', SUMMARY]);
    await query('rollback');
    expect(sent.at(-1)!.text).toBe('rollback');
  });

  it('drops the queued writes on ROLLBACK', async () => {
    const { sent, query } = fakeClient();
    await query('begin');
    await query(MOVE, ['m1', 'c1']);
    await query('rollback');
    expect(sent.map((s) => s.text)).toEqual(['begin', 'rollback']);
  });

  it('defers nothing outside a transaction or inside a savepoint', async () => {
    const { sent, query } = fakeClient();
    await query(MOVE, ['m0', 'c1']);
    await query('begin');
    await query(MOVE, ['m1', 'c1']);
    await query('savepoint item');
    await query(LOT, ['l1', 'm1', 5]);
    await query('release savepoint item');
    await query(LOT, ['l2', 'm1', 5]);
    await query('commit');
    expect(sent.map((s) => s.text)).toEqual([
      MOVE,
      'begin',
      MOVE, // sent before the savepoint, so that a failure inside it is its own
      'savepoint item',
      LOT,
      'release savepoint item',
      LOT,
      'commit',
    ]);
  });
});
