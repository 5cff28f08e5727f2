/**
 * The idempotency fingerprint of an Avomark ticket, taken from the ticket as received (with the card number of
 * its path), so that it stays the same whatever sale input the mapping makes of it.
 *
 * Earlier versions fingerprinted the sale input instead: the ticket's lines other than returns (operation 13)
 * as sale-mapping.ts made them. That input had two forms: lines with `category` (the item type code when
 * 1..9, else null) and `categoryLabel`, then the same lines with `attributes` too. Both are rebuilt here from
 * today's mapping, so that a ticket posted before the upgrade and resent after it is the same ticket (200 with
 * its first answer) and not other content (103).
 */
import { hashBody } from '../../app/sales/body-hash.js';
import type { SaleFingerprint, SaleInput, SaleLineInput } from '../../app/sales/post-sale.js';
import type { AvomarkTicket } from './sale-mapping.js';

/** A line as earlier versions of the mapping made it (with or without the attributes record). */
function earlierLine(line: SaleLineInput, withAttributes: boolean): object {
  const { typeLabel, attributes, ...rest } = line;
  const type = attributes?.type;
  return {
    ...rest,
    category: type !== undefined && /^[1-9]$/.test(type) ? Number(type) : null,
    ...(typeLabel !== undefined ? { categoryLabel: typeLabel } : {}),
    ...(withAttributes && attributes !== undefined ? { attributes } : {}),
  };
}

/** The fingerprint of a ticket; `input` is its sale input (sale-mapping.ts toSaleInput). */
export function ticketFingerprint(
  ticket: AvomarkTicket,
  cardNumber: string,
  input: SaleInput,
): Required<SaleFingerprint> {
  const kept = input.lines.filter((line) => line.operation !== 'return');
  const earlier = (withAttributes: boolean) =>
    hashBody({ ...input, cardNumber, lines: kept.map((l) => earlierLine(l, withAttributes)) });
  return {
    bodyHash: hashBody({ avomarkTicket: ticket, cardNumber }),
    sameAs: [earlier(false), earlier(true)],
  };
}
