/** The dashboard's reports: period figures, what is owed, tiers and a daily series, aggregated in SQL. */
import { ok, type Result } from '../../core/error-catalog.js';
import {
  daysOf,
  horizons,
  resolvePeriod,
  tierBuckets,
  type ReportPeriod,
} from '../../core/reports/period.js';
import { listPrograms } from '../../db/repos/programs.repo.js';
import * as repo from '../../db/repos/reports.repo.js';
import { findMerchantById } from '../../db/repos/tenancy.repo.js';
import type { Deps } from '../context.js';

export const EXPIRY_HORIZONS = [30, 60, 90] as const;
/** A merchant's programs that a dashboard lists (more would not fit one screen). */
const MAX_PROGRAMS = 100;

export interface PeriodInput {
  from?: string | undefined;
  to?: string | undefined;
}

export interface SummaryReport {
  period: ReportPeriod;
  currency: string;
  sales: repo.SalesFigures;
  points: repo.PointsFigures;
  customers: { total: number; active: number };
  liability: {
    asOf: string;
    activePoints: number;
    pendingPoints: number;
    /** Per currency, the active points of programs with a point value and what they are worth (minor units). */
    value: { currency: string; points: number; amount: number }[];
  };
  expiring: { days: number; points: number }[];
}

export async function summaryReport(
  deps: Deps,
  merchantId: string,
  input: PeriodInput,
): Promise<Result<SummaryReport>> {
  const now = deps.now();
  const period = resolvePeriod(input, now);
  if (!period.ok) return period;
  const asOf = now.toISOString();
  const [merchant, sales, points, total, owed, valued] = await Promise.all([
    findMerchantById(deps.db, merchantId),
    repo.salesFigures(deps.db, merchantId, period.value),
    repo.pointsFigures(deps.db, merchantId, period.value),
    repo.customerCount(deps.db, merchantId),
    repo.liability(deps.db, merchantId, asOf, horizons(now, EXPIRY_HORIZONS)),
    repo.liabilityValue(deps.db, merchantId, asOf),
  ]);
  return ok({
    period: period.value,
    currency: merchant?.currency ?? 'EUR',
    sales,
    points,
    customers: { total, active: sales.activeCustomers },
    liability: {
      asOf,
      activePoints: owed.active,
      pendingPoints: owed.pending,
      // hundredths of a minor unit → minor units, rounded down (the value is never overstated)
      value: valued.map((v) => ({
        currency: v.currency,
        points: v.points,
        amount: Math.floor(v.valueCenti / 100),
      })),
    },
    expiring: owed.expiring,
  });
}

export interface TierReport {
  asOf: string;
  programs: {
    id: string;
    code: string;
    name: string;
    basis: 'points' | 'purchaseAmount';
    tiers: { index: number; label: string; threshold: number; cards: number }[];
  }[];
}

/** Active cards of each program by tier reached (index 0: no tier yet). */
export async function tierReport(deps: Deps, merchantId: string): Promise<Result<TierReport>> {
  const asOf = deps.now().toISOString();
  const programs = await listPrograms(deps.db, merchantId, { limit: MAX_PROGRAMS });
  const out: TierReport['programs'] = [];
  for (const program of programs) {
    const steps = [...program.tiers.steps].sort((a, b) => a.index - b.index);
    const counts = await repo.tierCounts(
      deps.db,
      merchantId,
      { id: program.id, basis: program.tiers.type, buckets: tierBuckets(steps) },
      asOf,
    );
    out.push({
      id: program.id,
      code: program.code,
      name: program.name,
      basis: program.tiers.type,
      tiers: [
        { index: 0, label: '', threshold: 0, cards: counts.get(0) ?? 0 },
        ...steps.map((s) => ({
          index: s.index,
          label: s.label,
          threshold: s.threshold,
          cards: counts.get(s.index) ?? 0,
        })),
      ],
    });
  }
  return ok({ asOf, programs: out });
}

export interface DailyReport {
  period: ReportPeriod;
  days: repo.DayRow[];
}

/** Sales and points per UTC day of the period, days without activity included as zeros. */
export async function dailyReport(
  deps: Deps,
  merchantId: string,
  input: PeriodInput,
): Promise<Result<DailyReport>> {
  const period = resolvePeriod(input, deps.now());
  if (!period.ok) return period;
  const rows = new Map((await repo.dailySeries(deps.db, merchantId, period.value)).map((r) => [r.day, r]));
  return ok({
    period: period.value,
    days: daysOf(period.value).map(
      (day) => rows.get(day) ?? { day, sales: 0, amountMinor: 0, earned: 0, burnt: 0 },
    ),
  });
}
