/**
 * What every MMP route needs before it answers: the version, the network of the path and the caller's
 * right to it (a token of another network → 403), the member garage a member user is bound to, the
 * language and the date of the request in the network's time zone.
 */
import type { FastifyRequest } from 'fastify';
import type { Caller, Deps } from '../../app/context.js';
import { findNetwork, localDate, storeOfUser, type Network } from '../../app/vehicles/network.js';
import { forbidden, langOf, MESSAGES, notFound, unauthenticated, type Lang } from './envelope.js';

export const VERSIONS = ['v1'];

export interface MmpContext {
  network: Network;
  caller: Caller;
  /** The member garage (store) of a member user; null for a network user. */
  memberStoreId: string | null;
  lang: Lang;
  /** Today in the network's time zone. */
  asOf: string;
}

export async function mmpContext(deps: Deps, request: FastifyRequest): Promise<MmpContext> {
  const params = request.params as { version?: string; reseau?: string };
  if (params.version !== undefined && !VERSIONS.includes(params.version)) {
    throw notFound('version', MESSAGES.notFound, {
      en: `Unknown API version ${params.version}.`,
      fr: `Version d'API inconnue : ${params.version}.`,
    });
  }
  const caller = request.caller;
  if (!caller) throw unauthenticated();
  const network = await findNetwork(deps, params.reseau ?? '');
  if (!network) {
    throw notFound('reseau', MESSAGES.networkNotFound, {
      en: `Unknown network ${params.reseau ?? ''}.`,
      fr: `Réseau inconnu : ${params.reseau ?? ''}.`,
    });
  }
  if (caller.merchantId !== network.merchantId) throw forbidden('reseau');
  const memberStoreId = caller.principalKind === 'user' ? await storeOfUser(deps, caller.principalId) : null;
  return {
    network,
    caller,
    memberStoreId,
    lang: langOf(request),
    asOf: localDate(deps.now(), network.timeZone),
  };
}
