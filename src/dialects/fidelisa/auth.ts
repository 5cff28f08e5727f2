/** The Fidelisa auth scheme for a route subtree: signed headers, verified by the app, then a Caller. */
import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import { verifyFidelisaHeaders } from './use-cases/signature.js';
import type { Caller, Deps } from '../../app/context.js';
import { HttpError } from '../../http/http-error.js';

/** Fidelisa's headers are named with underscores; a proxy that rewrites them with dashes is tolerated. */
export function fidelisaHeader(request: FastifyRequest, name: string): string | undefined {
  const lower = name.toLowerCase();
  const value = request.headers[lower] ?? request.headers[lower.replace(/_/g, '-')];
  return Array.isArray(value) ? value[0] : value;
}

export function fidelisaAuth(deps: Deps, needsShop: boolean): onRequestHookHandler {
  return async (request) => {
    const verified = await verifyFidelisaHeaders(
      deps,
      {
        jeton: fidelisaHeader(request, 'FIDELISA_JETON'),
        provider: fidelisaHeader(request, 'FIDELISA_PROVIDER'),
        providerKey: fidelisaHeader(request, 'FIDELISA_PROVIDER_KEY'),
        apiUser: fidelisaHeader(request, 'FIDELISA_APIUSER'),
        apiUserKey: fidelisaHeader(request, 'FIDELISA_APIUSER_KEY'),
      },
      needsShop,
    );
    if (!verified.ok) throw HttpError.from(verified);
    const caller: Caller = {
      principalKind: 'client',
      principalId: verified.value.providerId,
      merchantId: verified.value.merchantId,
      providerId: verified.value.providerId,
      role: 'cashier',
      terminalId: null,
    };
    request.caller = caller;
  };
}

export function providerOf(request: FastifyRequest): string {
  const id = request.caller?.providerId;
  if (!id) throw new HttpError('UNAUTHENTICATED');
  return id;
}

export function shopOf(request: FastifyRequest): string {
  const id = request.caller?.merchantId;
  if (!id)
    throw new HttpError('UNAUTHENTICATED', 'This call needs FIDELISA_APIUSER and FIDELISA_APIUSER_KEY.');
  return id;
}

export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw new HttpError('UNAUTHENTICATED');
  return request.caller;
}
