import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listCities } from '../../../core/reference/cities.js';
import { CIVILITIES } from '../../../core/reference/civilities.js';
import { countryOf, listCountries, resolveCountry } from '../../../core/reference/countries.js';
import { ANY_ROLE } from '../../../core/roles.js';
import { HttpError } from '../../http-error.js';
import { requireRole } from '../../plugins/auth.js';
import { errorResponses } from '../../schemas/common.js';

const tags = ['reference'];
const anyRole = requireRole(...ANY_ROLE);

/** Reference lists a till can show in drop-downs, so its input matches what the server validates against. */
export const referenceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/reference/countries',
    {
      preHandler: anyRole,
      schema: {
        tags,
        summary: 'Countries (ISO 3166-1)',
        description: 'The ISO 3166-1 alpha-2 codes and names accepted in customer addresses.',
        response: {
          200: Type.Object({
            data: Type.Array(
              Type.Object({ code: Type.String(), name: Type.String(), nameFr: Type.String() }),
            ),
          }),
        },
      },
    },
    async () => ({ data: listCountries() }),
  );

  app.get(
    '/reference/countries/:country/cities',
    {
      preHandler: anyRole,
      schema: {
        tags,
        summary: 'Cities of a country, with their zip codes (held for France and its territories)',
        description:
          'Cities and zip codes for address entry at the till; an empty list for a country whose cities are not held. 404 for an unknown country code.',
        params: Type.Object({ country: Type.String({ minLength: 2, maxLength: 100 }) }),
        querystring: Type.Object(
          {
            zipCode: Type.Optional(Type.String({ maxLength: 10 })),
            q: Type.Optional(
              Type.String({ minLength: 2, maxLength: 100, description: 'Start of the city name' }),
            ),
            limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            country: Type.String(),
            data: Type.Array(
              Type.Object({ zipCode: Type.String(), name: Type.String(), label: Type.String() }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const code = resolveCountry(request.params.country);
      if (!code || !countryOf(code))
        throw new HttpError('COUNTRY_NOT_FOUND', `Unknown country "${request.params.country}".`);
      const { zipCode, q, limit } = request.query;
      return {
        country: code,
        data: listCities(code, { ...(zipCode ? { zipCode } : {}), ...(q ? { q } : {}) }).slice(0, limit),
      };
    },
  );

  app.get(
    '/reference/civilities',
    {
      preHandler: anyRole,
      schema: {
        tags,
        summary: 'Civilities',
        description: 'The civility codes accepted on customers (e.g. MR, MRS) with their labels.',
        response: {
          200: Type.Object({ data: Type.Array(Type.Object({ code: Type.String(), label: Type.String() })) }),
        },
      },
    },
    async () => ({ data: CIVILITIES.map(({ code, label }) => ({ code, label })) }),
  );
};
