import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../../app/context.js';
import * as gifts from '../../../app/rewards/gifts.js';
import { MARKETING_ROLES, SERVICE_ROLES, STAFF_ROLES } from '../../../core/roles.js';
import { unwrap } from '../../http-error.js';
import { callerOf, merchantOf, requireRole } from '../../plugins/auth.js';
import { IdParams, errorResponses } from '../../schemas/common.js';
import {
  Gift,
  GiftAward,
  GiftAwardBody,
  GiftCreate,
  GiftList,
  GiftListQuery,
  GiftRestore,
} from '../../schemas/voucher.schema.js';

const tags = ['gifts'];
const catalogWriters = requireRole(...MARKETING_ROLES);
const awarders = requireRole(...STAFF_ROLES);
const restorers = requireRole(...SERVICE_ROLES);

export function giftRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/gifts',
      {
        preHandler: catalogWriters,
        schema: {
          tags,
          summary: 'Add a gift to the catalog',
          description:
            'Administrators. A gift costs points and may have a stock and a validity. 422 for an invalid cost or stock.',
          body: GiftCreate,
          response: { 201: Gift, ...errorResponses },
        },
      },
      async (request, reply) => {
        const created = unwrap(await gifts.createGift(deps, merchantOf(request), request.body));
        return reply.code(201).header('Location', `/v1/gifts/${created.id}`).send(created);
      },
    );

    app.get(
      '/gifts',
      {
        preHandler: awarders,
        schema: {
          tags,
          summary: 'The gift catalog; with cardNumber, the gifts that card can afford now',
          description:
            "Every gift of the catalog, or only those the card's available points pay for when cardNumber is given (404 for an unknown card).",
          querystring: GiftListQuery,
          response: { 200: GiftList, ...errorResponses },
        },
      },
      async (request) => ({
        data: unwrap(await gifts.listGifts(deps, merchantOf(request), request.query.cardNumber)),
      }),
    );

    app.post(
      '/gifts/:id/award',
      {
        preHandler: awarders,
        schema: {
          tags,
          summary: 'Award a gift to a card: debits its points and returns the gift voucher',
          description:
            "Debits the gift's cost from the card and returns the gift voucher. 404 for an unknown gift or card; 409 when the card lacks points or the gift is out of stock.",
          params: IdParams,
          body: GiftAwardBody,
          response: { 201: GiftAward, ...errorResponses },
        },
      },
      async (request, reply) => {
        const award = unwrap(
          await gifts.awardGift(
            deps,
            merchantOf(request),
            request.params.id,
            request.body.cardNumber,
            callerOf(request).principalId,
          ),
        );
        return reply.code(201).send(award);
      },
    );

    app.post(
      '/gift-awards/:id/restore',
      {
        preHandler: restorers,
        schema: {
          tags,
          summary: 'Undo a gift award: points and stock back, gift voucher cancelled',
          description:
            'Reverses an award: the card is credited, the stock is restored and the gift voucher cancelled. 404 for an unknown award; 409 when it was already restored.',
          params: IdParams,
          response: { 200: GiftRestore, ...errorResponses },
        },
      },
      async (request) =>
        unwrap(
          await gifts.restoreAward(
            deps,
            merchantOf(request),
            request.params.id,
            callerOf(request).principalId,
          ),
        ),
    );
  };
}
