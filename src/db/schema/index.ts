import type { AccessTokenTable, ApiClientTable, LoginAttemptTable, UserTable } from './users.js';
import type { CardTable } from './cards.js';
import type { CustomerTable } from './customers.js';
import type {
  AgreementTable,
  CustomerDetailTable,
  ElementMovementTable,
  ElementTable,
  ElementTypeRangeTable,
  ElementTypeTable,
  ReferenceCodeTable,
} from './elements.js';
import type {
  AllocationTable,
  CardSummaryTable,
  GiftAwardTable,
  GiftTable,
  LotTable,
  MovementTable,
  ProgramTable,
  SponsorshipRewardTable,
  SaleReturnTable,
  SaleTable,
  StepRewardTable,
  VoucherTable,
  VoucherUseTable,
} from './programs.js';
import type {
  AliasTable,
  IdempotencyKeyTable,
  IntegrationLogTable,
  JobTable,
  OutboxMessageTable,
  UsedJetonTable,
} from './idempotency-keys.js';
import type {
  AutomationTable,
  CampaignTable,
  MessageAttemptTable,
  MessageTemplateTable,
  MessagingSettingsTable,
  PushSubscriptionTable,
  WebhookEndpointTable,
  WebhookEventTable,
} from './campaigns.js';
import type {
  ImportLockTable,
  ImportTable,
  OauthClientGrantTable,
  RefreshTokenTable,
  StoreUserTable,
  VehicleCampaignOperationTable,
  VehicleCampaignTable,
  VehicleCampaignTargetTable,
  VehicleClientLinkTable,
  VehicleClientRowTable,
  VehicleClientTable,
  VehicleInvoiceLineTable,
  VehicleInvoiceTable,
  VehicleJobOverrideTable,
  VehicleMemberTable,
  VehicleNetworkTable,
  VehicleTable,
} from './vehicles.js';
import type {
  ActivePromotionMapTable,
  CouponHistoryTable,
  CouponTable,
  CouponTypeTable,
  LimitCounterTable,
  PromotionExclusionTable,
  PromotionLimitTable,
  PromotionMapTable,
  PromotionTable,
  SegmentMemberTable,
  SegmentTable,
} from './promotions.js';
import type {
  CatalogEntryTable,
  ImportPayloadTable,
  PriceListItemTable,
  RedeemBenefitTable,
} from './catalog-entries.js';
import type { MerchantTable, ProviderTable, StoreTable, TerminalTable } from './merchants.js';

export interface DB {
  providers: ProviderTable;
  merchants: MerchantTable;
  stores: StoreTable;
  terminals: TerminalTable;
  users: UserTable;
  api_clients: ApiClientTable;
  access_tokens: AccessTokenTable;
  login_attempts: LoginAttemptTable;
  customers: CustomerTable;
  cards: CardTable;
  idempotency_keys: IdempotencyKeyTable;
  integration_log: IntegrationLogTable;
  programs: ProgramTable;
  sponsorship_rewards: SponsorshipRewardTable;
  lots: LotTable;
  movements: MovementTable;
  allocations: AllocationTable;
  sales: SaleTable;
  sale_returns: SaleReturnTable;
  vouchers: VoucherTable;
  voucher_uses: VoucherUseTable;
  gifts: GiftTable;
  gift_awards: GiftAwardTable;
  step_rewards: StepRewardTable;
  card_summaries: CardSummaryTable;
  aliases: AliasTable;
  used_jetons: UsedJetonTable;
  outbox_messages: OutboxMessageTable;
  jobs: JobTable;
  message_attempts: MessageAttemptTable;
  webhook_endpoints: WebhookEndpointTable;
  webhook_events: WebhookEventTable;
  push_subscriptions: PushSubscriptionTable;
  message_templates: MessageTemplateTable;
  messaging_settings: MessagingSettingsTable;
  vehicle_networks: VehicleNetworkTable;
  vehicle_members: VehicleMemberTable;
  store_users: StoreUserTable;
  oauth_client_grants: OauthClientGrantTable;
  refresh_tokens: RefreshTokenTable;
  vehicle_job_overrides: VehicleJobOverrideTable;
  vehicle_clients: VehicleClientTable;
  vehicle_client_rows: VehicleClientRowTable;
  vehicles: VehicleTable;
  vehicle_client_links: VehicleClientLinkTable;
  vehicle_invoices: VehicleInvoiceTable;
  vehicle_invoice_lines: VehicleInvoiceLineTable;
  vehicle_campaigns: VehicleCampaignTable;
  vehicle_campaign_operations: VehicleCampaignOperationTable;
  vehicle_campaign_targets: VehicleCampaignTargetTable;
  imports: ImportTable;
  import_locks: ImportLockTable;
  import_payloads: ImportPayloadTable;
  catalog_entries: CatalogEntryTable;
  price_list_items: PriceListItemTable;
  redeem_benefits: RedeemBenefitTable;
  promotions: PromotionTable;
  promotion_maps: PromotionMapTable;
  active_promotion_maps: ActivePromotionMapTable;
  coupon_types: CouponTypeTable;
  coupons: CouponTable;
  coupon_history: CouponHistoryTable;
  segments: SegmentTable;
  segment_members: SegmentMemberTable;
  promotion_limits: PromotionLimitTable;
  limit_counters: LimitCounterTable;
  promotion_exclusions: PromotionExclusionTable;
  element_types: ElementTypeTable;
  element_type_ranges: ElementTypeRangeTable;
  agreements: AgreementTable;
  elements: ElementTable;
  element_movements: ElementMovementTable;
  reference_codes: ReferenceCodeTable;
  customer_details: CustomerDetailTable;
  campaigns: CampaignTable;
  automations: AutomationTable;
}
