import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Where `npm run build` puts the console (web/console built by Vite), from src/http or dist/http alike. */
export const CONSOLE_DIR = fileURLToPath(new URL('../../dist/console/', import.meta.url));

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/**
 * The admin console at /console: hashed assets are cached for a year (their name changes with their content),
 * index.html is revalidated on every load so a new build is picked up at once. Any other path under /console
 * is a screen of the single-page app and gets index.html.
 */
export async function installConsole(app: FastifyInstance, dir = CONSOLE_DIR): Promise<void> {
  if (!existsSync(`${dir}/index.html`)) {
    const missing = async (_request: unknown, reply: FastifyReply) =>
      reply
        .code(404)
        .type('text/plain; charset=utf-8')
        .send('The console is not built: run `npm run build` (npm ci and npm start do it).\n');
    app.get('/console', { schema: { hide: true } }, missing);
    app.get('/console/*', { schema: { hide: true } }, missing);
    return;
  }
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/console/',
    wildcard: false,
    index: false,
    cacheControl: false,
    etag: true,
    lastModified: true,
    schemaHide: true,
    setHeaders: (res, path) => {
      res.setHeader('Cache-Control', path.includes('/assets/') ? IMMUTABLE : REVALIDATE);
      res.setHeader('X-Content-Type-Options', 'nosniff');
    },
  });
  const index = async (_request: unknown, reply: FastifyReply) =>
    reply.header('Cache-Control', REVALIDATE).sendFile('index.html');
  app.get('/console', { schema: { hide: true } }, index);
  app.get('/console/*', { schema: { hide: true } }, async (request, reply) => {
    // a hashed asset that is not there (an old build's) is a 404, not the app
    if (request.url.startsWith('/console/assets/')) return reply.callNotFound();
    return index(request, reply);
  });
}
