/** Shared set-up of the CashDesk dialect tests: Basic credentials of the demo users, fresh cards and contacts. */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../../app/context.js';
import { createCustomer } from '../../../app/customers/customers.js';
import { CASHDESK_USERS } from '../demo/demo-cashdesk.js';
import { createBatch } from '../../../app/cards/cards-batch.js';
import { activate, bind, block, issue } from '../../../app/cards/cards-lifecycle.js';
import type { Harness } from '../../../../test/support/harness.js';

export const basic = (login: string, password: string): string =>
  `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`;

export function userOf(role: Role): { login: string; password: string } {
  const user = CASHDESK_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`no CashDesk demo user for ${role}`);
  return user;
}

export type CardState = 'new' | 'issued' | 'bound' | 'active' | 'blocked';

export interface Fixtures {
  /** A CashDesk call as a demo user of `role` (path relative to /cashdesk/api/card). */
  call(role: Role, options: InjectOptions & { url: string }): Promise<LightMyRequestResponse>;
  /** A new contact with a unique mobile; `complete: false` leaves out the first name the VIP card requires. */
  contact(options?: { complete?: boolean; code?: string }): Promise<{ id: string; mobile: string }>;
  /** A fresh VIP card in `state` (bound states get a fresh contact); blocked cards are blocked for loss. */
  card(
    state: CardState,
    options?: { blockedBy?: Role; reason?: number },
  ): Promise<{ number: string; mobile: string | null }>;
}

let mobileSerial = 0;

export function fixtures(h: Harness): Fixtures {
  const programId = async () => {
    const row = await h.deps.db
      .selectFrom('programs')
      .select('id')
      .where('merchant_id', '=', h.merchantId)
      .where('code', '=', 'VIP')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const must = <T>(what: string, r: { ok: true; value: T } | { ok: false; code: string }): T => {
    if (!r.ok) throw new Error(`${what}: ${r.code}`);
    return r.value;
  };
  const contact: Fixtures['contact'] = async (options = {}) => {
    mobileSerial += 1;
    const mobile = `+33660${String(mobileSerial).padStart(6, '0')}`;
    const created = must(
      'contact',
      await createCustomer(h.deps, h.merchantId, {
        lastName: 'Tester',
        ...(options.complete === false ? {} : { firstName: 'Tina' }),
        mobile,
        ...(options.code ? { customerCode: options.code } : {}),
      }),
    );
    return { id: created.id, mobile: created.data.mobile ?? mobile };
  };
  return {
    call: (role, options) => {
      const user = userOf(role);
      return h.app.inject({
        ...options,
        url: `/cashdesk/api/card${options.url}`,
        headers: { ...(options.headers ?? {}), authorization: basic(user.login, user.password) },
      });
    },
    contact,
    card: async (state, options = {}) => {
      const batch = must(
        'batch',
        await createBatch(h.deps, h.merchantId, { programId: await programId(), count: 1 }),
      );
      const number = batch.numbers[0]!;
      if (state === 'new') return { number, mobile: null };
      must('issue', await issue(h.deps, h.merchantId, number));
      if (state === 'issued') return { number, mobile: null };
      const holder = await contact();
      must('bind', await bind(h.deps, h.merchantId, number, { customerId: holder.id }));
      if (state === 'bound') return { number, mobile: holder.mobile };
      must('activate', await activate(h.deps, h.merchantId, number));
      if (state === 'blocked') {
        const role = options.blockedBy ?? 'administrator';
        const caller = {
          principalKind: 'user' as const,
          principalId: 'test',
          merchantId: h.merchantId,
          providerId: null,
          role,
          terminalId: null,
        };
        must('block', await block(h.deps, caller, h.merchantId, number, { reasonCode: options.reason ?? 0 }));
      }
      return { number, mobile: holder.mobile };
    },
  };
}
