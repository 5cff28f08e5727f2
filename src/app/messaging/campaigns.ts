/**
 * Campaigns: an audience (segment, program, tier, last purchase, balance, birthday month), a channel and a
 * template, a schedule and a throttle. Created as drafts, counted by a dry run, launched (now or at
 * scheduleAt) by the job runner (campaign-launch.ts), cancelled before launch. Results are the campaign's
 * messages by state.
 */
import { decodeCursor, encodeCursor } from '../../core/cursor.js';
import { fail, ok, type Result } from '../../core/error-catalog.js';
import { checkAudience, type Audience } from '../../core/messaging/audience.js';
import * as repo from '../../db/repos/campaigns.repo.js';
import { findProgram } from '../../db/repos/programs.repo.js';
import { findSegment } from '../../db/repos/segments.repo.js';
import type { Deps } from '../context.js';
import { newId } from '../ids.js';
import { templatesNamed } from '../../db/repos/messaging.repo.js';
import type { Channel } from '../../core/customer/customer.js';

export interface CampaignInput {
  name: string;
  /** email, sms or push (the route's schema admits no other). */
  channel: Channel;
  template: string;
  language?: string | null | undefined;
  audience?: Audience | undefined;
  scheduleAt?: string | null | undefined;
  perMinute?: number | null | undefined;
}

export interface CampaignResults {
  queued: number;
  sent: number;
  /** The channels used give no delivery receipt: null. */
  delivered: number | null;
  failed: number;
  unsubscribed: number;
}

export interface CampaignView {
  id: string;
  name: string;
  status: string;
  channel: string;
  template: string;
  language: string | null;
  audience: Audience;
  scheduleAt: string | null;
  perMinute: number | null;
  launchedAt: string | null;
  /** Messages written so far by the launch. */
  enqueued: number;
  results: CampaignResults;
  createdAt: string;
  updatedAt: string;
}

export const campaignSource = (id: string) => `campaign:${id}`;

async function view(deps: Deps, row: repo.CampaignRow): Promise<CampaignView> {
  const counts =
    row.status === 'draft' || row.status === 'scheduled'
      ? new Map<string, number>()
      : await repo.campaignResults(deps.db, row.merchant_id, campaignSource(row.id));
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    channel: row.channel,
    template: row.template,
    language: row.language,
    audience: JSON.parse(row.audience) as Audience,
    scheduleAt: row.schedule_at,
    perMinute: row.per_minute,
    launchedAt: row.launched_at,
    enqueued: Number(row.queued),
    results: {
      queued: counts.get('pending') ?? 0,
      sent: counts.get('sent') ?? 0,
      delivered: null,
      failed: counts.get('dead') ?? 0,
      unsubscribed: counts.get('suppressed') ?? 0,
    },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Codes to ids, the tier to a threshold; a 4xx naming what is unknown. */
export async function resolveAudience(
  deps: Deps,
  merchantId: string,
  channel: string,
  a: Audience,
): Promise<Result<repo.ResolvedAudience>> {
  const issues = checkAudience(a);
  if (issues.length > 0) return fail('CAMPAIGN_INVALID', issues.map((i) => i.message).join(' '));
  const resolved: repo.ResolvedAudience = {
    channel,
    lastPurchaseAfter: a.lastPurchaseAfter,
    lastPurchaseBefore: a.lastPurchaseBefore,
    minBalance: a.minBalance,
    maxBalance: a.maxBalance,
    birthdayMonth: a.birthdayMonth,
  };
  if (a.segment !== undefined) {
    const segment = await findSegment(deps.db, merchantId, a.segment);
    if (!segment)
      return fail('CAMPAIGN_INVALID', `audience.segment: no segment has the code "${a.segment}".`);
    resolved.segmentId = segment.id;
  }
  if (a.program !== undefined) {
    const program = await findProgram(deps.db, merchantId, { code: a.program });
    if (!program)
      return fail('CAMPAIGN_INVALID', `audience.program: no program has the code "${a.program}".`);
    resolved.programId = program.id;
    if (a.minTier !== undefined) {
      const step = program.tiers.steps.find((s) => s.index === a.minTier);
      if (!step)
        return fail(
          'CAMPAIGN_INVALID',
          `audience.minTier: program ${a.program} has no tier ${a.minTier} (tiers: ${program.tiers.steps.map((s) => s.index).join(', ') || 'none'}).`,
        );
      resolved.tier = { basis: program.tiers.type, threshold: step.threshold };
    }
  }
  return ok(resolved);
}

export async function createCampaign(
  deps: Deps,
  merchantId: string,
  input: CampaignInput,
): Promise<Result<CampaignView>> {
  const audience = input.audience ?? {};
  const resolved = await resolveAudience(deps, merchantId, input.channel, audience);
  if (!resolved.ok) return resolved;
  const templates = await templatesNamed(deps.db, merchantId, input.template, input.channel);
  if (templates.length === 0)
    return fail(
      'CAMPAIGN_INVALID',
      `template: the merchant has no ${input.channel} template named "${input.template}" (PUT /v1/templates/${input.template}/${input.channel}/{language} first).`,
    );
  if (input.scheduleAt && Number.isNaN(Date.parse(input.scheduleAt)))
    return fail('CAMPAIGN_INVALID', 'scheduleAt is not an RFC 3339 instant.');
  const now = deps.now().toISOString();
  const id = newId('cmp');
  await repo.insertCampaign(deps.db, {
    id,
    merchant_id: merchantId,
    name: input.name,
    status: 'draft',
    channel: input.channel,
    template: input.template,
    language: input.language ?? null,
    audience: JSON.stringify(audience),
    schedule_at: input.scheduleAt ? new Date(input.scheduleAt).toISOString() : null,
    per_minute: input.perMinute ?? null,
    created_at: now,
    updated_at: now,
  });
  return getCampaign(deps, merchantId, id);
}

export async function getCampaign(deps: Deps, merchantId: string, id: string): Promise<Result<CampaignView>> {
  const row = await repo.findCampaign(deps.db, merchantId, id);
  return row ? ok(await view(deps, row)) : fail('CAMPAIGN_NOT_FOUND');
}

export async function listCampaignPage(
  deps: Deps,
  merchantId: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<Result<{ data: CampaignView[]; nextCursor: string | null }>> {
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  if (query.cursor !== undefined && !after) return fail('INVALID_CURSOR');
  const rows = await repo.listCampaigns(deps.db, merchantId, after ?? undefined, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const data: CampaignView[] = [];
  for (const row of page) data.push(await view(deps, row));
  return ok({
    data,
    nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1]!.id) : null,
  });
}

/** How many customers the audience holds now (nothing is written). */
export async function dryRun(
  deps: Deps,
  merchantId: string,
  id: string,
): Promise<Result<{ audience: number; asOf: string }>> {
  const row = await repo.findCampaign(deps.db, merchantId, id);
  if (!row) return fail('CAMPAIGN_NOT_FOUND');
  const resolved = await resolveAudience(deps, merchantId, row.channel, JSON.parse(row.audience) as Audience);
  if (!resolved.ok) return resolved;
  const asOf = deps.now().toISOString();
  return ok({ audience: await repo.countAudience(deps.db, merchantId, resolved.value, asOf), asOf });
}

/** Schedules the launch: at scheduleAt, or at once; the job runner launches it. */
export async function launchCampaign(
  deps: Deps,
  merchantId: string,
  id: string,
): Promise<Result<CampaignView>> {
  const row = await repo.findCampaign(deps.db, merchantId, id);
  if (!row) return fail('CAMPAIGN_NOT_FOUND');
  const now = deps.now().toISOString();
  const moved = await repo.moveCampaign(deps.db, merchantId, id, ['draft'], {
    status: 'scheduled',
    schedule_at: row.schedule_at ?? now,
    updated_at: now,
  });
  if (!moved) return fail('CAMPAIGN_STATE', `This campaign is ${row.status}; only a draft can be launched.`);
  return getCampaign(deps, merchantId, id);
}

export async function cancelCampaign(
  deps: Deps,
  merchantId: string,
  id: string,
): Promise<Result<CampaignView>> {
  const row = await repo.findCampaign(deps.db, merchantId, id);
  if (!row) return fail('CAMPAIGN_NOT_FOUND');
  const moved = await repo.moveCampaign(deps.db, merchantId, id, ['draft', 'scheduled'], {
    status: 'cancelled',
    updated_at: deps.now().toISOString(),
  });
  if (!moved)
    return fail(
      'CAMPAIGN_STATE',
      `This campaign is ${row.status}; only a draft or a scheduled one can be cancelled.`,
    );
  return getCampaign(deps, merchantId, id);
}
