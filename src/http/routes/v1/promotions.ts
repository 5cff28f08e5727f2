import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../../app/context.js';
import { evaluateBasket } from '../../../app/promotions/evaluate-basket.js';
import * as maps from '../../../app/promotions/promotion-maps.js';
import { mapFile } from '../../../app/promotions/promotion-queries.js';
import * as records from '../../../app/promotions/promotion-records.js';
import { MARKETING_ROLES, STAFF_ROLES } from '../../../core/roles.js';
import { HttpError, unwrap } from '../../http-error.js';
import type { Static } from '@sinclair/typebox';
import { importMapXml } from '../../../app/promotions/map-import.js';
import { decodeBody } from '../../charset.js';
import { prefersXml } from '../../xml.js';
import { callerOf, merchantOf, requireRole } from '../../plugins/auth.js';
import { errorResponses } from '../../schemas/common.js';
import {
  EvaluateBody,
  EvaluateQuery,
  EvaluationResult,
  ExclusionBody,
  MapCreate,
  MapFileBody,
  MapImportQuery,
  MapListQuery,
  MapPage,
  MapView,
  NroParams,
  Promotion,
  PromotionBody,
  PromotionListQuery,
  PromotionPage,
  VersionParams,
} from '../../schemas/promotion.schema.js';

const marketers = requireRole(...MARKETING_ROLES);
/** The JSON body, validated against MapCreate by its content type's schema. */
const isMapInput = (b: unknown): b is Static<typeof MapCreate> => typeof b === 'object' && b !== null;
const staff = requireRole(...STAFF_ROLES);

export function promotionRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    // A map file: XML in this plugin's routes only, decoded from its charset (its declaration's, by default).
    app.addContentTypeParser(
      ['application/xml', 'text/xml'],
      { parseAs: 'buffer' },
      (request, body, done) => {
        const buffer = typeof body === 'string' ? Buffer.from(body, 'latin1') : body;
        const declared = /^<\?xml[^>]*encoding=["']([A-Za-z0-9_-]+)["']/.exec(
          buffer.subarray(0, 200).toString('latin1'),
        );
        const type = request.headers['content-type'] ?? '';
        const text = decodeBody(
          buffer,
          /charset=/i.test(type) || !declared ? type : `${type}; charset=${declared[1]}`,
        );
        if (text instanceof HttpError) done(text, undefined);
        else done(null, text);
      },
    );
    const tags = ['promotions'];
    app.post(
      '/promotions',
      {
        preHandler: marketers,
        schema: {
          tags,
          summary: 'Create a promotion from the promotion grammar (JSON form)',
          description:
            'The body is one promotion object of the grammar (sets, condition, combo, benefits; every container as an object or an array; amounts as decimal text in currency units) with typed additions (validity, stores, regions, segments, customerTypes, priority, exclusive, campaign, deploymentChannels). It is validated into the typed model: 422 PROMOTION_INVALID names the path of each bad element. A nro is generated unless given; each benefit gets a new nro. The promotion gets the workflow of its creator (GET /v1/users/{id}/workflows), a state (complete; incomplete when it has no benefit — a draft — or names a coupon type that does not exist) and its header fields (GET /v1/header-attributes).',
          body: PromotionBody,
          response: { 201: Promotion, ...errorResponses },
        },
      },
      async (request, reply) => {
        const created = unwrap(
          await records.createPromotion(deps, merchantOf(request), request.body, {
            createdBy: callerOf(request).principalId,
          }),
        );
        return reply.code(201).header('Location', `/v1/promotions/${created.nro}`).send(created);
      },
    );
    app.get(
      '/promotions',
      {
        preHandler: staff,
        schema: {
          tags,
          summary: 'List promotions',
          description:
            'Promotions of the merchant by nro, by pages (nextCursor), optionally by status or code (codes are not unique).',
          querystring: PromotionListQuery,
          response: { 200: PromotionPage, ...errorResponses },
        },
      },
      async (request) => unwrap(await records.listPromotions(deps, merchantOf(request), request.query)),
    );
    app.get(
      '/promotions/:nro',
      {
        preHandler: staff,
        schema: {
          tags,
          summary: 'Read a promotion with its limits and date exclusions',
          description:
            'The typed definition, status, revision, the limits attached to its benefits and its date exclusions. 404 for an unknown nro.',
          params: NroParams,
          response: { 200: Promotion, ...errorResponses },
        },
      },
      async (request) => unwrap(await records.getPromotion(deps, merchantOf(request), request.params.nro)),
    );
    app.put(
      '/promotions/:nro',
      {
        preHandler: marketers,
        schema: {
          tags,
          summary: 'Replace a promotion definition',
          description:
            'Same grammar as creation. A benefit sent with its generated nro keeps it (and its limits); a benefit without a known nro is new. Map versions already created keep their snapshot. 404 unknown nro; 422 invalid promotion.',
          params: NroParams,
          body: PromotionBody,
          response: { 200: Promotion, ...errorResponses },
        },
      },
      async (request) =>
        unwrap(await records.updatePromotion(deps, merchantOf(request), request.params.nro, request.body)),
    );
    app.post(
      '/promotions/:nro/deactivate',
      {
        preHandler: marketers,
        schema: {
          tags,
          summary: 'Deactivate a promotion',
          description:
            'A deactivated promotion cannot enter a new map version; versions that already hold it keep their snapshot. 404 unknown nro.',
          params: NroParams,
          response: { 200: Promotion, ...errorResponses },
        },
      },
      async (request) =>
        unwrap(await records.setPromotionStatus(deps, merchantOf(request), request.params.nro, 'inactive')),
    );
    app.post(
      '/promotions/:nro/exclusions',
      {
        preHandler: marketers,
        schema: {
          tags,
          summary: 'Add or remove date exclusions of a promotion at a store',
          description:
            'On an excluded date (the basket\'s local date) the promotion does not apply at that store ("*": every store); evaluation reports EXCLUDED_DATE. 404 unknown nro.',
          params: NroParams,
          body: ExclusionBody,
          response: { 200: Promotion, ...errorResponses },
        },
      },
      async (request) =>
        unwrap(await records.changeExclusions(deps, merchantOf(request), request.params.nro, request.body)),
    );

    const mapTags = ['promotion maps'];
    app.post(
      '/promotion-maps',
      {
        preHandler: marketers,
        schema: {
          tags: mapTags,
          summary: 'Create a map version: an immutable snapshot of promotions',
          description:
            'With `Content-Type: application/xml`, the body is a map file (`<promo-engine>`, as GET with `Accept: application/xml` exports it): its promotions are matched by nro (one the merchant has is used as it is) or created from their XML, the algorithm\'s promotion-usage names them, the dates are the merchant\'s wall clock (dd/MM/yyyy HH:mm) and map-version is the version created (422 if taken), the stores are those of a `<parameter key="Stores" value="S1,S2" />` (comma-separated; none: every store); `?name=` names it. A document that is not well formed, or misses a part, is a 422 naming the element. Otherwise (JSON): freezes the named promotions as they are now, with the evaluation algorithm (steps ALL or SIMPLE over promotion nros; promotions in no step run last, all of them), validity, stores and validityAfterVoid (days within which a return or cancel reverts its promotions). The answer carries the new version number. 422 for an unknown or deactivated promotion.',
          body: {
            content: {
              'application/json': { schema: MapCreate },
              'application/xml': { schema: MapFileBody },
            },
          },
          querystring: MapImportQuery,
          response: { 201: MapView, ...errorResponses },
        },
      },
      async (request, reply) => {
        const body: unknown = request.body;
        const created =
          typeof body === 'string'
            ? await importMapXml(deps, merchantOf(request), body, { name: request.query.name })
            : isMapInput(body)
              ? await maps.createMap(deps, merchantOf(request), body)
              : null;
        if (created === null)
          throw new HttpError('VALIDATION_FAILED', 'The body must be a map (JSON) or a map file (XML).');
        return reply.code(201).send(unwrap(created));
      },
    );
    app.get(
      '/promotion-maps',
      {
        preHandler: staff,
        schema: {
          tags: mapTags,
          summary: 'List map versions, newest first',
          description: 'Versions of the merchant, newest first, and which one is active.',
          querystring: MapListQuery,
          response: { 200: MapPage, ...errorResponses },
        },
      },
      async (request) => unwrap(await maps.listMaps(deps, merchantOf(request), request.query)),
    );
    app.get(
      '/promotion-maps/:version',
      {
        preHandler: staff,
        schema: {
          tags: mapTags,
          summary: 'Read a map version',
          description:
            'Its promotions, algorithm, validity and whether it is the active one. 404 unknown version. With `Accept: application/xml`: the map file in the promotion grammar’s XML form (`<promo-engine>`, ISO-8859-1), the promotions as they were posted; a map limited to stores lists them in a `<parameter key="Stores" value="S1,S2" />` after the engine parameters.',
          params: VersionParams,
          response: { 200: MapView, ...errorResponses },
        },
      },
      async (request, reply) => {
        if (!prefersXml(request.headers.accept))
          return unwrap(await maps.getMap(deps, merchantOf(request), request.params.version));
        const file = await mapFile(deps, merchantOf(request), request.params.version);
        if (!file)
          throw new HttpError('PROMOTION_MAP_NOT_FOUND', `No map version ${request.params.version}.`);
        return reply.type('application/xml; charset=iso-8859-1').send(file);
      },
    );
    app.post(
      '/promotion-maps/:version/activate',
      {
        preHandler: marketers,
        schema: {
          tags: mapTags,
          summary: "Make a map version the merchant's active map (atomic)",
          description:
            'One statement switches the active version: a basket is evaluated with the old or the new map, never a mix. 404 unknown version.',
          params: VersionParams,
          response: { 200: MapView, ...errorResponses },
        },
      },
      async (request) => unwrap(await maps.activateMap(deps, merchantOf(request), request.params.version)),
    );

    app.post(
      '/baskets/evaluate',
      {
        preHandler: staff,
        schema: {
          tags,
          summary: 'Evaluate a basket against the active map (no side effects)',
          description:
            'What the active map grants the basket: per line the discount and total, per promotion the benefit, discount, points, coupons and lines used, the coupons to issue, and for every other promotion of the map why it did not apply (notApplied: CONDITION_NOT_MET, OUTSIDE_VALIDITY, EXCLUDED_DATE, LIMIT_REACHED, LOST_TO_EXCLUSIVE, ...). Amounts are minor units; line indexes are 0-based positions in lines. Nothing is written: limits and coupons are consumed only by a sale. 404 for an unknown store, card, customer or coupon. With a large map, notApplied is large (about 130 bytes per promotion: 1.3 MB at 10,000): `?explain=candidates` lists only the promotions the map index considered for this basket (the others name no item, store or segment the basket has), `?explain=none` leaves notApplied empty.',
          querystring: EvaluateQuery,
          body: EvaluateBody,
          response: { 200: EvaluationResult, ...errorResponses },
        },
      },
      async (request) =>
        unwrap(await evaluateBasket(deps, merchantOf(request), request.body, request.query.explain)),
    );
  };
}
