import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Deps } from '../../../app/context.js';
import * as automations from '../../../app/messaging/automations.js';
import { MARKETING_ROLES } from '../../../core/roles.js';
import { unwrap } from '../../http-error.js';
import { merchantOf, requireRole } from '../../plugins/auth.js';
import { List } from '../../schemas/admin.schema.js';
import { AutomationBody, AutomationKindParams, AutomationView } from '../../schemas/campaign.schema.js';
import { errorResponses } from '../../schemas/common.js';

const tags = ['campaigns'];
const marketers = requireRole(...MARKETING_ROLES);

export function automationRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/automations',
      {
        preHandler: marketers,
        schema: {
          tags,
          summary: 'List the automations',
          description: 'Administrators, directors and marketers. One per kind at most.',
          response: { 200: List(AutomationView), ...errorResponses },
        },
      },
      async (request) => ({
        data: await automations.listAutomationViews(deps, merchantOf(request)),
        nextCursor: null,
      }),
    );

    app.put(
      '/automations/:kind',
      {
        preHandler: marketers,
        schema: {
          tags,
          summary: 'Set an automation (birthday, points_expiring, welcome, tier_reached)',
          description:
            'Administrators, directors and marketers. The job runner sends, once per customer and occasion (even with several processes): birthday — on the day (29 February on the 28th in other years), with an optional voucher issued with the message; points_expiring — "your N points expire on …" daysBefore days ahead, once per card and expiry day ({{ expiring.points }}, {{ expiring.date }}); welcome — to customers enrolled after the automation was set; tier_reached — when a sale takes a card to a tier ({{ tier.name }}). 422 when the template does not exist or a field does not fit the kind.',
          params: AutomationKindParams,
          body: AutomationBody,
          response: { 200: AutomationView, ...errorResponses },
        },
      },
      async (request) =>
        unwrap(await automations.putAutomation(deps, merchantOf(request), request.params.kind, request.body)),
    );

    app.delete(
      '/automations/:kind',
      {
        preHandler: marketers,
        schema: {
          tags,
          summary: 'Delete an automation',
          description: 'Administrators, directors and marketers. Messages already queued stay queued.',
          params: AutomationKindParams,
          response: { 200: Type.Object({}), ...errorResponses },
        },
      },
      async (request) =>
        unwrap(await automations.removeAutomation(deps, merchantOf(request), request.params.kind)),
    );
  };
}
