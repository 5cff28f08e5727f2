/** Loaded catalogs (native, read): code catalogs, a store's base price list, the points-for-product table. */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../../app/context.js';
import { listCatalog } from '../../../app/loading/catalog-entries.js';
import { listPrices, listRedeemBenefits } from '../../../app/loading/price-points.js';
import { BACK_OFFICE_ROLES } from '../../../core/roles.js';
import { merchantOf, requireRole } from '../../plugins/auth.js';
import { errorResponses } from '../../schemas/common.js';

const tags = ['catalogs'];
const Page = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  cursor: Type.Optional(Type.String({ maxLength: 128 })),
});
const Nullable = (t: ReturnType<typeof Type.String>) => Type.Union([t, Type.Null()]);

const ENTRY = {
  id: 'cte_01m8jfx0yh4f5z3xzsg7sk2dw5',
  catalog: 'catalogBrand',
  code: '1',
  name: 'Nintendo',
  data: { code: '1', name: 'Nintendo' },
  updatedAt: '2026-11-29T03:00:00.000Z',
};
const PRICE = {
  storeCode: 'napse',
  sku: '0527-1537',
  salePriceMinor: 6940677,
  enabledAt: '2018-12-25T10:42:25.000Z',
  details: { costPriceMinor: 5094213, discountable: true, manualDiscount: false },
  updatedAt: '2026-11-29T03:00:00.000Z',
};
const REDEEM = {
  storeCode: '1',
  productCode: '10',
  pointsHundredths: 1050,
  discountHundredths: 1500,
  discountType: 'percentage',
  updatedAt: '2026-11-29T03:00:00.000Z',
};

export function catalogRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/catalogs/:catalog/entries',
      {
        preHandler: requireRole(...BACK_OFFICE_ROLES),
        schema: {
          tags,
          summary: 'List the entries of a loaded catalog',
          description:
            'Back office. The entries of one code catalog loaded by data imports (brands, stores, items, payment codes ...), by catalog id as loaded (e.g. `catalogBrand`), oldest first; `limit` and `cursor` paginate.',
          params: Type.Object({ catalog: Type.String({ minLength: 1, maxLength: 64 }) }),
          querystring: Page,
          response: {
            200: Type.Object(
              {
                data: Type.Array(
                  Type.Object({
                    id: Type.String(),
                    catalog: Type.String(),
                    code: Type.String(),
                    name: Nullable(Type.String()),
                    data: Type.Record(Type.String(), Type.Unknown()),
                    updatedAt: Type.String(),
                  }),
                ),
                nextCursor: Nullable(Type.String()),
              },
              { examples: [{ data: [ENTRY], nextCursor: null }] },
            ),
            ...errorResponses,
          },
        },
      },
      async (request) =>
        listCatalog(deps, merchantOf(request), request.params.catalog, {
          limit: request.query.limit ?? 100,
          cursor: request.query.cursor,
        }),
    );
    app.get(
      '/price-lists/:store/items',
      {
        preHandler: requireRole(...BACK_OFFICE_ROLES),
        schema: {
          tags,
          summary: 'List a store’s base price list',
          description:
            'Back office. The store’s base (lowest-priority) price list, by sku: sale price and the other prices in minor units, the date from which the price holds, the discount flags.',
          params: Type.Object({ store: Type.String({ minLength: 1, maxLength: 64 }) }),
          querystring: Page,
          response: {
            200: Type.Object(
              {
                data: Type.Array(
                  Type.Object({
                    storeCode: Type.String(),
                    sku: Type.String(),
                    salePriceMinor: Type.Integer(),
                    enabledAt: Nullable(Type.String()),
                    details: Type.Record(Type.String(), Type.Unknown()),
                    updatedAt: Type.String(),
                  }),
                ),
                nextCursor: Nullable(Type.String()),
              },
              { examples: [{ data: [PRICE], nextCursor: null }] },
            ),
            ...errorResponses,
          },
        },
      },
      async (request) =>
        listPrices(deps, merchantOf(request), request.params.store, {
          limit: request.query.limit ?? 100,
          cursor: request.query.cursor,
        }),
    );
    app.get(
      '/redeem-benefits',
      {
        preHandler: requireRole(...BACK_OFFICE_ROLES),
        schema: {
          tags,
          summary: 'List the points-for-product table',
          description:
            'Back office. Products that can be bought with points, per store (`-`: every store): points and discount value in hundredths, discount type percentage, fixed or new-price (first 1,000).',
          response: {
            200: Type.Object(
              {
                data: Type.Array(
                  Type.Object({
                    storeCode: Type.String(),
                    productCode: Type.String(),
                    pointsHundredths: Type.Integer(),
                    discountHundredths: Type.Integer(),
                    discountType: Type.String(),
                    updatedAt: Type.String(),
                  }),
                ),
              },
              { examples: [{ data: [REDEEM] }] },
            ),
            ...errorResponses,
          },
        },
      },
      async (request) => listRedeemBenefits(deps, merchantOf(request)),
    );
  };
}
