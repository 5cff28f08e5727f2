/** The rules of a points statement request: every parameter given, a valid range of at most one month. */
import { addOneMonth, compactDay } from './day-dates.js';

export interface StatementQuery {
  customerCode: string;
  fromDay: string;
  toDay: string;
  consumed: boolean;
}

export type StatementCheck =
  | { ok: true; query: StatementQuery }
  | { ok: false; reason: 'MISSING' | 'BAD_DATE' | 'BAD_FLAG' | 'REVERSED' | 'TOO_LONG'; field?: string };

export function checkStatementQuery(raw: Record<string, string | undefined>): StatementCheck {
  for (const field of ['companyId', 'customerCode', 'fromDate', 'toDate', 'isConsume']) {
    if (!raw[field]) return { ok: false, reason: 'MISSING', field };
  }
  const fromDay = compactDay(raw.fromDate!);
  if (!fromDay) return { ok: false, reason: 'BAD_DATE', field: 'fromDate' };
  const toDay = compactDay(raw.toDate!);
  if (!toDay) return { ok: false, reason: 'BAD_DATE', field: 'toDate' };
  const flag = raw.isConsume!.toLowerCase();
  if (flag !== 'true' && flag !== 'false') return { ok: false, reason: 'BAD_FLAG', field: 'isConsume' };
  if (toDay < fromDay) return { ok: false, reason: 'REVERSED' };
  if (toDay > addOneMonth(fromDay)) return { ok: false, reason: 'TOO_LONG' };
  return { ok: true, query: { customerCode: raw.customerCode!, fromDay, toDay, consumed: flag === 'true' } };
}
