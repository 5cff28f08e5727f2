/**
 * The compatibility APIs, each declared with defineDialect in its own folder. The HTTP app mounts them in
 * this order and gathers their OpenAPI security schemes and examples; the job runner runs their jobs; the
 * configuration offers a listener and host names to those that declare one.
 */
import { avomarkDialect } from './avomark/index.js';
import { cashdeskDialect } from './cashdesk/index.js';
import { fidelisaDialect } from './fidelisa/index.js';
import type { Job } from '../jobs/runner.js';
import type { OperationExample } from '../http/openapi-examples.js';
import type { Dialect, DialectListenerSpec } from './kit/define-dialect.js';
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

/** Every dialect's scheduled jobs. */
export function dialectJobs(): Job[] {
  return DIALECTS.flatMap((dialect) => dialect.jobs);
}

/** Every dialect's /docs examples, keyed by "METHOD /path". */
export function dialectExamples(): Record<string, OperationExample> {
  return Object.assign({}, ...DIALECTS.map((dialect) => dialect.examples)) as Record<
    string,
    OperationExample
  >;
}

/** The dialects that can have a listener or host names of their own, in their configuration order. */
export function listenedDialects(): { name: string; listener: DialectListenerSpec }[] {
  return DIALECTS.flatMap((dialect) =>
    dialect.listener ? [{ name: dialect.name, listener: dialect.listener }] : [],
  ).sort((a, b) => a.listener.order - b.listener.order);
}
