/**
 * The CashDesk balance methods: by card number or contact code (one shared path, card number first) and by
 * the contact's mobile number.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../app/context.js';
import { balanceByCard } from '../../app/ledger/balance.js';
import { getCard, type CardDetails } from '../../app/cards/cards-common.js';
import { contactCard } from '../../app/cards/contact-card.js';
import { fail } from '../../core/error-catalog.js';
import { STAFF_ROLES } from '../../core/roles.js';
import { HttpError } from '../../http/http-error.js';
import { merchantOf, requireRole } from '../../http/plugins/auth.js';
import { invalidCard, refuse } from './answers.js';
import { BalanceEnvelope, balanceView } from './balance-view.js';
import { Envelope } from './envelope.js';
import { cardNumberOf, mobileOf } from './params.js';

const tags = ['CashDesk'];
/** Same gate as the native balance routes: every role but the customer-facing client. */
const staff = requireRole(...STAFF_ROLES);
const balanceReplies = { 200: BalanceEnvelope, '4xx': Envelope, '5xx': Envelope };

async function balanceAnswer(deps: Deps, merchantId: string, details: CardDetails): Promise<BalanceEnvelope> {
  const points = await balanceByCard(deps, merchantId, details.card.number);
  if (!points.ok) throw HttpError.from(points);
  return balanceView(details, points.value);
}

export function cashdeskBalanceRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/balance/by/phone/:phone',
      {
        preHandler: staff,
        schema: {
          tags,
          summary: 'GetBalanceByMobileNumber: balance of the card of the contact with this mobile number',
          description:
            "CashDesk balance lookup by the contact's mobile number. The envelope's error code tells when no contact or no card matches.",
          params: Type.Object({ phone: Type.String({ description: "Contact's mobile number" }) }),
          response: balanceReplies,
        },
      },
      async (request): Promise<BalanceEnvelope> => {
        const merchantId = merchantOf(request);
        const found = await contactCard(deps, merchantId, { mobile: mobileOf(request.params.phone) }, 'read');
        if (!found.ok)
          return refuse(request, 'balanceByPhone', found, { CARD_NOT_FOUND: 'CannotFindMobileNumber' });
        return balanceAnswer(deps, merchantId, found.value);
      },
    );

    app.get(
      '/balance/by/:number',
      {
        preHandler: staff,
        schema: {
          tags,
          summary:
            'GetBalanceByCardNumber / GetBalanceByContactCode: the segment is tried as a card number, then as a contact code',
          description:
            "CashDesk balance lookup. The envelope's error code tells when neither a card nor a contact matches.",
          params: Type.Object({ number: Type.String({ description: 'Card number or contact code' }) }),
          response: balanceReplies,
        },
      },
      async (request): Promise<BalanceEnvelope> => {
        const merchantId = merchantOf(request);
        const segment = request.params.number.trim();
        if (segment.length > 64 || /[\u0000-\u001f]/.test(segment)) {
          return refuse(request, 'balance', invalidCard(segment.slice(0, 64)));
        }
        const number = cardNumberOf(segment);
        if (number !== null) {
          const card = await getCard(deps, merchantId, number);
          if (card.ok) return balanceAnswer(deps, merchantId, card.value);
        }
        const byCode = await contactCard(deps, merchantId, { code: segment }, 'read');
        if (byCode.ok) return balanceAnswer(deps, merchantId, byCode.value);
        if (byCode.code === 'CARD_NOT_FOUND') {
          return refuse(request, 'balance', fail('CARD_NOT_FOUND', `Contact ${segment} holds no card.`), {
            CARD_NOT_FOUND: 'CannotFindContactCode',
          });
        }
        return refuse(
          request,
          'balance',
          fail('CARD_NOT_FOUND', `No card number or contact code ${segment} is known.`),
        );
      },
    );
  };
}
