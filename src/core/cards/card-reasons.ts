/**
 * Who may block and unblock a card, and for which reason: the CashDesk matrices (spec/cashdesk.md) as data.
 *
 * Effective unblock matrix (block reason on the card → roles that may lift it, with the paired unblock reason):
 *   0 loss        → client*, cashier*, cc_operator, marketer, senior_employee, director, administrator (reason 0)
 *   1 unwanted    → senior_employee, director, administrator (reason 1)
 *   2 black list  → director, administrator (reason 2)
 *   3 refusal     → cc_operator, marketer, administrator (reason 3)
 *   4 replacement → administrator only (any unblock reason)
 *   * and never when an administrator placed the block; the same goes for every role but the administrator.
 */

import { ROLES, type Role } from '../roles.js';

/** The caller roles, as the card rules name them. */
export const CARD_ROLES = ROLES;
export type CardRole = Role;

export const BLOCK_REASON_CODES = [0, 1, 2, 3, 4] as const;
export type BlockReasonCode = (typeof BLOCK_REASON_CODES)[number];
export const UNBLOCK_REASON_CODES = [0, 1, 2, 3] as const;
export type UnblockReasonCode = (typeof UNBLOCK_REASON_CODES)[number];

export const BLOCK_REASON_NAMES: Readonly<Record<BlockReasonCode, string>> = {
  0: 'Loss of the card',
  1: 'Put on the list of unwanted customers',
  2: 'Put on the black list',
  3: 'Refusal to use',
  4: 'Card replacement',
};

export const UNBLOCK_REASON_NAMES: Readonly<Record<UnblockReasonCode, string>> = {
  0: 'Card found',
  1: 'Left the list of unwanted customers',
  2: 'Left the black list',
  3: 'Card restored after refusal to use',
};

/**
 * Roles allowed to block with each reason. Seed table, plus Tessera's decision for the cashier (a till
 * terminal, not in the seed): it may block for loss (0) only.
 */
export const BLOCK_REASON_ROLES: Readonly<Record<BlockReasonCode, readonly CardRole[]>> = {
  0: ['client', 'cashier', 'cc_operator', 'marketer', 'senior_employee', 'director', 'administrator'],
  1: ['senior_employee', 'director', 'administrator'],
  2: ['director', 'administrator'],
  3: ['cc_operator', 'marketer', 'administrator'],
  4: ['cc_operator', 'marketer', 'senior_employee', 'director', 'administrator'],
};

/** Roles allowed to use each unblock reason. The cashier, like the client, may use 0 (card found) only. */
export const UNBLOCK_REASON_ROLES: Readonly<Record<UnblockReasonCode, readonly CardRole[]>> = {
  0: ['client', 'cashier', 'cc_operator', 'marketer', 'senior_employee', 'director', 'administrator'],
  1: ['senior_employee', 'director', 'administrator'],
  2: ['director', 'administrator'],
  3: ['cc_operator', 'marketer', 'administrator'],
};

/**
 * Block reasons each role may lift: the seed's prohibitions (client only 0; cc_operator not 1 or 4;
 * senior_employee not 2, 3 or 4; nobody but the administrator 4). The cashier is treated as the client.
 */
export const LIFTABLE_BLOCK_REASONS: Readonly<Record<CardRole, readonly BlockReasonCode[]>> = {
  administrator: [0, 1, 2, 3, 4],
  director: [0, 1, 2, 3],
  senior_employee: [0, 1],
  marketer: [0, 1, 2, 3],
  cc_operator: [0, 2, 3],
  cashier: [0],
  client: [0],
};

/**
 * The unblock reason that answers each block reason (Tessera's reading: the seed numbers them in parallel,
 * and without the pairing a CC operator could lift a black-listing by saying "card found").
 * Replacement (4) has no answer: the administrator may lift it with any reason.
 */
export const UNBLOCK_REASON_FOR_BLOCK: Readonly<Record<BlockReasonCode, UnblockReasonCode | null>> = {
  0: 0,
  1: 1,
  2: 2,
  3: 3,
  4: null,
};

export type BlockPermissionReason = 'INVALID_REASON_CODE' | 'BLOCK_REASON_NOT_ALLOWED';
export type UnblockPermissionReason =
  | 'INVALID_REASON_CODE'
  | 'UNBLOCK_REASON_NOT_ALLOWED'
  | 'BLOCKED_BY_ADMINISTRATOR'
  | 'BLOCK_NOT_LIFTABLE'
  | 'UNBLOCK_REASON_MISMATCH';

export type Permission<R extends string> = { ok: true } | { ok: false; reason: R; message: string };

export function isBlockReasonCode(code: number): code is BlockReasonCode {
  return (BLOCK_REASON_CODES as readonly number[]).includes(code);
}

export function isUnblockReasonCode(code: number): code is UnblockReasonCode {
  return (UNBLOCK_REASON_CODES as readonly number[]).includes(code);
}

/** May `role` block a card with `reasonCode`? */
export function canBlock(role: CardRole, reasonCode: number): Permission<BlockPermissionReason> {
  if (!isBlockReasonCode(reasonCode)) {
    return {
      ok: false,
      reason: 'INVALID_REASON_CODE',
      message: `Block reason ${reasonCode} does not exist (0 to 4).`,
    };
  }
  if (!BLOCK_REASON_ROLES[reasonCode].includes(role)) {
    return {
      ok: false,
      reason: 'BLOCK_REASON_NOT_ALLOWED',
      message: `The ${role} role may not block a card for "${BLOCK_REASON_NAMES[reasonCode]}".`,
    };
  }
  return { ok: true };
}

/**
 * May `role` lift a block placed for `block.reasonCode` by `block.blockedBy`, saying `unblockReasonCode`?
 * Checks, in order: the code exists, the role may use it, an administrator's block is lifted only by an
 * administrator, the role may lift that block reason, and the unblock reason answers the block reason.
 */
export function canUnblock(
  role: CardRole,
  unblockReasonCode: number,
  block: { reasonCode: BlockReasonCode; blockedBy: CardRole },
): Permission<UnblockPermissionReason> {
  if (!isUnblockReasonCode(unblockReasonCode)) {
    return {
      ok: false,
      reason: 'INVALID_REASON_CODE',
      message: `Unblock reason ${unblockReasonCode} does not exist (0 to 3).`,
    };
  }
  if (!UNBLOCK_REASON_ROLES[unblockReasonCode].includes(role)) {
    return {
      ok: false,
      reason: 'UNBLOCK_REASON_NOT_ALLOWED',
      message: `The ${role} role may not unblock a card for "${UNBLOCK_REASON_NAMES[unblockReasonCode]}".`,
    };
  }
  if (block.blockedBy === 'administrator' && role !== 'administrator') {
    return {
      ok: false,
      reason: 'BLOCKED_BY_ADMINISTRATOR',
      message: 'A card blocked by an administrator can be unblocked only by an administrator.',
    };
  }
  if (!LIFTABLE_BLOCK_REASONS[role].includes(block.reasonCode)) {
    return {
      ok: false,
      reason: 'BLOCK_NOT_LIFTABLE',
      message: `The ${role} role may not unblock a card blocked for "${BLOCK_REASON_NAMES[block.reasonCode]}".`,
    };
  }
  const answer = UNBLOCK_REASON_FOR_BLOCK[block.reasonCode];
  if (answer !== null && answer !== unblockReasonCode) {
    return {
      ok: false,
      reason: 'UNBLOCK_REASON_MISMATCH',
      message: `A card blocked for "${BLOCK_REASON_NAMES[block.reasonCode]}" is unblocked with reason ${answer} (${UNBLOCK_REASON_NAMES[answer]}).`,
    };
  }
  return { ok: true };
}
