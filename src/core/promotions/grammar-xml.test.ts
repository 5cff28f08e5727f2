import { describe, expect, it } from 'vitest';
import { mapXml, storesOfParameter, type MapDocument } from './grammar-xml.js';

const doc = (stores: string[]): MapDocument => ({
  version: 3,
  startDate: '01/11/2026 00:00',
  endDate: '',
  validityAfterVoid: 365,
  stores,
  promotions: [],
  algorithm: [],
});

describe('the map file keeps its stores in a Stores parameter', () => {
  it('is written after the engine parameters only when the map names stores', () => {
    const lines = mapXml(doc(['CLF-01', 'PARIS-01'])).split('\n');
    const at = lines.findIndex((l) => l.includes('key="EvaluationAlgorithmClass"'));
    expect(lines[at + 1]).toBe('\t<parameter key="Stores" value="CLF-01,PARIS-01" />');
    expect(lines[at + 2]).toBe('\t<promotions>');
    expect(mapXml(doc([]))).not.toContain('key="Stores"');
  });

  it('escapes a store code as any attribute value', () => {
    expect(mapXml(doc(['A&B', 'C"D']))).toContain('<parameter key="Stores" value="A&amp;B,C&quot;D" />');
  });

  it.each([
    ['CLF-01,PARIS-01', { ok: true, stores: ['CLF-01', 'PARIS-01'] }],
    ['CLF-01', { ok: true, stores: ['CLF-01'] }],
    [' CLF-01 , PARIS-01 ', { ok: true, stores: ['CLF-01', 'PARIS-01'] }],
    ['', { ok: true, stores: [] }],
    ['   ', { ok: true, stores: [] }],
    ['CLF-01,,PARIS-01', { ok: false, message: 'store 2 of the list is empty' }],
    ['CLF-01,', { ok: false, message: 'store 2 of the list is empty' }],
    ['CLF-01,CLF-01', { ok: false, message: 'names store CLF-01 twice' }],
    [`A,${'x'.repeat(65)}`, { ok: false, message: 'store 2 is longer than 64 characters' }],
  ])('reads %j', (value, expected) => {
    expect(storesOfParameter(value)).toEqual(expected);
  });
});
