import { describe, expect, it } from 'vitest';
import { blockCard, unblockCard } from './card-lifecycle.js';
import {
  BLOCK_REASON_CODES,
  CARD_ROLES,
  canUnblock,
  UNBLOCK_REASON_CODES,
  type BlockReasonCode,
  type CardRole,
} from './card-reasons.js';
import { newCard, type CardState } from './card-state.js';

const active: CardState = { ...newCard('23301090783', 'prg_1'), status: 'active', customerId: 'cus_1' };
const blocked = (reasonCode: BlockReasonCode, blockedBy: CardRole): CardState => ({
  ...active,
  status: 'blocked',
  block: { reasonCode, blockedBy },
});

/** Written out by hand from spec/cashdesk.md (+ the cashier decision), independently of the tables. */
const MAY_BLOCK: Record<CardRole, BlockReasonCode[]> = {
  administrator: [0, 1, 2, 3, 4],
  director: [0, 1, 2, 4],
  senior_employee: [0, 1, 4],
  marketer: [0, 3, 4],
  cc_operator: [0, 3, 4],
  cashier: [0],
  client: [0],
};

/** [block reason on the card, unblock reason used] pairs that succeed, for a block placed by a non-administrator. */
const MAY_UNBLOCK: Record<CardRole, [number, number][]> = {
  administrator: [
    [0, 0],
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 0],
    [4, 1],
    [4, 2],
    [4, 3],
  ],
  director: [
    [0, 0],
    [1, 1],
    [2, 2],
  ],
  senior_employee: [
    [0, 0],
    [1, 1],
  ],
  marketer: [
    [0, 0],
    [3, 3],
  ],
  cc_operator: [
    [0, 0],
    [3, 3],
  ],
  cashier: [[0, 0]],
  client: [[0, 0]],
};

describe('block: every role × reason', () => {
  const cases = CARD_ROLES.flatMap((role) => BLOCK_REASON_CODES.map((code) => [role, code] as const));
  it.each(cases)('%s blocks for %i', (role, code) => {
    const result = blockCard(active, { role, reasonCode: code });
    if (MAY_BLOCK[role].includes(code)) {
      expect(result).toMatchObject({
        ok: true,
        card: { status: 'blocked', block: { reasonCode: code, blockedBy: role } },
      });
    } else {
      expect(result).toMatchObject({ ok: false, reason: 'BLOCK_REASON_NOT_ALLOWED' });
    }
  });

  it.each([-1, 5, 1.5])('refuses the unknown block reason %d', (code) => {
    expect(blockCard(active, { role: 'administrator', reasonCode: code })).toMatchObject({
      ok: false,
      reason: 'INVALID_REASON_CODE',
    });
  });
});

describe('unblock: every role × block reason × unblock reason', () => {
  const cases = CARD_ROLES.flatMap((role) =>
    BLOCK_REASON_CODES.flatMap((blockCode) =>
      UNBLOCK_REASON_CODES.map((code) => [role, blockCode, code] as const),
    ),
  );

  it.each(cases)('%s lifts a block for %i (placed by a director) with reason %i', (role, blockCode, code) => {
    const card = blocked(blockCode, 'director');
    const result = unblockCard(card, { role, reasonCode: code, customerDataSufficient: true });
    const allowed = MAY_UNBLOCK[role].some(([b, u]) => b === blockCode && u === code);
    expect(result.ok).toBe(allowed);
    if (result.ok) expect(result.card).toMatchObject({ status: 'active', block: null });
  });

  it.each(cases)(
    '%s lifts a block for %i placed by an administrator with reason %i',
    (role, blockCode, code) => {
      const result = unblockCard(blocked(blockCode, 'administrator'), {
        role,
        reasonCode: code,
        customerDataSufficient: false,
      });
      const allowed =
        role === 'administrator' && MAY_UNBLOCK.administrator.some(([b, u]) => b === blockCode && u === code);
      expect(result.ok).toBe(allowed);
      if (!result.ok && role !== 'administrator' && MAY_UNBLOCK[role].some(([, u]) => u === code)) {
        expect(result.reason).toBe('BLOCKED_BY_ADMINISTRATOR');
      }
    },
  );
});

describe('unblock refusals say why', () => {
  it.each([
    ['client', 1, 0, 'BLOCK_NOT_LIFTABLE'], // client: only a card blocked for loss
    ['client', 0, 3, 'UNBLOCK_REASON_NOT_ALLOWED'],
    ['cashier', 4, 0, 'BLOCK_NOT_LIFTABLE'],
    ['cc_operator', 1, 0, 'BLOCK_NOT_LIFTABLE'],
    ['cc_operator', 4, 3, 'BLOCK_NOT_LIFTABLE'],
    ['cc_operator', 2, 0, 'UNBLOCK_REASON_MISMATCH'], // "card found" does not lift a black-listing
    ['senior_employee', 2, 0, 'BLOCK_NOT_LIFTABLE'],
    ['senior_employee', 3, 0, 'BLOCK_NOT_LIFTABLE'],
    ['senior_employee', 4, 1, 'BLOCK_NOT_LIFTABLE'],
    ['director', 4, 0, 'BLOCK_NOT_LIFTABLE'],
    ['director', 3, 3, 'UNBLOCK_REASON_NOT_ALLOWED'],
    ['marketer', 4, 3, 'BLOCK_NOT_LIFTABLE'],
    ['administrator', 1, 0, 'UNBLOCK_REASON_MISMATCH'],
    ['administrator', 0, 7, 'INVALID_REASON_CODE'],
    ['administrator', 0, 4, 'INVALID_REASON_CODE'],
  ] as const)('%s, block %i, unblock %i → %s', (role, blockCode, code, reason) => {
    expect(canUnblock(role, code, { reasonCode: blockCode, blockedBy: 'senior_employee' })).toMatchObject({
      ok: false,
      reason,
    });
  });
});
