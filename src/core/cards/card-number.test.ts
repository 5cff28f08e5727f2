import { describe, expect, it } from 'vitest';
import {
  cardNumberBatch,
  cardNumberForSerial,
  completeCardNumber,
  ean13CheckDigit,
  luhnCheckDigit,
  normalizeCardNumber,
  serialCapacity,
  validateCardNumber,
  validateCardNumberFormat,
  type CardNumberFormat,
} from './card-number.js';

const EAN: CardNumberFormat = { prefix: '400', length: 13, checkDigit: 'ean13' };
const LUHN: CardNumberFormat = { prefix: '799', length: 11, checkDigit: 'luhn' };
const PLAIN: CardNumberFormat = { prefix: '233', length: 11, checkDigit: 'none' };

describe('check digits against known vectors', () => {
  it.each([
    ['4006381333931'], // EAN-13
    ['5901234123457'], // EAN-13 (GS1 example)
    ['9780306406157'], // ISBN-13
    ['96385074'], // EAN-8
    ['036000291452'], // UPC-A
  ])('GS1 %s', (number) => {
    expect(String(ean13CheckDigit(number.slice(0, -1)))).toBe(number.slice(-1));
  });

  it.each([['79927398713'], ['4111111111111111'], ['378282246310005'], ['6011111111111117'], ['0']])(
    'Luhn %s',
    (number) => {
      expect(String(luhnCheckDigit(number.slice(0, -1)))).toBe(number.slice(-1));
    },
  );
});

describe('validateCardNumber', () => {
  it.each([
    ['4006381333931', EAN, null],
    ['4006381333932', EAN, 'INVALID_CHECK_DIGIT'],
    ['400638133393', EAN, 'WRONG_LENGTH'],
    ['5901234123457', EAN, 'WRONG_PREFIX'],
    ['40063813339x1', EAN, 'INVALID_FORMAT'],
    ['', EAN, 'INVALID_FORMAT'],
    [' 4006381333931', EAN, 'INVALID_FORMAT'],
    ['79927398713', LUHN, null],
    ['79927398710', LUHN, 'INVALID_CHECK_DIGIT'],
    ['7992739871', LUHN, 'WRONG_LENGTH'],
    ['23301090783', PLAIN, null],
    ['13732365477', PLAIN, 'WRONG_PREFIX'],
    ['2330109078', PLAIN, 'WRONG_LENGTH'],
    ['-2330109078', PLAIN, 'INVALID_FORMAT'],
  ] as const)('%s', (number, format, reason) => {
    const result = validateCardNumber(number, format);
    if (reason === null) expect(result).toEqual({ ok: true, number });
    else expect(result).toMatchObject({ ok: false, reason });
  });

  it('checks the length before the prefix', () => {
    expect(validateCardNumber('5', EAN)).toMatchObject({ reason: 'WRONG_LENGTH' });
  });
});

describe('normalizeCardNumber', () => {
  it('removes spaces and hyphens only', () => {
    expect(normalizeCardNumber(' 4006-3813 33931\t')).toBe('4006381333931');
    expect(normalizeCardNumber('40x6')).toBe('40x6');
  });
});

describe('completeCardNumber', () => {
  it.each([
    ['400638133393', EAN, { ok: true, number: '4006381333931' }],
    ['7992739871', LUHN, { ok: true, number: '79927398713' }],
    ['23301090783', PLAIN, { ok: true, number: '23301090783' }],
    ['4006381333931', EAN, { ok: false, reason: 'WRONG_LENGTH' }],
    ['590123412345', EAN, { ok: false, reason: 'WRONG_PREFIX' }],
    ['40063813339a', EAN, { ok: false, reason: 'INVALID_FORMAT' }],
  ] as const)('%s', (body, format, expected) => {
    expect(completeCardNumber(body, format)).toMatchObject(expected);
  });
});

describe('validateCardNumberFormat', () => {
  it.each([
    [EAN, true],
    [{ prefix: '', length: 8, checkDigit: 'luhn' }, true],
    [{ prefix: '12', length: 3, checkDigit: 'luhn' }, false], // no room for a serial
    [{ prefix: '12', length: 3, checkDigit: 'none' }, true],
    [{ prefix: '1a', length: 10, checkDigit: 'none' }, false],
    [{ prefix: '1', length: 10.5, checkDigit: 'none' }, false],
    [{ prefix: '1', length: 0, checkDigit: 'none' }, false],
    [{ prefix: '1', length: 33, checkDigit: 'none' }, false],
    [{ prefix: '1', length: 10, checkDigit: 'crc' }, false],
  ] as const)('%j', (format, valid) => {
    expect(validateCardNumberFormat(format as CardNumberFormat).ok).toBe(valid);
  });
});

describe('cardNumberForSerial', () => {
  it.each([
    [EAN, 0, '4000000000006'],
    [EAN, 638133393, '4006381333931'],
    [LUHN, 2739871, '79927398713'],
    [PLAIN, 1090783, '23301090783'],
    [PLAIN, 0, '23300000000'],
  ] as const)('%j serial %i', (format, serial, number) => {
    const result = cardNumberForSerial(format, serial);
    expect(result).toEqual({ ok: true, number });
    expect(validateCardNumber(number, format).ok).toBe(true);
  });

  it.each([
    [PLAIN, 100_000_000, 'SERIAL_OUT_OF_RANGE'],
    [PLAIN, -1, 'SERIAL_OUT_OF_RANGE'],
    [PLAIN, 1.5, 'SERIAL_OUT_OF_RANGE'],
    [{ prefix: 'x', length: 5, checkDigit: 'none' }, 1, 'INVALID_FORMAT_DEFINITION'],
  ] as const)('refuses %j serial %d', (format, serial, reason) => {
    expect(cardNumberForSerial(format as CardNumberFormat, serial)).toMatchObject({ ok: false, reason });
  });

  it('knows the capacity of a format', () => {
    expect(serialCapacity(PLAIN)).toBe(100_000_000);
    expect(serialCapacity(EAN)).toBe(1_000_000_000);
    expect(cardNumberForSerial(PLAIN, serialCapacity(PLAIN) - 1)).toEqual({
      ok: true,
      number: '23399999999',
    });
  });
});

describe('cardNumberBatch', () => {
  it('builds consecutive valid numbers', () => {
    const result = cardNumberBatch(LUHN, 2739870, 3);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.numbers).toHaveLength(3);
    expect(result.numbers[1]).toBe('79927398713');
    for (const number of result.numbers) expect(validateCardNumber(number, LUHN).ok).toBe(true);
  });

  it('refuses the whole batch when the last serial does not fit', () => {
    expect(cardNumberBatch(PLAIN, 99_999_998, 3)).toMatchObject({ ok: false, reason: 'SERIAL_OUT_OF_RANGE' });
    expect(cardNumberBatch(PLAIN, 0, -1)).toMatchObject({ ok: false, reason: 'SERIAL_OUT_OF_RANGE' });
    expect(cardNumberBatch(PLAIN, 5, 0)).toEqual({ ok: true, numbers: [] });
  });
});
