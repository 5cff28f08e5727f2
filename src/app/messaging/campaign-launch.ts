/**
 * Launching due campaigns, from the job runner: a campaign is taken under a lease (one conditional update,
 * so two processes never launch it together), its audience is read in keyset batches by customer id (one
 * SQL statement per batch), and each batch is written to the outbox in one transaction with the progress
 * (cursor, count, renewed lease). One message per customer: the key `campaign:<id>:<customer>` is unique,
 * so a launch taken over after a crash, or run twice, adds nothing twice. Throttling spreads the messages'
 * due times, `perMinute` of them a minute.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Insertable } from 'kysely';
import type { Audience } from '../../core/messaging/audience.js';
import { throttledAt } from '../../core/messaging/audience.js';
import * as repo from '../../db/repos/campaigns.repo.js';
import { insertOutboxMessages } from '../../db/repos/outbox.repo.js';
import type { CampaignStatus, OutboxMessageTable } from '../../db/schema/index.js';
import { inTransaction } from '../../db/transaction.js';
import type { Deps } from '../context.js';
import { newId } from '../ids.js';
import { campaignSource, resolveAudience } from './campaigns.js';

export interface LaunchOptions {
  owner?: string;
  batch?: number;
  leaseMs?: number;
}

export interface LaunchReport {
  campaigns: number;
  messages: number;
}

export async function launchDueCampaigns(deps: Deps, options: LaunchOptions = {}): Promise<LaunchReport> {
  const owner = options.owner ?? `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const leaseMs = options.leaseMs ?? 120_000;
  const report: LaunchReport = { campaigns: 0, messages: 0 };
  const due = await repo.dueCampaigns(deps.db, deps.now().toISOString(), 10);
  for (const { id } of due) {
    const now = deps.now();
    const row = await repo.claimCampaign(
      deps.db,
      id,
      owner,
      now.toISOString(),
      new Date(now.getTime() + leaseMs).toISOString(),
    );
    if (!row) continue;
    report.campaigns += 1;
    report.messages += await launch(deps, row, owner, options.batch ?? 1000, leaseMs);
  }
  return report;
}

async function launch(
  deps: Deps,
  row: repo.CampaignRow,
  owner: string,
  batch: number,
  leaseMs: number,
): Promise<number> {
  const audience = JSON.parse(row.audience) as Audience;
  const resolved = await resolveAudience(deps, row.merchant_id, row.channel, audience);
  const finish = (status: CampaignStatus) =>
    repo.moveCampaign(deps.db, row.merchant_id, row.id, ['launching'], {
      status,
      launched_at: deps.now().toISOString(),
      lease_owner: null,
      lease_until: null,
      updated_at: deps.now().toISOString(),
    });
  if (!resolved.ok) {
    // The segment or program was deleted since: nothing to send to.
    await finish('launched');
    return 0;
  }
  const startMs = Date.parse(row.schedule_at ?? deps.now().toISOString());
  let cursor = row.cursor;
  let position = Number(row.queued);
  let added = 0;
  for (;;) {
    const asOf = deps.now().toISOString();
    const ids = await repo.audienceBatch(deps.db, row.merchant_id, resolved.value, asOf, cursor, batch);
    if (ids.length === 0) break;
    const rows: Insertable<OutboxMessageTable>[] = ids.map((customerId, i) => ({
      id: newId('msg'),
      merchant_id: row.merchant_id,
      channel: row.channel,
      recipients: JSON.stringify([customerId]),
      customer_id: customerId,
      subject: null,
      body: '',
      html: null,
      url: null,
      status: 'pending',
      source: campaignSource(row.id),
      template: row.template,
      language: row.language,
      idempotency_key: `${campaignSource(row.id)}:${customerId}`,
      created_at: asOf,
      next_attempt_at: new Date(
        Math.max(throttledAt(startMs, position + i, row.per_minute), Date.parse(asOf)),
      ).toISOString(),
    }));
    const last = ids[ids.length - 1]!;
    const kept = await inTransaction(deps.db, async (tx) => {
      const inserted = await insertOutboxMessages(tx, rows);
      const still = await repo.saveProgress(tx, row.id, owner, {
        cursor: last,
        added: inserted,
        leaseUntil: new Date(deps.now().getTime() + leaseMs).toISOString(),
        now: asOf,
      });
      if (!still) throw new LeaseLost();
      return inserted;
    }).catch((e: unknown) => {
      if (e instanceof LeaseLost) return null;
      throw e;
    });
    if (kept === null) return added; // another process took the launch over
    added += kept;
    position += ids.length;
    cursor = last;
    if (ids.length < batch) break;
  }
  await finish('launched');
  return added;
}

class LeaseLost extends Error {}
