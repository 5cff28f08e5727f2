/** Fidelisa uuids → native ids of the calling shop, or the vendor's 404. */
import type { Deps } from '../../app/context.js';
import { resolveUuid, type FidelisaKind } from './use-cases/aliases.js';
import type { ErrorCode } from '../../core/error-catalog.js';
import { HttpError } from '../../http/http-error.js';

const NOT_FOUND: Record<FidelisaKind, ErrorCode> = {
  shop: 'MERCHANT_NOT_FOUND',
  customer: 'CUSTOMER_NOT_FOUND',
  card: 'CARD_NOT_FOUND',
  program: 'PROGRAM_NOT_FOUND',
  gift: 'GIFT_NOT_FOUND',
};

export async function nativeId(
  deps: Deps,
  merchantId: string,
  kind: FidelisaKind,
  uuid: string,
): Promise<string> {
  const id = await resolveUuid(deps, merchantId, kind, uuid);
  if (id === undefined) throw new HttpError(NOT_FOUND[kind], `No ${kind} has the uuid ${uuid}.`);
  return id;
}
