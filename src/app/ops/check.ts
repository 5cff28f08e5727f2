import { sql } from 'kysely';
import type { Deps } from '../context.js';

export interface CheckReport {
  ok: boolean;
  lines: string[];
}

export interface Check {
  name: string;
  /** A query counting the rows that break the invariant. */
  count(deps: Deps): Promise<number>;
}

/** A check whose query counts the rows that break it. */
function countingCheck(name: string, query: ReturnType<typeof sql<{ n: number }>>): Check {
  return {
    name,
    count: async (deps) => Number((await query.execute(deps.db)).rows[0]?.n ?? 0),
  };
}

/** A JSON text holding a customer's personal field with a value (as /v1 and the dialects name them). */
const PERSONAL_FIELDS = (column: string) => {
  const text = sql`lower(${sql.raw(column)})`;
  return sql`(${sql.join(
    ['"lastname":"', '"firstname":"', '"email":"', '"mobile":"', '"phone":"', '"birthyear":'].map(
      (field) => sql`${text} like ${`%${field}%`}`,
    ),
    sql` or `,
  )})`;
};

const CHECKS: Check[] = [
  countingCheck(
    'cards belong to a customer of their own merchant',
    sql<{ n: number }>`select count(*) as n from cards c join customers u on u.id = c.customer_id
          where u.merchant_id <> c.merchant_id`,
  ),
  countingCheck(
    'sponsors (godfathers) are customers of the same merchant',
    sql<{ n: number }>`select count(*) as n from customers c join customers g on g.id = c.godfather_id
          where g.merchant_id <> c.merchant_id or g.id = c.id`,
  ),
  countingCheck(
    'erased customers hold no personal data',
    sql<{ n: number }>`select count(*) as n from customers where erased_at is not null and
          (first_name is not null or last_name is not null or email is not null or mobile is not null
           or phone is not null or address1 is not null or address2 is not null or address3 is not null
           or address4 is not null or birth_year is not null or customer_code is not null
           or identification_number is not null)`,
  ),
  countingCheck(
    "stored answers, log entries, messages and webhook events naming an erased customer hold none of a customer's personal fields",
    sql<{ n: number }>`select
      (select count(*) from customers c join idempotency_keys k on k.response_body like '%' || c.id || '%'
        where c.erased_at is not null and ${PERSONAL_FIELDS('k.response_body')})
      + (select count(*) from customers c join integration_log l on l.merchant_id = c.merchant_id
          and (l.request_body like '%' || c.id || '%' or l.response_body like '%' || c.id || '%')
        where c.erased_at is not null
          and (${PERSONAL_FIELDS('l.request_body')} or ${PERSONAL_FIELDS('l.response_body')}))
      + (select count(*) from customers c join outbox_messages m on m.customer_id = c.id
        where c.erased_at is not null and (m.body <> '' or m.subject is not null or m.html is not null
          or m.variables is not null or m.recipients <> '[]'))
      + (select count(*) from customers c join outbox_messages m on m.merchant_id = c.merchant_id
          and m.body like '%' || c.id || '%'
        where c.erased_at is not null and ${PERSONAL_FIELDS('m.body')})
      + (select count(*) from customers c join webhook_events e on e.merchant_id = c.merchant_id
          and e.payload like '%' || c.id || '%'
        where c.erased_at is not null and ${PERSONAL_FIELDS('e.payload')}) as n`,
  ),
  countingCheck(
    'terminals belong to a store of their own merchant',
    sql<{ n: number }>`select count(*) as n from terminals t join stores s on s.id = t.store_id
          where s.merchant_id <> t.merchant_id`,
  ),
];

/** Verifies the database invariants; each failed check names how many rows break it. */
export async function runChecks(deps: Deps, extra: Check[] = []): Promise<CheckReport> {
  const lines: string[] = [];
  let ok = true;
  for (const check of [...CHECKS, ...extra]) {
    const broken = await check.count(deps);
    if (broken > 0) ok = false;
    lines.push(`${broken === 0 ? 'ok  ' : 'FAIL'} ${check.name}${broken ? ` (${broken} rows)` : ''}`);
  }
  lines.push(ok ? 'All checks passed.' : 'Some checks failed.');
  return { ok, lines };
}
