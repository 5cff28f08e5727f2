/**
 * The job runner: scheduled work (expiry, retention, outbox delivery, imports) claimed through the `jobs`
 * table instead of a timer in every process. Each process ticks every few seconds; a job runs where its row
 * was claimed (due, and no live lease), then is rescheduled. N processes on one PostgreSQL database, or on
 * one SQLite file, run each job once per period; a process killed mid-run leaves a lease that runs out, and
 * another process takes the job over.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Deps } from '../app/context.js';
import { claimJob, ensureJob, finishJob } from '../db/repos/jobs.repo.js';

export interface Job {
  name: string;
  everyMs: number;
  /** This job's own lease (a short one for frequent work, so a killed process delays it little). */
  leaseMs?: number;
  run(deps: Deps, now: Date): Promise<unknown>;
}

export interface JobRunnerOptions {
  /** How often this process looks for due jobs. */
  tickMs?: number;
  /** How long a claim holds before another process may take the job over. */
  leaseMs?: number;
  /** Who claims: host, process and a random part, unique per runner. */
  owner?: string;
  onError?: (job: string, error: unknown) => void;
}

export interface JobRunner {
  owner: string;
  /** Runs the jobs that are due now and this runner could claim; returns their names. */
  tick(): Promise<string[]>;
  stop(): void;
}

export function createJobRunner(deps: Deps, jobs: readonly Job[], options: JobRunnerOptions = {}): JobRunner {
  const owner = options.owner ?? `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const leaseMs = options.leaseMs ?? 10 * 60_000;
  let known = false;
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<string[]> | null = null;

  async function tickOnce(): Promise<string[]> {
    const now = deps.now();
    const iso = now.toISOString();
    if (!known) {
      for (const job of jobs) await ensureJob(deps.db, job.name, iso);
      known = true;
    }
    const ran: string[] = [];
    for (const job of jobs) {
      const leaseUntil = new Date(now.getTime() + (job.leaseMs ?? leaseMs)).toISOString();
      if (!(await claimJob(deps.db, job.name, owner, iso, leaseUntil))) continue;
      let error: string | null = null;
      try {
        await job.run(deps, now);
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
        options.onError?.(job.name, e);
      }
      const at = deps.now();
      await finishJob(deps.db, job.name, owner, {
        at: at.toISOString(),
        nextRunAt: new Date(now.getTime() + job.everyMs).toISOString(),
        error,
      });
      ran.push(job.name);
    }
    return ran;
  }

  const runner: JobRunner = {
    owner,
    tick: () => {
      // One tick at a time: a tick asked for while one runs shares its outcome.
      ticking ??= tickOnce().finally(() => {
        ticking = null;
      });
      return ticking;
    },
    stop: () => {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
  if (options.tickMs !== undefined) {
    timer = setInterval(() => {
      runner.tick().catch((error: unknown) => options.onError?.('runner', error));
    }, options.tickMs);
    timer.unref();
  }
  return runner;
}
