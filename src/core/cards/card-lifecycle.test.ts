import { describe, expect, it } from 'vitest';
import { activateCard, bindCard, blockCard, expireCard, issueCard, unblockCard } from './card-lifecycle.js';
import { newCard, type CardBlock, type CardState, type CardStatus } from './card-state.js';

const PRG = 'prg_1';
const card = (
  status: CardStatus,
  customerId: string | null = null,
  block: CardBlock | null = null,
  number = '100',
): CardState => ({
  ...newCard(number, PRG),
  status,
  customerId,
  block: status === 'blocked' ? (block ?? { reasonCode: 0, blockedBy: 'cc_operator' }) : null,
});

describe('issueCard', () => {
  it.each([
    ['new', { ok: true, card: { status: 'issued' }, events: [{ type: 'card.issued' }] }],
    ['issued', { ok: true, card: { status: 'issued' }, events: [] }],
    ['active', { ok: false, reason: 'STATUS_ERROR' }],
    ['blocked', { ok: false, reason: 'STATUS_ERROR' }],
    ['replaced', { ok: false, reason: 'STATUS_ERROR' }],
    ['expired', { ok: false, reason: 'STATUS_ERROR' }],
  ] as const)('from %s', (status, expected) => {
    expect(issueCard(card(status, status === 'new' ? null : 'cus_1'))).toMatchObject(expected);
  });
});

describe('bindCard', () => {
  const other = (status: CardStatus, block: CardBlock | null = null, programId = PRG): CardState => ({
    ...card(status, 'cus_1', block, '200'),
    programId,
  });
  it.each([
    ['issued unbound', card('issued'), [], { ok: true, card: { status: 'issued', customerId: 'cus_1' } }],
    ['issued, same customer', card('issued', 'cus_1'), [], { ok: true, events: [] }],
    ['active, same customer', card('active', 'cus_1'), [], { ok: true, events: [] }],
    [
      'issued, other customer',
      card('issued', 'cus_2'),
      [],
      { ok: false, reason: 'CARD_BOUND_TO_ANOTHER_CUSTOMER' },
    ],
    [
      'active, other customer',
      card('active', 'cus_2'),
      [],
      { ok: false, reason: 'CARD_BOUND_TO_ANOTHER_CUSTOMER' },
    ],
    ['new', card('new'), [], { ok: false, reason: 'STATUS_ERROR' }],
    ['blocked', card('blocked', 'cus_1'), [], { ok: false, reason: 'STATUS_ERROR' }],
    ['replaced', card('replaced', 'cus_1'), [], { ok: false, reason: 'STATUS_ERROR' }],
    ['expired', card('expired'), [], { ok: false, reason: 'STATUS_ERROR' }],
    [
      'customer has an active card',
      card('issued'),
      [other('active')],
      { ok: false, reason: 'CUSTOMER_HAS_ANOTHER_CARD' },
    ],
    [
      'customer has an issued card',
      card('issued'),
      [other('issued')],
      { ok: false, reason: 'CUSTOMER_HAS_ANOTHER_CARD' },
    ],
    [
      'customer has a card blocked for loss',
      card('issued'),
      [other('blocked', { reasonCode: 0, blockedBy: 'client' })],
      { ok: false, reason: 'CUSTOMER_HAS_ANOTHER_CARD' },
    ],
    [
      'customer has a card blocked for replacement',
      card('issued'),
      [other('blocked', { reasonCode: 4, blockedBy: 'cc_operator' })],
      { ok: true, card: { customerId: 'cus_1' } },
    ],
    ['customer has a replaced card', card('issued'), [other('replaced')], { ok: true }],
    ['customer has an expired card', card('issued'), [other('expired')], { ok: true }],
    [
      'customer has an active card of another program',
      card('issued'),
      [other('active', null, 'prg_2')],
      { ok: true },
    ],
    ['the list holds the card itself', card('issued'), [card('issued', 'cus_1')], { ok: true }],
  ] as const)('%s', (_name, input, customerCards, expected) => {
    expect(bindCard(input, { customerId: 'cus_1', customerCards })).toMatchObject(expected);
  });

  it('does not mutate its input', () => {
    const input = card('issued');
    const copy = structuredClone(input);
    bindCard(input, { customerId: 'cus_1', customerCards: [] });
    expect(input).toEqual(copy);
  });
});

describe('activateCard', () => {
  it.each([
    [
      'issued bound, data sufficient',
      card('issued', 'cus_1'),
      true,
      { ok: true, card: { status: 'active' } },
    ],
    [
      'issued bound, data insufficient',
      card('issued', 'cus_1'),
      false,
      { ok: false, reason: 'CUSTOMER_DATA_INSUFFICIENT' },
    ],
    ['issued unbound', card('issued'), true, { ok: false, reason: 'CARD_NOT_BOUND' }],
    ['new', card('new'), true, { ok: false, reason: 'STATUS_ERROR' }],
    ['blocked', card('blocked', 'cus_1'), true, { ok: false, reason: 'STATUS_ERROR' }],
    ['active', card('active', 'cus_1'), false, { ok: true, events: [] }],
    ['replaced', card('replaced', 'cus_1'), true, { ok: false, reason: 'STATUS_ERROR' }],
    ['expired', card('expired', 'cus_1'), true, { ok: false, reason: 'STATUS_ERROR' }],
  ] as const)('%s', (_name, input, customerDataSufficient, expected) => {
    expect(activateCard(input, { customerDataSufficient })).toMatchObject(expected);
  });
});

describe('blockCard: status', () => {
  it.each([
    [
      'issued bound',
      card('issued', 'cus_1'),
      { ok: true, events: [{ type: 'card.blocked', reasonCode: 0, by: 'cashier' }] },
    ],
    ['active', card('active', 'cus_1'), { ok: true, card: { status: 'blocked' } }],
    ['issued unbound', card('issued'), { ok: false, reason: 'CARD_NOT_BOUND' }],
    ['new', card('new'), { ok: false, reason: 'STATUS_ERROR' }],
    ['already blocked', card('blocked', 'cus_1'), { ok: false, reason: 'STATUS_ERROR' }],
    ['replaced', card('replaced', 'cus_1'), { ok: false, reason: 'STATUS_ERROR' }],
    ['expired', card('expired', 'cus_1'), { ok: false, reason: 'STATUS_ERROR' }],
  ] as const)('%s', (_name, input, expected) => {
    expect(blockCard(input, { reasonCode: 0, role: 'cashier' })).toMatchObject(expected);
  });
});

describe('unblockCard: status', () => {
  it.each([
    [
      'blocked, data sufficient',
      card('blocked', 'cus_1'),
      true,
      { ok: true, card: { status: 'active', block: null } },
    ],
    [
      'blocked, data insufficient',
      card('blocked', 'cus_1'),
      false,
      { ok: true, card: { status: 'issued', block: null } },
    ],
    ['active', card('active', 'cus_1'), true, { ok: false, reason: 'STATUS_ERROR' }],
    ['issued', card('issued', 'cus_1'), true, { ok: false, reason: 'STATUS_ERROR' }],
    ['new', card('new'), true, { ok: false, reason: 'STATUS_ERROR' }],
  ] as const)('%s', (_name, input, customerDataSufficient, expected) => {
    expect(unblockCard(input, { reasonCode: 0, role: 'client', customerDataSufficient })).toMatchObject(
      expected,
    );
  });

  it('round-trips block then unblock', () => {
    const start = card('active', 'cus_1');
    const blocked = blockCard(start, { reasonCode: 3, role: 'marketer' });
    if (!blocked.ok) throw new Error(blocked.message);
    const back = unblockCard(blocked.card, {
      reasonCode: 3,
      role: 'cc_operator',
      customerDataSufficient: true,
    });
    expect(back).toMatchObject({ ok: true, card: start });
  });
});

describe('expireCard', () => {
  it.each([
    ['new', { ok: true, card: { status: 'expired' } }],
    ['issued', { ok: true, card: { status: 'expired' } }],
    ['active', { ok: true, events: [{ type: 'card.expired' }] }],
    ['blocked', { ok: true, card: { status: 'expired', block: null } }],
    ['expired', { ok: true, events: [] }],
    ['replaced', { ok: false, reason: 'STATUS_ERROR' }],
  ] as const)('from %s', (status, expected) => {
    expect(expireCard(card(status, status === 'new' ? null : 'cus_1'))).toMatchObject(expected);
  });
});
