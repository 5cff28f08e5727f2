import { describe, expect, it } from 'vitest';
import { createDatabase } from './database.js';
import { hotQuery } from './hot.js';
import { sql } from 'kysely';
import type { CardStatus } from '../core/cards/card-state.js';

describe('hot statements', () => {
  it('compiles once and binds each call its own values', async () => {
    const database = createDatabase({ databaseUrl: 'sqlite::memory:', dataDir: '.' });
    const db = database.db;
    await sql`create table cards (id text primary key, number text, status text)`.execute(db);
    await sql`insert into cards values ('a', '111', 'active'), ('b', '222', 'blocked')`.execute(db);
    let builds = 0;
    const byNumber = hotQuery((d, number: string, status: CardStatus) => {
      builds++;
      return d.selectFrom('cards').select('id').where('number', '=', number).where('status', '=', status);
    });
    expect((await byNumber(db, '111', 'active')).rows).toEqual([{ id: 'a' }]);
    expect((await byNumber(db, '222', 'blocked')).rows).toEqual([{ id: 'b' }]);
    expect((await byNumber(db, '222', 'active')).rows).toEqual([]);
    expect(builds).toBe(1);
    await database.close();
  });

  it('refuses a builder that does not bind an argument as a value', async () => {
    const database = createDatabase({ databaseUrl: 'sqlite::memory:', dataDir: '.' });
    await sql`create table cards (id text primary key)`.execute(database.db);
    const bad = hotQuery((d, limit: number) =>
      d
        .selectFrom('cards')
        .select('id')
        .limit(Number(limit) || 5),
    );
    await expect(bad(database.db, 3)).rejects.toThrow(/every argument/);
    await database.close();
  });

  it('on SQLite, runs in the transaction that holds the connection, and a read outside waits for it', async () => {
    const database = createDatabase({ databaseUrl: 'sqlite::memory:', dataDir: '.' });
    const db = database.db;
    await sql`create table cards (id text primary key, number text, status text)`.execute(db);
    const insert = hotQuery((d, id: string) =>
      d.insertInto('cards').values({ id, number: id, status: 'active' } as never),
    );
    const count = hotQuery((d, status: CardStatus) =>
      d
        .selectFrom('cards')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', status),
    );
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const tx = db.transaction().execute(async (t) => {
      await insert(t, 'a');
      // The transaction's own statements see its writes.
      expect((await count(t, 'active')).rows).toEqual([{ n: 1 }]);
      await held;
      await insert(t, 'b');
      throw new Error('roll back');
    });
    await new Promise((r) => setImmediate(r));
    // The transaction holds the connection: the read waits its turn and sees none of what was rolled back.
    const outside = count(db, 'active');
    release();
    await expect(tx).rejects.toThrow('roll back');
    expect((await outside).rows).toEqual([{ n: 0 }]);
    await insert(db, 'c');
    expect((await count(db, 'active')).rows).toEqual([{ n: 1 }]);
    await database.close();
  });
});
