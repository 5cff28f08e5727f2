/**
 * Rows of SQLite reads as plain objects, built by a function made once per statement. better-sqlite3 builds
 * each row object itself, looking every column name up in V8's string table and adding the properties one
 * by one, for every row (a balance reads 27 columns; under the balance workload that lookup alone was 3 % of
 * the process). Statements run in raw mode instead (rows as arrays), and a function made from the
 * statement's column names turns each array into an object literal of a fixed shape.
 *
 * A statement may change shape when the schema changes (a migration, SQLite prepares it again): the function
 * is made again when the rows' width differs or after a schema change on this connection (`schemaChanged`).
 */
import type SQLite from 'better-sqlite3';

type RowBuilder = (row: unknown[]) => Record<string, unknown>;

interface Shape {
  width: number;
  generation: number;
  build: RowBuilder;
}

const shapes = new WeakMap<SQLite.Statement, Shape>();
let generation = 0;

/** Called after a statement that may change a table's columns (CREATE, ALTER, DROP). */
export function schemaChanged(): void {
  generation++;
}

/** Whether a statement's text may change the schema. */
export const changesSchema = (sql: string): boolean => /^\s*(create|alter|drop)\b/i.test(sql);

/**
 * The function that makes a row object from a row array. Later columns of the same name win, as in
 * better-sqlite3's objects. A column named __proto__ would set the prototype in an object literal: such a
 * statement gets a slower builder that defines the properties instead.
 */
export function rowBuilder(names: readonly string[]): RowBuilder {
  if (names.includes('__proto__')) {
    return (row) => Object.fromEntries(names.map((name, i) => [name, row[i]]));
  }
  const fields = names.map((name, i) => `${JSON.stringify(name)}: row[${i}]`).join(', ');
  // Built from column names only, each written as a JSON string literal: no caller value reaches this text.
  return new Function('row', `return { ${fields} };`) as RowBuilder;
}

/** Runs a reading statement and returns its rows as objects (the statement is put in raw mode on first use). */
export function readRows(statement: SQLite.Statement, parameters: unknown[]): Record<string, unknown>[] {
  let shape = shapes.get(statement);
  if (!shape) {
    statement.raw(true);
    shape = { width: -1, generation: -1, build: () => ({}) };
    shapes.set(statement, shape);
  }
  const rows = statement.all(parameters) as unknown[][];
  if (rows.length === 0) return [];
  const width = rows[0]!.length;
  if (shape.width !== width || shape.generation !== generation) {
    // Read after the run: if the schema changed, SQLite has prepared the statement again by now.
    shape.build = rowBuilder(statement.columns().map((c) => c.name));
    shape.width = width;
    shape.generation = generation;
  }
  return rows.map(shape.build);
}
