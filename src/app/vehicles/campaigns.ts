/**
 * Predictive campaigns of member garages from the back office (spec/mmp.md §6.10): run one for a member
 * (one run at a time per network, so two runs cannot remind one vehicle twice), and export the targets
 * reached by postal mail ("courrier", §5.15: exported for printing, not sent by Tessera).
 */
import { DEFAULT_CATALOG } from '../../core/vehicles/catalog.js';
import { fail, ok, type Result } from '../../core/error-catalog.js';
import type { Channel } from '../../core/vehicles/campaign-select.js';
import * as adminRepo from '../../db/repos/vehicle-admin.repo.js';
import * as locks from '../../db/repos/imports.repo.js';
import type { Caller, Deps } from '../context.js';
import { newId } from '../ids.js';
import { networkOfMerchant } from './admin.js';
import { catalogOf, listMembers, storeOfUser, type Member } from './network.js';
import { runCampaign, type CampaignRun } from './run-campaign.js';

const LOCK_KIND = 'vehicles.campaign';
const LOCK_STALE_MS = 3_600_000;

export interface CampaignOrder {
  memberId: number;
  label: string;
  /** First day of the targeted month, 'YYYY-MM-01'. */
  predictionMonth: string;
  windowMonths?: number;
  lookbackMonths?: number;
  operations: { jobId: number; promotionLabel: string }[];
  channels: Channel[];
}

/** The member garage the caller may act for: any of the network, or its own when bound to one. */
async function memberFor(deps: Deps, caller: Caller, merchantId: string, memberId: number) {
  const member = (await listMembers(deps.db, merchantId)).find((m) => m.memberId === memberId);
  if (!member) return fail('MEMBER_NOT_FOUND');
  const own = caller.principalKind === 'user' ? await storeOfUser(deps, caller.principalId) : null;
  if (own !== null && own !== member.storeId) return fail('OTHER_MEMBER');
  return ok<Member>(member);
}

function checkOrder(order: CampaignOrder): string | null {
  if (!/^\d{4}-(0[1-9]|1[0-2])-01$/.test(order.predictionMonth))
    return 'predictionMonth must be the first day of a month (YYYY-MM-01).';
  const ids = order.operations.map((o) => o.jobId);
  if (new Set(ids).size !== ids.length) return 'operations name a job twice.';
  if (new Set(order.channels).size !== order.channels.length) return 'channels name a channel twice.';
  return null;
}

export async function runMemberCampaign(
  deps: Deps,
  caller: Caller,
  merchantId: string,
  order: CampaignOrder,
): Promise<Result<CampaignRun & { memberId: number; diffusedAt: string }>> {
  const network = await networkOfMerchant(deps, merchantId);
  if (!network.ok) return network;
  const problem = checkOrder(order);
  if (problem) return fail('VALIDATION_FAILED', problem);
  const catalog = await catalogOf(deps.db, merchantId);
  for (const o of order.operations) {
    const job = catalog.find((j) => j.id === o.jobId);
    if (!job || !DEFAULT_CATALOG.some((j) => j.id === o.jobId)) return fail('JOB_NOT_FOUND');
  }
  const member = await memberFor(deps, caller, merchantId, order.memberId);
  if (!member.ok) return member;
  const runId = newId('imp');
  const now = deps.now();
  const taken = await locks.takeLock(
    deps.db,
    merchantId,
    LOCK_KIND,
    runId,
    now.toISOString(),
    new Date(now.getTime() - LOCK_STALE_MS).toISOString(),
  );
  if (!taken) return fail('CAMPAIGN_RUNNING');
  try {
    const run = await runCampaign(deps, network.value, {
      storeId: member.value.storeId,
      label: order.label,
      predictionMonth: order.predictionMonth,
      ...(order.windowMonths === undefined ? {} : { windowMonths: order.windowMonths }),
      ...(order.lookbackMonths === undefined ? {} : { lookbackMonths: order.lookbackMonths }),
      operations: order.operations,
      channels: order.channels,
      garageName: member.value.tradeName,
    });
    if (!run.ok) return run;
    return ok({ ...run.value, memberId: member.value.memberId, diffusedAt: now.toISOString() });
  } finally {
    await locks.releaseLock(deps.db, merchantId, LOCK_KIND, runId);
  }
}

export interface CourrierRow {
  campaignId: number;
  clientId: number;
  clientDmsId: string | null;
  civilite: string | null;
  prenom: string | null;
  nom: string | null;
  raisonSociale: string | null;
  adresse1: string | null;
  adresse2: string | null;
  codePostal: string | null;
  ville: string | null;
  immatriculation: string;
  marque: string | null;
  modele: string | null;
  operationId: number;
  operationLabel: string;
  promotion: string;
}

export const COURRIER_COLUMNS: readonly (keyof CourrierRow)[] = [
  'campaignId',
  'clientId',
  'clientDmsId',
  'civilite',
  'prenom',
  'nom',
  'raisonSociale',
  'adresse1',
  'adresse2',
  'codePostal',
  'ville',
  'immatriculation',
  'marque',
  'modele',
  'operationId',
  'operationLabel',
  'promotion',
];

/** The postal-mail targets of a campaign, with the client's current address, for a mail merge. */
export async function courrierExport(
  deps: Deps,
  caller: Caller,
  merchantId: string,
  campaignId: number,
): Promise<Result<{ slug: string; rows: CourrierRow[] }>> {
  const network = await networkOfMerchant(deps, merchantId);
  if (!network.ok) return network;
  const campaign = await adminRepo.findCampaign(deps.db, merchantId, campaignId);
  if (!campaign) return fail('CAMPAIGN_NOT_FOUND');
  const own = caller.principalKind === 'user' ? await storeOfUser(deps, caller.principalId) : null;
  if (own !== null && own !== campaign.store_id) return fail('OTHER_MEMBER');
  const catalog = await catalogOf(deps.db, merchantId);
  const rows = await adminRepo.courrierTargets(deps.db, merchantId, campaignId);
  return ok({
    slug: network.value.slug,
    rows: rows.map((r) => ({
      campaignId,
      clientId: Number(r.client_id),
      clientDmsId: r.client_dms_id,
      civilite: r.civility,
      prenom: r.first_name,
      nom: r.last_name,
      raisonSociale: r.company,
      adresse1: r.address1,
      adresse2: r.address2,
      codePostal: r.postal_code,
      ville: r.city,
      immatriculation: r.plate,
      marque: r.brand,
      modele: r.model,
      operationId: Number(r.job_id),
      operationLabel: catalog.find((j) => j.id === Number(r.job_id))?.label ?? String(r.job_id),
      promotion: r.promotion_label,
    })),
  });
}
