import type { AccessTokenTable, ApiClientTable, LoginAttemptTable, UserTable } from './auth.table.js';
import type { CardTable } from './card.table.js';
import type { CustomerTable } from './customer.table.js';
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
} from './loyalty.table.js';
import type {
  AliasTable,
  IdempotencyKeyTable,
  IntegrationLogTable,
  JobTable,
  OutboxMessageTable,
  UsedJetonTable,
} from './http.table.js';
import type { MerchantTable, ProviderTable, StoreTable, TerminalTable } from './tenancy.table.js';

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
}
