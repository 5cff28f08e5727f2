import { describe, expect, it } from 'vitest';
import { jsonDepth, unsafeNumberAt } from './negotiation.js';

describe('unsafeNumberAt', () => {
  it('names the path of the first number past 2^53, through objects and arrays', () => {
    const body = JSON.parse(
      '{"card":"1","lines":[{"sku":"A","quantity":1},{"sku":"B","quantity":9000000000000000009}]}',
    );
    expect(unsafeNumberAt(body)).toBe('lines.1.quantity');
    expect(unsafeNumberAt(JSON.parse('{"a":{"b":{"c":-9007199254740993}}}'))).toBe('a.b.c');
  });

  it('answers (body) for a bare number and nothing for safe values', () => {
    expect(unsafeNumberAt(JSON.parse('12345678901234567890'))).toBe('(body)');
    expect(unsafeNumberAt(JSON.parse('{"n":9007199254740991,"s":"9000000000000000009","x":null}'))).toBe(
      undefined,
    );
    expect(unsafeNumberAt([1, [2, [3]]])).toBe(undefined);
  });
});

describe('jsonDepth', () => {
  it('counts nesting outside strings only', () => {
    expect(jsonDepth('{"a":[{"b":"[[[{"}]}')).toBe(3);
    expect(jsonDepth('"{{{"')).toBe(0);
  });
});
