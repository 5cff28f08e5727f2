/** A customer in PROMO's JSON shape (pure): the native record, its details and its elements. */
import { isoSeconds, localInstant } from '../../../core/elements/index.js';
import type { CustomerProfile } from '../../../app/elements/customer-profiles.js';
import { elementView } from './elements.js';

const orUndefined = <T>(v: T | null | undefined): T | undefined =>
  v === null || v === '' ? undefined : (v ?? undefined);

export interface CustomerIds {
  objectId: string;
  companyId: string;
  zone: string | null;
  elementIds: Map<string, string>;
}

export function customerView(p: CustomerProfile, ids: CustomerIds) {
  const d = p.record.data;
  const det = p.details;
  const view: Record<string, unknown> = {
    _id: ids.objectId,
    code: d.customerCode,
    name: d.firstName ?? '',
    lastName: d.lastName ?? '',
    gender: orUndefined(det.gender_code),
    birthDate: det.birth_date ? localInstant(det.birth_date, ids.zone) : undefined,
    identificationType: orUndefined(d.identificationType),
    identifier: orUndefined(d.identificationNumber),
    identificationExpiration: det.identification_expires_on
      ? localInstant(det.identification_expires_on, ids.zone)
      : undefined,
    nacionality: orUndefined(det.nationality),
    email: det.email ?? d.email ?? '',
    customerType: orUndefined(d.customerType),
    address: orUndefined(d.address.line1),
    addressCountry: orUndefined(det.address_country),
    addressState: orUndefined(det.address_state),
    addressCity: orUndefined(det.address_city),
    addressPostalCode: orUndefined(det.postal_code),
    phone: orUndefined(det.phone),
    isActive: d.active,
    segments: det.segments ?? undefined,
    companyId: ids.companyId,
    creationDate: isoSeconds(p.record.createdAt),
    ...Object.fromEntries(Object.entries(d.attributes).map(([k, v]) => [k, v])),
    cards: p.elements.map((e) =>
      elementView(e, {
        objectId: ids.elementIds.get(e.cardId) ?? '',
        companyId: ids.companyId,
        zone: ids.zone,
      }),
    ),
    coupons: [],
  };
  return Object.fromEntries(Object.entries(view).filter(([, v]) => v !== undefined));
}
