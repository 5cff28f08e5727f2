import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../src/db/transaction.js';
import { createHarness, databases, type Harness } from './support/harness.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// A stopping server closes the database after its listeners. A request whose client went away still runs
// then, and its later queries must still be served: the database closes once it has fallen quiet.
describe.each(databases())('closing the database on $kind', (target) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(target, { demo: false });
    await sql`create table close_probe (id integer primary key, step text not null)`.execute(h.deps.db);
  });

  it('lets a unit of work between two queries and a query that starts later finish, then closes', async () => {
    const { db } = h.database;
    const work = inTransaction(db, async (tx) => {
      await sql`insert into close_probe (id, step) values (1, 'first')`.execute(tx);
      await pause(10);
      await sql`insert into close_probe (id, step) values (2, 'second')`.execute(tx);
    });
    const later = (async () => {
      await pause(15);
      return sql<{ n: number }>`select count(*) as n from close_probe`.execute(db);
    })();
    await pause(1);
    const closed = h.close();
    await expect(work).resolves.toBeUndefined();
    expect(Number((await later).rows[0]!.n)).toBe(2);
    await closed;
    await expect(sql`select 1`.execute(db)).rejects.toThrow(/destroyed/);
  });
});
