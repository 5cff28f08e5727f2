import { sql, type Kysely, type Selectable } from 'kysely';
import type { CustomerData, CustomerRecord } from '../../core/customer/customer.js';
import type { CustomerTable } from '../schema/index.js';
import type { DB } from '../schema/index.js';
import { hotQuery } from '../hot.js';

export type { CustomerRecord };

type Row = Selectable<CustomerTable>;

const bool = (v: number | boolean) => v === 1 || v === true;

function parseJson<T>(raw: string, fallback: T): T {
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}

export function rowToRecord(row: Row, cards: string[]): CustomerRecord {
  return {
    id: row.id,
    merchantId: row.merchant_id,
    ref: Number(row.ref),
    cards,
    erasedAt: row.erased_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    data: {
      civility: row.civility,
      firstName: row.first_name,
      lastName: row.last_name,
      gender: row.gender as CustomerData['gender'],
      birthDay: row.birth_day,
      birthMonth: row.birth_month,
      birthYear: row.birth_year,
      mobile: row.mobile,
      phone: row.phone,
      email: row.email,
      address: {
        line1: row.address1,
        line2: row.address2,
        line3: row.address3,
        line4: row.address4,
        zipCode: row.zip_code,
        city: row.city,
        country: row.country,
      },
      customerType: row.customer_type,
      identificationType: row.identification_type,
      identificationNumber: row.identification_number,
      customerCode: row.customer_code,
      attributes: parseJson(row.attributes, {}),
      consents: parseJson(row.consents, { email: false, sms: false, push: false }),
      blacklist: parseJson(row.blacklist, { email: false, sms: false, push: false }),
      source: row.source,
      noFidelity: bool(row.no_fidelity),
      active: bool(row.active),
      godfatherId: row.godfather_id,
    },
  };
}

/** The columns that hold a customer's data. */
export function dataToColumns(data: CustomerData, searchText: string) {
  return {
    civility: data.civility,
    first_name: data.firstName,
    last_name: data.lastName,
    gender: data.gender,
    birth_day: data.birthDay,
    birth_month: data.birthMonth,
    birth_year: data.birthYear,
    mobile: data.mobile,
    phone: data.phone,
    email: data.email,
    address1: data.address.line1,
    address2: data.address.line2,
    address3: data.address.line3,
    address4: data.address.line4,
    zip_code: data.address.zipCode,
    city: data.address.city,
    country: data.address.country,
    customer_type: data.customerType,
    identification_type: data.identificationType,
    identification_number: data.identificationNumber,
    customer_code: data.customerCode,
    attributes: JSON.stringify(data.attributes),
    consents: JSON.stringify(data.consents),
    blacklist: JSON.stringify(data.blacklist),
    source: data.source,
    no_fidelity: data.noFidelity ? 1 : 0,
    active: data.active ? 1 : 0,
    godfather_id: data.godfatherId,
    search_text: searchText,
  };
}

const cardNumbersOfOne = hotQuery((db, customerId: string) =>
  db
    .selectFrom('cards')
    .select(['customer_id', 'number'])
    .where('customer_id', '=', customerId)
    .orderBy('id'),
);

export async function cardNumbersOf(db: Kysely<DB>, customerIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (customerIds.length === 0) return out;
  const rows =
    customerIds.length === 1
      ? (await cardNumbersOfOne(db, customerIds[0]!)).rows
      : await db
          .selectFrom('cards')
          .select(['customer_id', 'number'])
          .where('customer_id', 'in', customerIds)
          .orderBy('id')
          .execute();
  for (const row of rows) {
    if (!row.customer_id) continue;
    const list = out.get(row.customer_id) ?? [];
    list.push(row.number);
    out.set(row.customer_id, list);
  }
  return out;
}

async function withCards(db: Kysely<DB>, rows: Row[]): Promise<CustomerRecord[]> {
  const cards = await cardNumbersOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => rowToRecord(r, cards.get(r.id) ?? []));
}

/** A live (not erased) customer of the merchant by one column: hot statements, a till identifies by them. */
const customerBy = <V>(column: 'id' | 'ref' | 'customer_code' | 'mobile') =>
  hotQuery((db, merchantId: string, value: V) =>
    db
      .selectFrom('customers')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('erased_at', 'is', null)
      .where(column, '=', value as never)
      .orderBy('id'),
  );
const customerById = customerBy<string>('id');
const customerByRef = customerBy<number>('ref');
const customerByCode = customerBy<string>('customer_code');
const customerByMobile = customerBy<string>('mobile');

export async function findCustomer(
  db: Kysely<DB>,
  merchantId: string,
  by: { id: string } | { ref: number } | { customerCode: string } | { mobile: string },
): Promise<CustomerRecord | undefined> {
  const result =
    'id' in by
      ? await customerById(db, merchantId, by.id)
      : 'ref' in by
        ? await customerByRef(db, merchantId, by.ref)
        : 'customerCode' in by
          ? await customerByCode(db, merchantId, by.customerCode)
          : await customerByMobile(db, merchantId, by.mobile);
  const row = result.rows[0];
  return row ? (await withCards(db, [row]))[0] : undefined;
}

/** Whether the merchant has a customer with this id (an erased customer still counts: its row stays). */
export async function customerExists(db: Kysely<DB>, merchantId: string, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('customers')
    .select('id')
    .where('merchant_id', '=', merchantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listCustomers(
  db: Kysely<DB>,
  merchantId: string,
  options: {
    limit: number;
    after?: string | undefined;
    q?: string | undefined;
    offset?: number | undefined;
    dbKind?: 'sqlite' | 'postgres';
  },
): Promise<CustomerRecord[]> {
  // SQLite: the trigram tables of migration 0005 give the candidate rows (they cannot serve a pattern with an
  // escaped character), and the LIKE below on the rows themselves stays the rule. The unary + keeps SQLite
  // from walking every customer of the merchant instead. PostgreSQL: trigram GIN indexes serve the LIKEs.
  const q = options.q;
  const trigram = q !== undefined && options.dbKind === 'sqlite' && !/[\\%_]/.test(q);
  const bare = `%${(q ?? '').toLowerCase()}%`; // the trigram pattern (q without escapes)
  let query = db.selectFrom('customers').selectAll().where('erased_at', 'is', null);
  if (trigram) {
    query = query.where(sql<boolean>`+merchant_id = ${merchantId}`).where(
      sql<boolean>`customers.rowid in (
        select rowid from customers_search where search_text like ${bare}
        union
        select rowid from customers where id in (
          select customer_id from cards where rowid in (select rowid from cards_search where number like ${bare})))`,
    );
  } else {
    query = query.where('merchant_id', '=', merchantId);
    if (q !== undefined && options.dbKind === 'postgres') {
      // Each half on its own trigram index; an OR of the two would read every customer of the merchant.
      const pattern = likePattern(q);
      query = query.where(
        sql<boolean>`id in (
          select id from customers where merchant_id = ${merchantId} and search_text like ${pattern} escape '\\'
          union
          select customer_id from cards where merchant_id = ${merchantId} and number like ${pattern} escape '\\')`,
      );
    }
  }
  if (options.after) query = query.where('id', '>', options.after);
  // PostgreSQL's candidates above are exact; otherwise the rows themselves are checked.
  if (q && options.dbKind !== 'postgres') {
    const pattern = likePattern(q);
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`search_text like ${pattern} escape '\\'`,
        eb(
          'id',
          'in',
          eb
            .selectFrom('cards')
            .select('customer_id')
            .where('merchant_id', '=', merchantId)
            .where(sql<boolean>`number like ${pattern} escape '\\'`)
            .$if(trigram, (c) =>
              c.where(
                sql<boolean>`cards.rowid in (select rowid from cards_search where number like ${bare})`,
              ),
            )
            .where('customer_id', 'is not', null)
            .$narrowType<{ customer_id: string }>(),
        ),
      ]),
    );
  }
  query = query.orderBy('id').limit(options.limit);
  if (options.offset) query = query.offset(options.offset);
  return withCards(db, await query.execute());
}

/** Reserves the next numeric reference of a merchant (the dialects' numeric customer id). */
export async function nextCustomerRef(db: Kysely<DB>, merchantId: string, wanted?: number): Promise<number> {
  if (wanted !== undefined) {
    await db
      .updateTable('merchants')
      .set({
        next_customer_ref: sql<number>`case when next_customer_ref <= ${wanted} then ${wanted + 1} else next_customer_ref end`,
      })
      .where('id', '=', merchantId)
      .execute();
    return wanted;
  }
  const row = await db
    .updateTable('merchants')
    .set({ next_customer_ref: sql<number>`next_customer_ref + 1` })
    .where('id', '=', merchantId)
    .returning('next_customer_ref')
    .executeTakeFirstOrThrow();
  return Number(row.next_customer_ref) - 1;
}

export async function insertCustomer(
  db: Kysely<DB>,
  row: { id: string; merchantId: string; ref: number; data: CustomerData; searchText: string; now: string },
): Promise<void> {
  await insertCustomers(db, [row]);
}

export async function updateCustomer(
  db: Kysely<DB>,
  merchantId: string,
  id: string,
  data: CustomerData,
  searchText: string,
  now: string,
  erasedAt?: string,
): Promise<void> {
  await db
    .updateTable('customers')
    .set({
      ...dataToColumns(data, searchText),
      updated_at: now,
      ...(erasedAt ? { erased_at: erasedAt } : {}),
    })
    .where('merchant_id', '=', merchantId)
    .where('id', '=', id)
    .execute();
}

/** Ids of the merchant's customers with this (normalised) mobile and/or customer code, at most `limit`. */
export async function customerIdsBy(
  db: Kysely<DB>,
  merchantId: string,
  by: { mobile?: string | undefined; customerCode?: string | undefined },
  limit: number,
): Promise<string[]> {
  let q = db.selectFrom('customers').select('id').where('merchant_id', '=', merchantId);
  if (by.mobile !== undefined) q = q.where('mobile', '=', by.mobile);
  if (by.customerCode !== undefined) q = q.where('customer_code', '=', by.customerCode);
  return (await q.orderBy('id').limit(limit).execute()).map((r) => r.id);
}

/** The merchant's customers (not erased) with these codes, without their cards: one query. */
export async function customersByCodes(
  db: Kysely<DB>,
  merchantId: string,
  codes: readonly string[],
): Promise<CustomerRecord[]> {
  if (codes.length === 0) return [];
  const rows = await db
    .selectFrom('customers')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('erased_at', 'is', null)
    .where('customer_code', 'in', codes)
    .orderBy('id')
    .execute();
  return rows.map((r) => rowToRecord(r, []));
}

/** Reserves `n` consecutive references of a merchant in one statement: answers the first. */
export async function reserveCustomerRefs(db: Kysely<DB>, merchantId: string, n: number): Promise<number> {
  const row = await db
    .updateTable('merchants')
    .set({ next_customer_ref: sql<number>`next_customer_ref + ${n}` })
    .where('id', '=', merchantId)
    .returning('next_customer_ref')
    .executeTakeFirstOrThrow();
  return Number(row.next_customer_ref) - n;
}

/** Rows per multi-row insert: ~40 columns each stays far below both databases' limits on parameters. */
const ROWS_PER_INSERT = 100;

/** Many customers inserted with multi-row statements. */
export async function insertCustomers(
  db: Kysely<DB>,
  rows: readonly {
    id: string;
    merchantId: string;
    ref: number;
    data: CustomerData;
    searchText: string;
    now: string;
  }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    await db
      .insertInto('customers')
      .values(
        rows.slice(i, i + ROWS_PER_INSERT).map((row) => ({
          id: row.id,
          merchant_id: row.merchantId,
          ref: row.ref,
          ...dataToColumns(row.data, row.searchText),
          erased_at: null,
          created_at: row.now,
          updated_at: row.now,
        })),
      )
      .execute();
  }
}
