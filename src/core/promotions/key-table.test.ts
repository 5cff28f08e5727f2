import { describe, expect, it } from 'vitest';
import { attributeSeed, buildKeyTable, lookupKey } from './key-table.js';

describe('key table', () => {
  const keys = new Map<string, Map<string, number[]>>();
  const expected: [string, string, number[]][] = [];
  for (let i = 0; i < 3000; i++) {
    const attribute = ['code', 'brand', 'level1', '*'][i % 4]!;
    const value = i % 4 === 3 ? (i % 8 === 3 ? 'line' : 'payment') + i : `V-${(i * 7919) % 5000}`;
    let values = keys.get(attribute);
    if (!values) keys.set(attribute, (values = new Map()));
    const list = values.get(value) ?? [];
    list.push(i);
    values.set(value, list);
  }
  for (const [attribute, values] of keys)
    for (const [value, list] of values) expected.push([attribute, value, list]);
  const table = buildKeyTable(keys);

  it('finds every key filed, with its positions', () => {
    for (const [attribute, value, list] of expected)
      expect(lookupKey(table, attributeSeed(attribute), attribute, value)).toBe(list);
  });

  it('finds nothing for a value not filed, nor for a value filed under another attribute', () => {
    expect(lookupKey(table, attributeSeed('code'), 'code', 'V-999999')).toBeUndefined();
    expect(lookupKey(table, attributeSeed('code'), 'code', 'V-0')).toEqual([0]);
    expect(lookupKey(table, attributeSeed('brand'), 'brand', 'V-0')).toBeUndefined();
    expect(lookupKey(table, attributeSeed('type'), 'type', 'V-0')).toBeUndefined();
  });

  it('an empty index has empty slots only', () => {
    const empty = buildKeyTable(new Map());
    expect(lookupKey(empty, attributeSeed('code'), 'code', 'A')).toBeUndefined();
  });
});
