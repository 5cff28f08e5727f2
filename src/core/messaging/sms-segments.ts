/**
 * How many SMS parts a text takes (3GPP TS 23.038). Texts made only of GSM 03.38 characters travel in the
 * 7-bit alphabet: 160 septets in one part, 153 per part when concatenated; the extension table's characters
 * (€, [, ], {, }, \, ~, ^, |, form feed) take two septets, and never split across parts. Anything else
 * forces UCS-2: 70 UTF-16 units in one part, 67 per part when concatenated, a surrogate pair kept whole.
 */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '\f^{}\\[~]|€';

const BASIC = new Set(GSM_BASIC);
const EXTENDED = new Set(GSM_EXTENDED);

export interface SmsSegments {
  encoding: 'GSM-7' | 'UCS-2';
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
  /** What one part holds in this encoding (single or concatenated). */
  perSegment: number;
}

export function countSmsSegments(text: string): SmsSegments {
  const chars = [...text];
  if (chars.every((c) => BASIC.has(c) || EXTENDED.has(c))) {
    const sizes = chars.map((c) => (EXTENDED.has(c) ? 2 : 1));
    return split('GSM-7', sizes, 160, 153);
  }
  return split(
    'UCS-2',
    chars.map((c) => c.length),
    70,
    67,
  );
}

function split(
  encoding: SmsSegments['encoding'],
  sizes: number[],
  single: number,
  multi: number,
): SmsSegments {
  const units = sizes.reduce((a, b) => a + b, 0);
  if (units <= single) return { encoding, units, segments: units === 0 ? 0 : 1, perSegment: single };
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > multi) {
      segments += 1;
      used = 0;
    }
    used += size;
  }
  return { encoding, units, segments, perSegment: multi };
}
