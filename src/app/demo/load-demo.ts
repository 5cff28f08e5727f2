import type { CustomerInput } from '../../core/customer/customer.js';
import type { Deps } from '../context.js';
import { createCustomer } from '../customers/customers.js';
import { loadDemoAvomark } from '../../dialects/avomark/demo/demo-avomark.js';
import { loadDemoCashDesk } from '../../dialects/cashdesk/demo/demo-cashdesk.js';
import { loadDemoFidelisa } from '../../dialects/fidelisa/demo/demo-fidelisa.js';
import { loadDemoPromo } from '../../dialects/promo/demo/demo-promo.js';
import { loadDemoPromoLoading } from '../../dialects/promo/demo/demo-promo-loading.js';
import { loadDemoPromotions } from './demo-promotions.js';
import { loadDemoLoyalty } from './demo-loyalty.js';
import { loadDemoRewards } from './demo-rewards.js';
import { loadDemoVehicles } from '../../dialects/mmp/demo/demo-vehicles.js';
import {
  createApiClient,
  createMerchant,
  createStore,
  createTerminal,
  createUser,
  findMerchantBySlug,
} from '../tenancy/tenancy.js';

export const DEMO = {
  merchant: 'demo',
  client: { id: 'demo-pos', secret: 'demo-secret' },
  admin: { login: 'admin@demo.test', password: 'demo-admin' },
} as const;

interface DemoCustomer {
  ref?: number;
  input: CustomerInput;
}

const CUSTOMERS: DemoCustomer[] = [
  {
    ref: 634509,
    input: {
      civility: 'MME',
      lastName: 'SOUPE',
      firstName: 'CATHERINE',
      mobile: '+33673000001',
      birthDay: 1,
      birthMonth: 11,
      birthYear: 1974,
      source: 'FICHER DOME FLEUR',
      address: { line3: '159 AVENUE', zipCode: '63000', city: 'CLERMONT FERRAND', country: 'FRANCE' },
    },
  },
  {
    input: {
      civility: 'M',
      lastName: 'Martin',
      firstName: 'Pierre',
      email: 'client@monmail.com',
      mobile: '+33612345678',
      customerCode: 'FID-0001',
      consents: { email: true, sms: true },
      address: { line1: '12 rue de la Paix', zipCode: '75002', city: 'Paris', country: 'FR' },
    },
  },
  {
    input: {
      civility: 'MONSIEUR',
      lastName: 'Laffargue',
      firstName: 'Xavier',
      phone: '+33562010203',
      mobile: '+14507601235',
      email: 'x.laffargue@example.com',
      birthDay: 30,
      birthMonth: 3,
      birthYear: 1993,
      address: {
        line1: 'Porte 1',
        line2: 'Résidence',
        line3: '11 rue marc sangnier',
        line4: 'Lieu dit',
        zipCode: '33700',
        city: 'Mérignac',
        country: 'FRANCE',
      },
    },
  },
  {
    input: {
      civility: 'MME',
      lastName: 'Durand',
      firstName: 'Sophie',
      gender: 'female',
      mobile: '+33698765432',
      email: 'sophie.durand@example.com',
      customerCode: 'C-1002',
      identificationType: 'passport',
      identificationNumber: '19FR12345',
      birthMonth: 6,
      consents: { email: true, sms: false, push: true },
    },
  },
  {
    input: {
      lastName: 'Nguyen',
      firstName: 'Linh',
      mobile: '+33755512345',
      customerType: 'professional',
      attributes: { company: 'Fleurs & Co', vip: true },
    },
  },
];

/** Loads the demo merchant, its stores, terminals, credentials and customers. Does nothing if it exists. */
export async function loadDemo(deps: Deps): Promise<{ created: boolean }> {
  if (await findMerchantBySlug(deps, DEMO.merchant)) return { created: false };
  const merchant = await createMerchant(deps, { slug: DEMO.merchant, name: 'Demo Retail', currency: 'EUR' });
  const paris = await createStore(deps, {
    merchantId: merchant.id,
    code: 'PARIS-01',
    name: 'Paris Opéra',
    region: 'Île-de-France',
  });
  const clermont = await createStore(deps, {
    merchantId: merchant.id,
    code: 'CLF-01',
    name: 'Clermont-Ferrand Jaude',
    region: 'Auvergne-Rhône-Alpes',
  });
  await createTerminal(deps, { merchantId: merchant.id, storeId: paris.id, code: '1', name: 'Paris till 1' });
  await createTerminal(deps, { merchantId: merchant.id, storeId: paris.id, code: '2', name: 'Paris till 2' });
  await createTerminal(deps, {
    merchantId: merchant.id,
    storeId: clermont.id,
    code: '3',
    name: 'Clermont till 1',
  });

  const client = await createApiClient(deps, {
    name: 'Demo POS',
    role: 'cashier',
    merchantId: merchant.id,
    clientId: DEMO.client.id,
    clientSecret: DEMO.client.secret,
  });
  if (!client.ok) throw new Error(`demo client: ${client.code}`);
  const admin = await createUser(deps, {
    login: DEMO.admin.login,
    email: DEMO.admin.login,
    password: DEMO.admin.password,
    role: 'administrator',
    merchantId: merchant.id,
  });
  if (!admin.ok) throw new Error(`demo admin: ${admin.code}`);

  for (const customer of CUSTOMERS) {
    const created = await createCustomer(
      deps,
      merchant.id,
      customer.input,
      customer.ref ? { ref: customer.ref } : {},
    );
    if (!created.ok)
      throw new Error(`demo customer ${customer.input.lastName}: ${created.code} ${created.message ?? ''}`);
  }
  await loadDemoRewards(deps, merchant.id);
  await loadDemoLoyalty(deps, merchant.id);
  await loadDemoCashDesk(deps, merchant.id);
  await loadDemoAvomark(deps, merchant.id);
  await loadDemoFidelisa(deps, merchant.id);
  await loadDemoPromotions(deps, merchant.id);
  await loadDemoVehicles(deps);
  await loadDemoPromo(deps);
  await loadDemoPromoLoading(deps);
  return { created: true };
}
