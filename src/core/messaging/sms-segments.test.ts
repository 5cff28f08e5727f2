import { describe, expect, it } from 'vitest';
import { countSmsSegments } from './sms-segments.js';

describe('countSmsSegments', () => {
  it.each([
    ['', 'GSM-7', 0, 0],
    ['Hello', 'GSM-7', 5, 1],
    ['a'.repeat(160), 'GSM-7', 160, 1],
    ['a'.repeat(161), 'GSM-7', 161, 2],
    ['a'.repeat(306), 'GSM-7', 306, 2],
    ['a'.repeat(307), 'GSM-7', 307, 3],
    ['Vous avez 120 points à dépenser avant le 31/12 €', 'GSM-7', 49, 1],
    ['€'.repeat(80), 'GSM-7', 160, 1],
    ['€'.repeat(81), 'GSM-7', 162, 2], // 76 fill 152 septets of 153; the 77th (2 septets) starts part two
    ['Olá, você ganhou 50 pontos', 'UCS-2', 26, 1],
    ['ç'.repeat(70), 'UCS-2', 70, 1],
    ['ç'.repeat(71), 'UCS-2', 71, 2],
    ['ç'.repeat(134), 'UCS-2', 134, 2],
    ['ç'.repeat(135), 'UCS-2', 135, 3],
    ['🎉'.repeat(35), 'UCS-2', 70, 1],
    ['🎉'.repeat(36), 'UCS-2', 72, 2],
  ])('%j is %s, %i units, %i parts', (text, encoding, units, segments) => {
    expect(countSmsSegments(text)).toMatchObject({ encoding, units, segments });
  });

  it('keeps a surrogate pair in one part', () => {
    // 66 units then an emoji (2 units): 68 > 67, so the emoji starts the second part.
    expect(countSmsSegments('ç'.repeat(66) + '🎉' + 'ç'.repeat(5)).segments).toBe(2);
  });
});
