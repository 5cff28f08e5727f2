/** debit: a spend taken from a lot; restore: given back by a reversal; settle: a debt paid by a new lot; burn: expiry. */
export type AllocationKindValue = 'debit' | 'restore' | 'settle' | 'burn';

export interface AllocationTable {
  id: string;
  movement_id: string;
  lot_id: string;
  kind: AllocationKindValue;
  amount: number;
}
