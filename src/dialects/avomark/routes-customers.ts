import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../app/context.js';
import { findCustomerBy, updateCustomer } from '../../app/customers/customers.js';
import { enrollCustomer } from '../../app/customers/enroll-customer.js';
import { listCustomersByPage } from '../../app/customers/list-customers-page.js';
import { STAFF_ROLES } from '../../core/roles.js';
import { HttpError, unwrap } from '../../http/http-error.js';
import { merchantOf, requireRole } from '../../http/plugins/auth.js';
import {
  AvomarkCustomer,
  AvomarkCustomerInput,
  toAvomarkCustomer,
  toCustomerInput,
} from './customer-mapping.js';
import { AvomarkError, avomarkErrorResponses } from './errors.js';
import { CustomerIdParams, TAGS } from './schemas.js';

const writers = requireRole(...STAFF_ROLES);
/** Customer data is for staff: the customer-facing client is tied to no customer. */
const readers = requireRole(...STAFF_ROLES);
const PAGE_SIZE = 50;

/** Avomark customer ids are the customers' numeric references. */
function refOf(id: string): number {
  if (!/^\d{1,15}$/.test(id)) throw new HttpError('CUSTOMER_NOT_FOUND');
  return Number(id);
}

export function avomarkCustomerRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/customers',
      {
        preHandler: readers,
        schema: {
          tags: TAGS,
          summary: 'List customers, by page, with an optional search (3 characters or more)',
          querystring: Type.Object({
            page: Type.Integer({ default: 0, description: '0-based page number' }),
            pageSize: Type.Integer({ minimum: 1, maximum: 200, default: PAGE_SIZE }),
            search: Type.Optional(Type.String({ maxLength: 100 })),
          }),
          response: { 200: Type.Array(AvomarkCustomer), ...avomarkErrorResponses },
        },
      },
      async (request) => {
        const { page, pageSize, search } = request.query;
        if (page < 0) throw new AvomarkError(310);
        const found = unwrap(
          await listCustomersByPage(deps, merchantOf(request), { page, size: pageSize, q: search }),
        );
        request.xmlRoot = 'ArrayOfCustomer';
        return found.data.map(toAvomarkCustomer);
      },
    );

    app.get(
      '/api/v1/customers/:id',
      {
        preHandler: readers,
        schema: {
          tags: TAGS,
          summary: 'Read a customer',
          params: CustomerIdParams,
          response: { 200: AvomarkCustomer, ...avomarkErrorResponses },
        },
      },
      async (request) => {
        const found = unwrap(
          await findCustomerBy(deps, merchantOf(request), { ref: refOf(request.params.id) }),
        );
        request.xmlRoot = 'Customer';
        return toAvomarkCustomer(found);
      },
    );

    app.post(
      '/api/v1/customers',
      {
        preHandler: writers,
        schema: {
          tags: TAGS,
          summary: 'Create a customer: with the card given, with the next card of the program, or none',
          description:
            'cards: ["<number>"] binds that card; no cards and noFidelity false hands out the next new card of ' +
            "the merchant's default program; noFidelity true gives no card. 201 answers the customer as GET does.",
          body: AvomarkCustomerInput,
          response: { 201: AvomarkCustomer, ...avomarkErrorResponses },
        },
      },
      async (request, reply) => {
        const body = request.body;
        if ((body.cards?.length ?? 0) > 1) {
          throw new AvomarkError(0, 'VALIDATION_FAILED', 'cards: give at most one card number.');
        }
        const created = unwrap(
          await enrollCustomer(deps, merchantOf(request), toCustomerInput(body), { number: body.cards?.[0] }),
        );
        request.xmlRoot = 'Customer';
        return reply
          .code(201)
          .header('Location', `/avomark/api/v1/customers/${created.ref}`)
          .send(toAvomarkCustomer(created));
      },
    );

    app.put(
      '/api/v1/customers/:id',
      {
        preHandler: writers,
        schema: {
          tags: TAGS,
          summary: 'Update a customer (fields sent replace; fields absent are kept; cards are not changed)',
          params: CustomerIdParams,
          body: AvomarkCustomerInput,
          response: { 200: AvomarkCustomer, ...avomarkErrorResponses },
        },
      },
      async (request) => {
        const merchantId = merchantOf(request);
        const current = unwrap(await findCustomerBy(deps, merchantId, { ref: refOf(request.params.id) }));
        const updated = unwrap(
          await updateCustomer(deps, merchantId, current.id, toCustomerInput(request.body)),
        );
        request.xmlRoot = 'Customer';
        return toAvomarkCustomer(updated);
      },
    );
  };
}
