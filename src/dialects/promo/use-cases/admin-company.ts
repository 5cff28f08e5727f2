/** The company of an administration request, refused in the request's own envelope. */
import type { PromoAnswer } from '../errors.js';
import type { Company } from './company.js';

/** Resolves a companyId to the caller's company: REQUIRED when absent, INVALID when not the caller's. */
export type CompanyResolver = (
  companyId: unknown,
) => Promise<{ ok: true; company: Company } | { ok: false; reason: 'REQUIRED' | 'INVALID' }>;

export async function checkCompanyCode(
  resolve: CompanyResolver,
  companyId: unknown,
  refuse: (detail: string) => PromoAnswer,
): Promise<Company> {
  const check = await resolve(companyId);
  if (check.ok) return check.company;
  if (check.reason === 'REQUIRED') throw refuse('El campo companyId es requerido');
  throw refuse(`El código de compañía ${String(companyId)} no pertenece a una compañía existente.`);
}
