import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../../app/context.js';
import { automationRoutes } from './automations.js';
import { campaignRoutes } from './campaigns.js';
import { messageRoutes } from './messages.js';
import { messagingSettingsRoutes } from './messaging-settings.js';
import { pushRoutes } from './push.js';
import { templateRoutes } from './templates.js';
import { webhookRoutes } from './webhooks.js';

/** Messages, webhooks, templates, push subscriptions, campaigns: one registration in app.ts. */
export function messagingRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(messageRoutes(deps));
    await app.register(webhookRoutes(deps));
    await app.register(pushRoutes(deps));
    await app.register(templateRoutes(deps));
    await app.register(messagingSettingsRoutes(deps));
    await app.register(campaignRoutes(deps));
    await app.register(automationRoutes(deps));
  };
}
