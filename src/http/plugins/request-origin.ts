import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from '../http-error.js';

const FORM = /^\s*application\/x-www-form-urlencoded\s*(;|$)/i;

/**
 * Form-encoded bodies only where a route documents them (its schema's `consumes`: the token routes). Anywhere
 * else a form body is a 415, not read as if it were the JSON the route documents: a cross-site HTML form can
 * send one without a CORS preflight, and a till that sends one has the wrong client code.
 */
export function refuseFormBodiesWhereUndocumented(app: FastifyInstance): void {
  app.addHook('preParsing', (request, _reply, payload, done) => {
    const type = request.headers['content-type'];
    if (type === undefined || !FORM.test(type) || request.routeOptions.url === undefined) {
      done(null, payload);
      return;
    }
    const consumes = request.routeOptions.schema?.consumes ?? [];
    if (consumes.includes('application/x-www-form-urlencoded')) {
      done(null, payload);
      return;
    }
    done(
      new HttpError(
        'UNSUPPORTED_MEDIA_TYPE',
        'This route takes a JSON body (Content-Type: application/json); form-encoded bodies are taken only by the token and unsubscribe routes.',
      ),
    );
  });
}

/** Why a request comes from a page of another site (the browser's own headers say so), or null. */
export function crossSiteReason(request: FastifyRequest): string | null {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') {
    return `Sec-Fetch-Site is ${site}`;
  }
  const origin = request.headers.origin;
  if (origin === undefined) return null;
  try {
    const from = new URL(origin);
    // The Host header read with the origin's scheme, so that default ports compare equal (:80, :443).
    const own = new URL(`${from.protocol}//${request.host}`);
    if (from.host === own.host) return null;
  } catch {
    return `Origin ${origin} is not a web origin`;
  }
  return `Origin ${origin} is another site`;
}

/**
 * For an API a browser authenticates by itself (HTTP Basic credentials it remembers), whose documented GETs
 * change state: a request a browser marks as cross-site (Sec-Fetch-Site, or an Origin of another host) is
 * refused before authentication. Tills send neither header and are not affected; no CORS header is ever sent.
 */
export function refuseCrossSiteRequests(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const reason = crossSiteReason(request);
    if (reason !== null) {
      throw new HttpError(
        'CROSS_SITE_REQUEST',
        `Cross-site request refused (${reason}): this API is called by tills and same-origin pages only.`,
      );
    }
  });
}
