import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Deps } from '../../../app/context.js';
import * as templates from '../../../app/messaging/templates.js';
import { MARKETING_ROLES } from '../../../core/roles.js';
import { unwrap } from '../../http-error.js';
import { merchantOf, requireRole } from '../../plugins/auth.js';
import { List } from '../../schemas/admin.schema.js';
import { errorResponses } from '../../schemas/common.js';
import {
  PreviewAnswer,
  PreviewRequest,
  TemplateBody,
  TemplateParams,
  TemplateView,
} from '../../schemas/messaging.schema.js';

const tags = ['templates'];
const marketers = requireRole(...MARKETING_ROLES);

/** Message templates: one per name, channel and language; validated when saved; previewed for a customer. */
export function templateRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/templates',
      {
        preHandler: marketers,
        schema: {
          tags,
          summary: 'List the message templates',
          description:
            'Administrators, directors and marketers. Every template of the merchant, by name, channel and language.',
          response: { 200: List(TemplateView), ...errorResponses },
        },
      },
      async (request) => ({
        data: await templates.listTemplateViews(deps, merchantOf(request)),
        nextCursor: null,
      }),
    );

    app.put(
      '/templates/:name/:channel/:language',
      {
        preHandler: marketers,
        schema: {
          tags,
          summary: 'Create or replace a template (one channel, one language)',
          description:
            "Administrators, directors and marketers. Texts use {{ variable }} placeholders from a fixed list (customer, card, balance, expiring points, voucher, promotion, tier, merchant, unsubscribeUrl); an unknown variable or an unclosed placeholder is a 422 naming it. In the html body every value is HTML-escaped when rendered. Campaigns and automations name a template; the customer's language is used when the template has it, else English, else the first one saved.",
          params: TemplateParams,
          body: TemplateBody,
          response: { 200: TemplateView, ...errorResponses },
        },
      },
      async (request) =>
        unwrap(await templates.putTemplate(deps, merchantOf(request), request.params, request.body)),
    );

    app.get(
      '/templates/:name/:channel/:language',
      {
        preHandler: marketers,
        schema: {
          tags,
          summary: 'Read a template',
          description: 'Administrators, directors and marketers. 404 when the merchant has no such template.',
          params: TemplateParams,
          response: { 200: TemplateView, ...errorResponses },
        },
      },
      async (request) => unwrap(await templates.getTemplate(deps, merchantOf(request), request.params)),
    );

    app.delete(
      '/templates/:name/:channel/:language',
      {
        preHandler: marketers,
        schema: {
          tags,
          summary: 'Delete a template',
          description:
            'Administrators, directors and marketers. Messages already queued with it stay queued and fail with the reason when sent.',
          params: TemplateParams,
          response: { 200: Type.Object({}), ...errorResponses },
        },
      },
      async (request) => unwrap(await templates.removeTemplate(deps, merchantOf(request), request.params)),
    );

    app.post(
      '/templates/:name/:channel/:language/preview',
      {
        preHandler: marketers,
        schema: {
          tags,
          summary: 'Preview a template for a customer',
          description:
            "Administrators, directors and marketers. Renders the saved template with the customer's current data (given by customerId or cardNumber: name, card, balance, nearest expiry) and the variables given (voucher, promotion, tier ...), as the delivery would; html values are escaped; for SMS, the encoding and segment count. Nothing is sent.",
          params: TemplateParams,
          body: PreviewRequest,
          response: { 200: PreviewAnswer, ...errorResponses },
        },
      },
      async (request) =>
        unwrap(await templates.previewTemplate(deps, merchantOf(request), request.params, request.body)),
    );
  };
}
