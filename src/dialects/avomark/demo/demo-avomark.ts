/**
 * Demo data for the Avomark API360 dialect, so the guide's examples run as written: the user demo / demo
 * (a till: role cashier) on terminal 1, the shop id 2928 of the balance example, the card 23301090783 of
 * the customer-creation example (new, not yet given to anyone), and the card 13858466021 of the step
 * example, whose purchases (600 €) reached the first step of the Carte VIP.
 */
import { insertCards } from '../../../db/repos/cards.repo.js';
import { findCustomer } from '../../../db/repos/customers.repo.js';
import { insertAlias } from '../../../db/repos/aliases.repo.js';
import { findProgram } from '../../../db/repos/programs.repo.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Caller, Deps } from '../../../app/context.js';
import { newId } from '../../../app/ids.js';
import { postSale } from '../../../app/sales/post-sale.js';
import { createUser } from '../../../app/tenancy/tenancy.js';

export const DEMO_AVOMARK = {
  user: { login: 'demo', password: 'demo' },
  terminal: '1',
  shopId: 2928,
  /** The card of the guide's customer-creation example: new, unassigned. */
  newCard: '23301090783',
  /** The card of the guide's step example: step 1 reached, its reward not yet generated. */
  stepCard: '13858466021',
} as const;

export async function loadDemoAvomark(deps: Deps, merchantId: string): Promise<void> {
  const user = await createUser(deps, {
    login: DEMO_AVOMARK.user.login,
    password: DEMO_AVOMARK.user.password,
    role: 'cashier',
    merchantId,
  });
  if (!user.ok) throw new Error(`demo avomark user: ${user.code}`);
  const now = deps.now().toISOString();
  await insertAlias(deps.db, {
    merchantId,
    kind: 'avomark.shop',
    alias: String(DEMO_AVOMARK.shopId),
    targetId: merchantId,
    now,
  });

  const vip = await findProgram(deps.db, merchantId, { code: 'VIP' });
  const holder = await findCustomer(deps.db, merchantId, { mobile: '+33755512345' });
  if (!vip || !holder) throw new Error('demo avomark: the VIP program or customer Nguyen is missing');
  // Seed numbers, stored as given (they need not fit the program's number format), like demo-loyalty's.
  await inTransaction(deps.db, (tx) =>
    insertCards(tx, [
      {
        id: newId('card'),
        merchantId,
        programId: vip.id,
        number: DEMO_AVOMARK.newCard,
        status: 'new',
        customerId: null,
        issuedAt: null,
        activatedAt: null,
        now,
      },
      {
        id: newId('card'),
        merchantId,
        programId: vip.id,
        number: DEMO_AVOMARK.stepCard,
        status: 'active',
        customerId: holder.id,
        issuedAt: now,
        activatedAt: now,
        now,
      },
    ]),
  );
  const caller: Caller = {
    principalKind: 'user',
    principalId: user.value.id,
    merchantId,
    providerId: null,
    role: 'cashier',
    terminalId: null,
  };
  const sale = await postSale(deps, caller, merchantId, {
    receipt: 'DEMO-AVOMARK-STEP-1',
    date: now,
    storeCode: 'PARIS-01',
    terminalCode: DEMO_AVOMARK.terminal,
    cardNumber: DEMO_AVOMARK.stepCard,
    lines: [
      {
        operation: 'purchase',
        itemCode: 'DEMO',
        itemLabel: 'Salon de jardin',
        category: 8,
        amount: 60_000,
        quantity: 1,
      },
    ],
  });
  if (!sale.ok) throw new Error(`demo avomark sale: ${sale.code}`);
}
