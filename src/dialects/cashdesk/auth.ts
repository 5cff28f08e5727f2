/** HTTP Basic authentication of CashDesk users (login and password of a Tessera user of the merchant). */
import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import { authenticatePassword } from '../../app/auth/issue-token.js';
import type { Deps } from '../../app/context.js';
import { HttpError } from '../../http/http-error.js';

export const BASIC_CHALLENGE = 'Basic realm="Tessera CashDesk", charset="UTF-8"';

function credentialsOf(header: string | undefined): { login: string; password: string } | null {
  const match = header ? /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header) : null;
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  return { login: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** Sets request.caller (so roles and the integration log work) or fails with 401 and a Basic challenge. */
export function basicAuth(deps: Deps): onRequestHookHandler {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const credentials = credentialsOf(request.headers.authorization);
    if (!credentials) {
      reply.header('WWW-Authenticate', BASIC_CHALLENGE);
      throw new HttpError('UNAUTHENTICATED', 'Send an Authorization: Basic base64(login:password) header.');
    }
    const result = await authenticatePassword(deps, credentials.login, credentials.password, request.ip);
    if (!result.ok) {
      if (result.code === 'UNAUTHENTICATED') reply.header('WWW-Authenticate', BASIC_CHALLENGE);
      throw HttpError.from(result);
    }
    if (!result.value.merchantId) throw new HttpError('NO_MERCHANT');
    request.caller = result.value;
  };
}
