/**
 * promoCoreRequest / promoCoreResponse. Requests are parsed with fast-xml-parser (no entity expansion,
 * no DTD); answers are written in ISO-8859-1 as the manual shows them, characters beyond Latin-1 as
 * character references.
 */
import { XMLParser } from 'fast-xml-parser';

export interface CoreRequest {
  operation: string;
  companyId: string | null;
  params: Record<string, string>;
  /** Every value of each params child: repeated elements and comma-separated text (`<store>1,2</store>`). */
  lists: Record<string, string[]>;
  fields: Record<string, string>;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  processEntities: true,
  trimValues: true,
});

const textOf = (v: unknown): string | null => {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && '#text' in v) return String((v as { '#text': unknown })['#text']);
  return null;
};

/** The request, or a message saying what is wrong with the document. */
export function parseCoreRequest(xml: string): CoreRequest | { error: string } {
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml, true) as Record<string, unknown>;
  } catch (error) {
    return { error: `XML mal formado: ${(error as Error).message}` };
  }
  const root = doc.promoCoreRequest;
  if (!root || typeof root !== 'object') return { error: 'Se esperaba el elemento promoCoreRequest' };
  const r = root as Record<string, unknown>;
  const operation = textOf(r.operation);
  if (!operation) return { error: 'El elemento operation es requerido' };
  const params: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  if (r.params && typeof r.params === 'object') {
    for (const [k, v] of Object.entries(r.params as Record<string, unknown>)) {
      const t = textOf(v);
      const key = k.replace(/^@/, '');
      if (t !== null) params[key] = t;
      const all = (Array.isArray(v) ? v : [v]).map(textOf).filter((x): x is string => x !== null);
      lists[key] = all
        .flatMap((x) => x.split(','))
        .map((x) => x.trim())
        .filter((x) => x !== '');
    }
  }
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(r)) {
    const t = textOf(v);
    if (t !== null && k !== 'params') fields[k] = t;
  }
  return { operation, companyId: textOf(r.companyId), params, lists, fields };
}

function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[^\u0009\u000A\u000D\u0020-\u00FF]/gu, (c) => `&#${c.codePointAt(0)};`);
}

/** <promoCoreResponse> with ack and message as text, encoded in ISO-8859-1. */
export function coreResponse(ack: number, message: string): Buffer {
  const xml =
    '<?xml version="1.0" encoding="iso-8859-1"?>\n' +
    `<promoCoreResponse>\n\t<ack>${ack}</ack>\n\t<message>${escape(message)}</message>\n</promoCoreResponse>\n`;
  return Buffer.from(xml, 'latin1');
}

export const XML_TYPE = 'application/xml; charset=iso-8859-1';
