/**
 * Demo users of the CashDesk dialect (HTTP Basic): the seed's aladdin / opensesame as administrator, and one
 * user per other role, so that the block and unblock reason matrices can be tried role by role. The cards in
 * each CashDesk status are DEMO_CARDS of demo-loyalty.ts.
 */
import type { Deps, Role } from '../../../app/context.js';
import { createUser } from '../../../app/tenancy/tenancy.js';

export const CASHDESK_USERS: readonly { login: string; password: string; role: Role }[] = [
  { login: 'aladdin', password: 'opensesame', role: 'administrator' },
  { login: 'cd-director', password: 'director', role: 'director' },
  { login: 'cd-senior', password: 'senior', role: 'senior_employee' },
  { login: 'cd-marketer', password: 'marketer', role: 'marketer' },
  { login: 'cd-operator', password: 'operator', role: 'cc_operator' },
  { login: 'cd-cashier', password: 'cashier', role: 'cashier' },
  { login: 'cd-client', password: 'client', role: 'client' },
];

export async function loadDemoCashDesk(deps: Deps, merchantId: string): Promise<void> {
  for (const user of CASHDESK_USERS) {
    const created = await createUser(deps, { ...user, merchantId });
    if (!created.ok) throw new Error(`demo CashDesk user ${user.login}: ${created.code}`);
  }
}
