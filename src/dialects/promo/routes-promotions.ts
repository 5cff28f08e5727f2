/**
 * The PROMO queries over the promotion engine: coupon (§3.3), coupon statements (§3.4), limit status (§3.2),
 * promotions available in a map version (§3.7).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/context.js';
import { DATED_PAGE, promoQuery } from './route-kit.js';
import { couponQuery, couponStatements } from './use-cases/coupon-queries.js';
import { limitStatus } from './use-cases/limit-queries.js';
import { promotionAvailable } from './use-cases/promotion-queries.js';
import { promoReportRoutes } from './routes-reports.js';
import { StatusText } from './wire/common.js';
import * as ex from './wire/promotion-examples.js';

export function promoPromotionRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (typed) => {
    const app = typed as unknown as FastifyInstance;
    await app.register(promoReportRoutes(deps));

    promoQuery(
      app,
      deps,
      '/api/rest/coupon',
      {
        summary: 'Coupon query by barcode, or coupon events by date range',
        description:
          'With `barcode`: the coupon and its `couponHistory`; unknown barcode: `{}`. Without: `{couponHistory: [...]}`, the coupon events between `dateFrom` and `dateTo` (yyyyMMdd; `timeFrom`/`timeTo` HHmm only with both dates), of `couponAction` (CREATE, REDEEM, VOID; default all), `limit` (default 5, max 100000) from `offset` (1-based: `offset=1&limit=10`, then `offset=11`). `companyID` is accepted for `companyId`.',
        query: ['companyId', 'companyID', 'barcode', ...DATED_PAGE, 'couponAction'],
        example: ex.COUPON_EXAMPLE,
        company: (q) => q.companyId ?? q.companyID,
      },
      (company, q) => couponQuery(deps, company, q),
    );

    promoQuery(
      app,
      deps,
      '/api/rest/couponStatements',
      {
        summary: 'Coupon statements of a customer',
        description:
          'The coupon events of customer `customerId` (its code), optionally of `actionType` (CREATE, REDEEM, VOID) between `dateFrom` and `dateTo` (yyyyMMdd): an array with `action` labelled ("Emisión" for CREATE), `amount` "-" when the coupon has none, `datetime` dd/MM/yyyy HH:mm. Unknown customer: `[]`.',
        query: ['companyId', 'customerId', 'actionType', 'dateFrom', 'dateTo'],
        example: ex.COUPON_STATEMENTS_EXAMPLE,
      },
      (company, q) => couponStatements(deps, company, q),
    );

    promoQuery(
      app,
      deps,
      '/api/rest/limit/limitStatus',
      {
        summary: 'Limit status of a customer',
        description:
          'The promotion limits applied to customer `code`: `limitsDetail[]` with scope, period, `maxValue`, `currentValue` and the period’s `lastReset`/`nextReset` (ISO with +0000). No limit used: `limitsDetail: []`. Unknown customer: 404 `O cliente especificado não existe`.',
        query: ['companyId', 'code'],
        example: ex.LIMIT_STATUS_EXAMPLE,
        responses: { 404: StatusText },
      },
      (company, q) => limitStatus(deps, company, q),
    );

    promoQuery(
      app,
      deps,
      '/api/rest/promotionAvailable',
      {
        summary: 'Promotions available in a map version',
        description:
          'The promotions of map `mapVersion` (required, numeric), optionally only `promotionCode`: an array with the conditions and, per benefit (numbered `1.- `), its type, class and a description with its values and limits, as the console words them. Unknown version: `[]`.',
        query: ['companyId', 'mapVersion', 'promotionCode'],
        example: ex.PROMOTION_AVAILABLE_EXAMPLE,
      },
      (company, q) => promotionAvailable(deps, company, q),
    );
  };
}
