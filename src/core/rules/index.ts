/** Earning rules, sale lines, voucher deduction and tiers (steps). */
export * from './rounding.js';
export * from './sale-line.js';
export * from './voucher-deduction.js';
export * from './earning-rules.js';
export * from './validate-rule.js';
export * from './tiers.js';
export * from './legacy-category.js';
