/**
 * The PROMO queries over the promotion engine: coupon (§3.3), coupon statements (§3.4), limit status (§3.2),
 * promotions available in a map version (§3.7).
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../app/context.js';
import { STAFF_ROLES } from '../../core/roles.js';
import { requireRole } from '../../http/plugins/auth.js';
import { requireCompany } from './use-cases/company.js';
import { couponQuery, couponStatements } from './use-cases/coupon-queries.js';
import { limitStatus } from './use-cases/limit-queries.js';
import { promotionAvailable } from './use-cases/promotion-queries.js';
import { promoReportRoutes } from './routes-reports.js';
import { OAuthErrorBody, queryOf, StatusText, TAGS, Text } from './wire/common.js';
import * as ex from './wire/promotion-examples.js';

type Query = Record<string, string | undefined>;
const Answer = (example: unknown) => Type.Unknown({ examples: [example] });
const errors = { 400: StatusText, 401: OAuthErrorBody };

export function promoPromotionRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(promoReportRoutes(deps));
    app.get(
      '/api/rest/coupon',
      {
        preHandler: requireRole(...STAFF_ROLES),
        schema: {
          tags: TAGS,
          summary: 'Coupon query by barcode, or coupon events by date range',
          description:
            'With `barcode`: the coupon and its `couponHistory`; unknown barcode: `{}`. Without: `{couponHistory: [...]}`, the coupon events between `dateFrom` and `dateTo` (yyyyMMdd; `timeFrom`/`timeTo` HHmm only with both dates), of `couponAction` (CREATE, REDEEM, VOID; default all), `limit` (default 5, max 100000) from `offset` (1-based: `offset=1&limit=10`, then `offset=11`). `companyID` is accepted for `companyId`.',
          querystring: queryOf({
            companyId: Text,
            companyID: Text,
            barcode: Text,
            limit: Text,
            offset: Text,
            dateFrom: Text,
            dateTo: Text,
            timeFrom: Text,
            timeTo: Text,
            couponAction: Text,
          }),
          response: { 200: Answer(ex.COUPON_EXAMPLE), ...errors },
        },
      },
      async (request) => {
        const q = request.query as Query;
        return couponQuery(deps, await requireCompany(deps, request, q.companyId ?? q.companyID), q);
      },
    );

    app.get(
      '/api/rest/couponStatements',
      {
        preHandler: requireRole(...STAFF_ROLES),
        schema: {
          tags: TAGS,
          summary: 'Coupon statements of a customer',
          description:
            'The coupon events of customer `customerId` (its code), optionally of `actionType` (CREATE, REDEEM, VOID) between `dateFrom` and `dateTo` (yyyyMMdd): an array with `action` labelled ("Emisión" for CREATE), `amount` "-" when the coupon has none, `datetime` dd/MM/yyyy HH:mm. Unknown customer: `[]`.',
          querystring: queryOf({
            companyId: Text,
            customerId: Text,
            actionType: Text,
            dateFrom: Text,
            dateTo: Text,
          }),
          response: { 200: Answer(ex.COUPON_STATEMENTS_EXAMPLE), ...errors },
        },
      },
      async (request) => {
        const q = request.query as Query;
        return couponStatements(deps, await requireCompany(deps, request, q.companyId), q);
      },
    );

    app.get(
      '/api/rest/limit/limitStatus',
      {
        preHandler: requireRole(...STAFF_ROLES),
        schema: {
          tags: TAGS,
          summary: 'Limit status of a customer',
          description:
            'The promotion limits applied to customer `code`: `limitsDetail[]` with scope, period, `maxValue`, `currentValue` and the period’s `lastReset`/`nextReset` (ISO with +0000). No limit used: `limitsDetail: []`. Unknown customer: 404 `O cliente especificado não existe`.',
          querystring: queryOf({ companyId: Text, code: Text }),
          response: { 200: Answer(ex.LIMIT_STATUS_EXAMPLE), 404: StatusText, ...errors },
        },
      },
      async (request) => {
        const q = request.query as Query;
        return limitStatus(deps, await requireCompany(deps, request, q.companyId), q);
      },
    );

    app.get(
      '/api/rest/promotionAvailable',
      {
        preHandler: requireRole(...STAFF_ROLES),
        schema: {
          tags: TAGS,
          summary: 'Promotions available in a map version',
          description:
            'The promotions of map `mapVersion` (required, numeric), optionally only `promotionCode`: an array with the conditions and, per benefit (numbered `1.- `), its type, class and a description with its values and limits, as the console words them. Unknown version: `[]`.',
          querystring: queryOf({ companyId: Text, mapVersion: Text, promotionCode: Text }),
          response: { 200: Answer(ex.PROMOTION_AVAILABLE_EXAMPLE), ...errors },
        },
      },
      async (request) => {
        const q = request.query as Query;
        return promotionAvailable(deps, await requireCompany(deps, request, q.companyId), q);
      },
    );
  };
}
