import type { CustomerData } from './customer.js';

/**
 * What marks a stored body (an idempotent answer, an integration-log entry) as concerning one customer, for GDPR
 * erasure: groups of texts, a body concerns the customer when it holds every text of one group. The id, the
 * e-mail, the phones, the customer code and the identification number each suffice; a name counts with the
 * first and last name together (a last name alone when that is all there is). Texts shorter than 4 characters
 * are left out: they would name half the customer base. Texts are in the form JSON gives them.
 */
export function erasureTraces(id: string, data: CustomerData): string[][] {
  const single = [id, data.email, data.mobile, data.phone, data.customerCode, data.identificationNumber];
  const name = [data.firstName, data.lastName].filter((v): v is string => !!v && v.trim().length >= 4);
  const groups = [...single.map((v) => (v ? [v] : [])), data.lastName ? name : []];
  return groups
    .map((group) => group.map(jsonText).filter((v) => v.length >= 4))
    .filter((group) => group.length > 0);
}

/** Whether a stored text holds every text of one group (ignoring case). */
export function concernsCustomer(text: string | null, groups: readonly string[][]): boolean {
  if (!text) return false;
  const lower = text.toLowerCase();
  return groups.some((group) => group.every((needle) => lower.includes(needle.toLowerCase())));
}

/** The text as it appears inside a JSON string (quotes and backslashes escaped). */
function jsonText(value: string): string {
  return JSON.stringify(value.trim()).slice(1, -1);
}
