import { describe, expect, it } from 'vitest';
import { formatAmount, isDate, parseAmount, phoneInput, phoneOutput } from '../mapping.js';

describe('Fidelisa amounts, dates and phones', () => {
  it.each([
    ['123.50', 12350],
    ['123.5', 12350],
    ['0.1', 10],
    ['0.29', 29],
    ['1000000.01', 100000001],
    [0.29, 29],
    [123.5, 12350],
    ['-5.05', -505],
  ])('parses %s exactly', (text, minor) => expect(parseAmount(text)).toBe(minor));

  it.each(['1,50', '1 000.00', '12.505', '', 'abc', '1.', '.5', '1e3'])('rejects %s', (text) =>
    expect(parseAmount(text)).toBeUndefined(),
  );

  it('echoes amounts as Fidelisa does', () => {
    expect(formatAmount(12350)).toBe('123.5');
    expect(formatAmount(12300)).toBe('123.0');
    expect(formatAmount(1225)).toBe('12.25');
    expect(formatAmount(5)).toBe('0.05');
  });

  it('checks calendar dates', () => {
    expect(isDate('2013-01-15')).toBe(true);
    expect(isDate('2013-02-30')).toBe(false);
    expect(isDate('15/01/2013')).toBe(false);
  });

  it('reads French national numbers and writes them back', () => {
    expect(phoneInput('0123456789')).toEqual({ phone: '+33123456789' });
    expect(phoneInput('0612345678')).toEqual({ mobile: '+33612345678' });
    expect(phoneInput('+14507601234')).toEqual({ phone: '+14507601234' });
    expect(phoneOutput('+33123456789')).toBe('0123456789');
    expect(phoneOutput('+14507601234')).toBe('+14507601234');
  });
});
