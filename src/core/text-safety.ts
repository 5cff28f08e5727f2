/**
 * Characters no stored text may hold, in any field of any request: they cannot be stored (NUL in PostgreSQL),
 * are not characters at all (lone surrogates, noncharacters), or exist to make text look other than it is
 * (bidirectional embeddings, overrides and isolates, as in "Trojan Source"; zero-width spaces, word joiners
 * and byte-order marks that make two equal-looking names differ). The request is refused, never silently
 * stripped, so that what is stored is what the caller meant. Kept: the zero-width joiner and non-joiner
 * (U+200C, U+200D), which shape Persian and Indic names and emoji, and the left-to-right and right-to-left
 * marks (U+200E, U+200F), which right-to-left text legitimately uses.
 */
const SUSPECT = /[\u0000\u200B\u202A-\u202E\u2060\u2066-\u2069\uFEFF\uFDD0-\uFDEF\uFFFE\uFFFF\uD800-\uDFFF]/;

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why the text is refused ("must not contain ..."), or null when every character may be stored. */
export function forbiddenCharacter(text: string): string | null {
  if (!SUSPECT.test(text)) return null;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return `must not contain a lone surrogate (${hex(unit)})`;
      const cp = 0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00);
      if ((cp & 0xfffe) === 0xfffe) return `must not contain the noncharacter ${hex(cp)}`;
      i++;
      continue;
    }
    const why = refusedUnit(unit);
    if (why) return why;
  }
  return null;
}

function refusedUnit(unit: number): string | null {
  if (unit === 0) return 'must not contain the NUL character';
  if (unit >= 0xdc00 && unit <= 0xdfff) return `must not contain a lone surrogate (${hex(unit)})`;
  if ((unit >= 0xfdd0 && unit <= 0xfdef) || unit === 0xfffe || unit === 0xffff)
    return `must not contain the noncharacter ${hex(unit)}`;
  if ((unit >= 0x202a && unit <= 0x202e) || (unit >= 0x2066 && unit <= 0x2069))
    return `must not contain the bidirectional control ${hex(unit)} (it can make text read other than it is)`;
  if (unit === 0x200b || unit === 0x2060 || unit === 0xfeff)
    return `must not contain the invisible character ${hex(unit)} (zero-width space, word joiner or byte-order mark)`;
  return null;
}
