import type { FastifyInstance } from 'fastify';
import type { Deps } from './app/context.js';
import { createPorts } from './app/messaging/adapters/create-ports.js';
import type { Config } from './config.js';
import { createDatabase, migrateToLatest, type Database, type DatabaseOptions } from './db/database.js';
import { buildApp, type AppOptions } from './http/app.js';
import { limitConnections } from './http/connection-limits.js';
import { listenForDialect, type ExtraListener } from './http/dialect-routing.js';
import { SCHEDULED_JOBS } from './jobs/index.js';
import { createJobRunner } from './jobs/runner.js';

/** The database the configuration names, and how to open it (the server and every command). */
export function databaseOptions(config: Config): DatabaseOptions {
  return { databaseUrl: config.databaseUrl, dataDir: config.dataDir, pgPrepared: config.pgPrepared };
}

/** Opens the configured database, migrated, and the dependencies every use-case receives. */
export async function openDeps(config: Config): Promise<{ deps: Deps; database: Database }> {
  const database = createDatabase(databaseOptions(config));
  await migrateToLatest(database.db);
  return {
    deps: {
      db: database.db,
      dbKind: database.kind,
      config,
      now: () => new Date(),
      ports: createPorts(config.messaging),
    },
    database,
  };
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  /** The dialects served at the root of a listener of their own (TESSERA_LISTEN_<DIALECT>). */
  dialectListeners: { dialect: string; url: string }[];
  close(): Promise<void>;
}

export async function startServer(
  deps: Deps,
  database: Database,
  options: AppOptions = {},
): Promise<RunningServer> {
  const app = await buildApp(deps, options);
  // A store chain's tills reconnect together after a network cut: Node's default accept queue (511) would drop
  // the excess connection attempts, which the clients retry only after 1 s, 3 s, 7 s. The kernel caps the
  // queue at net.core.somaxconn.
  limitConnections(app.server, {
    total: deps.config.connections.maxConnections,
    perAddress: deps.config.connections.maxConnectionsPerAddress,
  });
  await app.listen({ host: deps.config.host, port: deps.config.port, backlog: 4096 });
  const extra: ExtraListener[] = [];
  try {
    for (const listener of deps.config.dialectListeners) {
      extra.push(await listenForDialect(app.server, listener, deps.config.tls));
    }
  } catch (error) {
    await Promise.all(extra.map((l) => l.close()));
    await app.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : deps.config.port;
  const shownHost = deps.config.host === '0.0.0.0' ? '127.0.0.1' : deps.config.host;
  const jobs = createJobRunner(deps, SCHEDULED_JOBS, {
    tickMs: 5_000,
    onError: (job, error) => app.log.error({ err: error, job }, 'job failed'),
  });
  return {
    app,
    url: `${deps.config.tls ? 'https' : 'http'}://${shownHost}:${port}`,
    dialectListeners: extra.map(({ dialect, url }) => ({ dialect, url })),
    close: async () => {
      jobs.stop();
      deps.ports.mail?.close?.();
      await Promise.all(extra.map((l) => l.close()));
      await app.close();
      await database.close();
    },
  };
}
