import type { FastifyInstance } from 'fastify';
import type { Deps } from './app/context.js';
import type { Config } from './config.js';
import { createDatabase, migrateToLatest, type Database } from './db/database.js';
import { buildApp, type AppOptions } from './http/app.js';
import { listenForDialect, type ExtraListener } from './http/dialect-routing.js';
import { purgeUsedJetons } from './app/auth/fidelisa-signature.js';
import { scheduleExpiry } from './jobs/expiry.js';

/** Opens the configured database, migrated, and the dependencies every use-case receives. */
export async function openDeps(config: Config): Promise<{ deps: Deps; database: Database }> {
  const database = createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(database.db);
  return { deps: { db: database.db, dbKind: database.kind, config, now: () => new Date() }, database };
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
  const stopExpiry = scheduleExpiry(deps, 60_000, (error) =>
    app.log.error({ err: error }, 'expiry job failed'),
  );
  // Fidelisa jetons past their replay window are forgotten once an hour.
  const purge = setInterval(() => {
    purgeUsedJetons(deps).catch((error: unknown) =>
      app.log.error({ err: error }, 'purging used jetons failed'),
    );
  }, 3_600_000);
  purge.unref();
  return {
    app,
    url: `${deps.config.tls ? 'https' : 'http'}://${shownHost}:${port}`,
    dialectListeners: extra.map(({ dialect, url }) => ({ dialect, url })),
    close: async () => {
      stopExpiry();
      clearInterval(purge);
      await Promise.all(extra.map((l) => l.close()));
      await app.close();
      await database.close();
    },
  };
}
