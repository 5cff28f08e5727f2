import type { Kysely, Selectable } from 'kysely';
import type { CardState, CardStatus } from '../../core/cards/index.js';
import type { BlockReasonCode, CardRole } from '../../core/cards/card-reasons.js';
import type { CardTable } from '../schema/card.table.js';
import type { DB } from '../schema/index.js';

export type CardRow = Selectable<CardTable>;

/** A card as stored, with the state-machine view the core works on. */
export interface CardRecord {
  id: string;
  merchantId: string;
  programId: string | null;
  number: string;
  customerId: string | null;
  status: CardStatus;
  expiresAt: string | null;
  discountMinor: number;
  createdAt: string;
  state: CardState;
}

export function toCardRecord(row: CardRow, replaces: string | null = null): CardRecord {
  const status = row.status as CardStatus;
  return {
    id: row.id,
    merchantId: row.merchant_id,
    programId: row.program_id,
    number: row.number,
    customerId: row.customer_id,
    status,
    expiresAt: row.expires_at,
    discountMinor: Number(row.discount_minor),
    createdAt: row.created_at,
    state: {
      number: row.number,
      programId: row.program_id ?? '',
      status,
      customerId: row.customer_id,
      block:
        status === 'blocked' && row.block_reason !== null
          ? {
              reasonCode: row.block_reason as BlockReasonCode,
              blockedBy: (row.blocked_by_role ?? 'administrator') as CardRole,
            }
          : null,
      replacedBy: row.replaced_by,
      replaces,
    },
  };
}

export async function findCardByNumber(
  db: Kysely<DB>,
  merchantId: string,
  number: string,
): Promise<CardRecord | undefined> {
  const row = await db
    .selectFrom('cards')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('number', '=', number)
    .executeTakeFirst();
  return row ? toCardRecord(row) : undefined;
}

export async function findCardById(
  db: Kysely<DB>,
  merchantId: string,
  id: string,
): Promise<CardRecord | undefined> {
  const row = await db
    .selectFrom('cards')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toCardRecord(row) : undefined;
}

export async function cardsOfCustomer(
  db: Kysely<DB>,
  merchantId: string,
  customerId: string,
): Promise<CardRecord[]> {
  const rows = await db
    .selectFrom('cards')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('customer_id', '=', customerId)
    .orderBy('id')
    .execute();
  return rows.map((r) => toCardRecord(r));
}
