/** The PROMO services built so far: customer, card and points statement queries, element and customer administration, the promoCoreRequest XML service. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/context.js';
import { DATED_PAGE, promoCommand, promoQuery, promoXml } from './route-kit.js';
import { cardAdmin } from './use-cases/card-admin.js';
import { customerAdmin } from './use-cases/customer-admin.js';
import { promoPromotionRoutes } from './routes-promotions.js';
import { promotionsXml } from './use-cases/promotions-xml.js';
import { cardQuery, customerQuery, pointsStatement } from './use-cases/queries.js';
import * as ex from './wire/examples.js';

export function promoRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (typed) => {
    const app = typed as unknown as FastifyInstance;
    await app.register(promoPromotionRoutes(deps));

    promoQuery(
      app,
      deps,
      '/api/rest/customer',
      {
        summary: 'Customer query (by code or identification pair), with elements and lastSales',
        description:
          'One customer by `code`, or by `identifier` + `identificationType` (code first), with its loyalty elements (`cards`), `coupons` and, when `lastSales=N` (alias `lastSalesInfo`), its N most recent sales. Neither key: `[]`; unknown customer: `{}`. 400 `companyId is Required` / `companyId is Invalid` when companyId is missing or not the caller’s company.',
        query: ['companyId', 'code', 'identificationType', 'identifier', 'lastSales', 'lastSalesInfo'],
        example: ex.CUSTOMER_EXAMPLE,
      },
      (company, q) => customerQuery(deps, company, q),
    );

    promoQuery(
      app,
      deps,
      '/api/rest/card',
      {
        summary: 'Loyalty element query, movements by date range, element types',
        description:
          'With `code`: the element and its `cardHistory` (newest first, amounts as strings), filtered by `dateFrom`/`dateTo` (yyyyMMdd), `timeFrom`/`timeTo` (HHmm, only with both dates), `cardAction`, `limit` (default 5, max 100000) and `offset` (1-based). Without `code`: every element’s movements in the date range (required), each with its `card`. With `isTypes=true` (or `requestTypes=true`): `{cardTypes: [...]}`. 400 for a malformed date, time, limit or action.',
        query: ['companyId', 'code', ...DATED_PAGE, 'cardAction', 'isTypes', 'requestTypes'],
        example: ex.CARD_EXAMPLE,
      },
      (company, q) => cardQuery(deps, company, q),
    );

    promoQuery(
      app,
      deps,
      '/api/rest/statementPoints',
      {
        summary: 'Points statement of a customer (consumption or grants)',
        description:
          'The movements of a customer’s elements between `fromDate` and `toDate` (yyyyMMdd, at most one month apart): consumption with `isConsume=true`, grants with `false`. Every parameter is required (400 `<param> is Required`); a range over one month is refused (400 `Date range is Invalid`).',
        query: ['companyId', 'customerCode', 'fromDate', 'toDate', 'isConsume'],
        example: ex.STATEMENT_EXAMPLE,
      },
      (company, q) => pointsStatement(deps, company, q),
    );

    promoCommand(
      app,
      deps,
      '/api/rest/cards/admin',
      {
        summary:
          'Loyalty element administration (ACTIVATION, CHARGE, RECHARGE, AMOUNT_UPDATE, CONSUME, CANCEL)',
        description:
          'Applies each item to its element in one transaction and answers the counters with `errorDetails` and `successDetails` (resulting amount as a string), under a `SVC_CRD_<yyyyMMddHHmmss>` transaction id. `oneActiveCardByCustomer` (default true) requires a customer and refuses a second active element: 400 with `El cliente es requerido para el registro : N` or `El cliente C ya posee un elemento de fidelidad activo`, nothing written. A consumption never takes an element below zero (error `Saldo insuficiente`).',
        request: ex.CARD_ADMIN_REQUEST,
        example: ex.CARD_ADMIN_RESPONSE,
      },
      (resolve, body) => cardAdmin(deps, resolve, body),
    );

    promoCommand(
      app,
      deps,
      '/api/rest/customer',
      {
        summary: 'Customer administration (I/U/UI/R, up to 100) with autoCard',
        description:
          'Creates, updates or removes customers (catalog-customer item shape; `itens` accepted for `items`). `autoCard` names an element type: a customer without an element of it gets one numbered prefix + document number, fitted to the type’s length, with the type’s initial amount. Per-record errors (`not found`, `already exists`, missing fields) are listed; more than 100 items is a 400.',
        request: ex.CUSTOMER_ADMIN_REQUEST,
        example: ex.CUSTOMER_ADMIN_RESPONSE,
      },
      (resolve, body) => customerAdmin(deps, resolve, body),
    );

    promoXml(
      app,
      deps,
      '/api/rest/promotions',
      {
        summary:
          'promoCoreRequest XML service: getMaps, getPromotions(ByNro|ByCode|ByBenefitNro|ByName), NextCardNumber',
        description:
          'XML body `<promoCoreRequest><operation>NextCardNumber</operation><params><type>555</type></params></promoCoreRequest>`: answers `<ack>0</ack><message>Id:"…"</message>` with the lowest inactive element of the type that has no customer, each one handed out once; an unknown type answers ack 9503 `No se encontró el Tipo de tarjeta loyalty`. Answers are ISO-8859-1. `getMaps` (`mapNumber`) answers the map file inside `<map version:="N">` (sic); `getPromotions` the promotions of the active map, narrowed by `<params>` `promoCode`, `store`, `region` (repeated or comma-separated); `getPromotionsByNro` (`nro`), `getPromotionsByCode` (`promoCode`, every match), `getPromotionsByBenefitNro` (`nro` of a benefit), `getPromotionsByName` (`promoName`) answer `<message value="" /><promotions>…</promotions>`. A missing element is a 400 with ack 9000; an unknown map ack 9005.',
        request:
          '<promoCoreRequest><operation>NextCardNumber</operation><params><type>555</type></params></promoCoreRequest>',
        example:
          '<?xml version="1.0" encoding="iso-8859-1"?>\n<promoCoreResponse>\n\t<ack>0</ack>\n\t<message>Id:"555000002200002"</message>\n</promoCoreResponse>\n',
      },
      (resolve, xml) => promotionsXml(deps, resolve, xml),
    );
  };
}
