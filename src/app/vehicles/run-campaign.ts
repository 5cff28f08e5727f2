/**
 * A predictive campaign of a member garage (spec/mmp.md §6.10): selects the vehicles of its clients that
 * fall due for one of the campaign's jobs in the targeted month, stores the campaign and its targets, and
 * enqueues one message per reached channel in the outbox (SMS and e-mail; postal mail is an export).
 */
import {
  selectTargets,
  type CandidateVehicle,
  type Channel,
  type Target,
} from '../../core/vehicles/campaign-select.js';
import { reminderText } from '../../core/vehicles/reminder-text.js';
import { ok, type Result } from '../../core/error-catalog.js';
import type { TypedRow } from '../../core/vehicles/import-rows.js';
import { reserve } from '../../db/repos/vehicle-import.repo.js';
import * as setupRepo from '../../db/repos/vehicle-setup.repo.js';
import * as repo from '../../db/repos/vehicles.repo.js';
import type { Deps } from '../context.js';
import { withUnitOfWork } from '../unit-of-work.js';
import { catalogOf, localDate, type Network } from './network.js';
import { readVehicle } from './vehicle-view.js';

export interface CampaignRequest {
  storeId: string;
  label: string;
  predictionMonth: string;
  windowMonths?: number;
  lookbackMonths?: number;
  operations: { jobId: number; promotionLabel: string }[];
  channels: Channel[];
  /** Signs the messages (the member's trade name). */
  garageName?: string | null;
}

export interface CampaignRun {
  campaignId: number;
  targets: (Target & { messages: number })[];
}

const REPEAT_GUARD_DAYS = 180;
const STALE_VISIT_MONTHS = 36;

export async function runCampaign(
  deps: Deps,
  network: Network,
  input: CampaignRequest,
): Promise<Result<CampaignRun>> {
  const m = network.merchantId;
  const now = deps.now();
  const runDate = localDate(now, network.timeZone);
  const links = await repo.candidateLinks(deps.db, m, input.storeId);
  const plates = [...new Set(links.map((l) => l.plate))].sort();
  const vehicles: CandidateVehicle[] = [];
  const views = new Map<string, Awaited<ReturnType<typeof readVehicle>>>();
  for (const plate of plates) {
    const view = await readVehicle(deps, network, plate, runDate);
    if (!view.ok) continue;
    views.set(plate, view);
    vehicles.push({
      plate,
      lastVisitDate: view.value.profile.lastVisitDate,
      forecasts: view.value.profile.forecasts,
      clients: links
        .filter((l) => l.plate === plate)
        .map((l) => ({
          clientId: Number(l.client_id),
          rowVisitDate: l.row_visit_date,
          smsFlag: l.sms_flag === 1,
          emailFlag: l.email_flag === 1,
          privacy: l.privacy,
          mobile: l.mobile_phone,
          email: l.email,
          address1: l.address1,
          postalCode: l.postal_code,
          city: l.city,
        })),
    });
  }
  const guardFrom = new Date(now.getTime() - REPEAT_GUARD_DAYS * 86_400_000).toISOString();
  const past = (await repo.remindersOfStoreSince(deps.db, m, input.storeId, guardFrom)).map((r) => ({
    plate: r.plate,
    jobId: Number(r.job_id),
    date: localDate(new Date(r.diffused_at!), network.timeZone),
  }));
  const targets = selectTargets(
    {
      predictionMonth: input.predictionMonth,
      windowMonths: input.windowMonths ?? 1,
      lookbackMonths: input.lookbackMonths ?? 0,
      jobIds: input.operations.map((o) => o.jobId),
      channels: input.channels,
      runDate,
      repeatGuardDays: REPEAT_GUARD_DAYS,
      staleVisitMonths: STALE_VISIT_MONTHS,
    },
    vehicles,
    past,
  );
  const catalog = await catalogOf(deps.db, m);
  return withUnitOfWork(deps, async (uow) => {
    const campaignId = await reserve(uow.tx, m, 'next_campaign_id');
    const promotionId = await reserve(uow.tx, m, 'next_promotion_id', input.operations.length);
    const operations = input.operations.map((o, i) => ({
      merchant_id: m,
      campaign_id: campaignId,
      job_id: o.jobId,
      promotion_id: promotionId + i,
      promotion_label: o.promotionLabel,
    }));
    const rows = [];
    const out: CampaignRun['targets'] = [];
    for (const t of targets) {
      const link = links.find((l) => l.plate === t.plate && Number(l.client_id) === t.clientId)!;
      const own = link.row_values ? (JSON.parse(link.row_values) as TypedRow) : null;
      const view = views.get(t.plate);
      const latest = view?.ok
        ? view.value.rawClientRows[view.value.rawClientRows.length - 1]?.values
        : undefined;
      const snap = (key: string) => {
        const v = own?.[key] ?? latest?.[key] ?? null;
        return typeof v === 'string' ? v : null;
      };
      rows.push({
        merchant_id: m,
        campaign_id: campaignId,
        customer_id: link.customer_id,
        client_id: t.clientId,
        plate: t.plate,
        job_id: t.jobId,
        client_dms_id: link.dms_id,
        civility: link.civility,
        first_name: link.first_name,
        last_name: link.last_name,
        brand: snap('vehicleBrand'),
        model: snap('vehicleModel'),
        sms: t.channels.sms ? 1 : 0,
        email: t.channels.email ? 1 : 0,
        postal: t.channels.postal ? 1 : 0,
      });
      const job = catalog.find((j) => j.id === t.jobId)?.label ?? String(t.jobId);
      const promotion = input.operations.find((o) => o.jobId === t.jobId)?.promotionLabel ?? '';
      const text = reminderText({
        job,
        plate: t.plate,
        due: t.due,
        promotion,
        garage: input.garageName ?? null,
      });
      let messages = 0;
      // To the customer record, so that consent and blacklist are checked again at send time and the
      // e-mail carries a working unsubscribe link; one message per (campaign, client, vehicle, channel).
      for (const channel of ['sms', 'email'] as const) {
        if (!t.channels[channel]) continue;
        await uow.enqueue({
          merchantId: m,
          channel,
          recipients: [link.customer_id],
          subject: channel === 'email' ? text.subject : null,
          body: channel === 'email' ? text.email : text.sms,
          source: `vehicles.campaign:${campaignId}`,
          idempotencyKey: `vehicles.campaign:${campaignId}:${t.clientId}:${t.plate}:${channel}`,
        });
        messages += 1;
      }
      out.push({ ...t, messages });
    }
    await setupRepo.insertCampaign(
      uow.tx,
      {
        merchant_id: m,
        campaign_id: campaignId,
        store_id: input.storeId,
        label: input.label,
        type: 'predictive',
        created_on: runDate,
        prediction_month: input.predictionMonth,
        window_months: input.windowMonths ?? 1,
        lookback_months: input.lookbackMonths ?? 0,
        channels: JSON.stringify(input.channels),
        diffused_at: now.toISOString(),
      },
      operations,
      rows,
    );
    return ok({ campaignId, targets: out });
  });
}
