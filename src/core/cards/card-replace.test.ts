import { describe, expect, it } from 'vitest';
import { replaceCard } from './card-lifecycle.js';
import { newCard, type CardBlock, type CardState, type CardStatus } from './card-state.js';

const card = (
  status: CardStatus,
  customerId: string | null = null,
  block: CardBlock | null = null,
  number = '100',
): CardState => ({
  ...newCard(number, 'prg_1'),
  status,
  customerId,
  block: status === 'blocked' ? (block ?? { reasonCode: 0, blockedBy: 'cc_operator' }) : null,
});

describe('replaceCard', () => {
  const old = (status: CardStatus, block: CardBlock | null = null) => card(status, 'cus_1', block, '100');
  const base = {
    successor: card('new', null, null, '200'),
    role: 'cc_operator',
    customerCards: [],
    customerDataSufficient: true,
  } as const;

  it.each([
    [
      'active old, new successor',
      old('active'),
      {},
      {
        ok: true,
        card: { status: 'replaced', replacedBy: '200' },
        successor: { status: 'active', customerId: 'cus_1', replaces: '100' },
      },
    ],
    [
      'issued bound old',
      old('issued'),
      { customerDataSufficient: false },
      { ok: true, successor: { status: 'issued' } },
    ],
    [
      'blocked for loss',
      old('blocked', { reasonCode: 0, blockedBy: 'client' }),
      {},
      { ok: true, card: { block: null } },
    ],
    ['blocked for replacement', old('blocked', { reasonCode: 4, blockedBy: 'marketer' }), {}, { ok: true }],
    [
      'blocked for the black list',
      old('blocked', { reasonCode: 2, blockedBy: 'director' }),
      {},
      { ok: false, reason: 'STATUS_ERROR' },
    ],
    [
      'blocked by an administrator',
      old('blocked', { reasonCode: 0, blockedBy: 'administrator' }),
      {},
      { ok: false, reason: 'BLOCKED_BY_ADMINISTRATOR' },
    ],
    [
      '… by an administrator',
      old('blocked', { reasonCode: 0, blockedBy: 'administrator' }),
      { role: 'administrator' },
      { ok: true },
    ],
    ['cashier', old('active'), { role: 'cashier' }, { ok: false, reason: 'REPLACE_NOT_ALLOWED' }],
    ['client', old('active'), { role: 'client' }, { ok: false, reason: 'REPLACE_NOT_ALLOWED' }],
    ['unbound old', card('issued', null, null, '100'), {}, { ok: false, reason: 'STATUS_ERROR' }],
    ['new old', card('new', null, null, '100'), {}, { ok: false, reason: 'STATUS_ERROR' }],
    ['replaced old', old('replaced'), {}, { ok: false, reason: 'STATUS_ERROR' }],
    [
      'successor of another program',
      old('active'),
      { successor: { ...card('new', null, null, '200'), programId: 'prg_2' } },
      { ok: false, reason: 'PROGRAM_MISMATCH' },
    ],
    [
      'successor active',
      old('active'),
      { successor: card('active', 'cus_9', null, '200') },
      { ok: false, reason: 'SUCCESSOR_NOT_AVAILABLE' },
    ],
    [
      'successor is the old card',
      old('active'),
      { successor: card('issued', null, null, '100') },
      { ok: false, reason: 'SUCCESSOR_NOT_AVAILABLE' },
    ],
    [
      'successor bound elsewhere',
      old('active'),
      { successor: card('issued', 'cus_9', null, '200') },
      { ok: false, reason: 'CARD_BOUND_TO_ANOTHER_CUSTOMER' },
    ],
    [
      'successor already bound to the customer',
      old('active'),
      { successor: card('issued', 'cus_1', null, '200') },
      { ok: true, events: [{ type: 'card.replaced' }, { type: 'card.activated' }] },
    ],
    [
      'customer holds a third card',
      old('active'),
      { customerCards: [card('active', 'cus_1', null, '300')] },
      { ok: false, reason: 'CUSTOMER_HAS_ANOTHER_CARD' },
    ],
    [
      'list holds old and successor',
      old('active'),
      { customerCards: [old('active'), card('issued', 'cus_1', null, '200')] },
      { ok: true },
    ],
  ] as const)('%s', (_name, input, overrides, expected) => {
    expect(replaceCard(input, { ...base, ...overrides })).toMatchObject(expected);
  });

  it('emits the events of the whole takeover', () => {
    const result = replaceCard(old('active'), base);
    expect(result.ok && result.events.map((e) => e.type)).toEqual([
      'card.replaced',
      'card.issued',
      'card.bound',
      'card.activated',
    ]);
  });
});
