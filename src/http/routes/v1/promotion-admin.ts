import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../../app/context.js';
import * as coupons from '../../../app/promotions/coupons.js';
import * as limits from '../../../app/promotions/limits.js';
import * as segments from '../../../app/promotions/segments.js';
import { MARKETING_ROLES, STAFF_ROLES } from '../../../core/roles.js';
import { unwrap } from '../../http-error.js';
import { merchantOf, requireRole } from '../../plugins/auth.js';
import { errorResponses } from '../../schemas/common.js';
import * as S from '../../schemas/promotion.schema.js';

const marketers = requireRole(...MARKETING_ROLES);
const staff = requireRole(...STAFF_ROLES);

export function promotionAdminRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['coupons'];
    app.post(
      '/coupon-types',
      {
        preHandler: marketers,
        schema: {
          tags,
          summary: 'Create a coupon type',
          description:
            'A code referenced by CouponBenefit (couponid) and by Coupon conditions; format, validity in days and uses per coupon. 409 when the code exists.',
          body: S.CouponTypeCreate,
          response: { 201: S.CouponType, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.code(201).send(unwrap(await coupons.createCouponType(deps, merchantOf(request), request.body))),
    );
    app.get(
      '/coupon-types',
      {
        preHandler: staff,
        schema: {
          tags,
          summary: 'List coupon types',
          description: 'The coupon types of the merchant, by code.',
          response: { 200: S.CouponTypePage, ...errorResponses },
        },
      },
      async (request) => unwrap(await coupons.listCouponTypes(deps, merchantOf(request))),
    );
    app.post(
      '/coupons',
      {
        preHandler: marketers,
        schema: {
          tags,
          summary: 'Issue coupons of a type',
          description:
            'Issues quantity coupons (or one with the given barcode), optionally owned by a customer; each gets a CREATE event. 404 unknown type; 409 barcode taken.',
          body: S.CouponIssueBody,
          response: { 201: S.CouponList, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.code(201).send(unwrap(await coupons.issueCoupons(deps, merchantOf(request), request.body))),
    );
    app.get(
      '/coupons/statements',
      {
        preHandler: staff,
        schema: {
          tags,
          summary: 'Coupon events between two dates',
          description:
            'CREATE, REDEEM, VOID and RESTORE events of the merchant in [from, to), oldest first, by pages.',
          querystring: S.StatementQuery,
          response: { 200: S.StatementPage, ...errorResponses },
        },
      },
      async (request) => unwrap(await coupons.couponStatements(deps, merchantOf(request), request.query)),
    );
    app.get(
      '/coupons/:barcode',
      {
        preHandler: staff,
        schema: {
          tags,
          summary: 'Read a coupon with its history',
          description:
            'Status (active, consumed, voided), uses, validity, owner and every event. 404 unknown barcode.',
          params: S.BarcodeParams,
          response: { 200: S.Coupon, ...errorResponses },
        },
      },
      async (request) => unwrap(await coupons.getCoupon(deps, merchantOf(request), request.params.barcode)),
    );
    for (const action of ['redeem', 'void'] as const)
      app.post(
        `/coupons/:barcode/${action}`,
        {
          preHandler: action === 'redeem' ? staff : marketers,
          schema: {
            tags,
            summary: action === 'redeem' ? 'Redeem a coupon once' : 'Void a coupon',
            description:
              action === 'redeem'
                ? 'One use, by one conditional statement: two concurrent redemptions of a one-use coupon give one success and one 409 COUPON_NOT_USABLE. Sales redeem the coupons they present themselves.'
                : 'The coupon can no longer be used. 409 when already voided.',
            params: S.BarcodeParams,
            body: S.CouponAction,
            response: { 200: S.Coupon, ...errorResponses },
          },
        },
        async (request) =>
          unwrap(
            await coupons.changeCoupon(
              deps,
              merchantOf(request),
              request.params.barcode,
              action === 'redeem' ? 'REDEEM' : 'VOID',
              request.body ?? {},
            ),
          ),
      );

    const segTags = ['segments'];
    app.get(
      '/segments',
      {
        preHandler: staff,
        schema: {
          tags: segTags,
          summary: 'List segments',
          description: 'Segments of the merchant with their member counts.',
          response: { 200: S.SegmentPage, ...errorResponses },
        },
      },
      async (request) => unwrap(await segments.listSegments(deps, merchantOf(request))),
    );
    app.post(
      '/segments/:code/members',
      {
        preHandler: marketers,
        schema: {
          tags: segTags,
          summary: 'Add or remove segment members in bulk',
          description:
            'operation add (the segment is created on first use) or remove; unknown customer ids are listed in unknown, not added. 404 when removing from an unknown segment.',
          params: S.SegmentParams,
          body: S.SegmentMembersBody,
          response: { 200: S.SegmentChange, ...errorResponses },
        },
      },
      async (request) =>
        unwrap(await segments.changeMembers(deps, merchantOf(request), request.params.code, request.body)),
    );
    app.get(
      '/segments/:code/members',
      {
        preHandler: staff,
        schema: {
          tags: segTags,
          summary: 'List the members of a segment',
          description: 'Customer ids by pages. 404 unknown segment.',
          params: S.SegmentParams,
          querystring: S.MemberQuery,
          response: { 200: S.MemberPage, ...errorResponses },
        },
      },
      async (request) =>
        unwrap(await segments.segmentMembers(deps, merchantOf(request), request.params.code, request.query)),
    );

    const limTags = ['limits'];
    app.post(
      '/limits',
      {
        preHandler: marketers,
        schema: {
          tags: limTags,
          summary: "Attach a limit to a promotion's benefit",
          description:
            "To the named benefit, or the promotion's only benefit. Scope customer, store (storeCode: that store only) or retailer; period undefined or days (numberDays); type count (applications), quantity (benefited units) or amount (discount in minor units); max. Sales consume it with one conditional statement. 404 unknown promotion; 422 invalid limit.",
          body: S.LimitCreate,
          response: { 201: S.Limit, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.code(201).send(unwrap(await limits.attachLimit(deps, merchantOf(request), request.body))),
    );
    app.get(
      '/limits',
      {
        preHandler: staff,
        schema: {
          tags: limTags,
          summary: 'List limits',
          description: 'Limits of the merchant, optionally of one promotion.',
          querystring: S.LimitQuery,
          response: { 200: S.LimitPage, ...errorResponses },
        },
      },
      async (request) => unwrap(await limits.listLimits(deps, merchantOf(request), request.query.promotion)),
    );
    app.get(
      '/limits/:id',
      {
        preHandler: staff,
        schema: {
          tags: limTags,
          summary: 'Read a limit and its state per subject',
          description:
            'The counter of each subject (customer id, store code, or "-" for the retailer): used, remaining and next reset. 404 unknown limit.',
          params: S.LimitParams,
          querystring: S.SubjectQuery,
          response: { 200: S.Limit, ...errorResponses },
        },
      },
      async (request) =>
        unwrap(await limits.getLimit(deps, merchantOf(request), request.params.id, request.query.subject)),
    );
    app.post(
      '/limits/:id/reset',
      {
        preHandler: marketers,
        schema: {
          tags: limTags,
          summary: 'Reset the counters of a limit',
          description: 'Of one subject (?subject=) or of all. 404 unknown limit.',
          params: S.LimitParams,
          querystring: S.SubjectQuery,
          response: { 200: S.Limit, ...errorResponses },
        },
      },
      async (request) =>
        unwrap(await limits.resetLimit(deps, merchantOf(request), request.params.id, request.query.subject)),
    );
    app.delete(
      '/limits/:id',
      {
        preHandler: marketers,
        schema: {
          tags: limTags,
          summary: 'Remove a limit',
          description: 'The limit and its counters. 404 unknown limit.',
          params: S.LimitParams,
          response: { 200: S.Deleted, ...errorResponses },
        },
      },
      async (request) => unwrap(await limits.removeLimit(deps, merchantOf(request), request.params.id)),
    );
  };
}
