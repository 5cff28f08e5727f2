/**
 * The demo vehicles network `trif` (spec/mmp.md §8): fixtures, the two import batches through the import
 * use-case, then client flags, a back-office client and the stored campaigns; and a second network `autre`
 * with a user and no data (for refusals).
 */
import { nextCustomerRef } from '../../../db/repos/customers.repo.js';
import type { Deps } from '../../../app/context.js';
import { createApiClient, createMerchant, createUser } from '../../../app/tenancy/tenancy.js';
import { recordCampaign, type HistoryCampaign } from '../../../app/vehicles/campaign-history.js';
import { textSource } from '../../../app/vehicles/csv-records.js';
import { importClientsInvoices } from '../../../app/vehicles/import-clients-invoices.js';
import { findNetwork } from '../../../app/vehicles/network.js';
import {
  addMember,
  allowGrant,
  bindUserToStore,
  createBackOfficeClient,
  createNetwork,
  overrideJob,
  setClientFlags,
} from '../../../app/vehicles/setup.js';
import { BATCH_1, BATCH_2 } from './batches.js';
import { DEMO_CAMPAIGNS } from './campaigns.js';

export const VEHICLES_DEMO = {
  network: 'trif',
  otherNetwork: 'autre',
  client: { id: '2', secret: 'mmp-demo-secret' },
  networkUser: { login: 'my-personnal-account@domainmail.com', password: 'demo-password' },
  memberUser: { login: 'atelier.417728cz@domainmail.com', password: 'demo-password', memberId: 78612 },
  otherUser: { login: 'other-network@domainmail.com', password: 'demo-password' },
} as const;

const MEMBERS = [
  {
    memberId: 57525,
    posCode: '920150',
    tradeName: 'H2N AUTOMOBILE',
    shortName: 'H2N AUTOMOBILE',
    siret: '81234567800013',
  },
  {
    memberId: 78612,
    posCode: '417728CZ',
    tradeName: 'SAS GARAGE DU PONT',
    shortName: 'SAS GARAGE',
    siret: '32635721700024',
  },
  {
    memberId: 78650,
    posCode: '6768ZED',
    tradeName: 'SAS GARAGE DES LILAS',
    shortName: 'SAS GARAGE ',
    siret: '53278430100014',
  },
];

const must = <T>(what: string, r: { ok: true; value: T } | { ok: false; code: string }): T => {
  if (!r.ok) throw new Error(`demo vehicles, ${what}: ${r.code}`);
  return r.value;
};

export async function loadDemoVehicles(deps: Deps): Promise<void> {
  const trif = await createMerchant(deps, { slug: VEHICLES_DEMO.network, name: 'TRIF', currency: 'EUR' });
  // The next clientId is 58445956 (spec/mmp.md §8.2): reserving 58445955 moves the sequence past it.
  await nextCustomerRef(deps.db, trif.id, 58445955);
  await createNetwork(deps, {
    merchantId: trif.id,
    timeZone: 'Europe/Paris',
    nextInvoiceId: 35129721,
    nextCampaignId: 1500,
  });
  const stores = new Map<number, string>();
  for (const m of MEMBERS)
    stores.set(m.memberId, (await addMember(deps, { merchantId: trif.id, ...m })).storeId);
  must('override', await overrideJob(deps, trif.id, 4, { intervalKm: 200_000 }));

  const client = must(
    'client',
    await createApiClient(deps, {
      name: 'MMP Vision 360',
      role: 'client',
      merchantId: trif.id,
      clientId: VEHICLES_DEMO.client.id,
      clientSecret: VEHICLES_DEMO.client.secret,
    }),
  );
  await allowGrant(deps, client.id, 'password');
  await allowGrant(deps, client.id, 'refresh_token');
  const { networkUser, memberUser, otherUser } = VEHICLES_DEMO;
  must('network user', await createUser(deps, { ...networkUser, role: 'director', merchantId: trif.id }));
  const member = must(
    'member user',
    await createUser(deps, { ...memberUser, role: 'senior_employee', merchantId: trif.id }),
  );
  await bindUserToStore(deps, member.id, stores.get(memberUser.memberId)!);

  const network = (await findNetwork(deps, VEHICLES_DEMO.network))!;
  for (const batch of [BATCH_1, BATCH_2]) {
    const outcome = must(
      `batch ${batch.organizationId}`,
      await importClientsInvoices(deps, {
        network,
        storeId: stores.get(batch.organizationId)!,
        createdBy: null,
        fileName: `batch-${batch.organizationId}.zip`,
        sha256: null,
        open: async () => ({
          archive: { clients: textSource(batch.clients), factures: textSource(batch.factures) },
        }),
      }),
    );
    if (outcome.status !== 'accepted')
      throw new Error(`demo batch ${batch.organizationId}: ${JSON.stringify(outcome.issues)}`);
  }
  must('flags', await setClientFlags(deps, trif.id, 58445956, { relanceSms: false, syncPhone: false }));
  must('flags', await setClientFlags(deps, trif.id, 58445960, { relanceEmail: false, syncEmail: false }));
  must(
    'back-office client',
    await createBackOfficeClient(deps, trif.id, {
      storeId: stores.get(57525)!,
      civility: 'Mr',
      firstName: null,
      lastName: 'DUPONT',
      address1: '12 RUE DES ECOLES',
      postalCode: '55200',
      city: 'COMMERCY',
      mobilePhone: '0612345678',
      email: null,
      plates: ['ABC123'],
    }),
  );
  for (const c of DEMO_CAMPAIGNS) {
    const campaign: HistoryCampaign = { ...c, storeId: stores.get(c.memberId)! };
    await recordCampaign(deps, trif.id, campaign);
  }

  const autre = await createMerchant(deps, {
    slug: VEHICLES_DEMO.otherNetwork,
    name: 'AUTRE',
    currency: 'EUR',
  });
  await createNetwork(deps, { merchantId: autre.id, timeZone: 'Europe/Paris' });
  must('other user', await createUser(deps, { ...otherUser, role: 'director', merchantId: autre.id }));
}
