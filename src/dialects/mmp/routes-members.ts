/** Clients campagnes (§4.1) and the blacklist (§4.2) of spec/mmp.md. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Deps } from '../../app/context.js';
import { blacklist, memberCampaigns } from '../../app/vehicles/member-reads.js';
import { localDateTime } from '../../app/vehicles/network.js';
import { OFFICE_ROLES } from '../../core/roles.js';
import { requireRole } from '../../http/plugins/auth.js';
import { blacklistCsv } from './blacklist-csv.js';
import { mmpContext } from './context.js';
import { fieldError, forbidden, listEnvelope, MESSAGES, notFound } from './envelope.js';
import { blacklistRow } from './map/vehicle-wire.js';
import { MEMBER_EXAMPLES } from './wire-examples.js';

const tags = ['MMP Vision 360'];
const Failure = Type.Object({
  success: Type.Literal(false),
  data: Type.Array(Type.Unknown()),
  message: Type.String(),
  errors: Type.Record(Type.String(), Type.Array(Type.String())),
});
const BLACKLIST_COLUMNS = [
  'clientId',
  'clientPrenom',
  'clientNom',
  'clientRaisonSociale',
  'relanceSms',
  'relanceEmail',
  'synchroDmsTelephone',
  'synchroDmsEmail',
  'viePrivee',
  'clientPortable',
  'clientEmail',
  'adherentNomCourt',
  'clientCodePostal',
  'adherentCodePdv',
];

export function memberRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const campaignsHandler = async (request: import('fastify').FastifyRequest) => {
      const ctx = await mmpContext(deps, request);
      const { code_pdv: posCode } = request.params as { code_pdv: string };
      const pageText = (request.query as { page?: string }).page;
      const page = pageText === undefined || pageText === '' ? 1 : Number(pageText);
      if (!/^\d{1,9}$/.test(pageText ?? '1') || !Number.isInteger(page) || page < 1)
        throw fieldError('page', {
          en: 'The page must be an integer greater than or equal to 1.',
          fr: 'Le champ page doit être un entier supérieur ou égal à 1.',
        });
      const result = await memberCampaigns(deps, ctx.network.merchantId, posCode, page);
      if (!result.ok)
        throw notFound('code_pdv', MESSAGES.memberNotFound, {
          en: `No member ${posCode} in network ${ctx.network.slug}.`,
          fr: `Aucun adhérent ${posCode} dans le réseau ${ctx.network.slug}.`,
        });
      if (ctx.memberStoreId !== null && ctx.memberStoreId !== result.value.member.storeId)
        throw forbidden('code_pdv');
      return {
        success: true as const,
        data: { id: result.value.member.memberId, articleCode: null, articleLibelle: null },
        campagneList: result.value.campaigns.map((c) => ({
          id: c.campaignId,
          dateDiffusion: localDateTime(new Date(c.diffusedAt), ctx.network.timeZone).slice(0, 10),
          datePrediction: c.predictionMonth,
          dateCreation: c.createdOn,
          clientList: c.targets.map((t) => ({
            civilite: t.civility,
            prenom: t.firstName,
            nom: t.lastName,
            vehicule: { immatriculation: t.plate, marque: t.brand, modele: t.model },
            operation: { id: t.jobId, label: t.jobLabel },
            promotion: [{ id: t.promotionId, label: t.promotionLabel }],
            diffusion: { sms: t.channels.sms, email: t.channels.email, courrier: t.channels.postal },
          })),
        })),
        message: 'OK',
        errors: [],
      };
    };
    const campaignsSchema = (withVersion: boolean) => ({
      summary: withVersion
        ? 'Clients reached by a member garage’s campaigns (with version)'
        : 'Clients reached by a member garage’s campaigns (Clients campagnes)',
      description:
        'The member’s diffused campaigns, 10 per page, most recent first, each with the clients it reached, their vehicle, the job and the promotion. A member user may ask for its own garage only (403). Errors: 404 unknown code_pdv, 422 page.',
      tags,
      params: withVersion
        ? Type.Object({ version: Type.String(), reseau: Type.String(), code_pdv: Type.String() })
        : Type.Object({ reseau: Type.String(), code_pdv: Type.String() }),
      querystring: Type.Object({ page: Type.Optional(Type.String()), lang: Type.Optional(Type.String()) }),
      response: {
        200: Type.Object(
          {
            success: Type.Literal(true),
            data: Type.Unknown(),
            campagneList: Type.Array(Type.Unknown()),
            message: Type.String(),
            errors: Type.Array(Type.Unknown()),
          },
          { examples: [MEMBER_EXAMPLES.campagnesClients] },
        ),
        '4xx': Failure,
      },
    });
    app.get(
      '/api/:reseau/service-external-client/adherents/:code_pdv/campagnes-clients',
      { preHandler: requireRole(...OFFICE_ROLES), schema: campaignsSchema(false) },
      campaignsHandler,
    );
    app.get(
      '/api/:version/:reseau/service-external-client/adherents/:code_pdv/campagnes-clients',
      { preHandler: requireRole(...OFFICE_ROLES), schema: campaignsSchema(true) },
      campaignsHandler,
    );

    app.get(
      '/api/:version/:reseau/service-external-client/adherents/relance-clients/blacklist',
      {
        preHandler: requireRole(...OFFICE_ROLES),
        schema: {
          summary: 'E-mail / SMS blacklist of the network (JSON or CSV)',
          description:
            'Clients that may not be reminded by SMS or e-mail (blacklist flag or DMS privacy), by client id. output=csv answers a ;-separated UTF-8 file with a BOM; a member user gets its own garage’s rows. Errors: 422 output.',
          tags,
          params: Type.Object({ version: Type.String(), reseau: Type.String() }),
          querystring: Type.Object({
            output: Type.Optional(Type.String()),
            lang: Type.Optional(Type.String()),
          }),
          response: {
            200: Type.Object(
              {
                data: Type.Array(Type.Unknown()),
                success: Type.Literal(true),
                message: Type.String(),
                errors: Type.Array(Type.Unknown()),
              },
              { examples: [listEnvelope(MEMBER_EXAMPLES.blacklist)] },
            ),
            '4xx': Failure,
          },
        },
      },
      async (request, reply) => {
        const ctx = await mmpContext(deps, request);
        const output = request.query.output;
        if (output !== undefined && output !== 'csv' && output !== 'json')
          throw fieldError('output', {
            en: 'The selected output is invalid.',
            fr: 'La valeur du champ output est invalide.',
          });
        const rows = (await blacklist(deps, ctx.network.merchantId, ctx.memberStoreId ?? undefined)).map(
          blacklistRow,
        );
        if (output === 'csv') {
          const day = ctx.asOf.replace(/-/g, '');
          return reply
            .type('text/csv; charset=UTF-8')
            .header('Content-Disposition', `attachment; filename="blacklist_${ctx.network.slug}_${day}.csv"`)
            .serializer((payload: unknown) => String(payload))
            .send(blacklistCsv(BLACKLIST_COLUMNS, rows) as never);
        }
        return listEnvelope(rows);
      },
    );
  };
}
