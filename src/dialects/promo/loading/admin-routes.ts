/** PROMO synchronous services of this module: segments (§6.1), coupons (§6.3), customer erasure (§5.3). */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../../app/context.js';
import { requireRole } from '../../../http/plugins/auth.js';
import { checkCompany } from '../use-cases/company.js';
import { OAuthErrorBody, TAGS } from '../wire/common.js';
import { couponAdmin, customerDelete, segmentAdmin } from './admin-services.js';
import * as ex from './examples.js';

const WRITERS = [
  'administrator',
  'director',
  'senior_employee',
  'marketer',
  'cc_operator',
  'cashier',
] as const;
const Answer = (example: unknown) => Type.Unknown({ examples: [example] });
const SHORT_ERROR = {
  status: '400',
  description: 'customerSegment',
  detail: { result: 'error', detail: 'El parámetro segmentCode es requerido' },
};

export function adminRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const resolver = (request: FastifyRequest) => (companyId: unknown) =>
      checkCompany(deps, request, companyId);

    app.post(
      '/api/rest/segments',
      {
        preHandler: requireRole(...WRITERS),
        schema: {
          tags: TAGS,
          summary: 'Segment membership import (synchronous)',
          description:
            'Adds (`I`), adds or keeps (`UI`/`IU`) or removes (`R`) customers by code in the segment `segmentCode` (created when new; `deleteAllCollectionFirst` empties it first). Counters as documented: `processed` counts every record; `errorDetails` `{rec, customer, msg}` with `not found` (R of a non-member, or an unknown customer) and `already exists` (I of a member). 400 (`status` "400") without companyId, segmentCode or items.',
          body: Type.Unknown({ examples: [ex.SEGMENTS_REQUEST] }),
          response: { 200: Answer(ex.SEGMENTS_RESPONSE), 400: Answer(SHORT_ERROR), 401: OAuthErrorBody },
        },
      },
      async (request) => segmentAdmin(deps, resolver(request), request.body),
    );

    app.post(
      '/api/rest/coupons/admin',
      {
        preHandler: requireRole(...WRITERS),
        schema: {
          tags: TAGS,
          summary: 'Coupon administration: CREATE, REDEEM, VOID (synchronous)',
          description:
            'CREATE issues a coupon of `type` (required, must exist) with the `barcode` sent (empty: generated), `amount` and customer (`customerId` is the customer code); REDEEM and VOID change the coupon of `barcode` (a coupon is redeemed once, even under concurrent requests). `errorDetails` `{rec, code: barcode, info}` (`not found`, ...), `successDetails` `{rec, code}`; `detailErrors`/`detailSuccess` params (default true). `processed` counts the records (the manual’s example says 10 for 3: spec §11.22).',
          body: Type.Unknown({ examples: [ex.COUPONS_REQUEST] }),
          response: { 200: Answer(ex.COUPONS_RESPONSE), 400: Type.Unknown(), 401: OAuthErrorBody },
        },
      },
      async (request) => couponAdmin(deps, resolver(request), request.body),
    );

    app.delete(
      '/api/rest/customer/delete',
      {
        preHandler: requireRole('administrator', 'director', 'senior_employee', 'cc_operator'),
        schema: {
          tags: TAGS,
          summary: 'Customer erasure: partial (D) or total (R)',
          description:
            'JSON body (unusual for DELETE, as documented). `D`: the customer’s personal data becomes "-", its code stays visible and queryable. `R`: total — the record is anonymised and loses its code. `detail` is an array with one `{result, detail}` per customer; when no customer could be erased the answer is 400 with the same shape (`El cliente X no existe`).',
          body: Type.Unknown({ examples: [ex.CUSTOMER_DELETE_REQUEST] }),
          response: { 200: Answer(ex.CUSTOMER_DELETE_RESPONSE), 400: Type.Unknown(), 401: OAuthErrorBody },
        },
      },
      async (request) => customerDelete(deps, resolver(request), request.body),
    );
  };
}
