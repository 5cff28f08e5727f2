/** Rewards: vouchers (amount, percentage, gift, choices), their redemption, restoration and validation. */
export * from './vouchers.js';
export * from './voucher-state.js';
export * from './validate-voucher.js';
