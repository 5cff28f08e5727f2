/** Gifts of a customer (available or already given, award, restore) and notifications. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../app/context.js';
import { uuidOf } from './use-cases/aliases.js';
import { awardGiftToCustomer, customerGifts, restoreCustomerGift } from './use-cases/gifts.js';
import { recordNotification, type NotificationTarget } from './use-cases/notifications.js';
import { HttpError, unwrap } from '../../http/http-error.js';
import { callerOf, shopOf } from './auth.js';
import { nativeId } from './lookup.js';
import {
  Empty,
  GiftAwardBody,
  GiftList,
  GiftParams,
  GiftQuery,
  GiftRestoreQuery,
  NotificationAnswer,
  NotificationBody,
  shopErrors,
} from './schemas.js';

const tags = ['Fidelisa'];
const truthy = (v: boolean | string | undefined) => v === true || v === 'true' || v === '1';

export function giftRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/gifts',
      {
        schema: {
          tags,
          summary:
            'Gifts the customer can take now (points: those of the paying card); used=true: gifts given',
          description: 'Fidelisa gift list for the customer. 404 for an unknown customer.',
          querystring: GiftQuery,
          response: { 200: GiftList, ...shopErrors },
        },
      },
      async (request) => {
        const merchantId = shopOf(request);
        const customerId = await nativeId(deps, merchantId, 'customer', request.query.customer_id);
        const list = unwrap(await customerGifts(deps, merchantId, customerId, truthy(request.query.used)));
        const gifts = [];
        for (const { gift, points } of list) {
          gifts.push({
            uuid: await uuidOf(deps, merchantId, 'gift', gift.id),
            title: gift.title,
            ...(points === null ? {} : { points }),
          });
        }
        return { gifts };
      },
    );

    app.post(
      '/api/gifts/award',
      {
        schema: {
          tags,
          summary: 'The customer takes a gift (points debited from the paying card)',
          description:
            'Fidelisa gift award. 404 for an unknown customer or gift; 409 when the card lacks points or the gift is out of stock.',
          body: GiftAwardBody,
          response: { 200: Empty, ...shopErrors },
        },
      },
      async (request) => {
        const merchantId = shopOf(request);
        const giftId = await nativeId(deps, merchantId, 'gift', request.body.uuid);
        const customerId = await nativeId(deps, merchantId, 'customer', request.body.customer_id);
        unwrap(
          await awardGiftToCustomer(deps, merchantId, giftId, customerId, callerOf(request).principalId),
        );
        return {};
      },
    );

    app.delete(
      '/api/gifts/:gift_id',
      {
        schema: {
          tags,
          summary: "Undo the customer's latest award of this gift (points, stock and gift voucher restored)",
          description: 'Fidelisa undo of a gift award. 404 when the customer has no award of this gift.',
          params: GiftParams,
          querystring: GiftRestoreQuery,
          response: { 200: Empty, ...shopErrors },
        },
      },
      async (request) => {
        const merchantId = shopOf(request);
        const giftId = await nativeId(deps, merchantId, 'gift', request.params.gift_id);
        const customerId = await nativeId(deps, merchantId, 'customer', request.query.customer_id);
        unwrap(
          await restoreCustomerGift(deps, merchantId, giftId, customerId, callerOf(request).principalId),
        );
        return {};
      },
    );

    app.post(
      '/api/notifications',
      {
        schema: {
          tags,
          summary:
            'Send a notification to a customer, to the holders of a program, or to customers with URLs',
          description:
            'Fidelisa notification request: one customer, the holders of a program, or customers given by their URLs. 404 for an unknown customer or program.',
          body: NotificationBody,
          response: { 200: NotificationAnswer, ...shopErrors },
        },
      },
      async (request) => {
        const merchantId = shopOf(request);
        const { customer, program, customers, alert } = request.body;
        const given = [customer, program, customers].filter((v) => v !== undefined).length;
        if (given !== 1) {
          throw new HttpError('VALIDATION_FAILED', 'Give exactly one of customer, program and customers.');
        }
        let target: NotificationTarget;
        if (customer !== undefined)
          target = { customerId: await nativeId(deps, merchantId, 'customer', customer) };
        else if (program !== undefined)
          target = { programId: await nativeId(deps, merchantId, 'program', program) };
        else {
          const urls = [];
          for (const [uuid, url] of Object.entries(customers ?? {})) {
            urls.push({ customerId: await nativeId(deps, merchantId, 'customer', uuid), url });
          }
          target = { urls };
        }
        return unwrap(await recordNotification(deps, merchantId, target, alert, 'fidelisa'));
      },
    );
  };
}
