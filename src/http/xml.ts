const NAME_OK = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function escapeText(value: string): string {
  return (
    value
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // characters XML 1.0 cannot carry
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
  );
}

function elementName(key: string): string {
  return NAME_OK.test(key) ? key : `_${key.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
}

function render(name: string, value: unknown, itemName: string): string {
  if (value === null || value === undefined) return `<${name} nil="true"/>`;
  if (Array.isArray(value)) {
    return `<${name}>${value.map((v) => render(itemName, v, 'item')).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    const inner = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => render(elementName(k), v, 'item'))
      .join('');
    return `<${name}>${inner}</${name}>`;
  }
  return `<${name}>${escapeText(String(value))}</${name}>`;
}

/**
 * JSON value → XML document. Objects become elements named after their keys, arrays wrap one <item> per
 * entry, null is an empty element with nil="true". Dialects with a vendor XML shape pass their own names.
 */
export function toXml(value: unknown, rootName = 'response', itemName = 'item'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${render(elementName(rootName), value, itemName)}`;
}

/** True when the Accept header prefers XML over JSON; JSON, the default, wins a tie (RestSharp lists both). */
export function prefersXml(accept: string | undefined): boolean {
  if (!accept) return false;
  let xmlQ = -1;
  let jsonQ = -1;
  for (const part of accept.split(',')) {
    const [type = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) || 0 : 1;
    if (type === 'application/xml' || type === 'text/xml') xmlQ = Math.max(xmlQ, q);
    if (type === 'application/json') jsonQ = Math.max(jsonQ, q);
  }
  return xmlQ > 0 && xmlQ > jsonQ;
}
