// Typed views of the benchmark harness's helpers (bench/*.mjs is plain JavaScript, owned by the benchmark).
// @ts-expect-error -- bench/processes.mjs has no type declarations
import * as processesJs from '../bench/processes.mjs';
// @ts-expect-error -- bench/postgres.mjs has no type declarations
import * as postgresJs from '../bench/postgres.mjs';
// @ts-expect-error -- bench/seed.mjs has no type declarations
import * as seedJs from '../bench/seed.mjs';
import type { ChildProcess } from 'node:child_process';

export type BenchChild = ChildProcess & { exited: Promise<{ code: number | null; signal: string | null }> };

export interface Seeded {
  count: number;
  ids: string[];
  lastNames: string[];
  cardNumbers: string[];
  voucherNumbers: string[];
}

interface Processes {
  onCleanup(name: string, run: () => unknown, runSync?: () => unknown): { done: boolean };
  shutdown(): Promise<void>;
  installExitHandlers(): void;
  freePort(): Promise<number>;
  startChild(
    name: string,
    command: string,
    args: string[],
    options: { env: NodeJS.ProcessEnv; cwd: string; logFile: string },
  ): BenchChild;
  tail(file: string, lines?: number): string;
  waitForHttp(
    url: string,
    options: { child?: BenchChild; logFile?: string; timeoutMs?: number },
  ): Promise<void>;
}

interface Postgres {
  findPgBin(): string | undefined;
  startPgCluster(bin: string): Promise<{ url: string; description: string; stop(): void }>;
}

interface Seed {
  seedSqlite(file: string, options: { count: number; vouchers?: number }): Promise<Seeded>;
  seedPostgres(url: string, options: { count: number; vouchers?: number }): Promise<Seeded>;
}

export const processes = processesJs as Processes;
export const postgres = postgresJs as Postgres;
export const seed = seedJs as Seed;
