/** The points ledger: lots, debits, expiry, returns, overdrafts and invariant checks. Pure functions. */
export { LedgerInputError, parseIsoInstant, toEpochMs, type Instant } from './ledger-input.js';
export {
  assertLot,
  compareSpendOrder,
  isOverdraft,
  lotState,
  type Allocation,
  type Lot,
  type LotState,
} from './lot.js';
export { allocateDebit, reverseAllocations, spendableAt, type DebitResult } from './allocate-debit.js';
export { balanceOf, bookBalance, type Balance, type BalanceOptions } from './balance.js';
export { applyExpirations, expireLots } from './expire-lots.js';
export {
  computeExpiry,
  computePendingUntil,
  EXPIRY_LIMITS,
  validateExpiryPolicy,
  type ExpiryPolicy,
  type PolicyCheck,
} from './expiry-policy.js';
export { pointsToReverse, type ReturnInput, type ReturnPoints } from './points-to-reverse.js';
export { reclaimPoints, type Reclaim, type ReclaimAllocation, type ReclaimMode } from './reclaim-points.js';
export { overdraftLot, settleOverdraft, type Settlement } from './overdraft.js';
export {
  checkBalanceInvariant,
  checkLotInvariant,
  MOVEMENT_SIGN,
  sumAllocationsByLot,
  sumMovements,
  type BalanceCheck,
  type LotFlows,
  type LotViolation,
  type LotViolationReason,
  type Movement,
  type MovementKind,
  type MovementSum,
  type MovementViolation,
} from './invariants.js';
