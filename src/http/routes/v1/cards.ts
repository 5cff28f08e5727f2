import type { TSchema } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { preHandlerHookHandler } from 'fastify';
import type { Deps } from '../../../app/context.js';
import { createBatch, nextAvailable } from '../../../app/cards/cards-batch.js';
import { getCard } from '../../../app/cards/cards-common.js';
import * as lifecycle from '../../../app/cards/cards-lifecycle.js';
import { changeExpiry, replace } from '../../../app/cards/cards-replace.js';
import { BACK_OFFICE_ROLES, OFFICE_ROLES, STAFF_ROLES } from '../../../core/roles.js';
import { unwrap } from '../../http-error.js';
import { callerOf, merchantOf, requireRole } from '../../plugins/auth.js';
import { errorResponses } from '../../schemas/common.js';
import {
  BindBody,
  BlockBody,
  CardBatch,
  CardBatchBody,
  CardNumberParams,
  CardView,
  ExpiryBody,
  ExpiryResult,
  NextAvailableBody,
  ReplaceBody,
  UnblockBody,
  cardView,
} from '../../schemas/card.schema.js';

const tags = ['cards'];
/** Card stock is managed by the back office. */
const stockManagers = requireRole(...BACK_OFFICE_ROLES);
/** Everyone but the customer-facing client. */
const staff = requireRole(...STAFF_ROLES);
const expiryEditors = requireRole(...OFFICE_ROLES);

/** What each card action does for a till, and its main refusals. */
const ACTION_DESCRIPTIONS: Record<string, string> = {
  'Issue (sell) a new card: new → issued':
    'Marks a pre-printed card as sold at the till. 404 for an unknown card; 409 when the card is not in status new.',
  'Bind an issued card to a customer (by id or mobile)':
    'Attaches an issued card to an existing customer, found by customerId or mobile number. 404 for an unknown card or customer; 409 when the card is already bound or not issued.',
  "Activate a bound card once the customer's required fields are filled":
    'Moves a bound card to active so that it earns and spends points. 409 when the card is not bound or the customer lacks a field the program requires.',
  "Block a card with a reason the caller's role may use":
    "Blocks a card (lost, stolen, fraud, …): it no longer earns nor spends. 403 when the caller's role may not use the reason; 404 for an unknown card; 409 when it is already blocked.",
  'Unblock a card (back to active, or issued when customer data is missing)':
    "Lifts a block if the caller's role may lift that reason. 403 for a reason the role may not lift; 409 when the card is not blocked.",
  'Replace a card: balance and history move to the new card':
    'For a lost or damaged card: the new card (in status new or issued) takes the customer, points and history; the old one is closed. 404 for an unknown card; 409 when the new card is not available.',
};

/** The route options of a card action without a body; the handler's params are typed by CardNumberParams. */
const action = (summary: string, preHandler: preHandlerHookHandler) => ({
  preHandler,
  schema: {
    tags,
    summary,
    description: ACTION_DESCRIPTIONS[summary],
    params: CardNumberParams,
    response: { 200: CardView, ...errorResponses },
  },
});

/** A card action with a body: the handler's request.body is typed by the schema given (Static<B>). */
const actionWith = <B extends TSchema>(summary: string, body: B, preHandler: preHandlerHookHandler) => ({
  preHandler,
  schema: {
    tags,
    summary,
    description: ACTION_DESCRIPTIONS[summary],
    params: CardNumberParams,
    body,
    response: { 200: CardView, ...errorResponses },
  },
});

export function cardRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/cards/batch',
      {
        preHandler: stockManagers,
        schema: {
          tags,
          summary: 'Create a batch of new card numbers for a program',
          description:
            "Generates card numbers in the program's format, in status new, ready to be printed and sold. 404 for an unknown program; 422 when the program has no card numbers left in its range.",
          body: CardBatchBody,
          response: { 201: CardBatch, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.code(201).send(unwrap(await createBatch(deps, merchantOf(request), request.body))),
    );

    app.post(
      '/cards/next-available',
      {
        preHandler: staff,
        schema: {
          tags,
          summary: 'Hand out the next new unassigned card of a program (it becomes issued)',
          description:
            'For a till that sells a card without a pre-printed number: the next card in status new becomes issued and is returned. 404 for an unknown program, 409 when no new card is left.',
          body: NextAvailableBody,
          response: { 200: CardView, ...errorResponses },
        },
      },
      async (request) =>
        cardView(unwrap(await nextAvailable(deps, merchantOf(request), request.body.programId))),
    );

    app.get(
      '/cards/:number',
      {
        preHandler: staff,
        schema: {
          tags,
          summary: 'Read a card: status, program, customer, block reason, expiry',
          description: 'One card by its number. 404 when the number is unknown to the merchant.',
          params: CardNumberParams,
          response: { 200: CardView, ...errorResponses },
        },
      },
      async (request) => cardView(unwrap(await getCard(deps, merchantOf(request), request.params.number))),
    );

    app.post(
      '/cards/:number/issue',
      action('Issue (sell) a new card: new → issued', staff),
      async (request) =>
        cardView(unwrap(await lifecycle.issue(deps, merchantOf(request), request.params.number))),
    );

    app.post(
      '/cards/:number/bind',
      actionWith('Bind an issued card to a customer (by id or mobile)', BindBody, staff),
      async (request) =>
        cardView(
          unwrap(await lifecycle.bind(deps, merchantOf(request), request.params.number, request.body)),
        ),
    );

    app.post(
      '/cards/:number/activate',
      action("Activate a bound card once the customer's required fields are filled", staff),
      async (request) =>
        cardView(unwrap(await lifecycle.activate(deps, merchantOf(request), request.params.number))),
    );

    // Block and unblock: the same call with a reason code, to lifecycle.block or lifecycle.unblock.
    for (const [path, summary, body, change] of [
      ['block', "Block a card with a reason the caller's role may use", BlockBody, lifecycle.block],
      [
        'unblock',
        'Unblock a card (back to active, or issued when customer data is missing)',
        UnblockBody,
        lifecycle.unblock,
      ],
    ] as const) {
      app.post(`/cards/:number/${path}`, actionWith(summary, body, staff), async (request) =>
        cardView(
          unwrap(
            await change(deps, callerOf(request), merchantOf(request), request.params.number, request.body),
          ),
        ),
      );
    }

    app.post(
      '/cards/:number/replace',
      actionWith('Replace a card: balance and history move to the new card', ReplaceBody, staff),
      async (request) => {
        const { newNumber } = request.body;
        return cardView(
          unwrap(
            await replace(deps, callerOf(request), merchantOf(request), request.params.number, newNumber),
          ),
        );
      },
    );

    app.post(
      '/cards/:number/expiry',
      {
        preHandler: expiryEditors,
        schema: {
          tags,
          summary: "Change a card's expiry date, optionally resetting its points",
          description:
            "Back office. Sets the card's expiry date; with resetPoints the current points are expired at once. 404 for an unknown card; 403 for a role that may not change expiry dates.",
          params: CardNumberParams,
          body: ExpiryBody,
          response: { 200: ExpiryResult, ...errorResponses },
        },
      },
      async (request) => {
        const result = unwrap(
          await changeExpiry(
            deps,
            callerOf(request),
            merchantOf(request),
            request.params.number,
            request.body,
          ),
        );
        return { ...cardView(result), pointsReset: result.pointsReset };
      },
    );
  };
}
