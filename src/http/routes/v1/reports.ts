import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../../app/context.js';
import { dailyReport, summaryReport, tierReport } from '../../../app/reports/reports.js';
import { BACK_OFFICE_ROLES } from '../../../core/roles.js';
import { unwrap } from '../../http-error.js';
import { merchantOf, requireRole } from '../../plugins/auth.js';
import { errorResponses } from '../../schemas/common.js';
import { DailyReport, PeriodQuery, SummaryReport, TierReport } from '../../schemas/report.schema.js';

const tags = ['reports'];
const readers = requireRole(...BACK_OFFICE_ROLES);

/** The dashboard's figures, aggregated by the database for the caller's merchant. */
export function reportRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/reports/summary',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: 'Dashboard figures of a period',
          description:
            'Back office. Sales (count, amount, returns, cancellations), points earned, burnt and expired, active customers over [from, to) — by default the last 30 days — and, as of now, the outstanding points liability and the points expiring within 30, 60 and 90 days. 422 REPORT_PERIOD_INVALID when from is not before to or the period exceeds 366 days.',
          querystring: PeriodQuery,
          response: { 200: SummaryReport, ...errorResponses },
        },
      },
      async (request) => unwrap(await summaryReport(deps, merchantOf(request), request.query)),
    );

    app.get(
      '/reports/daily',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: 'Sales and points per day',
          description:
            'Back office. One row per UTC day of [from, to) — by default the last 30 days — with the sales (net of returns, cancelled sales left out) and the points earned and burnt that day; days without activity are zeros. 422 REPORT_PERIOD_INVALID for a bad period.',
          querystring: PeriodQuery,
          response: { 200: DailyReport, ...errorResponses },
        },
      },
      async (request) => unwrap(await dailyReport(deps, merchantOf(request), request.query)),
    );

    app.get(
      '/reports/tiers',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: 'Tier distribution of the active cards',
          description:
            "Back office. For each program, its active cards by the highest step (tier) they reach now, measured like the card's balance: purchases to date or unexpired points, per the program's tier basis. Index 0 counts the cards below the first step.",
          response: { 200: TierReport, ...errorResponses },
        },
      },
      async (request) => unwrap(await tierReport(deps, merchantOf(request))),
    );
  };
}
