/**
 * Running the automations, from the job runner: for each enabled automation, the occasions of the moment
 * (today's birthdays, points expiring within daysBefore days, customers enrolled and tiers reached in the
 * last week since the automation exists) become one message each. The occasion is the message's
 * idempotency key (`automation:birthday:2026:cus_…`, `automation:points_expiring:card_…:2026-12-31`,
 * `automation:welcome:cus_…`, `automation:tier_reached:evt_…`), unique per merchant: two processes, or a
 * run repeated, write it once. A birthday voucher is issued in the same transaction as its message, so it
 * is issued once too.
 */
import { isLeapYear } from '../../core/calendar.js';
import type { TemplateValues } from '../../core/messaging/template.js';
import * as repo from '../../db/repos/automations.repo.js';
import { cardsOfCustomer } from '../../db/repos/cards.repo.js';
import { insertOutboxMessage } from '../../db/repos/outbox.repo.js';
import { inTransaction } from '../../db/transaction.js';
import type { Deps } from '../context.js';
import { newId } from '../ids.js';
import { issueVoucher } from '../rewards/issue-voucher.js';
import type { BirthdayVoucher } from './automations.js';

const WEEK_MS = 7 * 86_400_000;

interface Occasion {
  key: string;
  customerId: string;
  variables: TemplateValues;
}

class AlreadyDone extends Error {}

export async function runAutomations(deps: Deps): Promise<{ messages: number }> {
  let messages = 0;
  for (const automation of await repo.enabledAutomations(deps.db)) {
    const occasions = await occasionsOf(deps, automation);
    const used = await repo.usedKeys(
      deps.db,
      automation.merchant_id,
      occasions.map((o) => o.key),
    );
    for (const occasion of occasions) {
      if (used.has(occasion.key)) continue;
      if (await fire(deps, automation, occasion)) messages += 1;
    }
  }
  return { messages };
}

async function occasionsOf(deps: Deps, a: repo.AutomationRow): Promise<Occasion[]> {
  const now = deps.now();
  const merchantId = a.merchant_id;
  const since = new Date(Math.max(Date.parse(a.created_at), now.getTime() - WEEK_MS)).toISOString();
  const prefix = `automation:${a.kind}`;
  switch (a.kind) {
    case 'birthday': {
      const month = now.getUTCMonth() + 1;
      const day = now.getUTCDate();
      const year = now.getUTCFullYear();
      // Born on 29 February: celebrated on the 28th in other years.
      const days = month === 2 && day === 28 && !isLeapYear(year) ? [28, 29] : [day];
      const rows = await repo.birthdays(deps.db, merchantId, month, days);
      return rows.map((r) => ({ key: `${prefix}:${year}:${r.id}`, customerId: r.id, variables: {} }));
    }
    case 'points_expiring': {
      const until = new Date(now.getTime() + Number(a.days_before ?? 0) * 86_400_000).toISOString();
      const rows = await repo.expiringPoints(deps.db, merchantId, now.toISOString(), until);
      return rows.map((r) => ({
        key: `${prefix}:${r.card_id}:${r.day}`,
        customerId: r.customer_id,
        variables: { 'expiring.points': r.points, 'expiring.date': r.day },
      }));
    }
    case 'welcome': {
      const rows = await repo.newCustomers(deps.db, merchantId, since);
      return rows.map((r) => ({ key: `${prefix}:${r.id}`, customerId: r.id, variables: {} }));
    }
    case 'tier_reached': {
      const rows = await repo.eventsSince(deps.db, merchantId, 'tier.reached', since);
      const out: Occasion[] = [];
      for (const row of rows) {
        const data = JSON.parse(row.payload) as {
          customerId?: string | null;
          step?: { label?: string; index?: number };
        };
        if (!data.customerId) continue;
        out.push({
          key: `${prefix}:${row.id}`,
          customerId: data.customerId,
          variables: {
            'tier.name':
              data.step?.label ?? (data.step?.index === undefined ? null : String(data.step.index)),
          },
        });
      }
      return out;
    }
    default:
      return [];
  }
}

/** Writes the occasion's message (and voucher) once; false when another run already did. */
async function fire(deps: Deps, a: repo.AutomationRow, o: Occasion): Promise<boolean> {
  const now = deps.now().toISOString();
  const voucher = a.voucher ? (JSON.parse(a.voucher) as BirthdayVoucher) : null;
  const card = voucher
    ? (await cardsOfCustomer(deps.db, a.merchant_id, o.customerId)).find((c) => c.status === 'active')
    : undefined;
  try {
    return await inTransaction(deps.db, async (tx) => {
      let variables = o.variables;
      if (voucher) {
        const validUntil = new Date(Date.parse(now) + voucher.validDays * 86_400_000).toISOString();
        const issued = await issueVoucher(tx, {
          merchantId: a.merchant_id,
          cardId: card?.id ?? null,
          customerId: o.customerId,
          kind: voucher.kind,
          value: voucher.value,
          options: [],
          label: 'Birthday',
          splittable: false,
          validFrom: now,
          validUntil,
          source: 'birthday',
          now,
        });
        if (!issued.ok) throw new Error(`birthday voucher: ${issued.code} ${issued.message ?? ''}`);
        variables = {
          ...variables,
          'voucher.number': issued.value.number,
          'voucher.amount': voucher.value,
          'voucher.validUntil': validUntil.slice(0, 10),
        };
      }
      const inserted = await insertOutboxMessage(tx, {
        id: newId('msg'),
        merchant_id: a.merchant_id,
        channel: a.channel,
        recipients: JSON.stringify([o.customerId]),
        customer_id: o.customerId,
        subject: null,
        body: '',
        status: 'pending',
        source: `automation:${a.kind}`,
        template: a.template,
        language: a.language,
        variables: JSON.stringify(variables),
        idempotency_key: o.key,
        created_at: now,
        next_attempt_at: now,
        url: null,
      });
      if (!inserted) throw new AlreadyDone(); // rolls the voucher back
      return true;
    });
  } catch (e) {
    if (e instanceof AlreadyDone) return false;
    throw e;
  }
}
