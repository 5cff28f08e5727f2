export * from './amount.js';
export * from './day-dates.js';
export * from './numbering.js';
export * from './operations.js';
export * from './statement.js';
