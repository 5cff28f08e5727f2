/**
 * Tier (step) rewards: generated automatically when a sale crosses a forcedUse step, or on request for a
 * reached step (Avomark POST /cards/{n}/balances/0/steps/{index}). step_rewards (unique card + step) makes
 * every step's reward exactly-once per card.
 */
import { fail, ok, type Result } from '../../core/error-catalog.js';
import type { VoucherTemplate } from '../../core/loyalty/program.js';
import { claimStep, type Tier, type TierLadder } from '../../core/rules/tiers.js';
import type { Kysely } from 'kysely';
import { findCardByNumber } from '../../db/repos/cards.repo.js';
import { findGift } from '../../db/repos/gifts.repo.js';
import { lockCard } from '../../db/repos/ledger.repo.js';
import { findProgram } from '../../db/repos/programs.repo.js';
import * as repo from '../../db/repos/vouchers.repo.js';
import type { DB } from '../../db/schema/index.js';
import type { Tx } from '../../db/transaction.js';
import type { Deps } from '../context.js';
import { newId } from '../ids.js';
import { tierValue } from '../ledger/balance.js';
import { issueVoucher } from './issue-voucher.js';
import { inRollbackableTransaction } from '../result-transaction.js';
import { voucherView, type VoucherView } from './voucher-view.js';

export interface ProgramRewards {
  ladder: TierLadder;
  voucherTemplates: VoucherTemplate[];
}

/** Tiers and voucher templates of a program. */
export async function loadProgramRewards(
  db: Kysely<DB>,
  merchantId: string,
  programId: string,
): Promise<ProgramRewards | undefined> {
  const program = await findProgram(db, merchantId, { id: programId });
  return program ? { ladder: program.tiers, voucherTemplates: program.voucherTemplates } : undefined;
}

const DAY_MS = 86_400_000;

/** Creates a step's reward voucher and records the step as rewarded; null when it already was. */
async function rewardStep(
  tx: Tx,
  ctx: { merchantId: string; cardId: string; customerId: string | null; now: string },
  program: ProgramRewards,
  step: Tier,
): Promise<Result<repo.VoucherRow> | null> {
  const stepRewardId = newId('stp');
  const claimed = await repo.claimStepRow(tx, {
    id: stepRewardId,
    card_id: ctx.cardId,
    step_index: step.index,
    voucher_id: null,
    created_at: ctx.now,
  });
  if (!claimed) return null;
  const common = {
    merchantId: ctx.merchantId,
    cardId: ctx.cardId,
    customerId: ctx.customerId,
    validFrom: null,
    source: 'step' as const,
    stepIndex: step.index,
    now: ctx.now,
  };
  let issued: Result<repo.VoucherRow>;
  if (step.reward.kind === 'gift') {
    const gift = await findGift(tx, ctx.merchantId, step.reward.giftId);
    issued = await issueVoucher(tx, {
      ...common,
      kind: 'gift',
      value: 0,
      options: [],
      label: gift?.title ?? step.label,
      splittable: false,
      validUntil: gift?.valid_until ?? null,
      giftId: step.reward.giftId,
    });
  } else {
    const templateId = step.reward.templateId;
    const template = program.voucherTemplates.find((t) => t.id === templateId);
    if (!template) throw new Error(`step ${step.index} refers to an unknown voucher template ${templateId}`);
    issued = await issueVoucher(tx, {
      ...common,
      kind: template.kind,
      value: template.value,
      options: template.options.map((o) => ({
        type: o.type,
        value: o.type === 'gift' ? String(o.value) : o.value,
        ...(o.label !== undefined ? { label: o.label } : {}),
      })),
      label: template.label || step.label,
      splittable: template.splittable,
      validUntil:
        template.validityDays === null
          ? null
          : new Date(Date.parse(ctx.now) + template.validityDays * DAY_MS).toISOString(),
    });
  }
  if (issued.ok) await repo.setStepVoucher(tx, stepRewardId, issued.value.id);
  return issued;
}

/**
 * Called by a sale's commit, in its transaction: generates the rewards of the forcedUse steps the sale's plan
 * crossed (a step already rewarded meanwhile is skipped: step_rewards is unique per card and step).
 */
export async function issueStepRewards(
  tx: Tx,
  input: { merchantId: string; programId: string; cardId: string; customerId: string | null; now: string },
  steps: readonly Tier[],
): Promise<string[]> {
  if (steps.length === 0) return [];
  const program = await loadProgramRewards(tx, input.merchantId, input.programId);
  if (!program) return [];
  const vouchers: string[] = [];
  for (const step of steps) {
    const issued = await rewardStep(tx, input, program, step);
    if (issued === null) continue;
    if (!issued.ok) throw new Error(`step ${step.index} reward: ${issued.code} ${issued.message ?? ''}`);
    vouchers.push(issued.value.number);
  }
  return vouchers;
}

/** Generates the reward of a reached step on request. */
export async function claimStepReward(
  deps: Deps,
  merchantId: string,
  cardNumber: string,
  stepIndex: number,
): Promise<Result<{ stepIndex: number; voucher: VoucherView }>> {
  const now = deps.now();
  const iso = now.toISOString();
  const result = await inRollbackableTransaction(deps, async (tx) => {
    const card = await findCardByNumber(tx, merchantId, cardNumber);
    if (!card) return fail('CARD_NOT_FOUND');
    if (card.status !== 'active') {
      return fail('CARD_STATUS_ERROR', `The card is ${card.status}; only an active card can be rewarded.`);
    }
    if (!card.programId) return fail('PROGRAM_NOT_FOUND', 'The card has no program.');
    await lockCard(tx, card.id);
    const program = await loadProgramRewards(tx, merchantId, card.programId);
    if (!program) return fail('PROGRAM_NOT_FOUND');
    const value = await tierValue(tx, card, program.ladder.type, iso);
    const rewarded = await repo.rewardedStepIndexes(tx, card.id);
    const claim = claimStep(program.ladder, value, stepIndex, rewarded);
    if (!claim.ok) return fail(claim.reason, claim.message);
    const ctx = { merchantId, cardId: card.id, customerId: card.customerId, now: iso };
    const issued = await rewardStep(tx, ctx, program, claim.step);
    if (issued === null) return fail('STEP_ALREADY_REWARDED');
    return issued;
  });
  return result.ok ? ok({ stepIndex, voucher: voucherView(result.value, now) }) : result;
}
