import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Deps } from '../../app/context.js';
import { unsubscribe, unsubscribeTarget } from '../../app/messaging/unsubscribe.js';

const Params = Type.Object(
  { id: Type.String({ pattern: '^msg_[0-9a-z]{26}$' }) },
  { additionalProperties: false },
);

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(title)}</title></head><body><h1>${escape(title)}</h1>${body}</body></html>`;

/**
 * The unsubscribe link of every e-mail (List-Unsubscribe). GET shows a confirmation button (mail scanners
 * follow links; they do not submit forms); POST, from the button or a mail client's one-click unsubscribe
 * (RFC 8058), withdraws the customer's e-mail consent.
 */
export function unsubscribeRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/unsubscribe/:id',
      {
        schema: {
          tags: ['messages'],
          // Public: the link in the e-mail is the credential (the message id).
          security: [],
          summary: 'Unsubscribe page of an e-mail',
          description:
            'Public, the link of an e-mail. Shows a button that confirms the withdrawal of e-mail consent; 404 for an unknown link.',
          params: Params,
          response: { 200: Type.String(), 404: Type.String() },
        },
      },
      async (request, reply) => {
        const merchant = await unsubscribeTarget(deps, request.params.id);
        reply.type('text/html; charset=utf-8');
        if (!merchant)
          return reply.code(404).send(page('Unknown link', '<p>This unsubscribe link is unknown.</p>'));
        return page(
          `Unsubscribe from ${merchant}`,
          `<p>Stop receiving e-mails from ${escape(merchant)}?</p><form method="post"><button type="submit" name="List-Unsubscribe" value="One-Click">Unsubscribe</button></form>`,
        );
      },
    );

    app.post(
      '/unsubscribe/:id',
      {
        schema: {
          tags: ['messages'],
          // Public: the link in the e-mail is the credential (the message id).
          security: [],
          summary: 'Unsubscribe from e-mails (one-click)',
          // RFC 8058: mail clients post "List-Unsubscribe=One-Click" form-encoded.
          consumes: ['application/x-www-form-urlencoded', 'application/json'],
          description:
            "Public, the target of List-Unsubscribe-Post (RFC 8058) and of the page's button: withdraws the e-mail consent of the message's customer. Answers a confirmation page; 404 for an unknown link.",
          params: Params,
          body: Type.Optional(
            Type.Object({ 'List-Unsubscribe': Type.Optional(Type.String({ maxLength: 20 })) }),
          ),
          response: { 200: Type.String(), 404: Type.String() },
        },
      },
      async (request, reply) => {
        const result = await unsubscribe(deps, request.params.id);
        reply.type('text/html; charset=utf-8');
        if (!result.ok)
          return reply.code(404).send(page('Unknown link', '<p>This unsubscribe link is unknown.</p>'));
        return page(
          'Unsubscribed',
          `<p>You will no longer receive e-mails from ${escape(result.value.merchant)}.</p>`,
        );
      },
    );
  };
}
