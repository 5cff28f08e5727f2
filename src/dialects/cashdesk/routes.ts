/**
 * The CashDesk card methods (balances in routes-balance.ts). Each handler reads the documented parameters,
 * calls the same use-cases as /v1, and maps the result onto the envelope; every rule (statuses, roles and
 * reasons) is the engine's.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../app/context.js';
import * as lifecycle from '../../app/cards/cards-lifecycle.js';
import { contactCard } from '../../app/cards/contact-card.js';
import type { Result } from '../../core/error-catalog.js';
import { STAFF_ROLES } from '../../core/roles.js';
import { callerOf, merchantOf, requireRole } from '../../http/plugins/auth.js';
import { invalidCard, missing, refuse } from './answers.js';
import { Envelope, success } from './envelope.js';
import {
  cardNumberOf,
  missingParams,
  mobileOf,
  paramsSchema,
  readParams,
  reasonCodeOf,
  type ParamName,
} from './params.js';
import { cashdeskBalanceRoutes } from './routes-balance.js';

const tags = ['CashDesk'];
/** Same gate as the native issue route: every role but the customer-facing client. */
const staff = requireRole(...STAFF_ROLES);
const replies = { 200: Envelope, '4xx': Envelope, '5xx': Envelope };

const DESCRIPTIONS: Partial<Record<ParamName, string>> = {
  Number: 'Card number',
  MobileNumber: "Contact's mobile number (E.164; the + may be left out)",
  ContactMobileNumber: "Contact's mobile number, instead of Number",
  BlockReasonCode: '0 loss, 1 unwanted customers list, 2 black list, 3 refusal to use, 4 replacement',
  BlockReasonName: 'Reason name (informative)',
  UnBlockReasonCode: '0 card found, 1 left unwanted list, 2 left black list, 3 restored after refusal',
  UnBlockReasonName: 'Reason name (informative)',
};

/** The card a block or unblock names: by Number, else the card of the contact with ContactMobileNumber. */
async function targetCard(
  deps: Deps,
  merchantId: string,
  params: Partial<Record<ParamName, string>>,
  purpose: 'block' | 'unblock',
): Promise<Result<string>> {
  if (params.Number !== undefined) {
    const number = cardNumberOf(params.Number);
    return number === null ? invalidCard(params.Number) : { ok: true, value: number };
  }
  const found = await contactCard(
    deps,
    merchantId,
    { mobile: mobileOf(params.ContactMobileNumber ?? '') },
    purpose,
  );
  return found.ok ? { ok: true, value: found.value.card.number } : found;
}

/**
 * The seed's method list spells the paths /Issue, /BindTo, /Active, /Block, /UnBlock, and its text writes
 * BindTo's path /binto: answer those too.
 */
const PATH_ALIASES: Readonly<Record<string, readonly string[]>> = {
  '/issue': ['/Issue'],
  '/bindto': ['/BindTo', '/binto', '/BinTo'],
  '/active': ['/Active'],
  '/block': ['/Block'],
  '/unblock': ['/UnBlock'],
};

const NumberQuery = paramsSchema(['Number'], DESCRIPTIONS);

export function cashdeskRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.addHook('onRoute', (route) => {
      if (route.method === 'HEAD') return;
      for (const alias of PATH_ALIASES[route.routePath] ?? []) {
        app.route({
          method: route.method,
          url: alias,
          schema: { ...route.schema, hide: true },
          ...(route.preHandler ? { preHandler: route.preHandler } : {}),
          ...(route.preValidation ? { preValidation: route.preValidation } : {}),
          handler: route.handler,
        });
      }
    });
    // Parameters may all come in the query string: a POST without a body is read as an empty object.
    app.addHook('preValidation', async (request) => {
      if (request.body === undefined || request.body === null) request.body = {};
    });
    await app.register(cashdeskBalanceRoutes(deps));
    app.get(
      '/issue',
      {
        preHandler: staff,
        schema: {
          tags,
          summary: 'Issue: New → Issued (the card is sold)',
          description:
            "CashDesk card sale (query parameter number). The envelope's error code tells an unknown card or a card not in status New.",
          querystring: NumberQuery,
          response: replies,
        },
      },
      async (request): Promise<Envelope> => {
        const params = readParams(['Number'], request.query, request.body);
        const absent = missingParams(params, ['Number']);
        if (absent.length > 0) return missing(request, absent);
        const number = cardNumberOf(params.Number!);
        if (number === null) return refuse(request, 'issue', invalidCard(params.Number!));
        const result = await lifecycle.issue(deps, merchantOf(request), number);
        return result.ok ? success() : refuse(request, 'issue', result);
      },
    );

    app.post(
      '/bindto',
      {
        preHandler: staff,
        schema: {
          tags,
          summary: 'BindTo: bind an issued card to the contact with this mobile number',
          description:
            "CashDesk binding of a sold card to an existing contact. The envelope's error code tells an unknown card or contact, or a card already bound.",
          querystring: paramsSchema(['Number', 'MobileNumber'], DESCRIPTIONS),
          body: paramsSchema(['Number', 'MobileNumber'], DESCRIPTIONS),
          response: replies,
        },
      },
      async (request): Promise<Envelope> => {
        const params = readParams(['Number', 'MobileNumber'], request.query, request.body);
        const absent = missingParams(params, ['Number', 'MobileNumber']);
        if (absent.length > 0) return missing(request, absent);
        const number = cardNumberOf(params.Number!);
        if (number === null) return refuse(request, 'bindto', invalidCard(params.Number!));
        const result = await lifecycle.bind(deps, merchantOf(request), number, {
          mobile: mobileOf(params.MobileNumber!),
        });
        return result.ok ? success() : refuse(request, 'bindto', result);
      },
    );

    app.get(
      '/active',
      {
        preHandler: staff,
        schema: {
          tags,
          summary: "Active: Issued → Active once the bound contact's data is sufficient",
          description:
            "CashDesk activation. The envelope's error code tells a card not bound or a contact whose required fields are missing.",
          querystring: NumberQuery,
          response: replies,
        },
      },
      async (request): Promise<Envelope> => {
        const params = readParams(['Number'], request.query, request.body);
        const absent = missingParams(params, ['Number']);
        if (absent.length > 0) return missing(request, absent);
        const number = cardNumberOf(params.Number!);
        if (number === null) return refuse(request, 'active', invalidCard(params.Number!));
        const result = await lifecycle.activate(deps, merchantOf(request), number);
        return result.ok ? success() : refuse(request, 'active', result);
      },
    );

    // Block and UnBlock: a card (by number or the contact's mobile) and a reason the user's role may use.
    const reasonRoute = (
      path: 'block' | 'unblock',
      summary: string,
      description: string,
      reason: 'BlockReasonCode' | 'UnBlockReasonCode',
      names: ParamName[],
      change: typeof lifecycle.block | typeof lifecycle.unblock,
    ) =>
      app.post(
        `/${path}`,
        {
          preHandler: staff,
          schema: {
            tags,
            summary,
            description,
            querystring: paramsSchema(names, DESCRIPTIONS),
            body: paramsSchema(names, DESCRIPTIONS),
            response: replies,
          },
        },
        async (request): Promise<Envelope> => {
          const params = readParams(names, request.query, request.body);
          const absent = missingParams(params, [['Number', 'ContactMobileNumber'], reason]);
          if (absent.length > 0) return missing(request, absent);
          const merchantId = merchantOf(request);
          const target = await targetCard(deps, merchantId, params, path);
          if (!target.ok) return refuse(request, path, target);
          const result = await change(deps, callerOf(request), merchantId, target.value, {
            reasonCode: reasonCodeOf(params[reason]!),
          });
          return result.ok ? success() : refuse(request, path, result);
        },
      );
    reasonRoute(
      'block',
      "Block: block a card with a reason the user's role may use",
      "CashDesk block. The envelope's error code tells an unknown card, a card already blocked or a reason the role may not use.",
      'BlockReasonCode',
      ['Number', 'ContactMobileNumber', 'BlockReasonCode', 'BlockReasonName'],
      lifecycle.block,
    );
    reasonRoute(
      'unblock',
      "UnBlock: back to Issued or Active, if the user's role may lift the block with this reason",
      "CashDesk unblock. The envelope's error code tells an unknown card, a card not blocked or a reason the role may not lift.",
      'UnBlockReasonCode',
      ['Number', 'ContactMobileNumber', 'UnBlockReasonCode', 'UnBlockReasonName'],
      lifecycle.unblock,
    );
  };
}
