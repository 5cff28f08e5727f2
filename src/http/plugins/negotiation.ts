import type { FastifyInstance } from 'fastify';
import { prefersXml, toXml } from '../xml.js';

/** JSON by default; XML for every route when the Accept header prefers application/xml. */
export function installContentNegotiation(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string') return payload;
    const type = String(reply.getHeader('content-type') ?? '');
    if (!type.startsWith('application/json') || !prefersXml(request.headers.accept)) return payload;
    let value: unknown;
    try {
      value = JSON.parse(payload);
    } catch {
      return payload;
    }
    reply.header('content-type', 'application/xml; charset=utf-8');
    return toXml(value, request.xmlRoot ?? 'response');
  });
}
