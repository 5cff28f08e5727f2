/**
 * Vehicles networks (after-sales garages, spec/mmp.md) in the native API: member garages, the maintenance
 * catalog with the network's overrides, predictive campaign runs and the postal-mail ("courrier") export of
 * a campaign's targets. The MMP protocol (/mmp) reads what these write.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../../app/context.js';
import { catalogView, createMember, membersOf, setJobOverride } from '../../../app/vehicles/admin.js';
import { courrierCsv } from '../../../app/vehicles/courrier-csv.js';
import { courrierExport, runMemberCampaign } from '../../../app/vehicles/campaigns.js';
import { BACK_OFFICE_ROLES, MANAGER_ROLES } from '../../../core/roles.js';
import { unwrap } from '../../http-error.js';
import { callerOf, merchantOf, requireRole } from '../../plugins/auth.js';
import { errorResponses } from '../../schemas/common.js';
import {
  CAMPAIGN_EXAMPLE,
  CAMPAIGN_ORDER_EXAMPLE,
  CATALOG_EXAMPLE,
  COURRIER_EXAMPLE,
  MEMBER_EXAMPLE,
  OVERRIDE_EXAMPLE,
} from './vehicles-examples.js';

const tags = ['vehicles'];

const Member = Type.Object(
  {
    memberId: Type.Integer(),
    storeId: Type.String(),
    posCode: Type.String(),
    tradeName: Type.String(),
    shortName: Type.String(),
    siret: Type.String(),
    active: Type.Boolean(),
  },
  { examples: [MEMBER_EXAMPLE] },
);

const Override = Type.Object(
  {
    intervalKm: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 10_000_000 }), Type.Null()])),
    intervalMonths: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 1200 }), Type.Null()])),
    checkBased: Type.Optional(Type.Boolean()),
    forecastFromNew: Type.Optional(Type.Boolean()),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, examples: [OVERRIDE_EXAMPLE] },
);

const CatalogJob = Type.Object({
  id: Type.Integer(),
  label: Type.String(),
  intervalKm: Type.Union([Type.Integer(), Type.Null()]),
  intervalMonths: Type.Union([Type.Integer(), Type.Null()]),
  checkBased: Type.Boolean(),
  forecastFromNew: Type.Boolean(),
  active: Type.Boolean(),
  override: Type.Union([Override, Type.Null()]),
});

const Channel = Type.Union([Type.Literal('sms'), Type.Literal('email'), Type.Literal('courrier')]);

const CampaignOrder = Type.Object(
  {
    memberId: Type.Integer({ minimum: 1 }),
    label: Type.String({ minLength: 1, maxLength: 100 }),
    predictionMonth: Type.String({ pattern: '^\\d{4}-\\d{2}-01$', description: 'First day of the month' }),
    windowMonths: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 })),
    lookbackMonths: Type.Optional(Type.Integer({ minimum: 0, maximum: 240 })),
    operations: Type.Array(
      Type.Object({
        jobId: Type.Integer({ minimum: 1 }),
        promotionLabel: Type.String({ maxLength: 160 }),
      }),
      { minItems: 1, maxItems: 15 },
    ),
    channels: Type.Array(Channel, { minItems: 1, maxItems: 3 }),
  },
  { additionalProperties: false, examples: [CAMPAIGN_ORDER_EXAMPLE] },
);

const CampaignResult = Type.Object(
  {
    campaignId: Type.Integer(),
    memberId: Type.Integer(),
    diffusedAt: Type.String(),
    targets: Type.Array(
      Type.Object({
        clientId: Type.Integer(),
        plate: Type.String(),
        jobId: Type.Integer(),
        due: Type.String(),
        channels: Type.Object({ sms: Type.Boolean(), email: Type.Boolean(), courrier: Type.Boolean() }),
        messages: Type.Integer(),
      }),
    ),
  },
  { examples: [CAMPAIGN_EXAMPLE] },
);

const toPostal = (c: 'sms' | 'email' | 'courrier') => (c === 'courrier' ? 'postal' : c);

export function vehicleRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/vehicles/members',
      {
        preHandler: requireRole(...BACK_OFFICE_ROLES),
        schema: {
          tags,
          summary: 'List the member garages',
          description:
            'The member garages (adhérents) of the caller’s vehicles network: member id, point-of-sale code, trade and short names, workshop SIRET. 404 NOT_A_VEHICLES_NETWORK for a merchant that is not one.',
          response: {
            200: Type.Object({ data: Type.Array(Member) }, { examples: [{ data: [MEMBER_EXAMPLE] }] }),
            ...errorResponses,
          },
        },
      },
      async (request) => ({ data: unwrap(await membersOf(deps, merchantOf(request))) }),
    );

    app.post(
      '/vehicles/members',
      {
        preHandler: requireRole(...MANAGER_ROLES),
        schema: {
          tags,
          summary: 'Add a member garage',
          description:
            'Adds a member garage (a store of the merchant, its code being the point-of-sale code). Its imports are matched to it by organizationId = memberId, its invoices by the workshop SIRET. 409 MEMBER_TAKEN when the member id, the point-of-sale code or the SIRET is already used in the network.',
          body: Type.Object(
            {
              memberId: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
              posCode: Type.String({ pattern: '^[A-Za-z0-9-]{1,20}$' }),
              tradeName: Type.String({ minLength: 1, maxLength: 100 }),
              shortName: Type.String({ minLength: 1, maxLength: 100 }),
              siret: Type.String({ pattern: '^[0-9]{14}$' }),
            },
            {
              additionalProperties: false,
              examples: [
                {
                  memberId: 78700,
                  posCode: '551200AB',
                  tradeName: 'GARAGE DE LA GARE',
                  shortName: 'GARAGE GARE',
                  siret: '41234567800019',
                },
              ],
            },
          ),
          response: { 201: Member, ...errorResponses },
        },
      },
      async (request, reply) => {
        const member = unwrap(await createMember(deps, merchantOf(request), request.body));
        return reply.code(201).send(member);
      },
    );

    app.get(
      '/vehicles/catalog',
      {
        preHandler: requireRole(...BACK_OFFICE_ROLES),
        schema: {
          tags,
          summary: 'The maintenance catalog of the network',
          description:
            'Every maintenance job (the maintenance plan, spec/mmp.md §6.7.6) with the network’s values in force: km and month intervals, check-based, forecast from new, active; and the network’s override of it, or null.',
          response: {
            200: Type.Object({ data: Type.Array(CatalogJob) }, { examples: [{ data: [CATALOG_EXAMPLE] }] }),
            ...errorResponses,
          },
        },
      },
      async (request) => ({ data: unwrap(await catalogView(deps, merchantOf(request))) }),
    );

    app.put(
      '/vehicles/catalog/:jobId',
      {
        preHandler: requireRole(...MANAGER_ROLES),
        schema: {
          tags,
          summary: 'Override a job of the catalog',
          description:
            'Replaces the network’s override of one job: intervalKm, intervalMonths (null removes the interval), checkBased, forecastFromNew, active. Labels, ids and qualification rules are not overridable. An empty object restores the default. Forecasts, diagnostics and campaigns use the new values at once.',
          params: Type.Object({ jobId: Type.Integer({ minimum: 1, maximum: 1000 }) }),
          body: Override,
          response: {
            200: Type.Object(CatalogJob.properties, { examples: [CATALOG_EXAMPLE] }),
            ...errorResponses,
          },
        },
      },
      async (request) =>
        unwrap(await setJobOverride(deps, merchantOf(request), request.params.jobId, request.body)),
    );

    app.post(
      '/vehicles/campaigns',
      {
        preHandler: requireRole(...BACK_OFFICE_ROLES),
        schema: {
          tags,
          summary: 'Run a predictive campaign',
          description:
            'Runs a predictive maintenance campaign of a member garage now (spec/mmp.md §6.10): selects the vehicles of its clients due for one of the operations in the targeted month (window, lookback, 180-day quiet period, 36-month stale visit), keeps one operation per vehicle, stores the campaign and its targets, and queues one SMS or e-mail per reached channel in the outbox (consent and blacklist are checked again when sent). Postal mail is exported (GET …/courrier). A member garage user runs its own garage’s campaigns only (403 OTHER_MEMBER). One run at a time per network: 409 CAMPAIGN_RUNNING.',
          body: CampaignOrder,
          response: { 201: CampaignResult, ...errorResponses },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const run = unwrap(
          await runMemberCampaign(deps, callerOf(request), merchantOf(request), {
            ...body,
            channels: body.channels.map(toPostal),
          }),
        );
        return reply.code(201).send({
          campaignId: run.campaignId,
          memberId: run.memberId,
          diffusedAt: run.diffusedAt,
          targets: run.targets.map((t) => ({
            clientId: t.clientId,
            plate: t.plate,
            jobId: t.jobId,
            due: t.due,
            channels: { sms: t.channels.sms, email: t.channels.email, courrier: t.channels.postal },
            messages: t.messages,
          })),
        });
      },
    );

    app.get(
      '/vehicles/campaigns/:campaignId/courrier',
      {
        preHandler: requireRole(...BACK_OFFICE_ROLES),
        schema: {
          tags,
          summary: 'Postal-mail export of a campaign',
          description:
            'The campaign’s targets reached by postal mail (courrier), with the client’s current address, as a CSV file for a mail merge: UTF-8 with a BOM, ";" separator, CRLF, a header row; cells a spreadsheet would run as a formula (=, +, -, @, tab, CR first) start with a single quote. 404 CAMPAIGN_NOT_FOUND; a member garage user exports its own garage’s campaigns only.',
          params: Type.Object({ campaignId: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) }),
          produces: ['text/csv'],
          response: {
            200: Type.String({ description: 'text/csv; charset=UTF-8', examples: [COURRIER_EXAMPLE] }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const { campaignId } = request.params;
        const out = unwrap(await courrierExport(deps, callerOf(request), merchantOf(request), campaignId));
        return reply
          .type('text/csv; charset=UTF-8')
          .header('Content-Disposition', `attachment; filename="courrier_${out.slug}_${campaignId}.csv"`)
          .send(courrierCsv(out.rows));
      },
    );
  };
}
