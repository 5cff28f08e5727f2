/**
 * Back-office administration of a vehicles network through the native API (spec/mmp.md §5.2, §5.10; the
 * MMP protocol itself has no such calls): its member garages, and its maintenance catalog with the
 * per-network overrides of intervals and flags (labels, ids and qualification rules never change).
 */
import {
  DEFAULT_CATALOG,
  validateOverride,
  type CatalogJob,
  type JobOverride,
} from '../../core/vehicles/catalog.js';
import { fail, ok, type Result } from '../../core/error-catalog.js';
import { isDuplicate } from '../../db/errors.js';
import * as adminRepo from '../../db/repos/vehicle-admin.repo.js';
import * as setupRepo from '../../db/repos/vehicle-setup.repo.js';
import * as repo from '../../db/repos/vehicles.repo.js';
import type { Deps } from '../context.js';
import { newId } from '../ids.js';
import { withUnitOfWork } from '../unit-of-work.js';
import { catalogOf, listMembers, type Member, type Network } from './network.js';

/** The vehicles network a merchant runs, or NOT_A_VEHICLES_NETWORK. */
export async function networkOfMerchant(deps: Deps, merchantId: string): Promise<Result<Network>> {
  const row = await adminRepo.findNetworkByMerchant(deps.db, merchantId);
  if (!row) return fail('NOT_A_VEHICLES_NETWORK');
  return ok({
    merchantId: row.merchantId,
    slug: row.slug,
    timeZone: row.time_zone,
    defaultMonthlyMileage: Number(row.default_monthly_mileage),
  });
}

export async function membersOf(deps: Deps, merchantId: string): Promise<Result<Member[]>> {
  const network = await networkOfMerchant(deps, merchantId);
  if (!network.ok) return network;
  return ok(await listMembers(deps.db, merchantId));
}

export interface NewMember {
  memberId: number;
  posCode: string;
  tradeName: string;
  shortName: string;
  siret: string;
}

/** Adds a member garage (a store of the merchant); a member id, PoS code or SIRET already used is a 409. */
export async function createMember(
  deps: Deps,
  merchantId: string,
  input: NewMember,
): Promise<Result<Member>> {
  const network = await networkOfMerchant(deps, merchantId);
  if (!network.ok) return network;
  const storeId = newId('sto');
  try {
    return await withUnitOfWork(deps, async (uow) => {
      await adminRepo.insertMemberStore(
        uow.tx,
        {
          id: storeId,
          merchant_id: merchantId,
          code: input.posCode,
          name: input.tradeName,
          region: null,
          time_zone: null,
          currency: null,
          created_at: uow.now,
        },
        {
          store_id: storeId,
          merchant_id: merchantId,
          member_id: input.memberId,
          short_name: input.shortName,
          workshop_siret: input.siret,
          active: 1,
        },
      );
      return ok({ storeId, ...input, active: true });
    });
  } catch (error) {
    if (isDuplicate(error)) return fail('MEMBER_TAKEN');
    throw error;
  }
}

export interface CatalogEntry extends CatalogJob {
  /** The network's override of this job, or null when it follows the default catalog. */
  override: JobOverride | null;
}

export async function catalogView(deps: Deps, merchantId: string): Promise<Result<CatalogEntry[]>> {
  const network = await networkOfMerchant(deps, merchantId);
  if (!network.ok) return network;
  const overrides = new Map(
    (await repo.listJobOverrides(deps.db, merchantId)).map((o) => [
      Number(o.job_id),
      JSON.parse(o.settings) as JobOverride,
    ]),
  );
  const catalog = await catalogOf(deps.db, merchantId);
  return ok(catalog.map((j) => ({ ...j, override: overrides.get(j.id) ?? null })));
}

/** Replaces the network's override of one job (an empty override restores the default). */
export async function setJobOverride(
  deps: Deps,
  merchantId: string,
  jobId: number,
  override: JobOverride,
): Promise<Result<CatalogEntry>> {
  const network = await networkOfMerchant(deps, merchantId);
  if (!network.ok) return network;
  if (!DEFAULT_CATALOG.some((j) => j.id === jobId)) return fail('JOB_NOT_FOUND');
  const problem = validateOverride(override);
  if (problem) return fail('VALIDATION_FAILED', problem);
  await setupRepo.upsertJobOverride(deps.db, merchantId, jobId, JSON.stringify(override));
  const job = (await catalogOf(deps.db, merchantId)).find((j) => j.id === jobId)!;
  return ok({ ...job, override: Object.keys(override).length ? override : null });
}
