/** Customers of the calling shop, and their cards (list, expiry date change). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../app/context.js';
import * as customers from '../../app/customers/customers.js';
import { createFidelisaCustomer } from './use-cases/enrol.js';
import { uuidOf } from './use-cases/aliases.js';
import { changeCustomerCardExpiry, customerCards } from './use-cases/cards.js';
import { HttpError, unwrap } from '../../http/http-error.js';
import { callerOf, shopOf } from './auth.js';
import { nativeId } from './lookup.js';
import { acceptUnwrapped } from './unwrapped.js';
import { cardOut, customerOut, isDate, phoneInput, toInt } from './mapping.js';
import {
  Card,
  CardList,
  Customer,
  CustomerBody,
  CustomerList,
  CustomerParams,
  Empty,
  ExpiryBody,
  shopErrors,
} from './schemas.js';

const tags = ['Fidelisa'];

export function customerRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/customers',
      {
        preValidation: acceptUnwrapped('customer'),
        schema: {
          tags,
          summary: 'Create a customer of the shop, with a card in each active program',
          description:
            'Fidelisa customer creation: the answer holds the customer with one card per active program. 409 for a mobile number or e-mail already used; 422 for an invalid field.',
          body: CustomerBody,
          response: { 201: Customer, ...shopErrors },
        },
      },
      async (request, reply) => {
        const merchantId = shopOf(request);
        const c = request.body.customer;
        const created = unwrap(
          await createFidelisaCustomer(deps, merchantId, {
            ...(c.email !== undefined ? { email: c.email } : {}),
            ...phoneInput(c.phone),
            ...(c.first_name !== undefined ? { firstName: c.first_name } : {}),
            ...(c.last_name !== undefined ? { lastName: c.last_name } : {}),
            ...(c.birth_day !== undefined
              ? { birthDay: c.birth_day === null ? null : toInt(c.birth_day) }
              : {}),
            ...(c.birth_month !== undefined
              ? { birthMonth: c.birth_month === null ? null : toInt(c.birth_month) }
              : {}),
            source: 'fidelisa',
          }),
        );
        const uuid = await uuidOf(deps, merchantId, 'customer', created.id);
        return reply.code(201).send(customerOut(uuid, created));
      },
    );

    app.get(
      '/api/customers',
      {
        schema: {
          tags,
          summary: "The shop's customers",
          description: "Fidelisa: the shop's customers, searchable.",
          response: { 200: CustomerList, ...shopErrors },
        },
      },
      async (request) => {
        const merchantId = shopOf(request);
        const out = [];
        let cursor: string | undefined;
        do {
          const page = unwrap(await customers.listCustomers(deps, merchantId, { limit: 200, cursor }));
          for (const c of page.data)
            out.push(customerOut(await uuidOf(deps, merchantId, 'customer', c.id), c));
          cursor = page.nextCursor ?? undefined;
        } while (cursor !== undefined);
        return { customers: out };
      },
    );

    app.get(
      '/api/customers/:id',
      {
        schema: {
          tags,
          summary: 'One customer',
          description: 'Fidelisa: one customer by id; 404 when it is unknown.',
          params: CustomerParams,
          response: { 200: Customer, ...shopErrors },
        },
      },
      async (request) => {
        const merchantId = shopOf(request);
        const id = await nativeId(deps, merchantId, 'customer', request.params.id);
        const found = unwrap(await customers.getCustomer(deps, merchantId, id));
        return customerOut(await uuidOf(deps, merchantId, 'customer', found.id), found);
      },
    );

    app.delete(
      '/api/customers/:id',
      {
        schema: {
          tags,
          summary: 'Delete a customer (personal data erased; ledger and sales kept)',
          description:
            'Fidelisa customer deletion; the points ledger and sales stay for the accounts. 404 for an unknown customer.',
          params: CustomerParams,
          response: { 200: Empty, ...shopErrors },
        },
      },
      async (request) => {
        const merchantId = shopOf(request);
        const id = await nativeId(deps, merchantId, 'customer', request.params.id);
        unwrap(await customers.eraseCustomerById(deps, merchantId, id));
        return {};
      },
    );

    app.get(
      '/api/customers/:id/cards',
      {
        schema: {
          tags,
          summary: "The customer's cards with their points and expiry date",
          description:
            'Fidelisa: each card of the customer with its points and expiry date. 404 for an unknown customer.',
          params: CustomerParams,
          response: { 200: CardList, ...shopErrors },
        },
      },
      async (request) => {
        const merchantId = shopOf(request);
        const id = await nativeId(deps, merchantId, 'customer', request.params.id);
        const cards = unwrap(await customerCards(deps, merchantId, id));
        const out = [];
        for (const c of cards) out.push(cardOut(await uuidOf(deps, merchantId, 'card', c.card.id), c));
        return { cards: out };
      },
    );

    app.post(
      '/api/customers/:id/cards/expired_at',
      {
        schema: {
          tags,
          summary:
            "Change a card's expiry date (no id: the customer's default card), optionally resetting its points",
          description: 'Fidelisa back office. 404 for an unknown customer or card.',
          params: CustomerParams,
          body: ExpiryBody,
          response: { 200: Card, ...shopErrors },
        },
      },
      async (request) => {
        const merchantId = shopOf(request);
        const { id: cardUuid, date, reset } = request.body;
        if (!isDate(date)) throw new HttpError('VALIDATION_FAILED', 'date must be a real date YYYY-MM-DD.');
        const customerId = await nativeId(deps, merchantId, 'customer', request.params.id);
        const cardId =
          cardUuid === undefined ? undefined : await nativeId(deps, merchantId, 'card', cardUuid);
        const card = unwrap(
          await changeCustomerCardExpiry(deps, callerOf(request), merchantId, {
            customerId,
            cardId,
            date,
            reset: reset === true || reset === 'true' || reset === '1',
          }),
        );
        return cardOut(await uuidOf(deps, merchantId, 'card', card.card.id), card);
      },
    );
  };
}
