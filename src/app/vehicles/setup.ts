/**
 * Setting up a vehicles network: a merchant's vehicle settings, its member garages (stores), users bound to
 * a garage, the grants of its OAuth client, catalog overrides, back-office clients and client flags.
 */
import { validateOverride, type JobOverride } from '../../core/vehicles/catalog.js';
import { fail, ok, type Result } from '../../core/error-catalog.js';
import { allowed, frenchMobile, privacyText } from '../../core/vehicles/contact.js';
import * as adminRepo from '../../db/repos/vehicle-admin.repo.js';
import { isValidPlate, normalizePlate } from '../../core/vehicles/text.js';
import { nextCustomerRef } from '../../db/repos/customers.repo.js';
import * as importRepo from '../../db/repos/vehicle-import.repo.js';
import * as repo from '../../db/repos/vehicle-setup.repo.js';
import type { Deps } from '../context.js';
import { createStore } from '../tenancy/tenancy.js';
import { withUnitOfWork } from '../unit-of-work.js';

export async function createNetwork(
  deps: Deps,
  input: {
    merchantId: string;
    timeZone: string;
    defaultMonthlyMileage?: number;
    nextInvoiceId?: number;
    nextCampaignId?: number;
  },
): Promise<void> {
  await repo.insertNetwork(deps.db, {
    merchant_id: input.merchantId,
    time_zone: input.timeZone,
    default_monthly_mileage: input.defaultMonthlyMileage ?? 1000,
    next_invoice_id: input.nextInvoiceId ?? 1,
    next_campaign_id: input.nextCampaignId ?? 1,
    next_promotion_id: 1,
    next_row_order: 1,
  });
}

export async function addMember(
  deps: Deps,
  input: {
    merchantId: string;
    memberId: number;
    posCode: string;
    tradeName: string;
    shortName: string;
    siret: string;
  },
): Promise<{ storeId: string }> {
  const store = await createStore(deps, {
    merchantId: input.merchantId,
    code: input.posCode,
    name: input.tradeName,
  });
  await repo.insertMember(deps.db, {
    store_id: store.id,
    merchant_id: input.merchantId,
    member_id: input.memberId,
    short_name: input.shortName,
    workshop_siret: input.siret,
    active: 1,
  });
  return { storeId: store.id };
}

export const bindUserToStore = (deps: Deps, userId: string, storeId: string) =>
  repo.bindUserToStore(deps.db, userId, storeId);

export const allowGrant = (deps: Deps, apiClientId: string, grant: 'password' | 'refresh_token') =>
  repo.allowGrant(deps.db, apiClientId, grant);

export async function overrideJob(
  deps: Deps,
  merchantId: string,
  jobId: number,
  override: JobOverride,
): Promise<Result<void>> {
  const problem = validateOverride(override);
  if (problem) return fail('VALIDATION_FAILED', problem);
  await repo.upsertJobOverride(deps.db, merchantId, jobId, JSON.stringify(override));
  return ok(undefined);
}

/** Back-office change of a client's flags (an SMS STOP, an unsubscribe, a manual correction). */
export async function setClientFlags(
  deps: Deps,
  merchantId: string,
  clientId: number,
  flags: {
    relanceSms?: boolean;
    relanceEmail?: boolean;
    syncPhone?: boolean;
    syncEmail?: boolean;
    privacy?: string | null;
  },
): Promise<Result<void>> {
  const b = (v: boolean | undefined) => (v === undefined ? undefined : v ? 1 : 0);
  const set = Object.fromEntries(
    Object.entries({
      sms_flag: b(flags.relanceSms),
      email_flag: b(flags.relanceEmail),
      sync_phone: b(flags.syncPhone),
      sync_email: b(flags.syncEmail),
      privacy: flags.privacy,
    }).filter(([, v]) => v !== undefined),
  );
  return withUnitOfWork(deps, async (uow) => {
    const done = await repo.updateClientFlags(uow.tx, merchantId, clientId, set);
    if (!done) return fail('CUSTOMER_NOT_FOUND');
    // The customer's channel consents and blacklist follow, so that queued messages are checked at send time.
    const c = (await repo.findClientById(uow.tx, merchantId, clientId))!;
    const a = allowed({ smsFlag: c.sms_flag === 1, emailFlag: c.email_flag === 1, privacy: c.privacy });
    await adminRepo.setCustomerContact(
      uow.tx,
      c.customer_id,
      {
        consents: JSON.stringify({ email: a.email, sms: a.sms, push: false }),
        blacklist: JSON.stringify({ email: c.email_flag !== 1, sms: c.sms_flag !== 1, push: false }),
      },
      uow.now,
    );
    return ok(undefined);
  });
}

export interface BackOfficeClient {
  storeId: string;
  civility: string | null;
  firstName: string | null;
  lastName: string;
  address1: string | null;
  postalCode: string | null;
  city: string | null;
  mobilePhone: string | null;
  email: string | null;
  plates: string[];
}

/** A client created in the back office of a member garage: no DMS id, sync flags off. */
export async function createBackOfficeClient(
  deps: Deps,
  merchantId: string,
  input: BackOfficeClient,
): Promise<Result<{ clientId: number }>> {
  const plates = input.plates.map(normalizePlate);
  if (!plates.every(isValidPlate)) return fail('PLATE_INVALID');
  return withUnitOfWork(deps, async (uow) => {
    const ref = await nextCustomerRef(uow.tx, merchantId);
    const customerId = uow.newId('cus');
    const privacy = privacyText({
      homePhone: false,
      mobilePhone: false,
      professionalPhone: false,
      email: false,
      postal: false,
    });
    const a = allowed({ smsFlag: true, emailFlag: true, privacy });
    await importRepo.insertClient(
      uow.tx,
      merchantId,
      ref,
      {
        civility: input.civility,
        first_name: input.firstName,
        last_name: input.lastName,
        address1: input.address1,
        address2: null,
        zip_code: input.postalCode,
        city: input.city,
        email: input.email,
        mobile: frenchMobile(input.mobilePhone),
        attributes: '{}',
        consents: JSON.stringify({ email: a.email, sms: a.sms, push: false }),
        blacklist: JSON.stringify({ email: false, sms: false, push: false }),
        search_text: [input.firstName, input.lastName, input.email].filter(Boolean).join(' ').toLowerCase(),
      },
      {
        customer_id: customerId,
        merchant_id: merchantId,
        client_id: ref,
        store_id: input.storeId,
        workshop_siret: null,
        dms_id: null,
        civility: input.civility,
        last_name: input.lastName,
        first_name: input.firstName,
        company: null,
        address1: input.address1,
        address2: null,
        postal_code: input.postalCode,
        city: input.city,
        home_phone: null,
        mobile_phone: input.mobilePhone,
        pro_phone: null,
        email: input.email,
        privacy,
        sms_flag: 1,
        email_flag: 1,
        sync_phone: 0,
        sync_email: 0,
        updated_at: uow.now,
      },
      uow.now,
    );
    for (const plate of plates) {
      await importRepo.ensureVehicle(uow.tx, merchantId, plate, uow.now);
      await importRepo.linkClientVehicle(uow.tx, merchantId, customerId, plate, 'back_office');
    }
    return ok({ clientId: ref });
  });
}
