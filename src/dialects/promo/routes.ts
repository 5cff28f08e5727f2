/** The PROMO services built so far: customer, card and points statement queries, element and customer administration, the promoCoreRequest XML service. */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../app/context.js';
import { companyOf } from '../../app/elements/company.js';
import { STAFF_ROLES } from '../../core/roles.js';
import { requireRole } from '../../http/plugins/auth.js';
import { cardAdmin } from './use-cases/card-admin.js';
import { checkCompany, requireCompany } from './use-cases/company.js';
import { customerAdmin } from './use-cases/customer-admin.js';
import { promoPromotionRoutes } from './routes-promotions.js';
import { promotionsXml } from './use-cases/promotions-xml.js';
import { cardQuery, customerQuery, pointsStatement } from './use-cases/queries.js';
import { OAuthErrorBody, queryOf, StatusText, TAGS, Text } from './wire/common.js';
import * as ex from './wire/examples.js';
import { XML_TYPE } from './wire/xml.js';

const Answer = (example: unknown) => Type.Unknown({ examples: [example] });
const WRITERS = [
  'administrator',
  'director',
  'senior_employee',
  'marketer',
  'cc_operator',
  'cashier',
] as const;
type Query = Record<string, string | undefined>;

export function promoRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const resolver = (request: FastifyRequest) => (companyId: unknown) =>
      checkCompany(deps, request, companyId);
    const errors = { 400: StatusText, 401: OAuthErrorBody };
    await app.register(promoPromotionRoutes(deps));

    app.get(
      '/api/rest/customer',
      {
        preHandler: requireRole(...STAFF_ROLES),
        schema: {
          tags: TAGS,
          summary: 'Customer query (by code or identification pair), with elements and lastSales',
          description:
            'One customer by `code`, or by `identifier` + `identificationType` (code first), with its loyalty elements (`cards`), `coupons` and, when `lastSales=N` (alias `lastSalesInfo`), its N most recent sales. Neither key: `[]`; unknown customer: `{}`. 400 `companyId is Required` / `companyId is Invalid` when companyId is missing or not the caller’s company.',
          querystring: queryOf({
            companyId: Text,
            code: Text,
            identificationType: Text,
            identifier: Text,
            lastSales: Text,
            lastSalesInfo: Text,
          }),
          response: { 200: Answer(ex.CUSTOMER_EXAMPLE), ...errors },
        },
      },
      async (request) => {
        const q = request.query as Query;
        return customerQuery(deps, await requireCompany(deps, request, q.companyId), q);
      },
    );

    app.get(
      '/api/rest/card',
      {
        preHandler: requireRole(...STAFF_ROLES),
        schema: {
          tags: TAGS,
          summary: 'Loyalty element query, movements by date range, element types',
          description:
            'With `code`: the element and its `cardHistory` (newest first, amounts as strings), filtered by `dateFrom`/`dateTo` (yyyyMMdd), `timeFrom`/`timeTo` (HHmm, only with both dates), `cardAction`, `limit` (default 5, max 100000) and `offset` (1-based). Without `code`: every element’s movements in the date range (required), each with its `card`. With `isTypes=true` (or `requestTypes=true`): `{cardTypes: [...]}`. 400 for a malformed date, time, limit or action.',
          querystring: queryOf({
            companyId: Text,
            code: Text,
            limit: Text,
            offset: Text,
            dateFrom: Text,
            dateTo: Text,
            timeFrom: Text,
            timeTo: Text,
            cardAction: Text,
            isTypes: Text,
            requestTypes: Text,
          }),
          response: { 200: Answer(ex.CARD_EXAMPLE), ...errors },
        },
      },
      async (request) => {
        const q = request.query as Query;
        return cardQuery(deps, await requireCompany(deps, request, q.companyId), q);
      },
    );

    app.get(
      '/api/rest/statementPoints',
      {
        preHandler: requireRole(...STAFF_ROLES),
        schema: {
          tags: TAGS,
          summary: 'Points statement of a customer (consumption or grants)',
          description:
            'The movements of a customer’s elements between `fromDate` and `toDate` (yyyyMMdd, at most one month apart): consumption with `isConsume=true`, grants with `false`. Every parameter is required (400 `<param> is Required`); a range over one month is refused (400 `Date range is Invalid`).',
          querystring: queryOf({
            companyId: Text,
            customerCode: Text,
            fromDate: Text,
            toDate: Text,
            isConsume: Text,
          }),
          response: { 200: Answer(ex.STATEMENT_EXAMPLE), ...errors },
        },
      },
      async (request) => {
        const q = request.query as Query;
        return pointsStatement(deps, await requireCompany(deps, request, q.companyId), q);
      },
    );

    app.post(
      '/api/rest/cards/admin',
      {
        preHandler: requireRole(...WRITERS),
        schema: {
          tags: TAGS,
          summary:
            'Loyalty element administration (ACTIVATION, CHARGE, RECHARGE, AMOUNT_UPDATE, CONSUME, CANCEL)',
          description:
            'Applies each item to its element in one transaction and answers the counters with `errorDetails` and `successDetails` (resulting amount as a string), under a `SVC_CRD_<yyyyMMddHHmmss>` transaction id. `oneActiveCardByCustomer` (default true) requires a customer and refuses a second active element: 400 with `El cliente es requerido para el registro : N` or `El cliente C ya posee un elemento de fidelidad activo`, nothing written. A consumption never takes an element below zero (error `Saldo insuficiente`).',
          body: Type.Unknown({ examples: [ex.CARD_ADMIN_REQUEST] }),
          response: { 200: Answer(ex.CARD_ADMIN_RESPONSE), 400: Type.Unknown(), 401: OAuthErrorBody },
        },
      },
      async (request) => cardAdmin(deps, resolver(request), request.body),
    );

    app.post(
      '/api/rest/customer',
      {
        preHandler: requireRole(...WRITERS),
        schema: {
          tags: TAGS,
          summary: 'Customer administration (I/U/UI/R, up to 100) with autoCard',
          description:
            'Creates, updates or removes customers (catalog-customer item shape; `itens` accepted for `items`). `autoCard` names an element type: a customer without an element of it gets one numbered prefix + document number, fitted to the type’s length, with the type’s initial amount. Per-record errors (`not found`, `already exists`, missing fields) are listed; more than 100 items is a 400.',
          body: Type.Unknown({ examples: [ex.CUSTOMER_ADMIN_REQUEST] }),
          response: { 200: Answer(ex.CUSTOMER_ADMIN_RESPONSE), 400: Type.Unknown(), 401: OAuthErrorBody },
        },
      },
      async (request) => customerAdmin(deps, resolver(request), request.body),
    );

    app.post(
      '/api/rest/promotions',
      {
        preHandler: requireRole(...WRITERS),
        schema: {
          tags: TAGS,
          summary:
            'promoCoreRequest XML service: getMaps, getPromotions(ByNro|ByCode|ByBenefitNro|ByName), NextCardNumber',
          description:
            'XML body `<promoCoreRequest><operation>NextCardNumber</operation><params><type>555</type></params></promoCoreRequest>`: answers `<ack>0</ack><message>Id:"…"</message>` with the lowest inactive element of the type that has no customer, each one handed out once; an unknown type answers ack 9503 `No se encontró el Tipo de tarjeta loyalty`. Answers are ISO-8859-1. `getMaps` (`mapNumber`) answers the map file inside `<map version:="N">` (sic); `getPromotions` the promotions of the active map, narrowed by `<params>` `promoCode`, `store`, `region` (repeated or comma-separated); `getPromotionsByNro` (`nro`), `getPromotionsByCode` (`promoCode`, every match), `getPromotionsByBenefitNro` (`nro` of a benefit), `getPromotionsByName` (`promoName`) answer `<message value="" /><promotions>…</promotions>`. A missing element is a 400 with ack 9000; an unknown map ack 9005.',
          consumes: ['application/xml', 'text/xml'],
          body: Type.String({
            examples: [
              '<promoCoreRequest><operation>NextCardNumber</operation><params><type>555</type></params></promoCoreRequest>',
            ],
          }),
          response: {
            200: {
              description: 'promoCoreResponse',
              content: {
                'application/xml': {
                  schema: Type.String(),
                  example:
                    '<?xml version="1.0" encoding="iso-8859-1"?>\n<promoCoreResponse>\n\t<ack>0</ack>\n\t<message>Id:"555000002200002"</message>\n</promoCoreResponse>\n',
                },
              },
            },
          },
        },
      },
      async (request, reply) => {
        const body = typeof request.body === 'string' ? request.body : '';
        const xml = await promotionsXml(
          deps,
          async (companyId) => {
            const check = await checkCompany(deps, request, companyId ?? (await ownSlug(request)));
            return check.ok ? check.company : null;
          },
          body,
        );
        return reply.type(XML_TYPE).send(xml as unknown as string);
      },
    );

    async function ownSlug(request: FastifyRequest): Promise<string> {
      const own = request.caller?.merchantId ? await companyOf(deps, request.caller.merchantId) : undefined;
      return own?.slug ?? '';
    }
  };
}
