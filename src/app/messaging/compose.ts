/**
 * What a customer message says when it leaves: the merchant's template (rendered with the customer's
 * current data and the message's variables) or the message's own texts, and the unsubscribe link.
 */
import { pickLanguage, renderTemplate, type TemplateValues } from '../../core/messaging/template.js';
import { merchantName, templatesNamed, type RecipientRow } from '../../db/repos/messaging.repo.js';
import type { OutboxRow } from '../../db/repos/outbox.repo.js';
import type { Deps } from '../context.js';
import { cardValues, customerValues } from './template-values.js';

export interface Composed {
  subject: string;
  text: string;
  html: string | null;
  url: string | null;
}

export function unsubscribeUrl(deps: Deps, messageId: string): string {
  return `${deps.config.messaging.publicUrl}/unsubscribe/${messageId}`;
}

export async function compose(
  deps: Deps,
  row: OutboxRow,
  customer: RecipientRow | null,
): Promise<Composed | { missing: string }> {
  let subject = row.subject ?? '';
  let text = row.body;
  let html = row.html;
  if (row.template) {
    const all = await templatesNamed(deps.db, row.merchant_id, row.template, row.channel);
    const language = pickLanguage(
      all.map((t) => t.language),
      row.language,
    );
    const template = all.find((t) => t.language === language);
    if (!template) return { missing: `The template "${row.template}" (${row.channel}) does not exist.` };
    subject = template.subject ?? subject;
    text = template.body;
    html = template.html;
  }
  const own = row.variables ? (JSON.parse(row.variables) as TemplateValues) : {};
  const usesCard = /\{\{\s*(card|balance|expiring)\./.test(`${subject} ${text} ${html ?? ''}`);
  const values: TemplateValues = {
    ...(customer && usesCard ? await cardValues(deps.db, row.merchant_id, customer.id, deps.now()) : {}),
    ...own,
    ...(customer ? customerValues(customer) : {}),
    'merchant.name': (await merchantName(deps.db, row.merchant_id))?.name ?? null,
    unsubscribeUrl: customer ? unsubscribeUrl(deps, row.id) : null,
  };
  return {
    subject: renderTemplate(subject, values),
    text: renderTemplate(text, values),
    html: html === null ? null : renderTemplate(html, values, { html: true }),
    url: row.url,
  };
}
