/** Fidelisa jetons already used, per signer: a replayed signed request is refused. */
export interface UsedJetonTable {
  scope: string;
  jeton: string;
  created_at: string;
}
