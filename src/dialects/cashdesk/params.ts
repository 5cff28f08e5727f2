/**
 * Reading CashDesk parameters: PascalCase names as documented, from the query string or a JSON (or form)
 * body. The seed spells them inconsistently (BlockReasoncode, ContactMobilenumber), so names are matched
 * without regard to case; a body value wins over a query value. Values may be strings or numbers.
 */
import { Type } from '@sinclair/typebox';
import { MAX_CARD_NUMBER_LENGTH, normalizeCardNumber } from '../../core/cards/index.js';

export type ParamName =
  | 'Number'
  | 'MobileNumber'
  | 'ContactMobileNumber'
  | 'BlockReasonCode'
  | 'BlockReasonName'
  | 'UnBlockReasonCode'
  | 'UnBlockReasonName';

/**
 * A JSON number past 2^53 has already lost digits when parsed (9000000000000000009 reads as ...000, another
 * card): such numbers are refused (400 InvalidRequest), never rounded; send long numbers as strings.
 */
const Scalar = Type.Union([
  Type.String({ maxLength: 256 }),
  Type.Number({ minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER }),
]);

/** Wire schema of the documented parameters (other fields are tolerated and ignored). */
export function paramsSchema(names: readonly ParamName[], descriptions: Partial<Record<ParamName, string>>) {
  const props = Object.fromEntries(
    names.map((name) => [name, Type.Optional({ ...Scalar, description: descriptions[name] ?? name })]),
  );
  return Type.Object(props, { additionalProperties: true });
}

function entries(source: unknown): [string, unknown][] {
  if (typeof source !== 'object' || source === null || Array.isArray(source)) return [];
  return Object.entries(source as Record<string, unknown>);
}

/** The named parameters as trimmed text; absent, null and blank values are left out. */
export function readParams(
  names: readonly ParamName[],
  query: unknown,
  body: unknown,
): Partial<Record<ParamName, string>> {
  const byLower = new Map(names.map((n) => [n.toLowerCase(), n]));
  const out: Partial<Record<ParamName, string>> = {};
  for (const [key, raw] of [...entries(query), ...entries(body)]) {
    const name = byLower.get(key.toLowerCase());
    if (!name || (typeof raw !== 'string' && typeof raw !== 'number')) continue;
    const text = String(raw).trim();
    if (text !== '') out[name] = text;
  }
  return out;
}

/** The required parameters that are missing; a group like ['Number', 'ContactMobileNumber'] needs one of them. */
export function missingParams(
  params: Partial<Record<ParamName, string>>,
  required: readonly (ParamName | readonly ParamName[])[],
): string[] {
  const missing: string[] = [];
  for (const item of required) {
    const group: readonly ParamName[] = typeof item === 'string' ? [item] : item;
    if (!group.some((name) => params[name] !== undefined)) missing.push(group.join(' or '));
  }
  return missing;
}

/** A card number as typed or scanned (spaces and hyphens removed), or null when it cannot be one. */
export function cardNumberOf(raw: string): string | null {
  const number = normalizeCardNumber(raw);
  return /^[0-9]+$/.test(number) && number.length <= MAX_CARD_NUMBER_LENGTH ? number : null;
}

/**
 * A mobile number as a till sends it, in international form for the engine: "00" or a bare country code
 * (digits not starting with 0) get their "+". National numbers (leading 0) stay as they are and are refused
 * by the engine for lack of a country code.
 */
export function mobileOf(raw: string): string {
  const compact = raw.replace(/[\s.\-()/]/g, '');
  return /^[1-9][0-9]{6,14}$/.test(compact) ? `+${compact}` : compact;
}

/** A reason code as sent ("0".."4" or 0..4); anything else becomes NaN, which the engine refuses. */
export function reasonCodeOf(raw: string): number {
  return /^[0-9]{1,3}$/.test(raw) ? Number(raw) : Number.NaN;
}
