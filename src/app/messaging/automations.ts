/**
 * Automations of a merchant, one per kind: birthday (a message, optionally with a voucher), points expiring
 * (a warning `daysBefore` days ahead), welcome (on enrolment), tier reached. Each names a template of its
 * channel; the job runner runs them (automation-run.ts).
 */
import { fail, ok, type Result } from '../../core/error-catalog.js';
import * as repo from '../../db/repos/automations.repo.js';
import { templatesNamed } from '../../db/repos/messaging.repo.js';
import type { Channel } from '../../core/customer/customer.js';
import type { Deps } from '../context.js';
import { newId } from '../ids.js';

export const AUTOMATION_KINDS = ['birthday', 'points_expiring', 'welcome', 'tier_reached'] as const;
export type AutomationKind = (typeof AUTOMATION_KINDS)[number];

export interface BirthdayVoucher {
  kind: 'amount' | 'percentage';
  value: number;
  validDays: number;
}

export interface AutomationInput {
  enabled: boolean;
  channel: Channel;
  template: string;
  language?: string | null | undefined;
  daysBefore?: number | null | undefined;
  voucher?: BirthdayVoucher | null | undefined;
}

export interface AutomationView {
  kind: string;
  enabled: boolean;
  channel: string;
  template: string;
  language: string | null;
  daysBefore: number | null;
  voucher: BirthdayVoucher | null;
  since: string;
  updatedAt: string;
}

function view(row: repo.AutomationRow): AutomationView {
  return {
    kind: row.kind,
    enabled: Number(row.enabled) === 1,
    channel: row.channel,
    template: row.template,
    language: row.language,
    daysBefore: row.days_before === null ? null : Number(row.days_before),
    voucher: row.voucher ? (JSON.parse(row.voucher) as BirthdayVoucher) : null,
    since: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listAutomationViews(deps: Deps, merchantId: string): Promise<AutomationView[]> {
  return (await repo.listAutomations(deps.db, merchantId)).map(view);
}

export async function putAutomation(
  deps: Deps,
  merchantId: string,
  kind: AutomationKind,
  input: AutomationInput,
): Promise<Result<AutomationView>> {
  if (kind === 'points_expiring' && !input.daysBefore)
    return fail('AUTOMATION_INVALID', 'daysBefore is required for points_expiring (e.g. 30).');
  if (kind !== 'points_expiring' && input.daysBefore)
    return fail('AUTOMATION_INVALID', 'daysBefore is for points_expiring only; remove it.');
  if (kind !== 'birthday' && input.voucher)
    return fail('AUTOMATION_INVALID', 'voucher is for birthday only; remove it.');
  if (input.voucher?.kind === 'percentage' && input.voucher.value > 100)
    return fail('AUTOMATION_INVALID', 'voucher.value is a percentage: 1 to 100.');
  const templates = await templatesNamed(deps.db, merchantId, input.template, input.channel);
  if (templates.length === 0)
    return fail(
      'AUTOMATION_INVALID',
      `template: the merchant has no ${input.channel} template named "${input.template}".`,
    );
  const now = deps.now().toISOString();
  await repo.saveAutomation(deps.db, {
    id: newId('aut'),
    merchant_id: merchantId,
    kind,
    enabled: input.enabled ? 1 : 0,
    channel: input.channel,
    template: input.template,
    language: input.language ?? null,
    days_before: input.daysBefore ?? null,
    voucher: input.voucher ? JSON.stringify(input.voucher) : null,
    created_at: now,
    updated_at: now,
  });
  return ok(view((await repo.findAutomation(deps.db, merchantId, kind))!));
}

export async function removeAutomation(
  deps: Deps,
  merchantId: string,
  kind: string,
): Promise<Result<Record<string, never>>> {
  return (await repo.deleteAutomation(deps.db, merchantId, kind)) ? ok({}) : fail('AUTOMATION_NOT_FOUND');
}
