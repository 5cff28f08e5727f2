/**
 * POST /promo/api/rest/promotions (promoCoreRequest). NextCardNumber hands out the next available element
 * of a type; the promotion operations (getMaps, getPromotions...) are in promotion-operations.ts.
 */
import type { Deps } from '../../../app/context.js';
import { claimNextElement } from '../../../app/elements/next-element.js';
import { PromoAnswer } from '../errors.js';
import { coreResponse, parseCoreRequest, XML_TYPE } from '../wire/xml.js';
import type { Company } from './company.js';
import { PROMOTION_OPERATIONS, promotionOperation } from './promotion-operations.js';

const refuse = (ack: number, message: string) => new PromoAnswer(400, coreResponse(ack, message), XML_TYPE);

/** The manual's request writes `<type="555">` inside params: read as <type>555</type>. */
export function repairTypeElement(xml: string): string {
  return xml.replace(/<type="([^"<>]*)"\s*\/?>(?!\s*[^<\s])/g, '<type>$1</type>');
}

export async function promotionsXml(
  deps: Deps,
  resolve: (companyId: string | null) => Promise<Company | null>,
  body: string,
): Promise<Buffer> {
  const request = parseCoreRequest(repairTypeElement(body));
  if ('error' in request) throw refuse(9000, request.error);
  const company = await resolve(request.companyId);
  if (!company)
    throw refuse(
      9001,
      `El código de compañía ${request.companyId ?? ''} no pertenece a una compañía existente.`,
    );
  if (request.operation === 'NextCardNumber') {
    const type = request.params.type ?? request.fields.type;
    if (!type) throw refuse(9000, 'El parámetro type es requerido');
    const next = await claimNextElement(deps, company.merchantId, type);
    if (next.ok) return coreResponse(0, `Id:"${next.number}"`);
    if (next.reason === 'TYPE_NOT_FOUND')
      return coreResponse(9503, 'No se encontró el Tipo de tarjeta loyalty');
    // Not documented (spec §4.1): the manual says only that an error says no element is left to associate.
    return coreResponse(9504, 'No hay más elementos de fidelidad disponibles para asociar');
  }
  if ((PROMOTION_OPERATIONS as readonly string[]).includes(request.operation))
    return promotionOperation(deps, company, request);
  throw refuse(9002, `Operación desconocida: ${request.operation}`);
}
