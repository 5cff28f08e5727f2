/** The outbox: messages and webhook events written in the transaction that caused them, delivered after. */
import type { OutboxMessageTable } from '../schema/http.table.js';
import type { Tx } from '../transaction.js';

export async function insertOutboxMessage(tx: Tx, row: OutboxMessageTable): Promise<void> {
  await tx.insertInto('outbox_messages').values(row).execute();
}
