import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.js';

describe('cursor', () => {
  it('round-trips an id', () => {
    const id = 'cus_01m81zvwz2b2zy88w3vsjp3548';
    expect(decodeCursor(encodeCursor(id))).toBe(id);
  });
  it.each([
    '',
    'garbage!',
    encodeCursor('not an id'),
    Buffer.from('v2:cus_01m81zvwz2b2zy88w3vsjp3548').toString('base64url'),
    'x'.repeat(300),
  ])('rejects %s', (cursor) => {
    expect(decodeCursor(cursor)).toBeUndefined();
  });
});
