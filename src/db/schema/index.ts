import type { AccessTokenTable } from './access-tokens.js';
import type { ActivePromotionMapTable } from './active-promotion-maps.js';
import type { AgreementTable } from './agreements.js';
import type { AliasTable } from './aliases.js';
import type { AllocationTable } from './allocations.js';
import type { ApiClientTable } from './api-clients.js';
import type { AutomationTable } from './automations.js';
import type { CampaignTable } from './campaigns.js';
import type { CardSummaryTable } from './card-summaries.js';
import type { CardTable } from './cards.js';
import type { CatalogEntryTable } from './catalog-entries.js';
import type { CouponHistoryTable } from './coupon-history.js';
import type { CouponTypeTable } from './coupon-types.js';
import type { CouponTable } from './coupons.js';
import type { CustomerDetailTable } from './customer-details.js';
import type { CustomerTable } from './customers.js';
import type { ElementMovementTable } from './element-movements.js';
import type { ElementTypeRangeTable } from './element-type-ranges.js';
import type { ElementTypeTable } from './element-types.js';
import type { ElementTable } from './elements.js';
import type { GiftAwardTable } from './gift-awards.js';
import type { GiftTable } from './gifts.js';
import type { HeaderAttributeTable } from './header-attributes.js';
import type { IdempotencyKeyTable } from './idempotency-keys.js';
import type { ImportLockTable } from './import-locks.js';
import type { ImportPayloadTable } from './import-payloads.js';
import type { ImportTable } from './imports.js';
import type { IntegrationLogTable } from './integration-log.js';
import type { JobTable } from './jobs.js';
import type { LimitCounterTable } from './limit-counters.js';
import type { LoginAttemptTable } from './login-attempts.js';
import type { LotTable } from './lots.js';
import type { MerchantTable } from './merchants.js';
import type { MessageAttemptTable } from './message-attempts.js';
import type { MessageTemplateTable } from './message-templates.js';
import type { MessagingSettingsTable } from './messaging-settings.js';
import type { MovementTable } from './movements.js';
import type { OauthClientGrantTable } from './oauth-client-grants.js';
import type { OutboxMessageTable } from './outbox-messages.js';
import type { PriceListItemTable } from './price-list-items.js';
import type { ProgramTable } from './programs.js';
import type { PromotionExclusionTable } from './promotion-exclusions.js';
import type { PromotionLimitTable } from './promotion-limits.js';
import type { PromotionMapTable } from './promotion-maps.js';
import type { PromotionTable } from './promotions.js';
import type { ProviderTable } from './providers.js';
import type { PushSubscriptionTable } from './push-subscriptions.js';
import type { RedeemBenefitTable } from './redeem-benefits.js';
import type { ReferenceCodeTable } from './reference-codes.js';
import type { RefreshTokenTable } from './refresh-tokens.js';
import type { SaleReturnTable } from './sale-returns.js';
import type { SaleTable } from './sales.js';
import type { SegmentMemberTable } from './segment-members.js';
import type { SegmentTable } from './segments.js';
import type { SponsorshipRewardTable } from './sponsorship-rewards.js';
import type { StepRewardTable } from './step-rewards.js';
import type { StoreUserTable } from './store-users.js';
import type { StoreTable } from './stores.js';
import type { TerminalTable } from './terminals.js';
import type { UsedJetonTable } from './used-jetons.js';
import type { UserTable } from './users.js';
import type { VehicleCampaignOperationTable } from './vehicle-campaign-operations.js';
import type { VehicleCampaignTargetTable } from './vehicle-campaign-targets.js';
import type { VehicleCampaignTable } from './vehicle-campaigns.js';
import type { VehicleClientLinkTable } from './vehicle-client-links.js';
import type { VehicleClientRowTable } from './vehicle-client-rows.js';
import type { VehicleClientTable } from './vehicle-clients.js';
import type { VehicleInvoiceLineTable } from './vehicle-invoice-lines.js';
import type { VehicleInvoiceTable } from './vehicle-invoices.js';
import type { VehicleJobOverrideTable } from './vehicle-job-overrides.js';
import type { VehicleMemberTable } from './vehicle-members.js';
import type { VehicleNetworkTable } from './vehicle-networks.js';
import type { VehicleTable } from './vehicles.js';
import type { VoucherUseTable } from './voucher-uses.js';
import type { VoucherTable } from './vouchers.js';
import type { WebhookEndpointTable } from './webhook-endpoints.js';
import type { WebhookEventTable } from './webhook-events.js';
import type { WorkflowUserTable } from './workflow-users.js';
import type { WorkflowTable } from './workflows.js';

export type {
  AccessTokenTable,
  ActivePromotionMapTable,
  AgreementTable,
  AliasTable,
  AllocationTable,
  ApiClientTable,
  AutomationTable,
  CampaignTable,
  CardSummaryTable,
  CardTable,
  CatalogEntryTable,
  CouponHistoryTable,
  CouponTable,
  CouponTypeTable,
  CustomerDetailTable,
  CustomerTable,
  ElementMovementTable,
  ElementTable,
  ElementTypeRangeTable,
  ElementTypeTable,
  GiftAwardTable,
  GiftTable,
  HeaderAttributeTable,
  IdempotencyKeyTable,
  ImportLockTable,
  ImportPayloadTable,
  ImportTable,
  IntegrationLogTable,
  JobTable,
  LimitCounterTable,
  LoginAttemptTable,
  LotTable,
  MerchantTable,
  MessageAttemptTable,
  MessageTemplateTable,
  MessagingSettingsTable,
  MovementTable,
  OauthClientGrantTable,
  OutboxMessageTable,
  PriceListItemTable,
  ProgramTable,
  PromotionExclusionTable,
  PromotionLimitTable,
  PromotionMapTable,
  PromotionTable,
  ProviderTable,
  PushSubscriptionTable,
  RedeemBenefitTable,
  ReferenceCodeTable,
  RefreshTokenTable,
  SaleReturnTable,
  SaleTable,
  SegmentMemberTable,
  SegmentTable,
  SponsorshipRewardTable,
  StepRewardTable,
  StoreTable,
  StoreUserTable,
  TerminalTable,
  UsedJetonTable,
  UserTable,
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
  VoucherTable,
  VoucherUseTable,
  WebhookEndpointTable,
  WebhookEventTable,
  WorkflowTable,
  WorkflowUserTable,
};

export type { PrincipalKind } from './access-tokens.js';
export type { AliasKind, ObjectIdKind } from './aliases.js';
export type { AllocationKindValue } from './allocations.js';
export type { CampaignStatus } from './campaigns.js';
export type { CouponStatus } from './coupons.js';
export type { GiftAwardStatus } from './gift-awards.js';
export type { ImportKind, ImportStatus } from './imports.js';
export type { IntegrationLogKind } from './integration-log.js';
export type { AttemptOutcome } from './message-attempts.js';
export type { StoredMovementKind } from './movements.js';
export type { OutboxChannel } from './outbox-messages.js';
export type { OutboxStatus } from './outbox-messages.js';
export type { PromotionState, PromotionStatus } from './promotions.js';
export type { SaleStatus } from './sales.js';
export type { VehicleCampaignType } from './vehicle-campaigns.js';
export type { VehicleClientLinkSource } from './vehicle-client-links.js';
export type { VoucherKind } from './vouchers.js';
export type { VoucherSource } from './vouchers.js';

/** The database: one entry per table, each table's row type in the file named after it. */
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
  workflows: WorkflowTable;
  workflow_users: WorkflowUserTable;
  header_attributes: HeaderAttributeTable;
}
