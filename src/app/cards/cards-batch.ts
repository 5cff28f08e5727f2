/** Card numbers in bulk: batch creation (status new) and "next available card" handed out exactly once. */
import { cardNumberBatch, issueCard } from '../../core/cards/index.js';
import { fail, ok, type Result } from '../../core/error-catalog.js';
import { DuplicateError } from '../../db/errors.js';
import { claimNewCard, findCardById, insertCards, newUnassignedCards } from '../../db/repos/cards.repo.js';
import { findProgram, reserveSerials } from '../../db/repos/programs.repo.js';
import type { Deps } from '../context.js';
import { newId } from '../ids.js';
import { cardDetails, type CardDetails } from './cards-common.js';
import { inRollbackableTransaction } from '../result-transaction.js';

export const MAX_BATCH = 10_000;

export interface BatchInput {
  programId: string;
  count: number;
  /** Serial of the first number; default: where the program's last batch ended. */
  firstSerial?: number | undefined;
}

export interface Batch {
  programId: string;
  firstSerial: number;
  count: number;
  numbers: string[];
}

/**
 * Creates `count` new cards with consecutive numbers of the program's format. The serials are reserved by
 * a conditional update of programs.next_serial, so concurrent batches never overlap; a batch that would
 * reuse an existing number (an explicit firstSerial) is refused whole with CARD_NUMBER_TAKEN.
 */
export async function createBatch(deps: Deps, merchantId: string, input: BatchInput): Promise<Result<Batch>> {
  if (!Number.isInteger(input.count) || input.count < 1 || input.count > MAX_BATCH) {
    return fail('VALIDATION_FAILED', `count must be an integer from 1 to ${MAX_BATCH}.`);
  }
  const program = await findProgram(deps.db, merchantId, { id: input.programId });
  if (!program) return fail('PROGRAM_NOT_FOUND');
  try {
    return await inRollbackableTransaction(deps, async (tx) => {
      const first = await reserveSerials(tx, program.id, input.count, input.firstSerial);
      if (first === undefined) return fail('PROGRAM_NOT_FOUND');
      const numbers = cardNumberBatch(program.numberFormat, first, input.count);
      if (!numbers.ok) return fail('CARD_SERIAL_OUT_OF_RANGE', numbers.message);
      const now = deps.now().toISOString();
      await insertCards(
        tx,
        numbers.numbers.map((number) => ({
          id: newId('card'),
          merchantId,
          programId: program.id,
          number,
          status: 'new' as const,
          now,
        })),
      );
      return ok({ programId: program.id, firstSerial: first, count: input.count, numbers: numbers.numbers });
    });
  } catch (error) {
    if (error instanceof DuplicateError) {
      return fail(
        'CARD_NUMBER_TAKEN',
        'Some numbers of this batch already exist; choose another firstSerial.',
      );
    }
    throw error;
  }
}

const CANDIDATES = 20;

/**
 * Hands out one new, unassigned card of the program and marks it issued. Each candidate is claimed with a
 * single conditional UPDATE (still new and unassigned); when another request took it first, the next
 * candidate is tried, and the list is read again when all were taken. NO_CARD_AVAILABLE when none is left.
 */
export async function nextAvailable(
  deps: Deps,
  merchantId: string,
  programId: string,
): Promise<Result<CardDetails>> {
  const program = await findProgram(deps.db, merchantId, { id: programId });
  if (!program) return fail('PROGRAM_NOT_FOUND');
  for (;;) {
    const candidates = await newUnassignedCards(deps.db, merchantId, program.id, CANDIDATES);
    if (candidates.length === 0) {
      return fail('NO_CARD_AVAILABLE', `No new unassigned card of program ${program.code} is left.`);
    }
    for (const candidate of candidates) {
      const issued = issueCard(candidate.state);
      if (!issued.ok) continue;
      const now = deps.now().toISOString();
      if (!(await claimNewCard(deps.db, candidate.id, issued.card.status, now))) continue;
      const card = await findCardById(deps.db, merchantId, candidate.id);
      if (card) return ok(await cardDetails(deps.db, card));
    }
  }
}
