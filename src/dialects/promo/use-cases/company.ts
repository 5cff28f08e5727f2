/** The company of a request: companyId must name the caller's own merchant (its slug, or another code of it). */
import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../../app/context.js';
import { merchantOf } from '../../../http/plugins/auth.js';
import { companyOf, isCompanyCode } from '../../../app/elements/company.js';
import { COMPANY_INVALID, COMPANY_REQUIRED, PromoAnswer } from '../errors.js';

export interface Company {
  merchantId: string;
  slug: string;
  zone: string | null;
}

export type CompanyCheck = { ok: true; company: Company } | { ok: false; reason: 'REQUIRED' | 'INVALID' };

export async function checkCompany(
  deps: Deps,
  request: FastifyRequest,
  companyId: unknown,
): Promise<CompanyCheck> {
  if (typeof companyId !== 'string' || companyId.trim() === '') return { ok: false, reason: 'REQUIRED' };
  const merchant = await companyOf(deps, merchantOf(request));
  if (!merchant) return { ok: false, reason: 'INVALID' };
  const code = companyId.trim();
  if (merchant.slug !== code && !(await isCompanyCode(deps, merchant.merchantId, code)))
    return { ok: false, reason: 'INVALID' };
  return { ok: true, company: merchant };
}

/** The company, or the documented 400 of the query services. */
export async function requireCompany(
  deps: Deps,
  request: FastifyRequest,
  companyId: unknown,
  answers: { required: PromoAnswer; invalid: PromoAnswer } = {
    required: COMPANY_REQUIRED,
    invalid: COMPANY_INVALID,
  },
): Promise<Company> {
  const check = await checkCompany(deps, request, companyId);
  if (check.ok) return check.company;
  throw check.reason === 'REQUIRED' ? answers.required : answers.invalid;
}
