/** The import monitor (native): every file import of the merchant, its state, counts and per-item errors. */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../../app/context.js';
import { getImport, listImports } from '../../../app/imports/imports.js';
import { BACK_OFFICE_ROLES } from '../../../core/roles.js';
import { unwrap } from '../../http-error.js';
import { merchantOf, requireRole } from '../../plugins/auth.js';
import { errorResponses } from '../../schemas/common.js';

const tags = ['imports'];

const EXAMPLE = {
  id: 'imp_01m8jfx0yh4f5z3xzsg7sk2dw5',
  kind: 'vehicles.clients-invoices',
  storeId: 'sto_01m8jfx0yh4f5z3xzsg7sk2dw6',
  fileName: 'batch-2-78612.zip',
  sha256: null,
  status: 'rejected',
  counts: {},
  errorCount: 1,
  errors: [
    {
      location: 'factures.csv:3:invoiceDate',
      code: 'DATE_INVALID',
      message: "Invalid date '2020-13-01' (expected YYYY-MM-DD or DD/MM/YYYY).",
    },
  ],
  receivedAt: '2026-11-29T01:00:00.000Z',
  finishedAt: '2026-11-29T01:00:01.000Z',
};

const ImportView = Type.Object(
  {
    id: Type.String(),
    kind: Type.String(),
    storeId: Type.Union([Type.String(), Type.Null()]),
    fileName: Type.Union([Type.String(), Type.Null()]),
    sha256: Type.Union([Type.String(), Type.Null()]),
    status: Type.Union([
      Type.Literal('queued'),
      Type.Literal('running'),
      Type.Literal('accepted'),
      Type.Literal('rejected'),
      Type.Literal('failed'),
    ]),
    counts: Type.Record(Type.String(), Type.Integer()),
    errorCount: Type.Integer(),
    errors: Type.Array(Type.Object({ location: Type.String(), code: Type.String(), message: Type.String() })),
    receivedAt: Type.String(),
    finishedAt: Type.Union([Type.String(), Type.Null()]),
  },
  { examples: [EXAMPLE] },
);

export function importRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/imports',
      {
        preHandler: requireRole(...BACK_OFFICE_ROLES),
        schema: {
          tags,
          summary: 'List the imports',
          description:
            'Back office. The merchant’s file imports, most recent first: state (queued, running, accepted, rejected, failed), row counts and, when rejected, the first 200 errors with their location. Paginate with limit and cursor.',
          querystring: Type.Object({
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
            cursor: Type.Optional(Type.String({ maxLength: 64 })),
          }),
          response: {
            200: Type.Object(
              { data: Type.Array(ImportView), nextCursor: Type.Union([Type.String(), Type.Null()]) },
              { examples: [{ data: [EXAMPLE], nextCursor: null }] },
            ),
            ...errorResponses,
          },
        },
      },
      async (request) =>
        listImports(deps, merchantOf(request), {
          limit: request.query.limit ?? 20,
          ...(request.query.cursor ? { cursor: request.query.cursor } : {}),
        }),
    );
    app.get(
      '/imports/:id',
      {
        preHandler: requireRole(...BACK_OFFICE_ROLES),
        schema: {
          tags,
          summary: 'Get an import',
          description:
            'Back office. One import with its state, counts and errors; 404 when it is not the merchant’s.',
          params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
          response: { 200: ImportView, ...errorResponses },
        },
      },
      async (request) => unwrap(await getImport(deps, merchantOf(request), request.params.id)),
    );
  };
}
