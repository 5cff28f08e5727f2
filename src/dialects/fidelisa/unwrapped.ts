/**
 * The document wraps each body in one member ({"bill": {...}}, {"shop": {...}}); its C# sample sends the
 * members unwrapped ({"user_email": ...}). A body without its wrapper is read as the wrapper's content.
 */
import type { preValidationHookHandler } from 'fastify';

export function acceptUnwrapped(wrapper: string): preValidationHookHandler {
  return async (request) => {
    const body = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return;
    if (Object.hasOwn(body, wrapper)) return;
    request.body = { [wrapper]: body };
  };
}
