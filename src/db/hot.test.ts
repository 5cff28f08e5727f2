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
});
