/** Network- and member-level reads: the blacklist, and the clients reached by a member's campaigns. */
import { fail, ok, type Result } from '../../core/error-catalog.js';
import { isBlacklisted } from '../../core/vehicles/contact.js';
import * as repo from '../../db/repos/vehicles.repo.js';
import type { Deps } from '../context.js';
import { clientOf, type VehicleClient } from './client-record.js';
import { catalogOf, listMembers, type Member } from './network.js';

/** Clients for whom SMS or e-mail is not allowed, by client id; of one member when storeId is given. */
export async function blacklist(deps: Deps, merchantId: string, storeId?: string): Promise<VehicleClient[]> {
  const members = await listMembers(deps.db, merchantId);
  const byStore = new Map(members.map((m) => [m.storeId, m]));
  const rows = await repo.blacklistCandidates(deps.db, merchantId, storeId);
  return rows
    .map((r) => clientOf(r, byStore))
    .filter((c) => isBlacklisted({ smsFlag: c.smsFlag, emailFlag: c.emailFlag, privacy: c.privacy }));
}

export interface CampaignTargetView {
  clientId: number;
  civility: string | null;
  firstName: string | null;
  lastName: string | null;
  plate: string;
  brand: string | null;
  model: string | null;
  jobId: number;
  jobLabel: string;
  promotionId: number;
  promotionLabel: string;
  channels: { sms: boolean; email: boolean; postal: boolean };
}

export interface MemberCampaign {
  campaignId: number;
  diffusedAt: string;
  predictionMonth: string;
  createdOn: string;
  targets: CampaignTargetView[];
}

export const CAMPAIGNS_PER_PAGE = 10;

export async function memberCampaigns(
  deps: Deps,
  merchantId: string,
  posCode: string,
  page: number,
): Promise<Result<{ member: Member; campaigns: MemberCampaign[] }>> {
  const member = (await listMembers(deps.db, merchantId)).find((m) => m.posCode === posCode);
  if (!member) return fail('MEMBER_NOT_FOUND');
  const catalog = await catalogOf(deps.db, merchantId);
  const rows = await repo.diffusedCampaignsOfStore(
    deps.db,
    merchantId,
    member.storeId,
    (page - 1) * CAMPAIGNS_PER_PAGE,
    CAMPAIGNS_PER_PAGE,
  );
  const targets = await repo.targetsOfCampaigns(
    deps.db,
    merchantId,
    rows.map((r) => Number(r.campaign_id)),
  );
  const campaigns = rows.map((c) => ({
    campaignId: Number(c.campaign_id),
    diffusedAt: c.diffused_at!,
    predictionMonth: c.prediction_month,
    createdOn: c.created_on,
    targets: targets
      .filter((t) => Number(t.campaign_id) === Number(c.campaign_id) && (t.sms || t.email || t.postal))
      .map((t) => ({
        clientId: Number(t.client_id),
        civility: t.civility,
        firstName: t.first_name,
        lastName: t.last_name,
        plate: t.plate,
        brand: t.brand,
        model: t.model,
        jobId: Number(t.job_id),
        jobLabel: catalog.find((j) => j.id === Number(t.job_id))?.label ?? String(t.job_id),
        promotionId: Number(t.promotion_id),
        promotionLabel: t.promotion_label,
        channels: { sms: t.sms === 1, email: t.email === 1, postal: t.postal === 1 },
      }))
      .sort(
        (a, b) =>
          (a.lastName ?? '').localeCompare(b.lastName ?? '') ||
          (a.firstName ?? '').localeCompare(b.firstName ?? '') ||
          a.clientId - b.clientId,
      ),
  }));
  return ok({ member, campaigns });
}
