/**
 * Message templates: text with `{{ variable }}` placeholders, per merchant, language and channel. The
 * variables a template may use are a fixed list (what the delivery knows about the customer, the card, the
 * points, the voucher, the promotion); a template naming another one, or with an unclosed placeholder, is
 * refused when it is saved. Rendering replaces each placeholder by its value (empty when unknown), escaped
 * for HTML in HTML bodies.
 */
export const TEMPLATE_LANGUAGES = ['fr', 'en', 'pt', 'es'] as const;
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];

export const TEMPLATE_VARIABLES = [
  'customer.firstName',
  'customer.lastName',
  'customer.civility',
  'customer.email',
  'customer.customerCode',
  'card.number',
  'balance.points',
  'expiring.points',
  'expiring.date',
  'voucher.number',
  'voucher.amount',
  'voucher.validUntil',
  'promotion.name',
  'tier.name',
  'merchant.name',
  'unsubscribeUrl',
] as const;

const KNOWN = new Set<string>(TEMPLATE_VARIABLES);
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

export interface TemplateIssue {
  field: string;
  message: string;
}

/** Every problem of a template's texts, by field (empty when it can be saved). */
export function validateTemplate(fields: Record<string, string | null | undefined>): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  for (const [field, text] of Object.entries(fields)) {
    if (text === null || text === undefined) continue;
    const stripped = text.replace(PLACEHOLDER, '');
    if (stripped.includes('{{') || stripped.includes('}}'))
      issues.push({
        field,
        message: `${field} has an unclosed or unopened placeholder: write {{ variable }}.`,
      });
    for (const match of text.matchAll(PLACEHOLDER)) {
      const name = match[1] ?? '';
      if (!KNOWN.has(name))
        issues.push({
          field,
          message: `${field} uses the unknown variable "${name}"; known: ${TEMPLATE_VARIABLES.join(', ')}.`,
        });
    }
  }
  return issues;
}

export type TemplateValues = Partial<Record<(typeof TEMPLATE_VARIABLES)[number], string | number | null>>;

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function renderTemplate(
  text: string,
  values: TemplateValues,
  options: { html?: boolean } = {},
): string {
  return text.replace(PLACEHOLDER, (_all, name: string) => {
    const value = values[name as keyof TemplateValues];
    const raw = value === null || value === undefined ? '' : String(value);
    return options.html ? raw.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!) : raw;
  });
}

/** The language to use: the asked one when the merchant has it, else English, else the first there is. */
export function pickLanguage(available: readonly string[], wanted: string | null | undefined): string | null {
  if (wanted && available.includes(wanted)) return wanted;
  if (available.includes('en')) return 'en';
  return available[0] ?? null;
}
