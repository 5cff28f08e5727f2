/**
 * Fidelisa demo data, so the seed's examples run as written: provider DEMOPROVIDER (key demo-provider-key)
 * owns the demo merchant as shop 619E8B5AAD5E48138881C5E7774C86B2 (key FrZN6UChpqXBRKVExXVB,
 * test3@fidelisa.com); the seed's uuids name the demo programs, Pierre Martin and his card, CATHERINE SOUPE,
 * and a gift of 100 points, "10€ de bon d’achat".
 */
import { insertAlias } from '../../../db/repos/aliases.repo.js';
import { findCardByNumber } from '../../../db/repos/cards.repo.js';
import { findCustomer } from '../../../db/repos/customers.repo.js';
import { findProgram } from '../../../db/repos/programs.repo.js';
import type { Deps } from '../../../app/context.js';
import { createGift } from '../../../app/rewards/gifts.js';
import { setMerchantIdentity, setProviderKey } from '../../../db/repos/tenancy.repo.js';
import { createProvider } from '../../../app/tenancy/tenancy.js';
import { DEMO_CARDS } from '../../../app/demo/demo-loyalty.js';
import { FIDELISA_KINDS, type FidelisaKind } from '../use-cases/aliases.js';

export const DEMO_FIDELISA = {
  provider: { code: 'DEMOPROVIDER', key: 'demo-provider-key' },
  shop: {
    uuid: '619E8B5AAD5E48138881C5E7774C86B2',
    key: 'FrZN6UChpqXBRKVExXVB',
    email: 'test3@fidelisa.com',
  },
  programs: { VIP: '67B222DC2A92672CA8E9D2C6DCB785CB', PRIV: '8853A37D20967C9E099184814805AC31' },
  pierre: 'FD39A1AA85AC4F3FB977DEA5A5786263',
  catherine: 'D407587D800ECC6C629A52CD204C6E61',
  pierreCard: '1DA03451947C4B91A0EAE4099AD01E26',
  gift: { uuid: 'AZEFDFD39A1AA85AC423JJL34NEZOJ3E', title: '10€ de bon d’achat', points: 100 },
} as const;

/** Gives a record a chosen Fidelisa uuid (alias kind fidelisa.<kind>). */
function setUuid(deps: Deps, merchantId: string, kind: FidelisaKind, targetId: string, alias: string) {
  return insertAlias(deps.db, {
    merchantId,
    kind: FIDELISA_KINDS[kind],
    alias,
    targetId,
    now: deps.now().toISOString(),
  });
}

function must<T>(what: string, value: T | undefined): T {
  if (value === undefined) throw new Error(`demo fidelisa: ${what} is missing`);
  return value;
}

/** Loads the Fidelisa provider, shop keys and uuids of the demo merchant (called once, with the demo). */
export async function loadDemoFidelisa(deps: Deps, merchantId: string): Promise<void> {
  const d = DEMO_FIDELISA;
  const provider = await createProvider(deps, { code: d.provider.code, name: 'Demo Fidelisa provider' });
  await setProviderKey(deps.db, provider.id, d.provider.key);
  await setMerchantIdentity(deps.db, merchantId, {
    providerId: provider.id,
    apiKey: d.shop.key,
    contactEmail: d.shop.email,
  });
  await setUuid(deps, merchantId, 'shop', merchantId, d.shop.uuid);
  for (const [code, uuid] of Object.entries(d.programs)) {
    const program = must(`program ${code}`, await findProgram(deps.db, merchantId, { code }));
    await setUuid(deps, merchantId, 'program', program.id, uuid);
  }
  const pierre = must('Pierre Martin', await findCustomer(deps.db, merchantId, { customerCode: 'FID-0001' }));
  const catherine = must('CATHERINE SOUPE', await findCustomer(deps.db, merchantId, { ref: 634509 }));
  await setUuid(deps, merchantId, 'customer', pierre.id, d.pierre);
  await setUuid(deps, merchantId, 'customer', catherine.id, d.catherine);
  const card = must('card', await findCardByNumber(deps.db, merchantId, DEMO_CARDS.withPoints));
  await setUuid(deps, merchantId, 'card', card.id, d.pierreCard);
  const vip = must('program VIP', await findProgram(deps.db, merchantId, { code: 'VIP' }));
  const gift = await createGift(deps, merchantId, {
    title: d.gift.title,
    pointsCost: d.gift.points,
    programId: vip.id,
  });
  if (!gift.ok) throw new Error(`demo fidelisa gift: ${gift.code}`);
  await setUuid(deps, merchantId, 'gift', gift.value.id, d.gift.uuid);
}
