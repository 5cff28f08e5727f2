/** Programs (card types): create, read, list, update. Settings are validated with validateProgram. */
import { detail, fail, ok, type Result } from '../../core/error-catalog.js';
import { decodeCursor, encodeCursor } from '../../core/cursor.js';
import {
  validateProgram,
  type Program,
  type ProgramSettings,
  type VoucherTemplate,
} from '../../core/loyalty/program.js';
import type { EarningRule } from '../../core/rules/earning-rules.js';
import { upgradeRule, type LegacyCategoryRule } from '../../core/rules/legacy-category.js';
import type { Rounding } from '../../core/rules/rounding.js';
import { DuplicateError } from '../../db/errors.js';
import * as repo from '../../db/repos/programs.repo.js';
import { inTransaction } from '../../db/transaction.js';
import { findMerchantById } from '../../db/repos/tenancy.repo.js';
import type { Deps } from '../context.js';
import { newId } from '../ids.js';

export type { ProgramRecord } from '../../db/repos/programs.repo.js';
type ProgramRecord = repo.ProgramRecord;

/**
 * An earning rule as sent: rounding, minimum and exclusion may be left out; a legacy category rule is stored
 * as the attribute rule it stands for (core/rules/legacy-category.ts).
 */
export type RuleInput = Omit<
  EarningRule | LegacyCategoryRule,
  'rounding' | 'minimumAmount' | 'excludeDiscounted'
> & {
  rounding?: Rounding;
  minimumAmount?: number;
  excludeDiscounted?: boolean;
};

/** A voucher template as sent: validity, splitting and options may be left out. */
export type TemplateInput = Omit<VoucherTemplate, 'validityDays' | 'splittable' | 'options'> & {
  validityDays?: number | null;
  splittable?: boolean;
  options?: VoucherTemplate['options'];
};

type SettingsInput = Omit<ProgramSettings, 'rules' | 'voucherTemplates'> & {
  rules: RuleInput[];
  voucherTemplates: TemplateInput[];
};

export type ProgramCreateInput = Pick<Program, 'code' | 'name'> &
  Pick<ProgramSettings, 'cardType' | 'cardCategory' | 'numberFormat'> &
  Partial<Omit<SettingsInput, 'cardType' | 'cardCategory' | 'numberFormat'>> & { active?: boolean };

export type ProgramPatchInput = Partial<Pick<Program, 'code' | 'name' | 'active'> & SettingsInput>;

/** The settings a program gets when the body leaves them out. */
export const PROGRAM_DEFAULTS = {
  pointsLabel: 'points',
  pendingDays: 0,
  expiry: { kind: 'none' },
  rules: [],
  tiers: { type: 'points', steps: [] },
  voucherTemplates: [],
  requiredFields: [],
  discountBasisPoints: 0,
  negativeBalance: 'allow',
  cancelWindowHours: 24,
  requireKnownItems: false,
  walletEnabled: false,
  sponsorship: null,
  sharedMobiles: false,
  oneCardPerCustomer: true,
  pointValuePer100: null,
} as const satisfies Partial<ProgramSettings>;

const normalizeRule = (rule: RuleInput): EarningRule =>
  upgradeRule({
    ...rule,
    rounding: rule.rounding ?? 'floor',
    minimumAmount: rule.minimumAmount ?? 0,
    excludeDiscounted: rule.excludeDiscounted ?? false,
  } as EarningRule | LegacyCategoryRule);

const normalizeTemplate = (t: TemplateInput): VoucherTemplate => ({
  ...t,
  validityDays: t.validityDays ?? null,
  splittable: t.splittable ?? false,
  options: t.options ?? [],
});

function invalid(issues: { field: string; message: string }[]): Result<never> {
  return fail(
    'PROGRAM_INVALID',
    issues.map((i) => `${i.field}: ${i.message}`).join('; '),
    issues.map((i) => detail('PROGRAM_INVALID', i.field, i.message)),
  );
}

function checked(program: Omit<Program, 'id'>): Result<Omit<Program, 'id'>> {
  const issues = validateProgram(program);
  return issues.length > 0 ? invalid(issues) : ok(program);
}

function duplicate(error: unknown): Result<never> {
  if (error instanceof DuplicateError) return fail('PROGRAM_CODE_TAKEN');
  throw error;
}

export async function createProgram(
  deps: Deps,
  merchantId: string,
  input: ProgramCreateInput,
): Promise<Result<ProgramRecord>> {
  const merchant = await findMerchantById(deps.db, merchantId);
  if (!merchant) return fail('MERCHANT_NOT_FOUND');
  const program = checked({
    ...PROGRAM_DEFAULTS,
    currency: merchant.currency,
    ...input,
    active: input.active ?? true,
    rules: (input.rules ?? []).map(normalizeRule),
    voucherTemplates: (input.voucherTemplates ?? []).map(normalizeTemplate),
  } as Omit<Program, 'id'>);
  if (!program.ok) return program;
  const id = newId('prg');
  try {
    return await inTransaction(deps.db, async (tx) => {
      await repo.insertProgram(tx, { id, merchantId, program: program.value, now: deps.now().toISOString() });
      const created = await repo.findProgram(tx, merchantId, { id });
      return created ? ok(created) : fail('INTERNAL');
    });
  } catch (error) {
    return duplicate(error);
  }
}

export async function getProgram(deps: Deps, merchantId: string, id: string): Promise<Result<ProgramRecord>> {
  const found = await repo.findProgram(deps.db, merchantId, { id });
  return found ? ok(found) : fail('PROGRAM_NOT_FOUND');
}

export async function listPrograms(
  deps: Deps,
  merchantId: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<Result<{ data: ProgramRecord[]; nextCursor: string | null }>> {
  let after: string | undefined;
  if (query.cursor) {
    after = decodeCursor(query.cursor);
    if (after === undefined) return fail('INVALID_CURSOR');
  }
  const rows = await repo.listPrograms(deps.db, merchantId, { limit: query.limit + 1, after });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return ok({ data: page, nextCursor: rows.length > query.limit && last ? encodeCursor(last.id) : null });
}

const sameFormat = (a: Program['numberFormat'], b: Program['numberFormat']) =>
  a.prefix === b.prefix && a.length === b.length && a.checkDigit === b.checkDigit;

/** Updates a program: fields absent are kept, present ones replace the stored value wholesale. */
export async function updateProgram(
  deps: Deps,
  merchantId: string,
  id: string,
  input: ProgramPatchInput,
): Promise<Result<ProgramRecord>> {
  try {
    return await inTransaction(deps.db, async (tx) => {
      const current = await repo.findProgram(tx, merchantId, { id });
      if (!current) return fail('PROGRAM_NOT_FOUND');
      const { id: _id, merchantId: _m, nextSerial: _n, createdAt: _c, updatedAt: _u, ...stored } = current;
      const { rules, voucherTemplates, ...rest } = input;
      const program = checked({
        ...stored,
        ...rest,
        rules: rules ? rules.map(normalizeRule) : stored.rules,
        voucherTemplates: voucherTemplates
          ? voucherTemplates.map(normalizeTemplate)
          : stored.voucherTemplates,
      });
      if (!program.ok) return program;
      const format = program.value.numberFormat;
      if (!sameFormat(format, stored.numberFormat) && (await repo.countProgramCards(tx, id)) > 0) {
        return invalid([{ field: 'numberFormat', message: 'cannot change once the program has cards' }]);
      }
      await repo.updateProgram(tx, merchantId, id, program.value, deps.now().toISOString());
      const updated = await repo.findProgram(tx, merchantId, { id });
      return updated ? ok(updated) : fail('PROGRAM_NOT_FOUND');
    });
  } catch (error) {
    return duplicate(error);
  }
}
