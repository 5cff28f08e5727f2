import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../../app/context.js';
import * as campaigns from '../../../app/messaging/campaigns.js';
import { MARKETING_ROLES } from '../../../core/roles.js';
import { unwrap } from '../../http-error.js';
import { merchantOf, requireRole } from '../../plugins/auth.js';
import { CampaignCreate, CampaignPage, CampaignView, DryRunAnswer } from '../../schemas/campaign.schema.js';
import { IdParams, PageQuery, errorResponses } from '../../schemas/common.js';

const tags = ['campaigns'];
const marketers = requireRole(...MARKETING_ROLES);

export function campaignRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/campaigns',
      {
        preHandler: marketers,
        schema: {
          tags,
          summary: 'Create a campaign (draft)',
          description:
            'Administrators, directors and marketers. An audience (segment, program, tier reached, last purchase, points balance, birthday month), a channel, the name of a template of that channel, an optional schedule and throttle (messages per minute). 422 names an unknown segment, program, tier or template. Nothing is sent until it is launched.',
          body: CampaignCreate,
          response: { 201: CampaignView, ...errorResponses },
        },
      },
      async (request, reply) => {
        const created = unwrap(await campaigns.createCampaign(deps, merchantOf(request), request.body));
        return reply.code(201).header('Location', `/v1/campaigns/${created.id}`).send(created);
      },
    );

    app.get(
      '/campaigns',
      {
        preHandler: marketers,
        schema: {
          tags,
          summary: 'List the campaigns',
          description: 'Administrators, directors and marketers. Newest first, with their results.',
          querystring: PageQuery,
          response: { 200: CampaignPage, ...errorResponses },
        },
      },
      async (request) => unwrap(await campaigns.listCampaignPage(deps, merchantOf(request), request.query)),
    );

    app.get(
      '/campaigns/:id',
      {
        preHandler: marketers,
        schema: {
          tags,
          summary: 'Read a campaign and its results',
          description:
            "Administrators, directors and marketers. Results count the campaign's messages: queued (waiting, including throttled and quiet hours), sent (accepted by the SMTP server, SMS gateway or push service), delivered (null: no channel gives a receipt), failed (dead letters), unsubscribed (not sent: consent withdrawn, blacklisted, no address).",
          params: IdParams,
          response: { 200: CampaignView, ...errorResponses },
        },
      },
      async (request) => unwrap(await campaigns.getCampaign(deps, merchantOf(request), request.params.id)),
    );

    app.post(
      '/campaigns/:id/dry-run',
      {
        preHandler: marketers,
        schema: {
          tags,
          summary: 'Count the audience of a campaign',
          description:
            'Administrators, directors and marketers. Counts, in one query, the customers the campaign would reach now; nothing is written.',
          params: IdParams,
          response: { 200: DryRunAnswer, ...errorResponses },
        },
      },
      async (request) => unwrap(await campaigns.dryRun(deps, merchantOf(request), request.params.id)),
    );

    app.post(
      '/campaigns/:id/launch',
      {
        preHandler: marketers,
        schema: {
          tags,
          summary: 'Launch a campaign (now or at its scheduleAt)',
          description:
            'Administrators, directors and marketers. The draft becomes scheduled; the job runner launches it when due, once even with several Tessera processes, writing one message per customer of the audience (unique per campaign and customer). 409 when it is not a draft.',
          params: IdParams,
          response: { 200: CampaignView, ...errorResponses },
        },
      },
      async (request) => unwrap(await campaigns.launchCampaign(deps, merchantOf(request), request.params.id)),
    );

    app.post(
      '/campaigns/:id/cancel',
      {
        preHandler: marketers,
        schema: {
          tags,
          summary: 'Cancel a campaign before its launch',
          description: 'Administrators, directors and marketers. 409 once the launch has started.',
          params: IdParams,
          response: { 200: CampaignView, ...errorResponses },
        },
      },
      async (request) => unwrap(await campaigns.cancelCampaign(deps, merchantOf(request), request.params.id)),
    );
  };
}
