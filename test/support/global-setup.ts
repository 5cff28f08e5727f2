import type { TestProject } from 'vitest/node';
import { findPgBin, startPgCluster, type PgCluster } from './postgres-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string | null;
  }
}

let cluster: PgCluster | undefined;

/**
 * Integration tests run on SQLite and on PostgreSQL. DATABASE_URL_TEST points at an existing server;
 * otherwise a throwaway cluster is started from the machine's binaries. TESSERA_REQUIRE_PG=1 (set by CI)
 * turns a missing PostgreSQL into a failure instead of a skip.
 */
export default async function setup(project: TestProject) {
  let url: string | null = process.env.DATABASE_URL_TEST ?? null;
  if (!url) {
    const bin = findPgBin();
    if (bin) {
      cluster = await startPgCluster(bin);
      url = cluster.url;
    }
  }
  if (!url) {
    if (process.env.TESSERA_REQUIRE_PG === '1') {
      throw new Error('PostgreSQL is required (TESSERA_REQUIRE_PG=1) but no server binaries were found.');
    }
    process.stdout.write(
      '\n*** PostgreSQL binaries not found: the PostgreSQL half of the integration tests is SKIPPED. ***\n' +
        '*** Install postgresql (or set PG_BIN / DATABASE_URL_TEST) to run it.                          ***\n\n',
    );
  } else {
    process.stdout.write(`PostgreSQL half of the integration tests runs on ${url}\n`);
  }
  project.provide('pgUrl', url);
  return () => cluster?.stop();
}
