/**
 * PROMO data loading (spec §5, §6.5): catalogs, the Lista Zero price list, promotions and limits are
 * accepted into the import queue and answered at once; the import monitor query shows how they went.
 * Bodies are read as text here so that a JSON syntax error gets the catalog envelope, not a generic 400.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../app/context.js';
import { findAgreement } from '../../../app/elements/reference-data.js';
import { findElementType } from '../../../app/elements/element-types.js';
import { Answer } from '../route-kit.js';
import type { Company } from '../use-cases/company.js';
import { StatusText } from '../wire/common.js';
import { catalogFormat, isElementCatalog } from './catalog-formats.js';
import * as env from './envelopes.js';
import * as ex from './examples.js';
import { adminRoutes } from './admin-routes.js';
import { BODY_LIMIT, promoImport } from './import-route.js';
import { monitorRoutes } from './monitor-routes.js';

export const MAX_CATALOG_ITEMS = 1000;

const TOO_MANY = `Se superó el máximo de ${MAX_CATALOG_ITEMS} items por solicitud`;

/** The checks of a catalog upload (§5.2): its id, params and items; CatalogCardAssign's type and contract. */
async function checkCatalog(deps: Deps, company: Company, b: Record<string, unknown>) {
  const described = typeof b.catalog === 'string' ? b.catalog : '';
  const refuse = (d: string) => env.catalogRefusal(described, d);
  if (!described.trim()) throw refuse('El campo catalog es requerido');
  const format = catalogFormat(described.trim());
  if (!format) throw refuse(`El catálogo ${described} no existe`);
  const params = env.paramsOf(b.params);
  if (params === null) throw refuse('El campo params debe ser una lista de objetos {"clave": "valor"}');
  const clear = env.truthy(params.deleteAllCollectionFirst);
  if (clear && isElementCatalog(format))
    throw refuse(`El parámetro deleteAllCollectionFirst no aplica al catálogo ${format.id}`);
  if (!Array.isArray(b.items)) throw refuse('El campo items es requerido');
  if (b.items.length === 0 && !clear) throw refuse('El campo items no puede estar vacío');
  if (b.items.length > MAX_CATALOG_ITEMS) throw refuse(TOO_MANY);
  if (format.format.kind === 'assign') {
    const type = env.text(params.cardType);
    const contract = env.text(params.contract);
    if (!type) throw refuse('El parámetro cardType es requerido');
    if (!contract) throw refuse('El parámetro contract es requerido');
    if (!(await findElementType(deps, company.merchantId, type)))
      throw refuse('No se encontró el Tipo de tarjeta loyalty');
    const agreement = await findAgreement(deps, company.merchantId, contract);
    if (!agreement) throw refuse(`El convenio ${contract} no existe`);
    if (!agreement.active) throw refuse(`El convenio ${contract} no está activo`);
  }
  return { kind: `promo.catalog.${format.id}` as const, described };
}

export function loadingRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (typed) => {
    const app = typed as unknown as FastifyInstance;
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: BODY_LIMIT },
      (_r, body, done) => done(null, body),
    );
    await app.register(adminRoutes(deps));

    promoImport(
      app,
      deps,
      '/api/rest/catalogs',
      {
        summary: 'Catalog upload (asynchronous, import monitor)',
        description:
          'Accepts up to 1,000 items of one catalog (§5.2.1: every catalog id, case-insensitive) into an import record and answers at once; the Entity Import job applies each item (I, U, UI, R, D) on its own and records per-item errors (`Location`/`X-Import-Id` headers name the record, readable at /promo/api/rest/importMonitor and /v1/imports). `deleteAllCollectionFirst` clears the catalog first (not for Card nor CatalogCardAssign). Refusals (status "400", result "error"): missing or foreign companyId, unknown catalog, params not a list, items missing or over 1,000, malformed JSON (description "").',
        request: ex.CATALOG_REQUEST,
        example: ex.CATALOG_RESPONSE,
        refused: Answer(ex.CATALOG_ERROR),
        refusals: {
          envelope: 'catalog',
          description: (b) => (typeof b.catalog === 'string' ? b.catalog : ''),
        },
      },
      async (b, company) => {
        const { kind, described } = await checkCatalog(deps, company, b);
        return { kind, answer: env.catalogEnvelope('200', described, env.CATALOG_ACCEPTED) };
      },
    );

    promoImport(
      app,
      deps,
      '/api/rest/priceList',
      {
        summary: 'Lista Zero price load (asynchronous)',
        description:
          'Inserts or updates the items (`sku`, `salePrice` required; prices with at most 2 decimals) in the store’s base price list, processed after the answer; per-item errors go to the import record. 400 `companyId is Required` / `companyId is Invalid`, `store is Required`, `items is Required`, over 1,000 items, malformed JSON.',
        request: ex.PRICE_LIST_REQUEST,
        example: ex.PRICE_LIST_RESPONSE,
        refused: StatusText,
        refusals: { envelope: 'received' },
      },
      async (b) => {
        const store = env.text(b.store);
        if (!store) throw env.received('store is Required', 'Debe enviar el campo store');
        if (!Array.isArray(b.items) || b.items.length === 0)
          throw env.received('items is Required', 'Debe enviar el campo items');
        if (b.items.length > MAX_CATALOG_ITEMS) throw env.received('items is Invalid', TOO_MANY);
        return { kind: `promo.priceList.${store}` as const, answer: env.PRICE_LIST_ACCEPTED };
      },
    );

    promoImport(
      app,
      deps,
      '/api/rest/promotion/import',
      {
        summary: 'Bulk promotion import I/U/R (asynchronous)',
        description:
          'Each promotion (the map’s JSON form; containers as object or array) is inserted with new benefit ids (`I`), updated by code, or by code + name when the code repeats (`U`; benefits keep the nros sent, others are new), or cancelled by code, name or both (`R`). Processed after the answer; per-promotion errors go to the import record. 400 `companyId is Required` / `companyId is Invalid`, `promotions is Required`.',
        request: ex.PROMOTION_IMPORT_REQUEST,
        example: ex.PROMOTION_IMPORT_RESPONSE,
        refused: StatusText,
        refusals: {
          envelope: 'received',
          company: {
            required: env.received('companyId is Required', 'Debe enviar el campo companyId'),
            invalid: env.received('companyId is Invalid', 'Debe enviar el campo companyId válido'),
          },
        },
      },
      async (b) => {
        if (!Array.isArray(b.promotions) || b.promotions.length === 0)
          throw env.received('promotions is Required', 'Debe enviar el campo promotions');
        if (b.promotions.length > MAX_CATALOG_ITEMS)
          throw env.received(
            'promotions is Invalid',
            `Se superó el máximo de ${MAX_CATALOG_ITEMS} promociones por solicitud`,
          );
        return { kind: 'promo.promotions', answer: env.PROMOTIONS_ACCEPTED };
      },
    );

    promoImport(
      app,
      deps,
      '/api/rest/limits',
      {
        summary: 'Limits administration I/U/R (asynchronous; URL chosen by Tessera, the manual gives none)',
        description:
          '`limits[]`: I attaches a limit to the benefit `benefitId` of the promotion `promotionName` (scope RETAILER, STORE with `storeCode`, or CUSTOMER; period DAY with `numberDays`, or UNDEFINED; type `benefiedProductCount`, `benefitApplicationCount` or `benefitAmount`; `value` the maximum); U redefines the limit `limitId`; R removes it. Each execution is an import record (the manual: "gera um registro de importação"); the answer is the catalog envelope with description `limits`.',
        request: ex.LIMITS_REQUEST,
        example: { ...ex.CATALOG_RESPONSE, description: 'limits' },
        refused: Answer(env.catalogEnvelope('400', 'limits', 'El campo limits es requerido')),
        refusals: { envelope: 'catalog', description: () => 'limits' },
      },
      async (b) => {
        if (!Array.isArray(b.limits) || b.limits.length === 0)
          throw env.catalogRefusal('limits', 'El campo limits es requerido');
        if (b.limits.length > MAX_CATALOG_ITEMS) throw env.catalogRefusal('limits', TOO_MANY);
        return {
          kind: 'promo.limits',
          answer: env.catalogEnvelope('200', 'limits', env.CATALOG_ACCEPTED),
        };
      },
    );
    await app.register(monitorRoutes(deps));
  };
}
