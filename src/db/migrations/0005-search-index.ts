import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Frozen: customer search (`q`, three characters or more, anywhere in names, phones, e-mail, codes and card
 * numbers) without reading every customer and every card. PostgreSQL: trigram GIN indexes (pg_trgm, a
 * trusted extension shipped with PostgreSQL; skipped with a notice where it is not installed, and search
 * then scans as before). SQLite: FTS5 tables with the trigram tokenizer over customers.search_text and
 * cards.number, kept in step by triggers; they point at the rows' rowid, and a search re-checks the row
 * itself, so a stale entry can only hide a row, never show a wrong one. After a VACUUM (which may renumber
 * rowids) rebuild them: insert into customers_search(customers_search) values ('rebuild') (and cards_search).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pg_available_extensions where name = 'pg_trgm'`.execute(db);
    if (!rows[0]?.n) return;
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index customers_search_trgm on customers using gin (search_text gin_trgm_ops)`.execute(
      db,
    );
    await sql`create index cards_number_trgm on cards using gin (number gin_trgm_ops)`.execute(db);
    return;
  }
  for (const { index, table, column } of [
    { index: 'customers_search', table: 'customers', column: 'search_text' },
    { index: 'cards_search', table: 'cards', column: 'number' },
  ]) {
    const [i, t, c] = [sql.raw(index), sql.raw(table), sql.raw(column)];
    await sql`create virtual table ${i} using fts5(${c}, content='${t}', content_rowid='rowid', tokenize='trigram')`.execute(
      db,
    );
    await sql`insert into ${i}(${i}) values ('rebuild')`.execute(db);
    await sql`create trigger ${sql.raw(`${index}_ai`)} after insert on ${t} begin
      insert into ${i}(rowid, ${c}) values (new.rowid, new.${c});
    end`.execute(db);
    await sql`create trigger ${sql.raw(`${index}_ad`)} after delete on ${t} begin
      insert into ${i}(${i}, rowid, ${c}) values ('delete', old.rowid, old.${c});
    end`.execute(db);
    await sql`create trigger ${sql.raw(`${index}_au`)} after update of ${c} on ${t} begin
      insert into ${i}(${i}, rowid, ${c}) values ('delete', old.rowid, old.${c});
      insert into ${i}(rowid, ${c}) values (new.rowid, new.${c});
    end`.execute(db);
  }
}
