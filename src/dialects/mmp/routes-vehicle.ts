/** The eight vehicle web services (spec/mmp.md §3): POST {"immatriculation"} → one view of the vehicle. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../app/context.js';
import { readVehicle, type VehicleView } from '../../app/vehicles/vehicle-view.js';
import { OFFICE_ROLES } from '../../core/roles.js';
import { isValidPlate, normalizePlate } from '../../core/vehicles/text.js';
import { requireRole } from '../../http/plugins/auth.js';
import { mmpContext } from './context.js';
import { fieldError, listEnvelope, MESSAGES, notFound, objectEnvelope, requiredField } from './envelope.js';
import * as wire from './map/vehicle-wire.js';
import { VEHICLE_EXAMPLES } from './wire-examples.js';

const tags = ['MMP Vision 360'];

const PlateBody = Type.Unknown({ examples: [{ immatriculation: 'ABC123' }] });
const Query = Type.Object({ lang: Type.Optional(Type.String()) });
const Params = Type.Object({ version: Type.String(), reseau: Type.String() });
const Failure = Type.Object({
  success: Type.Literal(false),
  data: Type.Array(Type.Unknown()),
  message: Type.String(),
  errors: Type.Record(Type.String(), Type.Array(Type.String())),
});

const listAnswer = (example: unknown): TSchema =>
  Type.Object(
    {
      data: Type.Array(Type.Unknown()),
      success: Type.Literal(true),
      message: Type.String(),
      errors: Type.Array(Type.Unknown()),
    },
    { examples: [listEnvelope(example)] },
  );

/** The plate of the body: required, 2–12 letters or digits once normalised. */
function plateOf(request: FastifyRequest): string {
  const body = request.body;
  const raw =
    body && typeof body === 'object' ? (body as Record<string, unknown>).immatriculation : undefined;
  if (raw === undefined || raw === null || raw === '') throw requiredField('immatriculation');
  const plate = typeof raw === 'string' || typeof raw === 'number' ? normalizePlate(String(raw)) : '';
  if (!isValidPlate(plate))
    throw fieldError('immatriculation', {
      en: 'The immatriculation must contain 2 to 12 letters or digits.',
      fr: 'Le champ immatriculation doit contenir de 2 à 12 lettres ou chiffres.',
    });
  return plate;
}

interface Ws {
  path: string;
  summary: string;
  description: string;
  map: (view: VehicleView, timeZone: string) => unknown;
  envelope: 'list' | 'object';
  example: unknown;
}

const WEB_SERVICES: Ws[] = [
  {
    path: 'import-client',
    summary: 'Raw client rows of a vehicle (Données clients 1)',
    description:
      "Every clients.csv row imported by the network's members for this plate, as imported (32 keys).",
    map: wire.rawClientRows,
    envelope: 'list',
    example: VEHICLE_EXAMPLES.importClient,
  },
  {
    path: 'client',
    summary: 'Clients of a vehicle (Données clients 2)',
    description:
      "The member garages' client records linked to the plate, with their reminder flags and privacy.",
    map: (v) => v.clients.map(wire.clientEntry),
    envelope: 'list',
    example: VEHICLE_EXAMPLES.client,
  },
  {
    path: 'historiques',
    summary: 'Operation history of a vehicle (Opérations)',
    description:
      'One entry per (invoice, maintenance job) found on the qualified invoices, most recent first.',
    map: wire.history,
    envelope: 'list',
    example: VEHICLE_EXAMPLES.historiques,
  },
  {
    path: 'previsions',
    summary: 'Maintenance forecasts of a vehicle (Prévisions)',
    description:
      'Per catalog job: last time done, and the months when its mileage, time and technical-control intervals fall due.',
    map: wire.forecasts,
    envelope: 'list',
    example: VEHICLE_EXAMPLES.previsions,
  },
  {
    path: 'import-factures',
    summary: 'Raw invoice rows of a vehicle (Données factures 1)',
    description: 'One row per invoice line as imported, the invoice header repeated on each.',
    map: wire.rawInvoiceRows,
    envelope: 'list',
    example: VEHICLE_EXAMPLES.importFactures,
  },
  {
    path: 'factures',
    summary: 'Qualified invoices of a vehicle (Données factures 2)',
    description: 'Each invoice with its lines qualified into maintenance jobs (unqualified lines left out).',
    map: wire.qualifiedInvoices,
    envelope: 'list',
    example: VEHICLE_EXAMPLES.factures,
  },
  {
    path: 'relances',
    summary: 'Campaign reminders of a vehicle (Relances campagnes)',
    description: "The member garages' diffused campaigns that reminded this vehicle, most recent first.",
    map: (v, tz) => wire.reminders(v, tz),
    envelope: 'list',
    example: VEHICLE_EXAMPLES.relances,
  },
  {
    path: 'vision360',
    summary: 'Everything about a vehicle at once (Vision 360)',
    description:
      'Vehicle informations (monthly and current mileage), every list above and the diagnostic as of today.',
    map: wire.vision360,
    envelope: 'object',
    example: VEHICLE_EXAMPLES.vision360,
  },
];

export function vehicleRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  return async (app) => {
    for (const ws of WEB_SERVICES) {
      const success =
        ws.envelope === 'list'
          ? listAnswer(ws.example)
          : Type.Object(
              {
                success: Type.Literal(true),
                data: Type.Unknown(),
                message: Type.String(),
                errors: Type.Array(Type.Unknown()),
              },
              { examples: [objectEnvelope(ws.example)] },
            );
      app.post(
        `/api/:version/:reseau/service-external-client/vehicule/${ws.path}`,
        {
          preHandler: requireRole(...OFFICE_ROLES),
          schema: {
            summary: ws.summary,
            description: `${ws.description} Errors: 401 token, 403 token of another network, 404 unknown network or plate, 422 immatriculation missing or malformed.`,
            tags,
            params: Params,
            querystring: Query,
            body: PlateBody,
            response: { 200: success, '4xx': Failure },
          },
        },
        async (request) => {
          const ctx = await mmpContext(deps, request);
          const plate = plateOf(request);
          const view = await readVehicle(deps, ctx.network, plate, ctx.asOf);
          if (!view.ok)
            throw notFound('immatriculation', MESSAGES.vehicleNotFound, {
              en: `No vehicle with registration plate ${plate} in network ${ctx.network.slug}.`,
              fr: `Aucun véhicule immatriculé ${plate} dans le réseau ${ctx.network.slug}.`,
            });
          const data = ws.map(view.value, ctx.network.timeZone);
          return ws.envelope === 'list' ? listEnvelope(data) : objectEnvelope(data);
        },
      );
    }
  };
}
