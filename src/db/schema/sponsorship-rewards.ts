/** A sponsorship reward paid: one per godchild and kind (0011). */
export interface SponsorshipRewardTable {
  godchild_id: string;
  kind: 'godfather' | 'godchild';
  merchant_id: string;
  card_id: string;
  lot_id: string | null;
  sale_id: string | null;
  points: number;
  created_at: string;
}
