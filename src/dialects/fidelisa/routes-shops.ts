/** Shops: initialisation, list and view (provider calls); categories and programs of the calling shop. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../app/context.js';
import { findShopByUuid, uuidOf } from './use-cases/aliases.js';
import {
  allPrograms,
  initShop,
  listShops,
  shopCategories,
  shopView,
  type ShopView,
} from './use-cases/shops.js';
import { HttpError, unwrap } from '../../http/http-error.js';
import { providerOf, shopOf } from './auth.js';
import {
  Categories,
  Programs,
  Shop,
  ShopInitBody,
  ShopList,
  ShopParams,
  providerErrors,
  shopErrors,
} from './schemas.js';
import { acceptUnwrapped } from './unwrapped.js';

const tags = ['Fidelisa'];
const shopOut = (s: ShopView) => ({ title: s.title, uuid: s.uuid, key: s.key, user_email: s.userEmail });

export function providerShopRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/shops/init',
      {
        preValidation: acceptUnwrapped('shop'),
        schema: {
          tags,
          summary:
            'Initialise a shop of the provider (answers the existing shop for an e-mail already initialised)',
          description:
            "Fidelisa shop initialisation, signed with the provider's keys. Idempotent on the shop's e-mail.",
          body: ShopInitBody,
          response: { 200: Shop, 201: Shop, ...providerErrors },
        },
      },
      async (request, reply) => {
        const done = unwrap(await initShop(deps, providerOf(request), request.body.shop.user_email));
        return reply.code(done.created ? 201 : 200).send(shopOut(done.shop));
      },
    );

    app.get(
      '/api/shops',
      {
        schema: {
          tags,
          summary: "The provider's shops",
          description: 'Fidelisa: every shop the provider initialised.',
          response: { 200: ShopList, ...providerErrors },
        },
      },
      async (request) => ({ shops: (await listShops(deps, providerOf(request))).map(shopOut) }),
    );

    app.get(
      '/api/shops/:id',
      {
        schema: {
          tags,
          summary: 'One shop of the provider',
          description: "Fidelisa: one shop by id; 404 when it is not the provider's.",
          params: ShopParams,
          response: { 200: Shop, ...providerErrors },
        },
      },
      async (request) => {
        const shop = await findShopByUuid(deps, request.params.id);
        if (!shop) throw new HttpError('MERCHANT_NOT_FOUND', 'This shop is unknown.');
        if (shop.providerId !== providerOf(request)) {
          throw new HttpError('FORBIDDEN', 'This shop belongs to another provider.');
        }
        return shopOut(shopView(shop));
      },
    );
  };
}

export function shopSettingRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/shops/categories',
      {
        schema: {
          tags,
          summary: 'The shop categories (subtotal1..subtotal9) its programs earn on',
          description:
            "Fidelisa: the bill categories (SubTotal1 to SubTotal9) and their labels, as the shop's earning rules use them.",
          response: { 200: Categories, ...shopErrors },
        },
      },
      async (request) => {
        const labels = await shopCategories(deps, shopOf(request));
        return { categories: Object.fromEntries(labels.map((label, i) => [`subtotal${i + 1}`, label])) };
      },
    );

    app.get(
      '/api/shops/programs',
      {
        schema: {
          tags,
          summary: "The shop's loyalty programs",
          description: 'Fidelisa: the programs of the shop with their point rules.',
          response: { 200: Programs, ...shopErrors },
        },
      },
      async (request) => {
        const merchantId = shopOf(request);
        const programs = (await allPrograms(deps, merchantId)).filter((p) => p.active);
        const out = [];
        for (const p of programs)
          out.push({ title: p.name, uuid: await uuidOf(deps, merchantId, 'program', p.id) });
        return { programs: out };
      },
    );
  };
}
