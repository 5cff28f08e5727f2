/** PROMO synchronous services of this module: segments (§6.1), coupons (§6.3), customer erasure (§5.3). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../app/context.js';
import { promoCommand } from '../route-kit.js';
import { couponAdmin, customerDelete, segmentAdmin } from './admin-services.js';
import * as ex from './examples.js';

const SHORT_ERROR = {
  status: '400',
  description: 'customerSegment',
  detail: { result: 'error', detail: 'El parámetro segmentCode es requerido' },
};

export function adminRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (typed) => {
    const app = typed as unknown as FastifyInstance;
    promoCommand(
      app,
      deps,
      '/api/rest/segments',
      {
        summary: 'Segment membership import (synchronous)',
        description:
          'Adds (`I`), adds or keeps (`UI`/`IU`) or removes (`R`) customers by code in the segment `segmentCode` (created when new; `deleteAllCollectionFirst` empties it first). Counters as documented: `processed` counts every record; `errorDetails` `{rec, customer, msg}` with `not found` (R of a non-member, or an unknown customer) and `already exists` (I of a member). 400 (`status` "400") without companyId, segmentCode or items.',
        request: ex.SEGMENTS_REQUEST,
        example: ex.SEGMENTS_RESPONSE,
        refused: SHORT_ERROR,
      },
      (resolve, body) => segmentAdmin(deps, resolve, body),
    );

    promoCommand(
      app,
      deps,
      '/api/rest/coupons/admin',
      {
        summary: 'Coupon administration: CREATE, REDEEM, VOID (synchronous)',
        description:
          'CREATE issues a coupon of `type` (required, must exist) with the `barcode` sent (empty: generated), `amount` and customer (`customerId` is the customer code); REDEEM and VOID change the coupon of `barcode` (a coupon is redeemed once, even under concurrent requests). `errorDetails` `{rec, code: barcode, info}` (`not found`, ...), `successDetails` `{rec, code}`; `detailErrors`/`detailSuccess` params (default true). `processed` counts the records (the manual’s example says 10 for 3: spec §11.22).',
        request: ex.COUPONS_REQUEST,
        example: ex.COUPONS_RESPONSE,
      },
      (resolve, body) => couponAdmin(deps, resolve, body),
    );

    promoCommand(
      app,
      deps,
      '/api/rest/customer/delete',
      {
        method: 'DELETE',
        roles: ['administrator', 'director', 'senior_employee', 'cc_operator'],
        summary: 'Customer erasure: partial (D) or total (R)',
        description:
          'JSON body (unusual for DELETE, as documented). `D`: the customer’s personal data becomes "-", its code stays visible and queryable. `R`: total — the record is anonymised and loses its code. `detail` is an array with one `{result, detail}` per customer; when no customer could be erased the answer is 400 with the same shape (`El cliente X no existe`).',
        request: ex.CUSTOMER_DELETE_REQUEST,
        example: ex.CUSTOMER_DELETE_RESPONSE,
      },
      (resolve, body) => customerDelete(deps, resolve, body),
    );
  };
}
