export interface StoreUserTable {
  user_id: string;
  store_id: string;
}
