import { describe, expect, it } from 'vitest';
import { ID_PREFIXES, idKindOf } from './id-prefixes.js';

describe('id prefixes', () => {
  it('are unique, so a prefix names one kind of record', () => {
    const prefixes = Object.values(ID_PREFIXES);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it('tell the kind of an id', () => {
    expect(idKindOf('cus_01jd0000000000000000000000')).toBe('customer');
    expect(idKindOf('card_01jd0000000000000000000000')).toBe('card');
    expect(idKindOf('zzz_01jd')).toBeUndefined();
    expect(idKindOf('no-prefix')).toBeUndefined();
  });
});
