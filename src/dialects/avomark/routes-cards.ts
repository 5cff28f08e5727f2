import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../app/context.js';
import { balanceByCard } from '../../app/ledger/balance.js';
import { getProgram } from '../../app/programs/programs.js';
import { claimStepReward } from '../../app/rewards/step-rewards.js';
import { vendorAliasOf } from '../../app/tenancy/vendor-alias.js';
import { SELLING_ROLES, STAFF_ROLES } from '../../core/roles.js';
import { unwrap } from '../../http/http-error.js';
import { callerOf, merchantOf, requireRole } from '../../http/plugins/auth.js';
import { assertSaleInBounds } from '../../http/sale-bounds.js';
import { AvomarkBalance, toAvomarkBalance } from './balance-mapping.js';
import { AvomarkError, avomarkErrorResponses } from './errors.js';
import { toMajor } from './money.js';
import { postTicket } from './post-ticket.js';
import { AvomarkSaleResult, AvomarkTicket, toAvomarkSaleResult, toSaleInput } from './sale-mapping.js';
import { CardParams, TAGS } from './schemas.js';
import { ticketFingerprint } from './ticket-hash.js';

/** The merchant's Avomark shop id, an alias the demo (or an import) records. */
export const SHOP_ALIAS = 'avomark.shop';

const StepParams = Type.Object({
  number: Type.String({ minLength: 1, maxLength: 32 }),
  balance: Type.Integer({ description: 'Balance index: 0, the primary loyalty balance' }),
  index: Type.Integer({ description: 'Step index (1-based)' }),
});

const StepReward = Type.Object({
  index: Type.Integer(),
  voucher: Type.Object({
    number: Type.String(),
    type: Type.String({ description: 'amount, percentage, gift or choices' }),
    value: Type.Number({ description: 'Euros for an amount voucher, percent for a percentage one' }),
    label: Type.Union([Type.String(), Type.Null()]),
    options: Type.Array(
      Type.Object({
        type: Type.String(),
        value: Type.Union([Type.String(), Type.Number()]),
        label: Type.Optional(Type.String()),
      }),
    ),
    validUntil: Type.Union([Type.String(), Type.Null()]),
  }),
});

export function avomarkCardRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/cards/:number/balance',
      {
        preHandler: requireRole(...STAFF_ROLES),
        schema: {
          tags: TAGS,
          summary: "A card's loyalty account: purchases, discount, points and steps (one entry per balance)",
          description:
            'Avomark balance, shown at checkout: the primary loyalty balance with points, the steps reached and available, purchases and discount. 404 for an unknown card.',
          params: CardParams,
          response: { 200: Type.Array(AvomarkBalance), ...avomarkErrorResponses },
        },
      },
      async (request) => {
        const merchantId = merchantOf(request);
        const balance = unwrap(await balanceByCard(deps, merchantId, request.params.number));
        const program =
          balance.programId === null ? null : unwrap(await getProgram(deps, merchantId, balance.programId));
        const shop = await vendorAliasOf(deps, SHOP_ALIAS, merchantId);
        request.xmlRoot = 'ArrayOfBalance';
        return [toAvomarkBalance(balance, program, shop === null ? null : Number(shop))];
      },
    );

    const claim = {
      preHandler: requireRole(...SELLING_ROLES),
      schema: {
        tags: TAGS,
        summary: 'Generate the reward of a reached step (listed in primaryLoyaltyBalance.step.availables)',
        description:
          'Avomark step reward: answers the voucher generated for the reached step. 404 for an unknown card, balance or step; 409 when the step is not available.',
        params: StepParams,
        response: { 201: StepReward, ...avomarkErrorResponses },
      },
    };
    for (const url of [
      '/api/v1/cards/:number/balances/:balance/steps/:index',
      '/api/v1/cards/:number/balances/:balance/:index',
    ]) {
      app.post(url, claim, async (request, reply) => {
        const { number, balance, index } = request.params;
        if (balance !== 0) throw new AvomarkError(452, 'STEP_NOT_FOUND');
        const done = unwrap(await claimStepReward(deps, merchantOf(request), number, index));
        const v = done.voucher;
        request.xmlRoot = 'StepReward';
        return reply.code(201).send({
          index: done.stepIndex,
          voucher: {
            number: v.number,
            type: v.kind,
            value: v.kind === 'percentage' ? v.value : toMajor(v.value),
            label: v.label,
            options: v.options.map((o) => ({
              type: o.type,
              value: o.type === 'amount' && typeof o.value === 'number' ? toMajor(o.value) : o.value,
              ...(o.label !== undefined ? { label: o.label } : {}),
            })),
            validUntil: v.validUntil,
          },
        });
      });
    }

    app.post(
      '/api/v1/cards/:number/sales',
      {
        preHandler: requireRole(...SELLING_ROLES),
        schema: {
          tags: TAGS,
          summary: 'Post a ticket: purchases (amounts tax included), vouchers used',
          description:
            'Amount vouchers are deducted from the purchases by the server; percentage vouchers must already be ' +
            'applied to the amounts sent. The same receipt with the same content answers 200 and changes ' +
            'nothing; with other content, error 103.',
          params: CardParams,
          body: AvomarkTicket,
          response: { 200: AvomarkSaleResult, 201: AvomarkSaleResult, ...avomarkErrorResponses },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        if (caller.terminalId === null) throw new AvomarkError(200, 'TERMINAL_NOT_FOUND');
        const input = toSaleInput(request.body, request.params.number);
        assertSaleInBounds(deps, input);
        const fingerprint = ticketFingerprint(request.body, request.params.number, input);
        const outcome = await postTicket(
          deps,
          caller,
          merchantOf(request),
          { ...input, cardNumber: request.params.number },
          fingerprint,
        );
        request.xmlRoot = 'Sale';
        return reply
          .code(outcome.status)
          .send(toAvomarkSaleResult(outcome, input.receipt, request.params.number));
      },
    );
  };
}
