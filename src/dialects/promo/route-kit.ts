/**
 * The two shapes every PROMO JSON service is declared with: a query (GET, staff roles, `companyId` checked
 * before the handler runs, the answer documented by its example, 400 {status, description}, 401 Spring's
 * OAuth error) and a command (POST/DELETE with a JSON body, writer roles, the company resolved by the
 * use-case from the body).
 */
import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../app/context.js';
import { STAFF_ROLES, type Role } from '../../core/roles.js';
import { requireRole } from '../../http/plugins/auth.js';
import { checkCompany, requireCompany, type Company, type CompanyCheck } from './use-cases/company.js';
import { OAuthErrorBody, queryOf, StatusText, TAGS, Text } from './wire/common.js';

type Query = Record<string, string | undefined>;

export const Answer = (example: unknown) => Type.Unknown({ examples: [example] });

export const WRITERS = [
  'administrator',
  'director',
  'senior_employee',
  'marketer',
  'cc_operator',
  'cashier',
] as const satisfies readonly Role[];

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

export type CompanyResolver = (companyId: unknown) => Promise<CompanyCheck>;

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
    handler: async (request: FastifyRequest) =>
      handler((companyId) => checkCompany(deps, request, companyId), request.body),
  });
}
