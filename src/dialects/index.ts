/**
 * The compatibility APIs, each declared with defineDialect in its own folder. The HTTP app mounts them in
 * this order and gathers their OpenAPI security schemes.
 */
import { avomarkDialect } from './avomark/index.js';
import { cashdeskDialect } from './cashdesk/index.js';
import { fidelisaDialect } from './fidelisa/index.js';
import type { Dialect } from './kit/define-dialect.js';
import { mmpDialect } from './mmp/index.js';
import { promoDialect } from './promo/index.js';

export const DIALECTS: readonly Dialect[] = [
  avomarkDialect,
  cashdeskDialect,
  fidelisaDialect,
  mmpDialect,
  promoDialect,
];

/** The security schemes every dialect declares, for the OpenAPI document's components. */
export function dialectSecuritySchemes(): Record<string, object> {
  return Object.assign({}, ...DIALECTS.map((dialect) => dialect.securitySchemes)) as Record<string, object>;
}
