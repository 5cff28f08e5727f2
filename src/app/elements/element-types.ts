/**
 * Loyalty element types: a program (code, name, number length, active flag) with the element settings
 * (nominated, rechargeable, CVV, customer validation, charge limit, initial amount, validity) and its prefix
 * ranges. Creating one creates both in one transaction.
 */
import { fail, ok, type Result } from '../../core/error-catalog.js';
import type { Program } from '../../core/loyalty/program.js';
import { validateProgram } from '../../core/loyalty/program.js';
import { DuplicateError } from '../../db/errors.js';
import * as types from '../../db/repos/element-types.repo.js';
import { insertProgram } from '../../db/repos/programs.repo.js';
import { findCompany } from '../../db/repos/customer-details.repo.js';
import { inTransaction } from '../../db/transaction.js';
import type { Deps } from '../context.js';
import { newId } from '../ids.js';
import { newObjectId } from './object-ids.js';

export type { ElementTypeRecord } from '../../db/repos/element-types.repo.js';

export interface ElementTypeInput {
  code: string;
  name: string;
  description?: string;
  active?: boolean;
  numberLength: number;
  nominated?: boolean;
  rechargeable?: boolean;
  cvvRequired?: boolean;
  customerValidation?: 'NO' | 'API' | 'FILE';
  /** Minor units (hundredths); 0 = no limit. */
  chargeLimit?: number;
  initialAmount?: number;
  validityDays?: number | null;
  ranges?: { id?: string; start: number; end: number; suggested?: boolean }[];
}

function programOf(input: ElementTypeInput, currency: string): Omit<Program, 'id'> {
  return {
    code: input.code,
    name: input.name,
    active: input.active ?? true,
    cardType: 'bonus',
    cardCategory: 'virtual',
    numberFormat: { prefix: '', length: Math.min(19, Math.max(2, input.numberLength)), checkDigit: 'none' },
    pointsLabel: 'points',
    currency,
    pendingDays: 0,
    expiry: { kind: 'none' },
    rules: [],
    tiers: { type: 'points', steps: [] },
    voucherTemplates: [],
    requiredFields: [],
    discountBasisPoints: 0,
    negativeBalance: 'cap_at_zero',
    cancelWindowHours: 24,
    requireKnownItems: false,
    walletEnabled: false,
    oneCardPerCustomer: false,
    sponsorship: null,
    sharedMobiles: false,
  };
}

export async function createElementType(
  deps: Deps,
  merchantId: string,
  input: ElementTypeInput,
): Promise<Result<types.ElementTypeRecord>> {
  const merchant = await findCompany(deps.db, merchantId);
  if (!merchant) return fail('MERCHANT_NOT_FOUND');
  const program = programOf(input, merchant.currency);
  const issues = validateProgram(program);
  if (input.numberLength < 1 || input.numberLength > 64) {
    issues.push({ field: 'numberLength', message: 'from 1 to 64' });
  }
  for (const r of input.ranges ?? []) {
    if (!Number.isInteger(r.start) || !Number.isInteger(r.end) || r.start < 0 || r.end < r.start)
      issues.push({ field: 'ranges', message: 'each range needs integers 0 <= start <= end' });
  }
  if ((input.chargeLimit ?? 0) < 0 || (input.initialAmount ?? 0) < 0)
    issues.push({ field: 'chargeLimit', message: 'amounts are 0 or more' });
  if (issues.length > 0) {
    return fail('PROGRAM_INVALID', issues.map((i) => `${i.field}: ${i.message}`).join('; '));
  }
  const programId = newId('prg');
  const now = deps.now().toISOString();
  try {
    await inTransaction(deps.db, async (tx) => {
      await insertProgram(tx, { id: programId, merchantId, program, now });
      await types.insertElementType(
        tx,
        {
          programId,
          merchantId,
          description: input.description ?? input.name,
          nominated: input.nominated ?? false,
          rechargeable: input.rechargeable ?? false,
          cvvRequired: input.cvvRequired ?? false,
          customerValidation: input.customerValidation ?? 'NO',
          chargeLimit: input.chargeLimit ?? 0,
          initialAmount: input.initialAmount ?? 0,
          validityDays: input.validityDays ?? null,
          now,
        },
        (input.ranges ?? []).map((r) => ({
          id: r.id ?? newObjectId(now),
          start: r.start,
          end: r.end,
          suggested: r.suggested ?? false,
        })),
      );
    });
  } catch (error) {
    if (error instanceof DuplicateError) return fail('PROGRAM_CODE_TAKEN');
    throw error;
  }
  const created = await types.findElementType(deps.db, merchantId, input.code);
  return created ? ok(created) : fail('INTERNAL');
}

export async function listElementTypes(deps: Deps, merchantId: string): Promise<types.ElementTypeRecord[]> {
  return types.listElementTypes(deps.db, merchantId);
}

export async function findElementType(deps: Deps, merchantId: string, code: string) {
  return types.findElementType(deps.db, merchantId, code);
}
