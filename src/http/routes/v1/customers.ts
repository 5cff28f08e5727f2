import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../../app/context.js';
import * as customers from '../../../app/customers/customers.js';
import { ERASURE_ROLES, STAFF_ROLES } from '../../../core/roles.js';
import { unwrap } from '../../http-error.js';
import { merchantOf, requireRole } from '../../plugins/auth.js';
import { IdParams, PageQuery, RefTo, errorResponses } from '../../schemas/common.js';
import { CustomerCreate, CustomerPatch, customerView } from '../../schemas/customer.schema.js';

const tags = ['customers'];
const writers = requireRole(...STAFF_ROLES);
/** Customer data is for staff: the customer-facing client is tied to no customer. */
const readers = requireRole(...STAFF_ROLES);

export function customerRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/customers',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: 'Create a customer',
          description:
            'Creates a customer of the merchant (name, contact details, consents). 409 when the mobile number or customer code is already used; 422 when a field is invalid.',
          body: RefTo(CustomerCreate),
          response: { 201: Type.Ref('Customer'), ...errorResponses },
        },
      },
      async (request, reply) => {
        const created = unwrap(await customers.createCustomer(deps, merchantOf(request), request.body));
        return reply.code(201).header('Location', `/v1/customers/${created.id}`).send(customerView(created));
      },
    );

    app.get(
      '/customers',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: 'List customers, with search',
          description:
            'Customers of the merchant, by pages (nextCursor), optionally searched by name, mobile number, e-mail or customer code.',
          querystring: Type.Composite(
            [
              PageQuery,
              Type.Object({
                q: Type.Optional(
                  Type.String({
                    maxLength: 100,
                    description:
                      'Search in name, phone, e-mail, card number, customer code, identification (3+ characters)',
                  }),
                ),
              }),
            ],
            { additionalProperties: false },
          ),
          response: { 200: Type.Ref('CustomerPage'), ...errorResponses },
        },
      },
      async (request) => {
        const page = unwrap(await customers.listCustomers(deps, merchantOf(request), request.query));
        return { data: page.data.map(customerView), nextCursor: page.nextCursor };
      },
    );

    app.get(
      '/customers/:id',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: 'Read a customer',
          description: 'One customer by id. 404 when the id is unknown or belongs to another merchant.',
          params: IdParams,
          response: { 200: Type.Ref('Customer'), ...errorResponses },
        },
      },
      async (request) =>
        customerView(unwrap(await customers.getCustomer(deps, merchantOf(request), request.params.id))),
    );

    app.patch(
      '/customers/:id',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: 'Update a customer (fields absent are kept; null clears)',
          description:
            "Changes the fields sent; absent fields are kept and null clears an optional field. 404 for an unknown customer, 409 when the new mobile number is another customer's.",
          params: IdParams,
          body: RefTo(CustomerPatch),
          response: { 200: Type.Ref('Customer'), ...errorResponses },
        },
      },
      async (request) =>
        customerView(
          unwrap(await customers.updateCustomer(deps, merchantOf(request), request.params.id, request.body)),
        ),
    );

    app.delete(
      '/customers/:id',
      {
        preHandler: requireRole(...ERASURE_ROLES),
        schema: {
          tags,
          summary: 'Erase a customer (GDPR): personal data anonymised, ledger and sales kept',
          description:
            "Anonymises the customer's personal data for a right-to-erasure request; cards, points movements and sales stay for the accounts. Answers 204; 404 for an unknown customer.",
          params: IdParams,
          response: { 204: Type.Null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        unwrap(await customers.eraseCustomerById(deps, merchantOf(request), request.params.id));
        return reply.code(204).send(null);
      },
    );
  };
}

export const customerSchemas = [CustomerCreate, CustomerPatch];
