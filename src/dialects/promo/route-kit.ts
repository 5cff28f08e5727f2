/**
 * The shapes every PROMO service is declared with, so that each handler is translate → call → translate:
 * - a query (GET, staff roles, `companyId` checked before the handler runs, the answer documented by its
 *   example, 400 {status, description}, 401 Spring's OAuth error);
 * - a command (POST/DELETE with a JSON body, writer roles, the company resolved by the use-case from the
 *   body, refused in the service's own envelope);
 * - the promoCoreRequest XML service (an XML body in, a promoCoreResponse in ISO-8859-1 out).
 * The asynchronous imports (an accepted import record and its monitor headers) are in loading/import-route.ts.
 */
import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../app/context.js';
import { companyOf } from '../../app/elements/company.js';
import { STAFF_ROLES, type Role } from '../../core/roles.js';
import { requireRole } from '../../http/plugins/auth.js';
import type { CompanyResolver } from './use-cases/admin-company.js';
import { checkCompany, requireCompany, type Company } from './use-cases/company.js';
import { OAuthErrorBody, queryOf, StatusText, TAGS, Text } from './wire/common.js';
import { XML_TYPE } from './wire/xml.js';

export type Query = Record<string, string | undefined>;
export type { CompanyResolver };

export const Answer = (example: unknown) => Type.Unknown({ examples: [example] });

/** Who may call the synchronous administration services. */
export const WRITERS = [
  'administrator',
  'director',
  'senior_employee',
  'marketer',
  'cc_operator',
  'cashier',
] as const satisfies readonly Role[];

/** Who may load data (catalogs, prices, promotions, limits): the writers but the till. */
export const LOADERS = [
  'administrator',
  'director',
  'senior_employee',
  'marketer',
  'cc_operator',
] as const satisfies readonly Role[];

/** The paging and date-range parameters of the history queries (card movements, coupon events). */
export const DATED_PAGE = ['limit', 'offset', 'dateFrom', 'dateTo', 'timeFrom', 'timeTo'] as const;

export interface QueryDoc {
  summary: string;
  description: string;
  /** The query parameters (all optional text: each service checks its own). */
  query: readonly string[];
  example: unknown;
  /** More documented answers (e.g. 404). */
  responses?: Record<number, TSchema>;
  /** Where the company code is read from (default `companyId`). */
  company?: (q: Query) => unknown;
}

export function promoQuery(
  app: FastifyInstance,
  deps: Deps,
  path: string,
  doc: QueryDoc,
  handler: (company: Company, q: Query) => Promise<unknown>,
): void {
  app.get(
    path,
    {
      preHandler: requireRole(...STAFF_ROLES),
      schema: {
        tags: TAGS,
        summary: doc.summary,
        description: doc.description,
        querystring: queryOf(Object.fromEntries(doc.query.map((name) => [name, Text]))),
        response: {
          200: Answer(doc.example),
          ...doc.responses,
          400: StatusText,
          401: OAuthErrorBody,
        },
      },
    },
    async (request) => {
      const q = request.query as Query;
      const company = await requireCompany(deps, request, (doc.company ?? ((x) => x.companyId))(q));
      return handler(company, q);
    },
  );
}

export interface CommandDoc {
  summary: string;
  description: string;
  request: unknown;
  example: unknown;
  method?: 'POST' | 'DELETE';
  roles?: readonly Role[];
  /** The documented 400 answer (default: any body). */
  refused?: unknown;
}

/** The company of a request's body: the caller's own, or why not (each service words the refusal). */
export const companyResolver =
  (deps: Deps, request: FastifyRequest): CompanyResolver =>
  (companyId) =>
    checkCompany(deps, request, companyId);

export function promoCommand(
  app: FastifyInstance,
  deps: Deps,
  path: string,
  doc: CommandDoc,
  handler: (resolve: CompanyResolver, body: unknown) => Promise<unknown>,
): void {
  app.route({
    method: doc.method ?? 'POST',
    url: path,
    preHandler: requireRole(...(doc.roles ?? WRITERS)),
    schema: {
      tags: TAGS,
      summary: doc.summary,
      description: doc.description,
      body: Type.Unknown({ examples: [doc.request] }),
      response: {
        200: Answer(doc.example),
        400: doc.refused === undefined ? Type.Unknown() : Answer(doc.refused),
        401: OAuthErrorBody,
      },
    },
    handler: async (request: FastifyRequest) => handler(companyResolver(deps, request), request.body),
  });
}

export interface XmlDoc {
  summary: string;
  description: string;
  request: string;
  example: string;
}

/**
 * The promoCoreRequest service: the XML text of the body (decoded from its declared charset by the dialect's
 * parser) in, a promoCoreResponse (ISO-8859-1 bytes) out. A request without `<companyId>` is the caller's
 * own company.
 */
export function promoXml(
  app: FastifyInstance,
  deps: Deps,
  path: string,
  doc: XmlDoc,
  handler: (resolve: (companyId: string | null) => Promise<Company | null>, xml: string) => Promise<Buffer>,
): void {
  app.post(
    path,
    {
      preHandler: requireRole(...WRITERS),
      schema: {
        tags: TAGS,
        summary: doc.summary,
        description: doc.description,
        consumes: ['application/xml', 'text/xml'],
        body: Type.String({ examples: [doc.request] }),
        response: {
          200: {
            description: 'promoCoreResponse',
            content: { 'application/xml': { schema: Type.String(), example: doc.example } },
          },
        },
      },
    },
    async (request, reply) => {
      const ownSlug = async () => {
        const merchantId = request.caller?.merchantId;
        const own = merchantId ? await companyOf(deps, merchantId) : undefined;
        return own?.slug ?? '';
      };
      const resolve = async (companyId: string | null) => {
        const check = await checkCompany(deps, request, companyId ?? (await ownSlug()));
        return check.ok ? check.company : null;
      };
      const xml = await handler(resolve, typeof request.body === 'string' ? request.body : '');
      return reply.type(XML_TYPE).send(xml as unknown as string);
    },
  );
}
