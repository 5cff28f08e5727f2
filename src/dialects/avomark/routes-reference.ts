import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listCities } from '../../core/reference/cities.js';
import { CIVILITIES } from '../../core/reference/civilities.js';
import { countryOf, listCountries, resolveCountry } from '../../core/reference/countries.js';
import { HttpError } from '../../http/http-error.js';
import { avomarkErrorResponses } from './errors.js';
import { TAGS } from './schemas.js';
import { ANY_ROLE } from '../../core/roles.js';
import { requireRole } from '../../http/plugins/auth.js';

const anyRole = requireRole(...ANY_ROLE);

/** Reference lists for the till's drop-downs: the values the customer routes accept. */
export const avomarkReferenceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/address/countries',
    {
      preHandler: anyRole,
      schema: {
        tags: TAGS,
        summary: 'Countries: ISO code and the French name in capitals that customer addresses use',
        description: 'Avomark country list for address entry.',
        response: { 200: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })) },
      },
    },
    async (request) => {
      request.xmlRoot = 'ArrayOfCountry';
      return listCountries()
        .map((c) => ({ code: c.code, name: c.nameFr.toUpperCase() }))
        .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    },
  );

  app.get(
    '/api/v1/address/countries/:country/cities',
    {
      preHandler: anyRole,
      schema: {
        tags: TAGS,
        summary: 'Cities of a country with their zip codes (held for France and its territories)',
        description: 'Avomark city list for address entry; empty for a country whose cities are not held.',
        params: Type.Object({ country: Type.String({ minLength: 2, maxLength: 100 }) }),
        querystring: Type.Object({
          zipCode: Type.Optional(Type.String({ maxLength: 10 })),
          search: Type.Optional(Type.String({ minLength: 2, maxLength: 100 })),
        }),
        response: {
          200: Type.Array(Type.Object({ zipCode: Type.String(), city: Type.String() })),
          ...avomarkErrorResponses,
        },
      },
    },
    async (request) => {
      const code = resolveCountry(request.params.country);
      if (!code || !countryOf(code)) {
        throw new HttpError('COUNTRY_NOT_FOUND', `Unknown country "${request.params.country}".`);
      }
      const { zipCode, search } = request.query;
      request.xmlRoot = 'ArrayOfCity';
      return listCities(code, { ...(zipCode ? { zipCode } : {}), ...(search ? { q: search } : {}) })
        .slice(0, 1000)
        .map((c) => ({ zipCode: c.zipCode, city: c.name }));
    },
  );

  app.get(
    '/api/v1/tools/civilities',
    {
      preHandler: anyRole,
      schema: {
        tags: TAGS,
        summary: 'Civilities (code and label; either is accepted as a customer civility)',
        description: 'Avomark civility list.',
        response: { 200: Type.Array(Type.Object({ code: Type.String(), label: Type.String() })) },
      },
    },
    async (request) => {
      request.xmlRoot = 'ArrayOfCivility';
      return CIVILITIES.map(({ code, label }) => ({ code, label }));
    },
  );
};
