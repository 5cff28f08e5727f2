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

/*
 * Groups of roles that operations are granted to. Each lists its roles in the order of ROLES (a refusal
 * names them in this order).
 */

/**
 * Every role, the customer-facing client included: only what concerns no customer (who am I, reference
 * data, the merchant's programs and gift catalogue). A client is tied to no card or customer yet, so it
 * may read or change none.
 */
export const ANY_ROLE: readonly Role[] = ROLES;

/** Every role but the customer-facing client: the merchant's people and its tills. */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((role) => role !== 'client');

/** Staff away from the till: the back office and the call centre. */
export const OFFICE_ROLES: readonly Role[] = [
  'administrator',
  'director',
  'senior_employee',
  'marketer',
  'cc_operator',
];

/** Staff who take sales: all but the marketer. */
export const SELLING_ROLES: readonly Role[] = [
  'administrator',
  'director',
  'senior_employee',
  'cc_operator',
  'cashier',
];

/** The back office: management, senior employees and marketers. */
export const BACK_OFFICE_ROLES: readonly Role[] = [
  'administrator',
  'director',
  'senior_employee',
  'marketer',
];

/** Who serves a customer after the fact: management, senior employees and the call centre. */
export const SERVICE_ROLES: readonly Role[] = ['administrator', 'director', 'senior_employee', 'cc_operator'];

/** Management and senior employees. */
export const SUPERVISOR_ROLES: readonly Role[] = ['administrator', 'director', 'senior_employee'];

/** Who shapes the offers: management and marketers. */
export const MARKETING_ROLES: readonly Role[] = ['administrator', 'director', 'marketer'];

/** Who may erase a customer's personal data: management and the call centre. */
export const ERASURE_ROLES: readonly Role[] = ['administrator', 'director', 'cc_operator'];

/** Management: the administrator and the director. */
export const MANAGER_ROLES: readonly Role[] = ['administrator', 'director'];
