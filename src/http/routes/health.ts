import { databaseAnswers } from '../../app/database-health.js';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../app/context.js';
import { HttpError } from '../http-error.js';

export function healthRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/healthz',
      {
        schema: {
          tags: ['operations'],
          summary: 'Liveness',
          description:
            'Answers 200 as long as the process runs; no authentication and no database access. For load balancers and process supervisors.',
          response: { 200: Type.Object({ status: Type.String() }) },
        },
      },
      async () => ({ status: 'ok' }),
    );
    app.get(
      '/readyz',
      {
        schema: {
          tags: ['operations'],
          summary: 'Readiness: the database answers',
          description:
            'Answers 200 when the database answers a query, 503 otherwise. Use it to hold traffic until Tessera can serve tills.',
          response: { 200: Type.Object({ status: Type.String(), database: Type.String() }) },
        },
      },
      async () => {
        try {
          await databaseAnswers(deps);
        } catch {
          throw new HttpError('SERVICE_UNAVAILABLE', 'The database does not answer.', undefined, 5);
        }
        return { status: 'ready', database: deps.dbKind };
      },
    );
  };
}
