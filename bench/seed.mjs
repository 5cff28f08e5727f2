// Bulk seeding: N customers of merchant `demo`, each with one active 13-digit card of the demo's Carte VIP
// program, written straight into the database (better-sqlite3 or pg) with the columns of
// src/db/migrations/0001-foundation.ts and 0002-loyalty.ts, as src/db/repos/customers.repo.ts, cards.repo.ts
// and the ledger writer would write them. Creating 100k customers one request at a time would take longer than
// the benchmark itself.
//
// Loyalty history: each card gets 1 to 3 past 'earn' movements (10 to 200 points each, earned in the last
// 300 days), each with its lot as creditPoints (src/app/ledger/ledger-writer.ts) writes it: amount =
// remaining = points, burnt 0, no allocation, pending_until null (the VIP program has no pending period),
// expires_at 12 months after earning (its expiry policy). Movements sum to the lots' balance, so
// `tessera check` stays valid. Bearer vouchers (amount 5 €, active, not splittable, source 'admin') are added
// for the sale-with-voucher workloads: each request uses a fresh one.
//
// Data are deterministic (seeded PRNG): last names are three syllables out of 30, so 27,000 possible names and
// about four customers per name at 100k, which makes a name search a "find this one customer" query.
//
// Standalone: node bench/seed.mjs --count 1000 [--vouchers N] [--sqlite FILE | --postgres URL]  (after `tessera demo`)
import { parseArgs } from 'node:util';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // the alphabet of src/app/ids.ts

const FIRST_NAMES = [
  'Marie',
  'Jean',
  'Pierre',
  'Sophie',
  'Camille',
  'Louis',
  'Emma',
  'Lucas',
  'Chloé',
  'Hugo',
  'Léa',
  'Jules',
  'Manon',
  'Gabriel',
  'Inès',
  'Arthur',
  'Sarah',
  'Nathan',
  'Julie',
  'Thomas',
  'Alice',
  'Paul',
  'Zoé',
  'Adam',
  'Anne',
  'Michel',
  'Isabelle',
  'Nicolas',
  'Nathalie',
  'François',
  'Céline',
  'Olivier',
  'Claire',
  'Antoine',
  'Laura',
  'Maxime',
  'Pauline',
  'Julien',
  'Élodie',
  'Romain',
];
const SYLLABLES = [
  'ber',
  'nar',
  'dou',
  'la',
  'mar',
  'tin',
  'ro',
  'che',
  'vil',
  'gar',
  'nier',
  'fon',
  'bou',
  'lan',
  'ger',
  'mo',
  'rel',
  'pe',
  'du',
  'fa',
  'vre',
  'cier',
  'blan',
  'gi',
  'rard',
  'bon',
  'col',
  'sa',
  'pi',
  'tou',
];
const PLACES = [
  { zip: '75002', city: 'Paris' },
  { zip: '63000', city: 'Clermont-Ferrand' },
  { zip: '33700', city: 'Mérignac' },
  { zip: '69001', city: 'Lyon' },
  { zip: '13001', city: 'Marseille' },
  { zip: '31000', city: 'Toulouse' },
];

/** mulberry32: a small deterministic PRNG, so two runs seed the same people. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function encodeTime(ms) {
  let out = '';
  let value = ms;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[value % 32] + out;
    value = Math.floor(value / 32);
  }
  return out;
}

/** `prefix_` + 10 time characters + 16 random ones, as newId() in src/app/ids.ts (26 characters). */
function makeId(prefix, ms, random) {
  let tail = '';
  for (let i = 0; i < 16; i++) tail += ALPHABET[Math.floor(random() * 32)];
  return `${prefix}_${encodeTime(ms)}${tail}`;
}

/** 13 digits: "29" + 10-digit sequence + EAN-13 check digit. The demo's cards start with 3 and 1. */
function cardNumber(sequence) {
  const body = `29${String(sequence).padStart(10, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

const DAY_MS = 86_400_000;

/** `months` calendar months after `ms`, the day clamped to the month's last (as the ledger's expiry policy). */
function addMonthsUtc(ms, months) {
  const d = new Date(ms);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  target.setUTCHours(d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
  return target.toISOString();
}

const capitalise = (s) => s[0].toUpperCase() + s.slice(1);
const ascii = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/** Rows for customers and cards; refs from `firstRef`, ids ordered by creation time as the server's are. */
export function generateRows({
  count,
  merchantId,
  firstRef,
  programId = null,
  vouchers = 0,
  heavyCards = 0,
  heavyLots = 2000,
  summarize = null,
  seed = 20240601,
  now = new Date(),
}) {
  const random = prng(seed);
  const history = prng(seed + 1); // a separate stream: the customers stay those of earlier runs
  const pick = (list) => list[Math.floor(random() * list.length)];
  const baseMs = now.getTime() - count; // one millisecond apart, all in the past
  const customers = [];
  const cards = [];
  const movements = [];
  const lots = [];
  const summaries = [];
  for (let i = 0; i < count; i++) {
    const createdAt = new Date(baseMs + i).toISOString();
    const firstName = pick(FIRST_NAMES);
    const lastName = capitalise(pick(SYLLABLES) + pick(SYLLABLES) + pick(SYLLABLES));
    const digits = String(Math.floor(random() * 1e8)).padStart(8, '0');
    const mobile = `+33${random() < 0.8 ? '6' : '7'}${digits}`;
    const national = `0${mobile.slice(3)}`;
    const email = `${ascii(firstName)}.${lastName}.${i}@example.com`.toLowerCase();
    const place = pick(PLACES);
    const female = random() < 0.5;
    const consents = { email: random() < 0.6, sms: random() < 0.4, push: false };
    const id = makeId('cus', baseMs + i, random);
    const searchText = [firstName, lastName, `${firstName} ${lastName}`, email, mobile, national]
      .join(' | ')
      .toLowerCase();
    customers.push({
      id,
      merchant_id: merchantId,
      ref: firstRef + i,
      civility: female ? 'MME' : 'M',
      first_name: firstName,
      last_name: lastName,
      gender: female ? 'female' : 'male',
      birth_day: 1 + Math.floor(random() * 28),
      birth_month: 1 + Math.floor(random() * 12),
      birth_year: 1940 + Math.floor(random() * 65),
      mobile,
      phone: null,
      email,
      address1: `${1 + Math.floor(random() * 150)} rue ${pick(['de la Paix', 'Victor Hugo', 'des Lilas', 'du Port'])}`,
      address2: null,
      address3: null,
      address4: null,
      zip_code: place.zip,
      city: place.city,
      country: 'FR',
      customer_type: null,
      identification_type: null,
      identification_number: null,
      customer_code: null,
      attributes: '{}',
      consents: JSON.stringify(consents),
      blacklist: JSON.stringify({ email: false, sms: false, push: false }),
      source: 'bench',
      no_fidelity: 0,
      active: 1,
      godfather_id: null,
      search_text: searchText,
      erased_at: null,
      created_at: createdAt,
      updated_at: createdAt,
    });
    const cardId = makeId('card', baseMs + i, random);
    cards.push({
      id: cardId,
      merchant_id: merchantId,
      number: cardNumber(i + 1),
      customer_id: id,
      status: 'active',
      program_id: programId,
      issued_at: createdAt,
      activated_at: createdAt,
      created_at: createdAt,
      updated_at: createdAt,
    });
    // The last `heavyCards` cards carry a long history: `heavyLots` lots each, for the history workloads.
    const heavy = i >= count - heavyCards;
    const earns = heavy ? heavyLots : 1 + Math.floor(history() * 3);
    const cardLots = [];
    for (let k = 0; k < earns; k++) {
      const earnedMs = now.getTime() - Math.floor((1 + history() * 299) * DAY_MS);
      const earnedAt = new Date(earnedMs).toISOString();
      const points = 10 + Math.floor(history() * 191);
      const movementId = makeId('mov', earnedMs, history);
      movements.push({
        id: movementId,
        merchant_id: merchantId,
        card_id: cardId,
        kind: 'earn',
        points,
        money: 0,
        sale_id: null,
        store_id: null,
        terminal_id: null,
        principal_id: null,
        reason: 'bench seed',
        created_at: earnedAt,
      });
      cardLots.push({
        id: makeId('lot', earnedMs, history),
        merchant_id: merchantId,
        card_id: cardId,
        movement_id: movementId,
        sale_id: null,
        amount: points,
        remaining: points,
        burnt: 0,
        earned_at: earnedAt,
        pending_until: null,
        expires_at: addMonthsUtc(earnedMs, 12),
      });
    }
    lots.push(...cardLots);
    if (summarize) summaries.push(summaryRow(summarize, merchantId, cardId, cardLots, now));
  }
  const voucherRows = [];
  const voucherCreatedAt = new Date(baseMs).toISOString();
  for (let i = 0; i < vouchers; i++) {
    voucherRows.push({
      id: makeId('vch', baseMs, history),
      merchant_id: merchantId,
      number: `77${String(i + 1).padStart(10, '0')}`,
      card_id: null,
      customer_id: null,
      kind: 'amount',
      value: 500,
      remaining: 500,
      splittable: 0,
      options: '[]',
      label: 'Bench 5 €',
      status: 'active',
      valid_from: null,
      valid_until: null,
      source: 'admin',
      step_index: null,
      gift_id: null,
      created_at: voucherCreatedAt,
      updated_at: voucherCreatedAt,
    });
  }
  // History in the order a live server wrote it: by time, all cards mixed. Written card by card instead, the
  // per-card indexes (movements_card_idx, lots_card_idx) were built by appending and their leaves came out
  // 99-100 % full (88-90 % now), so nearly every sale on a card split two of them (SQLite rebalances up to
  // three leaves and their parent): the first sales wrote 28-31 WAL pages each instead of 21-22. A database
  // in use has room in those leaves; the bench should not start every run from the worst case.
  const byTime = (at) => (x, y) => (x[at] < y[at] ? -1 : x[at] > y[at] ? 1 : x.id < y.id ? -1 : 1);
  movements.sort(byTime('created_at'));
  lots.sort(byTime('earned_at'));
  return { customers, cards, movements, lots, summaries, vouchers: voucherRows, heavyCards };
}

/**
 * The card's summary row, as the server keeps it in steady state (its first sale or balance would otherwise
 * compute it from the lots), made by the server's own functions from its build (`summarize`).
 */
function summaryRow(summarize, merchantId, cardId, cardLots, now) {
  const lots = cardLots.map((l) => ({
    id: l.id,
    amount: l.amount,
    remaining: l.remaining,
    burnt: l.burnt,
    earnedAt: l.earned_at,
    pendingUntil: l.pending_until,
    expiresAt: l.expires_at,
  }));
  return summarize.toRow(cardId, merchantId, {
    version: 1,
    ...summarize.summarizeLots(lots, now.toISOString()),
    walletMinor: 0,
    purchases: { count: 0, amount: 0, first: null, last: null },
    year: now.getUTCFullYear(),
    yearFigures: { count: 0, amount: 0 },
  });
}

/** The server's summary functions, from its build (dist/), when the schema has card summaries. */
async function loadSummarize() {
  try {
    const core = new URL('../dist/core/sales/card-summary.js', import.meta.url);
    const repo = new URL('../dist/db/repos/card-summaries.repo.js', import.meta.url);
    return {
      summarizeLots: (await import(core.href)).summarizeLots,
      toRow: (await import(repo.href)).toRow,
    };
  } catch {
    return null;
  }
}

/** The rows to seed for the merchant and its VIP program. */
async function rowsFor(merchant, program, { count, vouchers, heavyCards }) {
  return generateRows({
    count,
    merchantId: merchant.id,
    firstRef: Number(merchant.next_customer_ref),
    programId: program.id,
    vouchers,
    heavyCards,
    summarize: await loadSummarize(),
  });
}

function summary({ customers, cards, movements, vouchers, heavyCards }, ms) {
  return {
    count: customers.length,
    ids: customers.map((c) => c.id),
    lastNames: [...new Set(customers.map((c) => c.last_name))],
    cardNumbers: cards.slice(0, cards.length - heavyCards).map((c) => c.number),
    heavyCardNumbers: cards.slice(cards.length - heavyCards).map((c) => c.number),
    movements: movements.length,
    voucherNumbers: vouchers.map((v) => v.number),
    ms,
  };
}

const PROGRAM_CODE = 'VIP';
const programMissing = () =>
  new Error(`program "${PROGRAM_CODE}" of the demo merchant not found (run "tessera demo" first)`);

/** Seeds a SQLite database file (the server must not be running, or at least not writing). */
export async function seedSqlite(file, { count, vouchers = 0, merchantSlug = 'demo', heavyCards = 0 }) {
  const { default: SQLite } = await import('better-sqlite3');
  const started = Date.now();
  const db = new SQLite(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    const merchant = db
      .prepare('select id, next_customer_ref from merchants where slug = ?')
      .get(merchantSlug);
    if (!merchant)
      throw new Error(`merchant "${merchantSlug}" not found in ${file} (run "tessera demo" first)`);
    const firstRef = Number(merchant.next_customer_ref);
    const program = db
      .prepare('select id from programs where merchant_id = ? and code = ?')
      .get(merchant.id, PROGRAM_CODE);
    if (!program) throw programMissing();
    const data = await rowsFor(merchant, program, { count, vouchers, heavyCards });
    const insertAll = (table, rows) => {
      if (rows.length === 0) return;
      const columns = Object.keys(rows[0]);
      const statement = db.prepare(
        `insert into ${table} (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`,
      );
      for (const row of rows) statement.run(row);
    };
    db.transaction(() => {
      insertAll('customers', data.customers);
      insertAll('cards', data.cards);
      insertAll('movements', data.movements);
      insertAll('lots', data.lots);
      insertAll('card_summaries', data.summaries);
      insertAll('vouchers', data.vouchers);
      db.prepare('update merchants set next_customer_ref = ? where id = ?').run(
        firstRef + count,
        merchant.id,
      );
    })();
    return summary(data, Date.now() - started);
  } finally {
    db.close();
  }
}

/** Seeds a PostgreSQL database with multi-row inserts in one transaction, then ANALYZEs (as autovacuum would). */
export async function seedPostgres(url, { count, vouchers = 0, merchantSlug = 'demo', heavyCards = 0 }) {
  const { default: pg } = await import('pg');
  const started = Date.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const found = await client.query('select id, next_customer_ref from merchants where slug = $1', [
      merchantSlug,
    ]);
    const merchant = found.rows[0];
    if (!merchant) throw new Error(`merchant "${merchantSlug}" not found (run "tessera demo" first)`);
    const firstRef = Number(merchant.next_customer_ref);
    const program = (
      await client.query('select id from programs where merchant_id = $1 and code = $2', [
        merchant.id,
        PROGRAM_CODE,
      ])
    ).rows[0];
    if (!program) throw programMissing();
    const data = await rowsFor(merchant, program, { count, vouchers, heavyCards });
    const insertAll = async (table, rows) => {
      if (rows.length === 0) return;
      const columns = Object.keys(rows[0]);
      const batch = Math.floor(60_000 / columns.length); // PostgreSQL takes at most 65,535 parameters
      for (let start = 0; start < rows.length; start += batch) {
        const slice = rows.slice(start, start + batch);
        const values = [];
        const tuples = slice.map((row, r) => {
          for (const c of columns) values.push(row[c]);
          return `(${columns.map((_, k) => `$${r * columns.length + k + 1}`).join(', ')})`;
        });
        await client.query(
          `insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')}`,
          values,
        );
      }
    };
    await client.query('begin');
    await insertAll('customers', data.customers);
    await insertAll('cards', data.cards);
    await insertAll('movements', data.movements);
    await insertAll('lots', data.lots);
    await insertAll('card_summaries', data.summaries);
    await insertAll('vouchers', data.vouchers);
    await client.query('update merchants set next_customer_ref = $1 where id = $2', [
      firstRef + count,
      merchant.id,
    ]);
    await client.query('commit');
    for (const table of ['customers', 'cards', 'movements', 'lots', 'card_summaries', 'vouchers']) {
      await client.query(`analyze ${table}`);
    }
    return summary(data, Date.now() - started);
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * An active promotion map for the demo merchant, created through the API (so that every promotion is
 * validated as a merchant's would be): `count` promotions, 80 % on one SKU of SKU-0..999 (10 % off, 1.50 €
 * off a unit, or 3 for 2), 10 % on a level1 category of CAT-0..199, 10 % on a brand of BRAND-0..299. A basket
 * of ten lines drawn from the same catalogue triggers about five of them. Answers the map's version.
 */
export async function seedPromotionMap(baseUrl, headers, { count = 300 } = {}) {
  const call = async (path, body) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status !== 200 && res.status !== 201)
      throw new Error(`POST ${path} answered ${res.status}: ${await res.text()}`);
    return res.json();
  };
  const exists = { type: 'basic', name: 'Exists', parameter: { key: 'use-set', value: 's' } };
  const nros = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 10;
    const set =
      kind < 8
        ? { name: 's', type: 'item', attribute: 'code', value: `SKU-${(i * 7) % 1000}` }
        : kind === 8
          ? { name: 's', type: 'item', attribute: 'level1', value: `CAT-${(i * 3) % 200}` }
          : { name: 's', type: 'item', attribute: 'brand', value: `BRAND-${i % 300}` };
    const benefit = [
      { instance: 'PercentageDiscount', parameter: [{ key: 'percent', value: '10' }] },
      {
        instance: 'FixedDiscount',
        parameter: [
          { key: 'amount', value: '1.50' },
          { key: 'applicationMethod', value: 'lineByLine' },
        ],
      },
      { instance: 'PercentageDiscount', parameter: [{ key: 'percent', value: '100' }] },
    ][i % 3];
    const threeForTwo = i % 3 === 2;
    const promotion = await call('/v1/promotions', {
      name: `Bench promotion ${i}`,
      code: `BENCH-${i}`,
      sets: { set },
      condition: exists,
      ...(threeForTwo ? { combo: { 'combo-component': { min: '3', max: '3', 'use-set': 's' } } } : {}),
      benefits: {
        benefit: {
          ...benefit,
          'applied-elements': { 'use-set': { name: 's', ...(threeForTwo ? { max: '1' } : {}) } },
        },
      },
    });
    nros.push(promotion.nro);
  }
  const map = await call('/v1/promotion-maps', {
    name: `Bench map of ${count} promotions`,
    promotions: nros,
    startDate: '2026-01-01T00:00:00Z',
  });
  await call(`/v1/promotion-maps/${map.version}/activate`, {});
  return map.version;
}

async function main() {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '1000' },
      vouchers: { type: 'string', default: '0' },
      sqlite: { type: 'string' },
      postgres: { type: 'string' },
      merchant: { type: 'string', default: 'demo' },
    },
  });
  const options = {
    count: Number(values.count),
    vouchers: Number(values.vouchers),
    merchantSlug: values.merchant,
  };
  const result = values.postgres
    ? await seedPostgres(values.postgres, options)
    : await seedSqlite(
        values.sqlite ?? path.join(path.resolve(process.env.TESSERA_DATA ?? 'data'), 'tessera.sqlite'),
        options,
      );
  process.stdout.write(
    `Seeded ${result.count} customers with one card each, ${result.movements} earn movements and ` +
      `${result.voucherNumbers.length} vouchers in ${result.ms} ms.\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  });
}
