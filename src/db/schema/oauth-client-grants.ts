export interface OauthClientGrantTable {
  api_client_id: string;
  grant_type: string;
}
