import type { SendResult } from '../ports.js';

/** What sending one outbox message came to. */
export type Step =
  | { kind: 'done'; result: SendResult }
  /** Nothing sent and nothing will be: no consent, blacklisted, no address, endpoint gone. */
  | { kind: 'suppress'; reason: string }
  /** Not now (quiet hours, send rate): try again at `until`, no attempt counted. */
  | { kind: 'defer'; until: string; reason: string };
