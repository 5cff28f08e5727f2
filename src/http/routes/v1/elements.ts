/** Loyalty elements on the native API: element types (create, list) and one element with its movements. */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../../app/context.js';
import { elementStatus } from '../../../app/elements/element-admin.js';
import { findElementWithMovements } from '../../../app/elements/element-queries.js';
import {
  createElementType,
  listElementTypes,
  type ElementTypeRecord,
} from '../../../app/elements/element-types.js';
import { MANAGER_ROLES, STAFF_ROLES } from '../../../core/roles.js';
import { HttpError, unwrap } from '../../http-error.js';
import { merchantOf, requireRole } from '../../plugins/auth.js';
import { errorResponses } from '../../schemas/common.js';
import { ElementTypeCreate, ElementTypeView, ElementView } from '../../schemas/element.schema.js';

const tags = ['elements'];

function typeView(t: ElementTypeRecord) {
  return {
    code: t.code,
    name: t.name,
    description: t.description,
    active: t.active,
    numberLength: t.numberLength,
    nominated: t.nominated,
    rechargeable: t.rechargeable,
    cvvRequired: t.cvvRequired,
    customerValidation: t.customerValidation,
    chargeLimitMinor: t.chargeLimit,
    initialAmountMinor: t.initialAmount,
    validityDays: t.validityDays,
    ranges: t.ranges,
  };
}

export function elementRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/element-types',
      {
        preHandler: requireRole(...STAFF_ROLES),
        schema: {
          tags,
          summary: 'List loyalty element types',
          description:
            'Element types: a program with prefix ranges, number length, nominated / rechargeable / CVV flags and a charge limit (amounts in hundredths).',
          response: {
            200: Type.Object(
              { data: Type.Array(ElementTypeView) },
              { examples: [{ data: [ElementTypeView.examples[0]] }] },
            ),
            ...errorResponses,
          },
        },
      },
      async (request) => ({ data: (await listElementTypes(deps, merchantOf(request))).map(typeView) }),
    );

    app.post(
      '/element-types',
      {
        preHandler: requireRole(...MANAGER_ROLES),
        schema: {
          tags,
          summary: 'Create a loyalty element type',
          description:
            'Administrators and directors. Creates the program and its element settings in one transaction. 409 when the code is taken; 422 when the number length or a range is invalid.',
          body: ElementTypeCreate,
          response: { 201: ElementTypeView, ...errorResponses },
        },
      },
      async (request, reply) => {
        const b = request.body;
        const created = unwrap(
          await createElementType(deps, merchantOf(request), {
            ...b,
            chargeLimit: b.chargeLimitMinor ?? 0,
            initialAmount: b.initialAmountMinor ?? 0,
          }),
        );
        return reply.code(201).send(typeView(created));
      },
    );

    app.get(
      '/elements/:number',
      {
        preHandler: requireRole(...STAFF_ROLES),
        schema: {
          tags,
          summary: 'A loyalty element and its movements',
          description:
            'The element (status, customer, amount in hundredths, validity) and its latest movements, newest first (`limit`, default 50). 404 for an unknown number.',
          params: Type.Object({ number: Type.String({ minLength: 1, maxLength: 64 }) }),
          querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 1000, default: 50 }) }),
          response: { 200: ElementView, ...errorResponses },
        },
      },
      async (request) => {
        const found = await findElementWithMovements(deps, merchantOf(request), request.params.number, {
          limit: request.query.limit,
          skip: 0,
        });
        if (!found) throw new HttpError('CARD_NOT_FOUND');
        const e = found.element;
        return {
          number: e.number,
          type: e.typeCode,
          status: elementStatus(e),
          customerCode: e.customerCode,
          amountMinor: e.amount,
          validFrom: e.validFrom,
          validTo: e.validTo,
          createdAt: e.createdAt,
          movements: found.movements.map((m) => ({
            action: m.action,
            amountMinor: m.amount,
            amountBeforeMinor: m.amountPrev,
            amountAfterMinor: m.amountAfter,
            transactionId: m.transactionId,
            storeCode: m.storeCode,
            terminalCode: m.terminalCode,
            reason: m.reason,
            occurredAt: m.occurredAt,
            recordedAt: m.createdAt,
          })),
        };
      },
    );
  };
}
