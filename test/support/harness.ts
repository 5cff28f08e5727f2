import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import type { Deps } from '../../src/app/context.js';
import { DEMO, loadDemo } from '../../src/app/demo/load-demo.js';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { buildApp } from '../../src/http/app.js';
import { openDeps } from '../../src/server.js';

export interface DbTarget {
  kind: 'sqlite' | 'postgres';
  url?: string;
}

/** The databases the integration tests run on: SQLite always, PostgreSQL when the global setup found one. */
export function databases(): DbTarget[] {
  const pgUrl = inject('pgUrl');
  return pgUrl ? [{ kind: 'sqlite' }, { kind: 'postgres', url: pgUrl }] : [{ kind: 'sqlite' }];
}

async function freshDatabaseUrl(target: DbTarget): Promise<{ url: string; drop(): Promise<void> }> {
  if (target.kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-test-'));
    return {
      url: `sqlite:${path.join(dir, 'test.sqlite')}`,
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: target.url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = target.url!.replace(/\/[^/]*$/, `/${name}`);
  return {
    url,
    drop: async () => {
      const c = new pg.Client({ connectionString: target.url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface Harness {
  app: FastifyInstance;
  deps: Deps;
  database: Database;
  /** Sends a request through the whole HTTP stack. */
  request(options: InjectOptions & { token?: string }): Promise<LightMyRequestResponse>;
  /** A token of the demo POS client (cashier). */
  clientToken(): Promise<string>;
  /** A token of the demo administrator. */
  adminToken(): Promise<string>;
  merchantId: string;
  close(): Promise<void>;
}

export async function createHarness(
  target: DbTarget,
  options: { demo?: boolean; now?: () => Date; env?: Record<string, string> } = {},
): Promise<Harness> {
  const db = await freshDatabaseUrl(target);
  const config = loadConfig({ ...process.env, ...options.env, DATABASE_URL: db.url, LOG_LEVEL: 'silent' });
  const { deps: baseDeps, database } = await openDeps(config);
  const deps: Deps = options.now ? { ...baseDeps, now: options.now } : baseDeps;
  if (options.demo !== false) await loadDemo(deps);
  const merchant = await deps.db
    .selectFrom('merchants')
    .select('id')
    .where('slug', '=', DEMO.merchant)
    .executeTakeFirst();
  const app = await buildApp(deps, { logger: false });
  await app.ready();
  const tokens = new Map<string, string>();
  const request = (opts: InjectOptions & { token?: string }) => {
    const { token, ...rest } = opts;
    const headers = { ...(rest.headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) };
    return app.inject({ ...rest, headers });
  };
  const tokenFor = async (key: string, payload: Record<string, string>) => {
    const cached = tokens.get(key);
    if (cached) return cached;
    const res = await app.inject({ method: 'POST', url: '/oauth/token', payload });
    if (res.statusCode !== 200) throw new Error(`token: ${res.statusCode} ${res.body}`);
    const token = (res.json() as { access_token: string }).access_token;
    tokens.set(key, token);
    return token;
  };
  return {
    app,
    deps,
    database,
    merchantId: merchant?.id ?? '',
    request,
    clientToken: () =>
      tokenFor('client', {
        grant_type: 'client_credentials',
        client_id: DEMO.client.id,
        client_secret: DEMO.client.secret,
      }),
    adminToken: () =>
      tokenFor('admin', {
        grant_type: 'password',
        username: DEMO.admin.login,
        password: DEMO.admin.password,
      }),
    close: async () => {
      deps.ports.mail?.close?.();
      await app.close();
      await database.close();
      await db.drop();
    },
  };
}
