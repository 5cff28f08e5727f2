/**
 * The promotion operations of promoCoreRequest (spec §4): getMaps, getPromotions (distributed to stores or
 * regions), getPromotionsByNro, ByCode (every promotion with the code), ByBenefitNro and ByName. Promotions
 * and maps are written by the grammar's XML writer (core/promotions/grammar-xml.ts), as the native map export
 * writes them; the envelope is the manual's: `<message value="" />` for promotions, `<message>OK</message>`
 * and `<map version:="N">` (sic, spec §11.10) for maps.
 */
import type { Deps } from '../../../app/context.js';
import * as q from '../../../app/promotions/promotion-queries.js';
import { mapXml, promotionXml, wallClock } from '../../../core/promotions/grammar-xml.js';
import { PromoAnswer } from '../errors.js';
import { coreResponse, XML_TYPE, type CoreRequest } from '../wire/xml.js';
import type { Company } from './company.js';

export const PROMOTION_OPERATIONS = [
  'getMaps',
  'getPromotions',
  'getPromotionsByNro',
  'getPromotionsByCode',
  'getPromotionsByBenefitNro',
  'getPromotionsByName',
] as const;

const HEAD = '<?xml version="1.0" encoding="iso-8859-1"?>\n';

function promotionsResponse(found: q.SourcedPromotion[]): Buffer {
  const body =
    found.length === 0
      ? '\t<promotions />'
      : `\t<promotions>\n${found.map((p) => promotionXml(p.source, p.promotion, '\t\t')).join('\n')}\n\t</promotions>`;
  const xml = `${HEAD}<promoCoreResponse>\n\t<ack>0</ack>\n\t<message value="" />\n${body}\n</promoCoreResponse>\n`;
  return Buffer.from(xml, 'latin1');
}

const refuse = (message: string) => new PromoAnswer(400, coreResponse(9000, message), XML_TYPE);

/** A required element of the request (direct child or in params); 400 with ack 9000 naming it. */
function required(request: CoreRequest, name: string): string {
  const value = (request.fields[name] ?? request.params[name] ?? '').trim();
  if (value === '') throw refuse(`El parámetro ${name} es requerido`);
  return value;
}

export async function promotionOperation(
  deps: Deps,
  company: Company,
  request: CoreRequest,
): Promise<Buffer> {
  const m = company.merchantId;
  switch (request.operation) {
    case 'getPromotions': {
      const list = (key: string) => request.lists[key] ?? [];
      return promotionsResponse(
        await q.distributedPromotions(deps, m, {
          codes: list('promoCode'),
          stores: list('store'),
          regions: list('region'),
        }),
      );
    }
    case 'getPromotionsByNro':
      return promotionsResponse(await q.promotionByNro(deps, m, required(request, 'nro')));
    case 'getPromotionsByCode':
      return promotionsResponse(await q.promotionsByCode(deps, m, required(request, 'promoCode')));
    case 'getPromotionsByBenefitNro':
      return promotionsResponse(await q.promotionByBenefit(deps, m, required(request, 'nro')));
    case 'getPromotionsByName':
      return promotionsResponse(await q.promotionsByName(deps, m, required(request, 'promoName')));
    default:
      return getMaps(deps, company, request);
  }
}

async function getMaps(deps: Deps, company: Company, request: CoreRequest): Promise<Buffer> {
  const raw = required(request, 'mapNumber');
  if (!/^\d{1,9}$/.test(raw)) throw refuse(`El parámetro mapNumber debe ser numérico: ${raw}`);
  const version = Number(raw);
  const doc = await q.mapDocument(deps, company.merchantId, version);
  // Not documented (the manual shows only the success): an unknown map answers ack 9005.
  if (!doc) return coreResponse(9005, `No se encontró el mapa ${version}`);
  const file = mapXml(
    {
      ...doc,
      startDate: wallClock(doc.startDate, company.zone),
      endDate: doc.endDate === null ? '' : wallClock(doc.endDate, company.zone),
    },
    '\t\t\t',
  );
  const xml =
    `${HEAD}<promoCoreResponse>\n\t<ack>0</ack>\n\t<message>OK</message>\n\t<maps>\n` +
    `\t\t<map version:="${doc.version}">\n${file}\n\t\t</map>\n\t</maps>\n</promoCoreResponse>\n`;
  return Buffer.from(xml, 'latin1');
}
