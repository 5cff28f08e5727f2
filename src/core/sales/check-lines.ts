/** The lines of a sale as the program accepts them: valid lines, and known items where it asks for them. */
import { detail, fail, type ErrorDetail, type Failure } from '../error-catalog.js';
import { lineAttribute, validateSaleLines, type SaleLine } from '../rules/index.js';

export function checkSaleLines(lines: readonly SaleLine[], requireKnownItems: boolean): Failure | null {
  const valid = validateSaleLines(lines);
  if (!valid.ok) {
    const details: ErrorDetail[] = valid.issues.map((i) =>
      detail('INVALID_SALE_LINES', `lines.${i.lineNo - 1}`, `${i.reason}: ${i.message}`),
    );
    return fail('INVALID_SALE_LINES', undefined, details);
  }
  if (!requireKnownItems) return null;
  const unknown = lines.filter((l) => l.operation === 'purchase' && !l.itemCode);
  if (unknown.length > 0) {
    return fail(
      'ITEM_UNKNOWN',
      'This program needs an item code on every purchase line.',
      unknown.map((l) => detail('ITEM_UNKNOWN', `lines.${l.lineNo - 1}.itemCode`)),
    );
  }
  const untyped = lines.filter((l) => l.operation === 'purchase' && lineAttribute(l, 'type') === undefined);
  if (untyped.length > 0) {
    return fail(
      'ITEM_TYPE_UNKNOWN',
      'This program needs an item type (attributes.type) on every purchase line.',
      untyped.map((l) => detail('ITEM_TYPE_UNKNOWN', `lines.${l.lineNo - 1}.attributes.type`)),
    );
  }
  return null;
}
