import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../../app/context.js';
import { postSale } from '../../../app/sales/post-sale.js';
import { cancelSale } from '../../../app/sales/sale-cancel.js';
import { returnSale } from '../../../app/sales/sale-returns.js';
import { getSale, listSales } from '../../../app/sales/sale-view.js';
import { SELLING_ROLES, STAFF_ROLES } from '../../../core/roles.js';
import { unwrap } from '../../http-error.js';
import { callerOf, merchantOf, requireRole } from '../../plugins/auth.js';
import { assertSaleInBounds } from '../../sale-bounds.js';
import { IdParams, PageQuery, errorResponses } from '../../schemas/common.js';
import {
  CancelResult,
  ReturnCreate,
  ReturnResult,
  Sale,
  SaleCreate,
  SalePage,
  SaleResult,
} from '../../schemas/sale.schema.js';

const tags = ['sales'];
const sellers = requireRole(...SELLING_ROLES);
const readers = requireRole(...STAFF_ROLES);

export function saleRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/sales',
      {
        preHandler: sellers,
        schema: {
          tags,
          summary: 'Post a sale: earn and spend points, use vouchers (idempotent on the receipt per store)',
          description:
            'The same receipt with the same content answers 200 with the first answer and changes nothing; with other content it is a 409 SALE_ALREADY_SAVED.',
          body: SaleCreate,
          response: { 200: SaleResult, 201: SaleResult, ...errorResponses },
        },
      },
      async (request, reply) => {
        assertSaleInBounds(deps, request.body);
        const posted = unwrap(await postSale(deps, callerOf(request), merchantOf(request), request.body));
        return reply
          .code(posted.status)
          .header('Location', `/v1/sales/${posted.result.saleId}`)
          .send(posted.result);
      },
    );

    app.get(
      '/sales',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: 'List sales, newest first, optionally of one card',
          description: 'Sales of the merchant by pages (nextCursor), optionally of one card or one store.',
          querystring: Type.Composite(
            [
              PageQuery,
              Type.Object({ cardNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })) }),
            ],
            { additionalProperties: false },
          ),
          response: { 200: SalePage, ...errorResponses },
        },
      },
      async (request) => unwrap(await listSales(deps, merchantOf(request), request.query)),
    );

    app.get(
      '/sales/:id',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: 'Read a sale',
          description:
            'One sale with its lines, the points it earned and spent and the vouchers it used. 404 for an unknown sale.',
          params: IdParams,
          response: { 200: Sale, ...errorResponses },
        },
      },
      async (request) => unwrap(await getSale(deps, merchantOf(request), request.params.id)),
    );

    app.post(
      '/sales/:id/returns',
      {
        preHandler: sellers,
        schema: {
          tags,
          summary: 'Return part or all of a sale: points taken back in proportion, never more than earned',
          description: 'Idempotent on the return receipt per sale (200 with the first answer on a retry).',
          params: IdParams,
          body: ReturnCreate,
          response: { 200: ReturnResult, 201: ReturnResult, ...errorResponses },
        },
      },
      async (request, reply) => {
        const done = unwrap(
          await returnSale(deps, callerOf(request), merchantOf(request), request.params.id, request.body),
        );
        return reply.code(done.status).send(done.result);
      },
    );

    app.post(
      '/sales/:id/cancel',
      {
        preHandler: sellers,
        schema: {
          tags,
          summary: "Cancel (void) a sale within the program's window: everything it did is reversed",
          description:
            "Reverses the points earned and spent and the vouchers used by the sale. 409 when the sale is already cancelled or outside the program's cancel window; 404 for an unknown sale.",
          params: IdParams,
          response: { 200: CancelResult, ...errorResponses },
        },
      },
      async (request) =>
        unwrap(await cancelSale(deps, callerOf(request), merchantOf(request), request.params.id)),
    );
  };
}
