/**
 * Request bodies in the charset their Content-Type declares. Tills coded in .NET or Java against the vendor
 * documents send ISO-8859-1 or windows-1252 and say so; without a declared charset the body must be UTF-8,
 * and bytes that are not valid UTF-8 are refused instead of being stored as U+FFFD.
 */
import { HttpError } from './http-error.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * windows-1252 bytes 0x80..0x9F (WHATWG's table; the five unassigned bytes keep their code point). Node's
 * TextDecoder decodes this encoding as ISO-8859-1, so "œ" (0x9C) would become a C1 control character.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

function decodeCp1252(body: Buffer): string {
  return body
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]!));
}

/** The charset parameter of a Content-Type header, lower-cased, or null. */
export function declaredCharset(contentType: string | undefined): string | null {
  for (const part of (contentType ?? '').split(';').slice(1)) {
    const [name = '', ...rest] = part.split('=');
    if (name.trim().toLowerCase() !== 'charset') continue;
    return rest
      .join('=')
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .toLowerCase();
  }
  return null;
}

/** The body as text, decoded from its declared charset (UTF-8 when none), or the 4xx that says why not. */
export function decodeBody(body: Buffer, contentType: string | undefined): string | HttpError {
  const charset = declaredCharset(contentType);
  let decoder = UTF8;
  if (charset !== null && charset !== 'utf-8' && charset !== 'utf8') {
    try {
      decoder = new TextDecoder(charset, { fatal: true });
      // WHATWG labels: iso-8859-1, latin1 and us-ascii all name windows-1252, ISO-8859-1's superset.
      if (decoder.encoding === 'windows-1252') return decodeCp1252(body);
    } catch {
      return new HttpError(
        'UNSUPPORTED_MEDIA_TYPE',
        `The charset "${charset}" is not supported: send UTF-8, ISO-8859-1 or windows-1252.`,
      );
    }
  }
  try {
    return decoder.decode(body);
  } catch {
    return new HttpError(
      'MALFORMED_BODY',
      charset === null
        ? 'The request body is not valid UTF-8: declare its charset in Content-Type (e.g. charset=iso-8859-1) or send UTF-8.'
        : `The request body is not valid ${charset}.`,
    );
  }
}
