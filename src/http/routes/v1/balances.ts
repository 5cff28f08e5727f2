import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../../app/context.js';
import { adjustPoints } from '../../../app/ledger/adjustments.js';
import { cardLots } from '../../../app/ledger/card-lots.js';
import {
  balanceByCard,
  balanceByCustomer,
  balancesBy,
  cardStatement,
  type Period,
} from '../../../app/ledger/balance.js';
import { STAFF_ROLES, SUPERVISOR_ROLES } from '../../../core/roles.js';
import { unwrap } from '../../http-error.js';
import { callerOf, merchantOf, requireRole } from '../../plugins/auth.js';
import { IdParams, PageQuery, errorResponses } from '../../schemas/common.js';
import {
  AdjustmentCreate,
  AdjustmentResult,
  CardBalance,
  CustomerBalances,
  LotPage,
  PeriodQuery,
  Statement,
} from '../../schemas/sale.schema.js';

const tags = ['balances'];
const readers = requireRole(...STAFF_ROLES);
const NumberParams = Type.Object({ number: Type.String({ minLength: 1, maxLength: 32 }) });

const period = (q: { from?: string | undefined; to?: string | undefined }): Period => ({
  from: q.from === undefined ? undefined : new Date(q.from).toISOString(),
  to: q.to === undefined ? undefined : new Date(q.to).toISOString(),
});

export function balanceRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/cards/:number/balance',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: 'Balance of a card: points by state, nearest expiry, discount, purchases, tier',
          description:
            'What a till shows at checkout: available, pending and expired points, the next points to expire, the discount rate, the purchase total and the reached step. 404 for an unknown card.',
          params: NumberParams,
          querystring: PeriodQuery,
          response: { 200: CardBalance, ...errorResponses },
        },
      },
      async (request) =>
        unwrap(await balanceByCard(deps, merchantOf(request), request.params.number, period(request.query))),
    );

    app.get(
      '/cards/:number/statement',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: 'Movements of a card, newest first',
          description:
            "The card's points ledger (earn, spend, return, adjustment, expiry), by pages. 404 for an unknown card.",
          params: NumberParams,
          querystring: PageQuery,
          response: { 200: Statement, ...errorResponses },
        },
      },
      async (request) =>
        unwrap(await cardStatement(deps, merchantOf(request), request.params.number, request.query)),
    );

    app.get(
      '/cards/:number/lots',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: 'Lots of a card (its earnings), newest first, with state and expiry',
          description:
            'Every earning of the card as a lot: points earned, remaining, burnt by expiry, pending-until and expiry dates, and its state now (pending, active, expired, or spent when nothing remains), by pages (limit, cursor). The balance is the sum of these lots by state. 404 for an unknown card; 400 for a bad cursor.',
          params: NumberParams,
          querystring: PageQuery,
          response: { 200: LotPage, ...errorResponses },
        },
      },
      async (request) =>
        unwrap(await cardLots(deps, merchantOf(request), request.params.number, request.query)),
    );

    app.get(
      '/customers/:id/balance',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: "Balances of a customer's cards",
          description: 'The balance of every card of the customer. 404 for an unknown customer.',
          params: IdParams,
          querystring: PeriodQuery,
          response: { 200: CustomerBalances, ...errorResponses },
        },
      },
      async (request) =>
        unwrap(await balanceByCustomer(deps, merchantOf(request), request.params.id, period(request.query))),
    );

    app.get(
      '/balances',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: 'Balances of the customers found by mobile number or customer code',
          description:
            "For a till that identifies the customer without a card: give mobile or customerCode; every matching customer's cards and balances are returned (an empty list when none match).",
          querystring: Type.Composite(
            [
              PeriodQuery,
              Type.Object({
                mobile: Type.Optional(Type.String({ minLength: 3, maxLength: 32, description: 'E.164' })),
                customerCode: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
              }),
            ],
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ data: Type.Array(CustomerBalances) }), ...errorResponses },
        },
      },
      async (request) => {
        const { mobile, customerCode } = request.query;
        return unwrap(
          await balancesBy(deps, merchantOf(request), { mobile, customerCode }, period(request.query)),
        );
      },
    );

    app.post(
      '/adjustments',
      {
        preHandler: requireRole(...SUPERVISOR_ROLES),
        schema: {
          tags,
          summary: 'Correct the points of a card by hand (with a reason)',
          description:
            'Back office. Credits (positive) or debits (negative) points on a card, with a reason kept in the ledger. 404 for an unknown card; 409 when a debit exceeds the available points.',
          body: AdjustmentCreate,
          response: { 201: AdjustmentResult, ...errorResponses },
        },
      },
      async (request, reply) => {
        const done = unwrap(await adjustPoints(deps, callerOf(request), merchantOf(request), request.body));
        return reply.code(201).send(done);
      },
    );
  };
}
