import { describe, expect, it } from 'vitest';
import { forbiddenCharacter } from './text-safety.js';

describe('forbiddenCharacter', () => {
  it.each([
    ['NUL', 'a\u0000b', /NUL/],
    ['right-to-left override', 'Ali\u202Eecod.exe', /bidirectional control U\+202E/],
    ['left-to-right embedding', '\u202Ax', /U\+202A/],
    ['first strong isolate', 'x\u2068y', /U\+2068/],
    ['zero-width space', 'Al\u200Bice', /invisible character U\+200B/],
    ['word joiner', 'Al\u2060ice', /U\+2060/],
    ['byte-order mark inside', 'Alice\uFEFF', /U\+FEFF/],
    ['noncharacter U+FFFE', 'x\uFFFE', /noncharacter U\+FFFE/],
    ['noncharacter U+FDD0', '\uFDD0', /noncharacter U\+FDD0/],
    ['noncharacter U+1FFFF (a pair)', 'x\uD83F\uDFFF', /noncharacter U\+1FFFF/],
    ['noncharacter U+10FFFE', '\uDBFF\uDFFE', /noncharacter U\+10FFFE/],
    ['lone high surrogate', 'x\uD800y', /lone surrogate \(U\+D800\)/],
    ['lone high surrogate at the end', 'x\uD800', /lone surrogate/],
    ['lone low surrogate', 'x\uDC00', /lone surrogate \(U\+DC00\)/],
  ])('refuses %s', (_what, text, message) => {
    expect(forbiddenCharacter(text)).toMatch(message);
  });

  it.each([
    ['plain text', 'Hélène Dupont'],
    ['an emoji (a surrogate pair)', 'Ana 😀'],
    ['an emoji with zero-width joiners', '👩\u200D👩\u200D👧'],
    ['a Persian name with a zero-width non-joiner', 'می\u200Cخواهم'],
    ['right-to-left marks', 'שלום\u200F 123'],
    ['Arabic text', 'محمد'],
    ['U+FFFD', 'H\uFFFDl'],
  ])('keeps %s', (_what, text) => {
    expect(forbiddenCharacter(text)).toBeNull();
  });
});
