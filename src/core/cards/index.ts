/** Cards: number formats, the card state machine, and who may block or unblock for which reason. */
export * from './card-number.js';
export * from './card-reasons.js';
export * from './card-state.js';
export * from './card-record.js';
export * from './card-lifecycle.js';
