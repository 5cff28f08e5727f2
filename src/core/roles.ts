/** The caller roles of Tessera. A user or API client carries exactly one; a cashier is a till (terminal). */
export const ROLES = [
  'administrator',
  'director',
  'senior_employee',
  'marketer',
  'cc_operator',
  'cashier',
  'client',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
