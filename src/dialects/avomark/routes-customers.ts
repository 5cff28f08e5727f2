import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../app/context.js';
import { findCustomerBy, updateCustomer } from '../../app/customers/customers.js';
import { activateIssuedCards, enrollCustomer } from '../../app/customers/enroll-customer.js';
import { listCustomersByPage } from '../../app/customers/list-customers-page.js';
import type { CustomerInput } from '../../core/customer/customer.js';
import type { Result } from '../../core/error-catalog.js';
import { STAFF_ROLES } from '../../core/roles.js';
import { HttpError, unwrap } from '../../http/http-error.js';
import { merchantOf, requireRole } from '../../http/plugins/auth.js';
import {
  AvomarkCustomer,
  AvomarkCustomerInput,
  cardsGiven,
  toAvomarkCustomer,
  toCustomerInput,
} from './customer-mapping.js';
import { AVOMARK_MESSAGES, AvomarkError, avomarkErrorResponses } from './errors.js';
import { CustomerIdParams, TAGS } from './schemas.js';

const writers = requireRole(...STAFF_ROLES);
/** Customer data is for staff: the customer-facing client is tied to no customer. */
const readers = requireRole(...STAFF_ROLES);
const PAGE_SIZE = 50;

/** Avomark's names of the fields a program may require before its card is used. */
const AVOMARK_FIELD: Record<string, string> = {
  lastName: 'lastname',
  firstName: 'firstname',
  birthDay: 'dayBirthday',
  birthMonth: 'monthBirthday',
  birthYear: 'yearBirthday',
  'address.line1': 'address.address1',
  'address.zipCode': 'address.zipcode',
};

/**
 * A creation the card's program could not activate is refused, naming the fields in Avomark's terms: 315
 * when the last name is missing, else 102 "Required parameter is empty." (reading chosen: the guide only
 * requires lastname, but a card handed out must take tickets).
 */
function avomarkEnrolment<T>(result: Result<T>): Result<T> {
  if (!result.ok && result.code === 'MOBILE_TAKEN') {
    throw new AvomarkError(303, 'MOBILE_TAKEN', result.message ?? 'This mobile number is already used.');
  }
  if (result.ok || result.code !== 'CUSTOMER_DATA_INSUFFICIENT') return result;
  const fields = (result.details ?? []).map((d) => AVOMARK_FIELD[d.field ?? ''] ?? d.field ?? '');
  if (fields.includes('lastname')) throw new AvomarkError(315, 'LAST_NAME_REQUIRED');
  throw new AvomarkError(
    102,
    'CUSTOMER_DATA_INSUFFICIENT',
    `${AVOMARK_MESSAGES[102]} The card's program needs: ${fields.join(', ')}.`,
  );
}

/** The godfather named by his Avomark id, as the engine's customer id (316 when unknown). */
async function withGodfather(
  deps: Deps,
  merchantId: string,
  body: AvomarkCustomerInput,
  input: CustomerInput,
): Promise<CustomerInput> {
  if (body.godfather === undefined) return input;
  const found = await findCustomerBy(deps, merchantId, { ref: Number(body.godfather) });
  if (!found.ok) throw new AvomarkError(316, 'GODFATHER_NOT_FOUND', 'The godfather is unknown.');
  return { ...input, godfatherId: found.value.id };
}

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
          description:
            'Avomark customer list (page, size), searched on name, mobile number, e-mail or card number; a search under 3 characters is refused with 400.',
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
          description: 'One customer by id. 404 when the id is unknown or belongs to another merchant.',
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
        const cards = cardsGiven(body.cards);
        if (cards.length > 1) {
          throw new AvomarkError(0, 'VALIDATION_FAILED', 'cards: give at most one card number.');
        }
        const created = unwrap(
          avomarkEnrolment(
            await enrollCustomer(
              deps,
              merchantOf(request),
              await withGodfather(deps, merchantOf(request), body, toCustomerInput(body)),
              { number: cards[0] },
              { usableCard: true, uniqueMobile: true },
            ),
          ),
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
          description:
            "Avomark customer update. 404 for an unknown customer; 409 when the mobile number is another customer's; 400 with the Avomark error list for an invalid field.",
          params: CustomerIdParams,
          body: AvomarkCustomerInput,
          response: { 200: AvomarkCustomer, ...avomarkErrorResponses },
        },
      },
      async (request) => {
        const merchantId = merchantOf(request);
        const current = unwrap(await findCustomerBy(deps, merchantId, { ref: refOf(request.params.id) }));
        const updated = unwrap(
          await updateCustomer(
            deps,
            merchantId,
            current.id,
            await withGodfather(deps, merchantId, request.body, toCustomerInput(request.body)),
          ),
        );
        // Data completed by the update lets a card handed out at creation earn.
        unwrap(await activateIssuedCards(deps, merchantId, current.id));
        request.xmlRoot = 'Customer';
        return toAvomarkCustomer(updated);
      },
    );
  };
}
