import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../../app/context.js';
import * as programs from '../../../app/programs/programs.js';
import { ANY_ROLE, MANAGER_ROLES } from '../../../core/roles.js';
import { unwrap } from '../../http-error.js';
import { merchantOf, requireRole } from '../../plugins/auth.js';
import { IdParams, PageQuery, errorResponses } from '../../schemas/common.js';
import {
  ProgramCreate,
  ProgramPage,
  ProgramPatch,
  ProgramView,
  programView,
} from '../../schemas/program.schema.js';

const tags = ['programs'];
const writers = requireRole(...MANAGER_ROLES);

export function programRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/programs',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: 'Create a loyalty program (card type)',
          description:
            'Administrators. A program is a card type: its card number format, earning and spending rules, point expiry, steps (tiers) and cancel window. 422 when a rule is inconsistent.',
          body: ProgramCreate,
          response: { 201: ProgramView, ...errorResponses },
        },
      },
      async (request, reply) => {
        const created = unwrap(await programs.createProgram(deps, merchantOf(request), request.body));
        return reply.code(201).header('Location', `/v1/programs/${created.id}`).send(programView(created));
      },
    );

    app.get(
      '/programs',
      {
        preHandler: requireRole(...ANY_ROLE),
        schema: {
          tags,
          summary: 'List programs',
          description: 'Every loyalty program of the merchant.',
          querystring: PageQuery,
          response: { 200: ProgramPage, ...errorResponses },
        },
      },
      async (request) => {
        const page = unwrap(await programs.listPrograms(deps, merchantOf(request), request.query));
        return { data: page.data.map(programView), nextCursor: page.nextCursor };
      },
    );

    app.get(
      '/programs/:id',
      {
        preHandler: requireRole(...ANY_ROLE),
        schema: {
          tags,
          summary: 'Read a program',
          description: 'One program with its rules. 404 when the id is unknown.',
          params: IdParams,
          response: { 200: ProgramView, ...errorResponses },
        },
      },
      async (request) =>
        programView(unwrap(await programs.getProgram(deps, merchantOf(request), request.params.id))),
    );

    app.patch(
      '/programs/:id',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: 'Update a program (fields absent are kept; the number format is fixed once cards exist)',
          description:
            'Administrators. Changes the fields sent; absent fields are kept. The number format cannot change once cards exist. 404 for an unknown program; 422 when the settings are inconsistent.',
          params: IdParams,
          body: ProgramPatch,
          response: { 200: ProgramView, ...errorResponses },
        },
      },
      async (request) =>
        programView(
          unwrap(await programs.updateProgram(deps, merchantOf(request), request.params.id, request.body)),
        ),
    );
  };
}
