import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { Deps } from '../../app/context.js';
import { HttpError } from '../../http/http-error.js';
import { requireRole } from '../../http/plugins/auth.js';
import { ErrorFormats, installNativeErrors, prepareErrorReply } from '../../http/plugins/errors.js';
import '../../http/types.js';
import { VARIABLES } from '../../config-schema.js';
import { SCHEDULED_JOBS } from '../../jobs/index.js';
import { dialectJobs, listenedDialects } from '../index.js';
import { defineDialect, type DialectSpec } from './define-dialect.js';

const deps = {} as Deps;

const toyArea: DialectSpec['areas'][number] = {
  auth: () => async (request) => {
    if (request.headers['x-key'] !== 'k') throw new HttpError('UNAUTHENTICATED');
    request.caller = {
      principalKind: 'client',
      principalId: 'c',
      merchantId: 'm',
      providerId: null,
      role: 'cashier',
      terminalId: null,
    };
  },
  routes: () => [
    async (app) => {
      app.get('/api/things/:id', { preHandler: requireRole('cashier') }, async (request) => {
        const { id } = request.params as { id: string };
        if (id === 'bad') throw new HttpError('VALIDATION_FAILED', 'bad thing');
        return { id };
      });
    },
  ],
};

/** A toy vendor: its own error body, a key header as its auth, one route that fails on demand. */
function toyFormat(vendor: string) {
  return (error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const e = prepareErrorReply(request, reply, error);
    return reply.code(e.status).send({ vendor, code: e.code, message: e.message });
  };
}

function toy(overrides: Partial<DialectSpec> = {}) {
  return defineDialect({
    name: 'toy',
    prefix: '/toy',
    errorFormat: toyFormat('toy'),
    securitySchemes: { toyKey: { type: 'apiKey', in: 'header', name: 'x-key' } },
    areas: [toyArea],
    ...overrides,
  });
}

const apps: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

async function build(...dialects: ReturnType<typeof toy>[]) {
  const formats = new ErrorFormats();
  const app = Fastify({
    frameworkErrors: formats.frameworkErrors,
    routerOptions: { maxParamLength: 20 },
  });
  apps.push(app);
  app.decorate('errorFormats', formats);
  app.decorateRequest('caller', null);
  app.decorateRequest('failure', null);
  installNativeErrors(app);
  for (const dialect of dialects) await app.register(dialect.plugin(deps), { prefix: dialect.prefix });
  await app.ready();
  return app;
}

describe('defineDialect', () => {
  it('answers route errors, unknown paths and router errors in the vendor format', async () => {
    const app = await build(toy());
    const ok = await app.inject({ url: '/toy/api/things/1', headers: { 'x-key': 'k' } });
    expect(ok.json()).toEqual({ id: '1' });
    const bad = await app.inject({ url: '/toy/api/things/bad', headers: { 'x-key': 'k' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ vendor: 'toy', code: 'VALIDATION_FAILED', message: 'bad thing' });
    const unknown = await app.inject({ url: '/toy/nowhere?x=1' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({
      vendor: 'toy',
      code: 'ROUTE_NOT_FOUND',
      message: 'No route for GET /toy/nowhere.',
    });
    // A path parameter over maxParamLength is refused by the router, before any plugin: still the vendor's.
    const long = await app.inject({ url: `/toy/api/things/${'x'.repeat(40)}`, headers: { 'x-key': 'k' } });
    expect(long.statusCode).toBe(414);
    expect(long.json()).toMatchObject({ vendor: 'toy' });
    const native = await app.inject({ url: '/elsewhere' });
    expect(native.json()).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND' } });
  });

  it('keeps the error formats of two apps apart', async () => {
    const first = await build(toy());
    const second = await build(toy({ errorFormat: toyFormat('other') }));
    const url = `/toy/api/things/${'x'.repeat(40)}`;
    expect((await first.inject({ url })).json()).toMatchObject({ vendor: 'toy' });
    expect((await second.inject({ url })).json()).toMatchObject({ vendor: 'other' });
  });

  it('takes a not-found message or handler of the vendor', async () => {
    const app = await build(
      toy({ notFound: { message: (method, path) => `No toy service ${method} ${path}` } }),
    );
    expect((await app.inject({ url: '/toy/x' })).json().message).toBe('No toy service GET /toy/x');
    const custom = await build(
      toy({ notFound: (_request, reply) => reply.code(404).send({ missing: true }) }),
    );
    expect((await custom.inject({ url: '/toy/x' })).json()).toEqual({ missing: true });
  });

  it("guards unknown paths too when an area's scope is the dialect", async () => {
    const subtree = await build(toy());
    expect((await subtree.inject({ url: '/toy/x' })).statusCode).toBe(404);
    const whole = await build(toy({ areas: [{ ...toyArea, scope: 'dialect' }] }));
    const refused = await whole.inject({ url: '/toy/x' });
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ vendor: 'toy', code: 'UNAUTHENTICATED' });
    expect((await whole.inject({ url: '/toy/x', headers: { 'x-key': 'k' } })).statusCode).toBe(404);
  });

  it('refuses to start when a route of an area declares no role list', async () => {
    const open = toy({
      areas: [
        {
          auth: () => async () => {},
          routes: () => [async (app) => void app.get('/api/open', async () => ({}))],
        },
      ],
    });
    await expect(build(open)).rejects.toThrow(/declares no role list/);
  });

  it("carries the vendor's jobs, listener and examples, which the server's lists gather", () => {
    expect(toy()).toMatchObject({ jobs: [], listener: null, examples: {} });
    const job = { name: 'toy-sweep', everyMs: 1000, run: async () => undefined };
    const declared = toy({
      jobs: [job],
      listener: { title: 'Toy', order: 9 },
      examples: { 'GET /toy/api/things/{id}': { response: { id: 't1' } } },
    });
    expect(declared.jobs).toEqual([job]);
    expect(declared.listener).toEqual({ title: 'Toy', order: 9 });
    const jobNames = SCHEDULED_JOBS.map((j) => j.name);
    expect(jobNames).toEqual(expect.arrayContaining(dialectJobs().map((j) => j.name)));
    expect(new Set(jobNames).size).toBe(jobNames.length);
    const variables = VARIABLES.map((v) => v.name);
    for (const { name } of listenedDialects()) {
      const upper = name.toUpperCase();
      expect(variables).toEqual(expect.arrayContaining([`TESSERA_LISTEN_${upper}`, `TESSERA_HOST_${upper}`]));
    }
  });
});
