/**
 * The dialect kit: a vendor's compatibility API declared as data and mounted the same way for every vendor.
 * The kit installs what each dialect used to repeat by hand: the vendor's error format (the subtree's error
 * handler, and the format of router errors under its prefix), its not-found answer, lenient bodies, the
 * OpenAPI security of its routes, and per authenticated area the vendor's auth hook, the roles it grants,
 * Idempotency-Key handling and deny-by-default. Nothing is kept at module level: every app instance that
 * mounts a dialect gets its own hooks and handlers. The declaration also carries what the rest of the server
 * needs to know of the vendor: its scheduled jobs (src/jobs/index.ts), whether it can be served at the root
 * of a listener or host name of its own (src/config-listeners.ts) and its /docs examples.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { Deps } from '../../app/context.js';
import type { Role } from '../../core/roles.js';
import { HttpError } from '../../http/http-error.js';
import type { OperationExample } from '../../http/openapi-examples.js';
import { denyByDefault, grantRoles } from '../../http/plugins/auth.js';
import { installErrorFormat, type ErrorFormat } from '../../http/plugins/errors.js';
import { installIdempotency } from '../../http/plugins/idempotency.js';
import { installLenientBodies } from '../../http/plugins/lenient-body.js';
import { answerJsonOnly } from '../../http/plugins/negotiation.js';
import type { Job } from '../../jobs/runner.js';

/** A route plugin of the dialect, optionally under a sub-prefix of the dialect's prefix. */
export type DialectRoutes = FastifyPluginAsyncTypebox | { plugin: FastifyPluginAsyncTypebox; prefix: string };

/** An OpenAPI security requirement list (alternatives), as on a route's schema. */
export type SecurityRequirements = Record<string, string[]>[];

/** Routes behind one authentication scheme of the vendor. */
export interface DialectArea {
  /** The vendor's authentication: an onRequest hook that sets request.caller or refuses. */
  auth: (deps: Deps) => onRequestHookHandler;
  /** Roles granted to every route that declares none (schemes whose credentials carry no role). */
  grantRoles?: readonly Role[];
  /** Idempotency-Key as on /v1: a creation retried with its key replays the answer. */
  idempotency?: boolean;
  /** The OpenAPI security of every route of the area (overrides the dialect's default). */
  security?: SecurityRequirements;
  /**
   * 'dialect': the area's hooks are installed on the dialect itself, so they also guard its not-found
   * answers (an unauthenticated caller of an unknown path is refused, not told the path is unknown).
   * Default 'subtree': an encapsulated subtree beside the dialect's open routes.
   */
  scope?: 'dialect' | 'subtree';
  routes: (deps: Deps) => DialectRoutes[];
}

/**
 * A dialect that can be served at the root of a listener of its own (TESSERA_LISTEN_<NAME>=host:port) or of
 * the main listener for host names of its own (TESSERA_HOST_<NAME>=name,name).
 */
export interface DialectListenerSpec {
  /** The vendor's name as the configuration variables' descriptions spell it ('CashDesk'). */
  title: string;
  /** Where the dialect's variables come among the listeners' in `tessera config` (ascending). */
  order: number;
}

export interface DialectSpec {
  /** The vendor's short name: the dialect's path segment and its listener's name. */
  name: string;
  /** Where the dialect is mounted on the main listener ('/avomark'). */
  prefix: `/${string}`;
  /** The vendor's error answer for any failure of the subtree (prepareErrorReply records it for the log). */
  errorFormat: ErrorFormat;
  /**
   * The not-found answer. A function answers it itself; otherwise the error format answers ROUTE_NOT_FOUND
   * with this message (default "No route for METHOD /path.").
   */
  notFound?:
    | ((request: FastifyRequest, reply: FastifyReply) => unknown)
    | { message: (method: string, path: string) => string };
  /** The vendor's document knows only JSON: an Accept that lists XML too still gets JSON. */
  jsonOnly?: boolean;
  /** Typed clients send null for unset members (and some capitalise names): see installLenientBodies. */
  lenientBodies?: { caseInsensitive?: boolean; keepNull?: readonly string[] };
  /** The vendor's OpenAPI security schemes (components.securitySchemes), described for a reader. */
  securitySchemes?: Record<string, object>;
  /** The OpenAPI security of the dialect's routes that declare none (areas may override it). */
  security?: SecurityRequirements;
  /** Anything else the vendor's wire needs on the whole subtree (content parsers, multipart, route twins). */
  setup?: (app: FastifyInstance, deps: Deps) => void | Promise<void>;
  /** Routes open to anyone (token endpoints): they authenticate the caller themselves. */
  open?: (deps: Deps) => DialectRoutes[];
  /** The authenticated areas, each with its scheme. */
  areas: DialectArea[];
  /** The vendor's scheduled work, run by the job runner beside the engine's jobs. */
  jobs?: readonly Job[];
  /** Served at the root of a listener or host name of its own when configured so. */
  listener?: DialectListenerSpec;
  /** /docs examples of routes whose schemas declare none, keyed by "METHOD /path" as in /openapi.json. */
  examples?: Record<string, OperationExample>;
}

export interface Dialect {
  name: string;
  prefix: `/${string}`;
  securitySchemes: Record<string, object>;
  jobs: readonly Job[];
  listener: DialectListenerSpec | null;
  examples: Record<string, OperationExample>;
  /** The Fastify plugin of the dialect, to register with { prefix: dialect.prefix }. */
  plugin: (deps: Deps) => FastifyPluginAsyncTypebox;
}

function routePath(request: FastifyRequest): string {
  return request.url.split('?')[0] ?? '';
}

async function registerRoutes(app: FastifyInstance, routes: DialectRoutes[]): Promise<void> {
  for (const entry of routes) {
    if (typeof entry === 'function') await app.register(entry);
    else await app.register(entry.plugin, { prefix: entry.prefix });
  }
}

function setSecurity(app: FastifyInstance, security: SecurityRequirements, override: boolean): void {
  app.addHook('onRoute', (route) => {
    if (override || !route.schema?.security) route.schema = { ...route.schema, security };
  });
}

async function installArea(scope: FastifyInstance, area: DialectArea, deps: Deps): Promise<void> {
  scope.addHook('onRequest', area.auth(deps));
  if (area.idempotency) installIdempotency(scope, deps);
  if (area.grantRoles) grantRoles(scope, area.grantRoles);
  denyByDefault(scope);
  if (area.security) setSecurity(scope, area.security, true);
  await registerRoutes(scope, area.routes(deps));
}

/** Declares a dialect: the returned plugin installs the vendor's handling, then its routes. */
export function defineDialect(spec: DialectSpec): Dialect {
  const plugin =
    (deps: Deps): FastifyPluginAsyncTypebox =>
    async (app) => {
      installErrorFormat(app, spec.errorFormat);
      const notFound = spec.notFound;
      app.setNotFoundHandler(
        typeof notFound === 'function'
          ? notFound
          : (request, reply) => {
              const message = notFound
                ? notFound.message(request.method, routePath(request))
                : `No route for ${request.method} ${routePath(request)}.`;
              return spec.errorFormat(new HttpError('ROUTE_NOT_FOUND', message), request, reply);
            },
      );
      if (spec.security) setSecurity(app, spec.security, false);
      if (spec.jsonOnly) answerJsonOnly(app);
      if (spec.lenientBodies) installLenientBodies(app, spec.lenientBodies);
      await spec.setup?.(app, deps);
      // Areas that guard the whole dialect first (their hooks also run before the open routes' handlers).
      for (const area of spec.areas) if (area.scope === 'dialect') await installArea(app, area, deps);
      if (spec.open) await registerRoutes(app, spec.open(deps));
      for (const area of spec.areas) {
        if (area.scope !== 'dialect') await app.register(async (scope) => installArea(scope, area, deps));
      }
    };
  return {
    name: spec.name,
    prefix: spec.prefix,
    securitySchemes: spec.securitySchemes ?? {},
    jobs: spec.jobs ?? [],
    listener: spec.listener ?? null,
    examples: spec.examples ?? {},
    plugin,
  };
}
