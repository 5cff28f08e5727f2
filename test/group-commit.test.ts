import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase, type Database, type DatabaseOptions } from '../src/db/database.js';
import { DuplicateError } from '../src/db/errors.js';
import { inTransaction } from '../src/db/transaction.js';

// SQLite commits concurrent transactions together (src/db/sqlite-group-commit.ts). What a caller must still
// be able to rely on: a transaction that resolved is committed (another connection sees it), one that failed
// left nothing, and its failure does not take the others down.
describe('SQLite group commit', () => {
  let dir: string;
  let database: Database;
  let file: string;
  const other = () => new SQLite(file, { readonly: true });
  /** The database under test, on the test's file. */
  const open = (options: Partial<DatabaseOptions> = {}) =>
    createDatabase({ databaseUrl: `sqlite:${file}`, dataDir: dir, ...options });

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-gc-'));
    file = path.join(dir, 'gc.sqlite');
    database = open();
    await sql`create table items (id integer primary key, code text not null unique)`.execute(database.db);
  });
  afterEach(async () => {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const insert = (code: string) =>
    inTransaction(database.db, async (tx) => {
      await sql`insert into items (code) values (${code})`.execute(tx);
      await sql`select count(*) from items`.execute(tx);
      return code;
    });

  it('answers a transaction only once another connection can read what it wrote', async () => {
    const reader = other();
    const seen: boolean[] = [];
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        insert(`c${i}`).then((code) => {
          seen.push(reader.prepare('select 1 from items where code = ?').get(code) !== undefined);
        }),
      ),
    );
    reader.close();
    expect(seen).toHaveLength(60);
    expect(seen.every(Boolean)).toBe(true);
  });

  it('rolls back only the transaction that failed, inside a batch of concurrent ones', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        i % 3 === 0
          ? inTransaction(database.db, async (tx) => {
              await sql`insert into items (code) values (${`bad${i}`})`.execute(tx);
              throw new Error(`refused ${i}`);
            })
          : insert(`ok${i}`),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(10);
    const reader = other();
    const codes = (reader.prepare('select code from items order by code').all() as { code: string }[]).map(
      (r) => r.code,
    );
    reader.close();
    expect(codes.filter((c) => c.startsWith('bad'))).toEqual([]);
    expect(codes.filter((c) => c.startsWith('ok'))).toHaveLength(20);
  });

  it('reports a unique violation to its own transaction and keeps the other writes of the batch', async () => {
    const outcomes = await Promise.allSettled([insert('same'), insert('same'), insert('x1'), insert('x2')]);
    const failures = outcomes.filter((o) => o.status === 'rejected') as PromiseRejectedResult[];
    expect(failures).toHaveLength(1);
    expect(failures[0]!.reason).toBeInstanceOf(DuplicateError);
    const reader = other();
    expect(reader.prepare('select count(*) as n from items').get()).toEqual({ n: 3 });
    reader.close();
  });

  it('puts a write outside transactions on disk before it returns, even while a batch is open', async () => {
    const reader = other();
    const seen: boolean[] = [];
    await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => insert(`t${i}`)),
      ...Array.from({ length: 5 }, (_, i) =>
        sql`insert into items (code) values (${`plain${i}`})`.execute(database.db).then(() => {
          seen.push(reader.prepare('select 1 from items where code = ?').get(`plain${i}`) !== undefined);
        }),
      ),
      ...Array.from({ length: 20 }, (_, i) => insert(`u${i}`)),
    ]);
    reader.close();
    expect(seen).toEqual([true, true, true, true, true]);
  });

  it('still answers reads outside transactions between and during batches', async () => {
    await Promise.all([
      insert('r1'),
      sql`select count(*) as n from items`.execute(database.db),
      insert('r2'),
      sql`select count(*) as n from items`.execute(database.db),
    ]);
    const { rows } = await sql<{ n: number }>`select count(*) as n from items`.execute(database.db);
    expect(rows[0]!.n).toBe(2);
  });

  it('shares one COMMIT among the transactions started in one turn of the event loop', async () => {
    // As under HTTP load: each request starts its transaction from its own I/O callback, and each one
    // finishes before the next starts, so nobody is ever queued for the connection.
    const before = database.commits!();
    const done = await Promise.all(
      Array.from(
        { length: 100 },
        (_, i) =>
          new Promise<string>((resolve, reject) =>
            setImmediate(() => insert(`turn${i}`).then(resolve, reject)),
          ),
      ),
    );
    expect(done).toHaveLength(100);
    expect(database.commits!() - before).toBeLessThanOrEqual(10); // one, or a few when a batch reaches 8 ms
    const reader = other();
    expect(reader.prepare("select count(*) as n from items where code like 'turn%'").get()).toEqual({
      n: 100,
    });
    reader.close();
  });

  it('makes the COMMITs issued while the WAL is being flushed share the next flush', async () => {
    // Transactions answered in different turns (each awaiting a timer) still share the disk's flushes.
    const before = { commits: database.commits!(), flushes: database.flushes!() };
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        new Promise((resolve) => setTimeout(resolve, i % 20)).then(() => insert(`flush${i}`)),
      ),
    );
    const commits = database.commits!() - before.commits;
    const flushes = database.flushes!() - before.flushes;
    expect(flushes).toBeGreaterThan(0);
    expect(flushes).toBeLessThanOrEqual(commits);
    const reader = other();
    expect(reader.prepare("select count(*) as n from items where code like 'flush%'").get()).toEqual({
      n: 60,
    });
    reader.close();
  });

  it('checkpoints the WAL off the event loop and keeps it bounded under continuous writes', async () => {
    // The server's connection never checkpoints itself (that stopped the event loop 10–40 ms at a time);
    // a worker does, and the WAL starts over instead of growing with every batch. The drain threshold is
    // lowered from its 16,000 pages to keep the test short.
    await database.close();
    database = open({ walDrainPages: 4000 });
    const probe = new SQLite(file);
    const walPages = () => {
      const size = fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0;
      return Math.round(size / 4096);
    };
    await sql`create table blobs (id integer primary key, body text not null)`.execute(database.db);
    const body = 'x'.repeat(3000);
    let peak = 0;
    const deadline = Date.now() + 20_000;
    let written = 0;
    // About 12,000 pages written in overlapping transactions: three times the drain threshold.
    while (written < 12_000 && Date.now() < deadline) {
      await Promise.all(
        Array.from({ length: 20 }, () =>
          inTransaction(database.db, async (tx) => {
            for (let i = 0; i < 5; i++) await sql`insert into blobs (body) values (${body})`.execute(tx);
          }),
        ),
      );
      written += 100;
      peak = Math.max(peak, walPages());
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect(written).toBeGreaterThanOrEqual(12_000);
    expect(peak).toBeLessThan(8_000);
    const reader = other();
    expect(reader.prepare('select count(*) as n from blobs').get()).toEqual({ n: written });
    reader.close();
    probe.close();
  });

  it.runIf(fs.existsSync('/proc/self/fd'))(
    'leaves no descriptor of the database file open once closed, used or not (the checkpoint worker syncs through one)',
    async () => {
      const descriptorsOf = (target: string) =>
        fs.readdirSync('/proc/self/fd').filter((fd) => {
          try {
            return fs.readlinkSync(`/proc/self/fd/${fd}`) === target;
          } catch {
            return false; // closed meanwhile (readdir's own descriptor)
          }
        });
      await insert('a');
      expect(descriptorsOf(fs.realpathSync(file)).length).toBeGreaterThan(0);
      await database.close();
      expect(descriptorsOf(fs.realpathSync(file))).toEqual([]);
      // Closed before any query ran on it (Kysely then never starts its driver, nor stops it).
      database = open();
      expect(descriptorsOf(fs.realpathSync(file)).length).toBeGreaterThan(0);
      await database.close();
      expect(descriptorsOf(fs.realpathSync(file))).toEqual([]);
      database = open();
    },
  );

  it('reads rows with the columns a statement has now, after a migration changed the table under it', async () => {
    await sql`insert into items (code) values ('a')`.execute(database.db);
    const all = () => sql<Record<string, unknown>>`select * from items`.execute(database.db);
    expect((await all()).rows).toEqual([{ id: 1, code: 'a' }]);
    await sql`alter table items rename column code to label`.execute(database.db);
    expect((await all()).rows).toEqual([{ id: 1, label: 'a' }]);
    await sql`alter table items add column note text`.execute(database.db);
    expect((await all()).rows).toEqual([{ id: 1, label: 'a', note: null }]);
    // Same columns twice: the later one wins, as in a row object of better-sqlite3.
    const twice =
      await sql`select 1 as x, 2 as x, code_or_label from (select label as code_or_label from items)`.execute(
        database.db,
      );
    expect(twice.rows).toEqual([{ x: 2, code_or_label: 'a' }]);
  });
});
