import { describe, expect, it } from 'vitest';
import { changesSchema, rowBuilder } from './sqlite-rows.js';

describe('row objects from SQLite row arrays', () => {
  it('names each value by its column, in column order', () => {
    const row = rowBuilder(['id', 'number', 'status'])(['crd_1', '2900', 'active']);
    expect(row).toEqual({ id: 'crd_1', number: '2900', status: 'active' });
    expect(Object.keys(row)).toEqual(['id', 'number', 'status']);
  });

  it('keeps the last of two columns of the same name', () => {
    expect(rowBuilder(['x', 'y', 'x'])([1, 2, 3])).toEqual({ x: 3, y: 2 });
  });

  it('takes any column name as it is, quotes and line breaks included, as data only', () => {
    const names = ['a"b', "c'd", 'e\nf', '`g`', '${h}', ''];
    const row = rowBuilder(names)([1, 2, 3, 4, 5, 6]);
    expect(Object.entries(row)).toEqual(names.map((name, i) => [name, i + 1]));
  });

  it('makes a column named __proto__ a property, never the prototype', () => {
    const row = rowBuilder(['__proto__', 'a'])([{ polluted: true }, 1]);
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(row, '__proto__')?.value).toEqual({ polluted: true });
    expect((row as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('knows the statements that may change a table', () => {
    expect(changesSchema('  ALTER TABLE items ADD COLUMN x')).toBe(true);
    expect(changesSchema('create index i on t (x)')).toBe(true);
    expect(changesSchema('drop table t')).toBe(true);
    expect(changesSchema('insert into t (created) values (1)')).toBe(false);
    expect(changesSchema('select "create" from t')).toBe(false);
  });
});
