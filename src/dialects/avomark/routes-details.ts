/**
 * Card and voucher details. The guide: "Pour consulter le détail d'un consommateur il suffit de renseigner
 * son id à la suite de l'URI. Le fonctionnement est le même pour la plupart des ressources comme les cartes,
 * les bons" — GET /api/v1/cards/{number} and GET /api/v1/vouchers/{number}, shapes in the guide's style
 * (camelCase, amounts in euros, customer as its Avomark id).
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../app/context.js';
import { getCard } from '../../app/cards/cards-common.js';
import { getVoucher } from '../../app/rewards/vouchers.js';
import { STAFF_ROLES } from '../../core/roles.js';
import { unwrap } from '../../http/http-error.js';
import { merchantOf, requireRole } from '../../http/plugins/auth.js';
import { avomarkErrorResponses } from './errors.js';
import { toMajor } from './money.js';
import { CardParams, TAGS } from './schemas.js';

const NullableString = Type.Union([Type.String(), Type.Null()]);

export const AvomarkCard = Type.Object(
  {
    number: Type.String(),
    status: Type.String({ description: 'new, issued, active, blocked, replaced or expired' }),
    isActive: Type.Boolean(),
    program: Type.Union([Type.Object({ code: Type.String(), label: Type.String() }), Type.Null()]),
    customer: Type.Union([Type.Integer({ description: 'Avomark customer id' }), Type.Null()]),
    creationDate: Type.String(),
    activationDate: NullableString,
    expirationDate: NullableString,
  },
  { description: 'Avomark card' },
);

export const AvomarkVoucher = Type.Object(
  {
    number: Type.String(),
    type: Type.String({ description: 'amount, percentage, gift or choices' }),
    value: Type.Number({ description: 'Euros for an amount voucher, percent for a percentage one' }),
    remainder: Type.Number({ description: 'What is left of a splittable amount voucher, in euros' }),
    label: NullableString,
    status: Type.String(),
    card: NullableString,
    validFrom: NullableString,
    validUntil: NullableString,
  },
  { description: 'Avomark voucher' },
);

const VoucherParams = Type.Object({ number: Type.String({ minLength: 1, maxLength: 64 }) });

export function avomarkDetailRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/cards/:number',
      {
        preHandler: requireRole(...STAFF_ROLES),
        schema: {
          tags: TAGS,
          summary: 'Read a card',
          description: "The card's number, status, program and customer. 404 for an unknown card.",
          params: CardParams,
          response: { 200: AvomarkCard, ...avomarkErrorResponses },
        },
      },
      async (request): Promise<Static<typeof AvomarkCard>> => {
        const { card, program, customer } = unwrap(
          await getCard(deps, merchantOf(request), request.params.number),
        );
        request.xmlRoot = 'Card';
        return {
          number: card.number,
          status: card.status,
          isActive: card.status === 'active',
          program: program ? { code: program.code, label: program.name } : null,
          customer: customer?.ref ?? null,
          creationDate: card.createdAt,
          activationDate: card.activatedAt,
          expirationDate: card.expiresAt,
        };
      },
    );

    app.get(
      '/api/v1/vouchers/:number',
      {
        preHandler: requireRole(...STAFF_ROLES),
        schema: {
          tags: TAGS,
          summary: 'Read a voucher',
          description:
            "The voucher's status, value and validity, checked before a till accepts it. 404 for an unknown voucher.",
          params: VoucherParams,
          response: { 200: AvomarkVoucher, ...avomarkErrorResponses },
        },
      },
      async (request): Promise<Static<typeof AvomarkVoucher>> => {
        const v = unwrap(await getVoucher(deps, merchantOf(request), request.params.number));
        request.xmlRoot = 'Voucher';
        const money = v.kind === 'amount' || v.kind === 'gift';
        return {
          number: v.number,
          type: v.kind,
          value: money ? toMajor(v.value) : v.value,
          remainder: v.kind === 'amount' ? toMajor(v.remaining) : v.remaining,
          label: v.label,
          status: v.status,
          card: v.cardNumber,
          validFrom: v.validFrom,
          validUntil: v.validUntil,
        };
      },
    );
  };
}
