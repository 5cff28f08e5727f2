import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../../app/context.js';
import { claimStepReward } from '../../../app/rewards/step-rewards.js';
import * as vouchers from '../../../app/rewards/vouchers.js';
import { MARKETING_ROLES, STAFF_ROLES } from '../../../core/roles.js';
import { unwrap } from '../../http-error.js';
import { merchantOf, requireRole } from '../../plugins/auth.js';
import { errorResponses } from '../../schemas/common.js';
import {
  StepParams,
  StepReward,
  Voucher,
  VoucherCreate,
  VoucherListQuery,
  VoucherNumberParams,
  VoucherPage,
} from '../../schemas/voucher.schema.js';

const tags = ['vouchers'];
const issuers = requireRole(...MARKETING_ROLES);
const tills = requireRole(...STAFF_ROLES);

export function voucherRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/vouchers',
      {
        preHandler: issuers,
        schema: {
          tags,
          summary: 'Create a voucher for a card, a customer or the bearer',
          description:
            'Issues a voucher (an amount or a rate off) attached to a card, a customer or nobody (bearer). 404 for an unknown card or customer; 422 for an invalid amount or validity.',
          body: VoucherCreate,
          response: { 201: Voucher, ...errorResponses },
        },
      },
      async (request, reply) => {
        const created = unwrap(await vouchers.createVoucher(deps, merchantOf(request), request.body));
        return reply.code(201).header('Location', `/v1/vouchers/${created.number}`).send(created);
      },
    );

    app.get(
      '/vouchers',
      {
        preHandler: tills,
        schema: {
          tags,
          summary: "List vouchers, optionally a card's or by status",
          description:
            'Vouchers of the merchant by pages, optionally of one card or in one status (active, used, cancelled, expired).',
          querystring: VoucherListQuery,
          response: { 200: VoucherPage, ...errorResponses },
        },
      },
      async (request) => unwrap(await vouchers.listVouchers(deps, merchantOf(request), request.query)),
    );

    app.get(
      '/vouchers/:number',
      {
        preHandler: tills,
        schema: {
          tags,
          summary: 'Read a voucher by its number',
          description:
            'What a till checks before accepting a voucher: status, value, validity and holder. 404 for an unknown number.',
          params: VoucherNumberParams,
          response: { 200: Voucher, ...errorResponses },
        },
      },
      async (request) => unwrap(await vouchers.getVoucher(deps, merchantOf(request), request.params.number)),
    );

    app.post(
      '/vouchers/:number/cancel',
      {
        preHandler: issuers,
        schema: {
          tags,
          summary: 'Cancel an active voucher',
          description:
            'The voucher can no longer be used. 404 for an unknown voucher; 409 when it is not active.',
          params: VoucherNumberParams,
          response: { 200: Voucher, ...errorResponses },
        },
      },
      async (request) =>
        unwrap(await vouchers.cancelVoucherByNumber(deps, merchantOf(request), request.params.number)),
    );

    app.post(
      '/cards/:number/steps/:index/reward',
      {
        preHandler: tills,
        schema: {
          tags,
          summary: 'Generate the reward of a reached step (tier) for a card',
          description:
            'Turns a step the card has reached (see its balance) into a voucher. 404 for an unknown card or step; 409 when the step is not reached or its reward was already generated.',
          params: StepParams,
          response: { 201: StepReward, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { number, index } = request.params;
        const reward = unwrap(await claimStepReward(deps, merchantOf(request), number, index));
        return reply.code(201).send(reward);
      },
    );
  };
}
