/**
 * The shape of every PROMO asynchronous loading service (spec §5, §6.5): a JSON body read as text (so that
 * a syntax error is answered in the service's envelope), the company checked and refused in that envelope,
 * the service's own checks, then the content queued as an import record answered at once, with the
 * `Location` and `X-Import-Id` headers naming it in the import monitor.
 */
import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../../app/context.js';
import { queueImport, type QueueImport } from '../../../app/loading/import-queue.js';
import { requireRole } from '../../../http/plugins/auth.js';
import { PromoAnswer } from '../errors.js';
import { Answer, companyResolver, LOADERS } from '../route-kit.js';
import { checkCompanyCode } from '../use-cases/admin-company.js';
import { requireCompany, type Company } from '../use-cases/company.js';
import { OAuthErrorBody, TAGS } from '../wire/common.js';
import * as env from './envelopes.js';
import { drainSoon } from './import-job.js';

export const BODY_LIMIT = 8 * 1024 * 1024;

/**
 * How a service refuses (§1 envelope families): the catalog envelope (status "400", `description` the
 * catalog named by the body), or the received pair {status, description} with the company answers the
 * service documents.
 */
export type Refusals =
  | { envelope: 'catalog'; description: (body: Record<string, unknown>) => string }
  | { envelope: 'received'; company?: { required: PromoAnswer; invalid: PromoAnswer } };

export interface ImportDoc {
  summary: string;
  description: string;
  request: unknown;
  example: unknown;
  /** The documented 400 answer. */
  refused: TSchema;
  refusals: Refusals;
}

/** What a service accepts: the import kind and the answer (and the content to queue, default the body). */
export interface Accepted {
  kind: QueueImport['kind'];
  answer: unknown;
  content?: unknown;
}

/** Reads the body and its company in the service's envelope. */
async function bodyAndCompany(deps: Deps, request: FastifyRequest, refusals: Refusals) {
  if (refusals.envelope === 'catalog') {
    const body = env.objectBody(request.body, (d) => env.catalogRefusal('', d));
    const described = refusals.description(body);
    const company = await checkCompanyCode(companyResolver(deps, request), body.companyId, (d) =>
      env.catalogRefusal(described, d),
    );
    return { body, company };
  }
  const body = env.objectBody(request.body, (d) => env.received('JSON is Invalid', d));
  return { body, company: await requireCompany(deps, request, body.companyId, refusals.company) };
}

export function promoImport(
  app: FastifyInstance,
  deps: Deps,
  path: string,
  doc: ImportDoc,
  handler: (body: Record<string, unknown>, company: Company) => Promise<Accepted>,
): void {
  app.post(
    path,
    {
      preHandler: requireRole(...LOADERS),
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: TAGS,
        summary: doc.summary,
        description: doc.description,
        body: Type.Unknown({ examples: [doc.request] }),
        response: { 200: Answer(doc.example), 400: doc.refused, 401: OAuthErrorBody },
      },
    },
    async (request, reply) => {
      const { body, company } = await bodyAndCompany(deps, request, doc.refusals);
      const accepted = await handler(body, company);
      const { importId } = await queueImport(deps, {
        merchantId: company.merchantId,
        kind: accepted.kind,
        fileName: null,
        createdBy: request.caller?.principalId ?? null,
        body: accepted.content === undefined ? body : accepted.content,
      });
      void reply.header('location', `/promo/api/rest/importMonitor?id=${importId}`);
      void reply.header('x-import-id', importId);
      drainSoon(deps);
      return accepted.answer;
    },
  );
}
