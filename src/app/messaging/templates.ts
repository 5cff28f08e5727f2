/**
 * Message templates of a merchant, one per name, channel and language: saved after validation (an unknown
 * variable or a broken placeholder is a 422 naming it), listed, read, deleted, and previewed for a customer
 * (their current data) with the variables a campaign or automation would add. HTML bodies are rendered with
 * every value escaped.
 */
import { detail, fail, ok, type Result } from '../../core/error-catalog.js';
import { countSmsSegments } from '../../core/messaging/sms-segments.js';
import { renderTemplate, validateTemplate, type TemplateValues } from '../../core/messaging/template.js';
import { findCardByNumber } from '../../db/repos/cards.repo.js';
import {
  deleteTemplate,
  listTemplates,
  merchantName,
  saveTemplate,
  templatesNamed,
  type TemplateRow,
} from '../../db/repos/messaging.repo.js';
import type { Deps } from '../context.js';
import { valuesForCustomer } from './template-values.js';

export interface TemplateKey {
  name: string;
  /** email, sms or push (the route's schema admits no other). */
  channel: string;
  language: string;
}

export interface TemplateView extends TemplateKey {
  subject: string | null;
  body: string;
  html: string | null;
  updatedAt: string;
}

function view(row: TemplateRow): TemplateView {
  return {
    name: row.name,
    channel: row.channel,
    language: row.language,
    subject: row.subject,
    body: row.body,
    html: row.html,
    updatedAt: row.updated_at,
  };
}

export async function findTemplate(deps: Deps, merchantId: string, key: TemplateKey) {
  const rows = await templatesNamed(deps.db, merchantId, key.name, key.channel);
  return rows.find((r) => r.language === key.language);
}

export async function putTemplate(
  deps: Deps,
  merchantId: string,
  key: TemplateKey,
  body: { subject?: string | null; body: string; html?: string | null },
): Promise<Result<TemplateView>> {
  if (key.channel !== 'email' && body.html)
    return fail('TEMPLATE_INVALID', 'html is for e-mail templates only; remove it.', [
      detail('TEMPLATE_INVALID', 'html', 'html is for e-mail templates only.'),
    ]);
  const issues = validateTemplate({ subject: body.subject, body: body.body, html: body.html });
  if (issues.length > 0)
    return fail(
      'TEMPLATE_INVALID',
      issues.map((i) => i.message).join(' '),
      issues.map((i) => detail('TEMPLATE_INVALID', i.field, i.message)),
    );
  await saveTemplate(deps.db, {
    merchant_id: merchantId,
    ...key,
    subject: body.subject ?? null,
    body: body.body,
    html: body.html ?? null,
    updated_at: deps.now().toISOString(),
  });
  return ok(view((await findTemplate(deps, merchantId, key))!));
}

export async function getTemplate(
  deps: Deps,
  merchantId: string,
  key: TemplateKey,
): Promise<Result<TemplateView>> {
  const row = await findTemplate(deps, merchantId, key);
  return row ? ok(view(row)) : fail('TEMPLATE_NOT_FOUND');
}

export async function listTemplateViews(deps: Deps, merchantId: string): Promise<TemplateView[]> {
  return (await listTemplates(deps.db, merchantId)).map(view);
}

export async function removeTemplate(
  deps: Deps,
  merchantId: string,
  key: TemplateKey,
): Promise<Result<Record<string, never>>> {
  return (await deleteTemplate(deps.db, { merchantId, ...key })) ? ok({}) : fail('TEMPLATE_NOT_FOUND');
}

export interface PreviewInput {
  customerId?: string;
  cardNumber?: string;
  variables?: Record<string, string | number | null>;
}

export interface Preview {
  subject: string;
  text: string;
  html: string | null;
  sms: { encoding: string; units: number; segments: number } | null;
}

function smsOf(text: string): Preview['sms'] {
  const { encoding, units, segments } = countSmsSegments(text);
  return { encoding, units, segments };
}

/** Renders a saved template for a customer (given directly or by card number) as it would be sent now. */
export async function previewTemplate(
  deps: Deps,
  merchantId: string,
  key: TemplateKey,
  input: PreviewInput,
): Promise<Result<Preview>> {
  const row = await findTemplate(deps, merchantId, key);
  if (!row) return fail('TEMPLATE_NOT_FOUND');
  for (const name of Object.keys(input.variables ?? {})) {
    const issues = validateTemplate({ variables: `{{ ${name} }}` });
    if (issues.length > 0) return fail('TEMPLATE_INVALID', issues[0]!.message);
  }
  let customerId = input.customerId;
  if (input.cardNumber !== undefined) {
    const card = await findCardByNumber(deps.db, merchantId, input.cardNumber);
    if (!card) return fail('CARD_NOT_FOUND');
    if (!card.customerId) return fail('CUSTOMER_NOT_FOUND', 'This card has no customer yet.');
    if (customerId !== undefined && customerId !== card.customerId)
      return fail('VALIDATION_FAILED', 'customerId and cardNumber name different customers; give one.');
    customerId = card.customerId;
  }
  let values: TemplateValues = {
    'merchant.name': (await merchantName(deps.db, merchantId))?.name ?? null,
  };
  if (customerId !== undefined) {
    const customer = await valuesForCustomer(deps.db, merchantId, customerId, deps.now());
    if (!customer) return fail('CUSTOMER_NOT_FOUND');
    values = { ...values, ...customer, unsubscribeUrl: `${deps.config.messaging.publicUrl}/unsubscribe/…` };
  }
  values = { ...values, ...(input.variables as TemplateValues | undefined) };
  const text = renderTemplate(row.body, values);
  return ok({
    subject: renderTemplate(row.subject ?? '', values),
    text,
    html: row.html === null ? null : renderTemplate(row.html, values, { html: true }),
    sms: row.channel === 'sms' ? smsOf(text) : null,
  });
}
