/** The promotions report (spec §3.8) and the limit statements of a map version (§3.9). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/context.js';
import { promoQuery } from './route-kit.js';
import { limitStatements } from './use-cases/limit-statements.js';
import { promotionReport } from './use-cases/promotion-report.js';
import * as ex from './wire/report-examples.js';

export function promoReportRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (typed) => {
    const app = typed as unknown as FastifyInstance;
    promoQuery(
      app,
      deps,
      '/api/rest/reports/transaction/promotion',
      {
        summary: 'Promotions report (paged)',
        description:
          'One record per promotion applied to a sale line between `dateFrom` and `dateTo` (yyyyMMdd), optionally of `store` (code), `pname` (promotion name), `pcode` (promotion code), `transactionType` (VENTA or DEVOLUCION). Each return, and a cancellation, is a record of its own with transactionType `Devolución`, dated when it happened, with the amounts it took back (positive). `campaign` and `deploymentChannels` are the promotion’s (channels default to Punto de venta). As the manual has it: the key is literally `"records:"` and holds the page as a JSON-encoded string; `header` is `{total, offset, limit}` with `offset` 0-based (default 0) and `limit` 25 by default, at most 50000. Dates dd/MM/yyyy HH:mm in the company’s time zone.',
        query: [
          'companyId',
          'limit',
          'offset',
          'dateFrom',
          'dateTo',
          'transactionType',
          'store',
          'pname',
          'pcode',
        ],
        example: ex.REPORT_EXAMPLE,
      },
      (company, q) => promotionReport(deps, company, q),
    );
    promoQuery(
      app,
      deps,
      '/api/rest/limit/statements',
      {
        summary: 'Limit statements of a map version',
        description:
          'One entry per limit (and per subject: store or customer) of the promotions of map `mapVersion` (required; 400 `mapVersion is Invalid` when there is no such map), optionally only promotion `promoCode`: the limit’s labels (scope General / Tienda / Cliente, type), its maximum and current value, and `detail[]`, the sales of that map that used it with the value before, used and after; a limit with a period of N days counts each period from 0, and its current value is 0 once its period is over. Values are strings with two decimals; dates dd/MM/yyyy HH:mm.',
        query: ['companyId', 'mapVersion', 'promoCode'],
        example: ex.LIMIT_STATEMENTS_EXAMPLE,
      },
      (company, q) => limitStatements(deps, company, q),
    );
  };
}
