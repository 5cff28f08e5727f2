import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/app/context.js';
import { listJobs } from '../src/db/repos/jobs.repo.js';
import { createJobRunner, type Job } from '../src/jobs/runner.js';
import { createHarness, databases, type Harness } from './support/harness.js';

// Scheduled work is claimed through the jobs table: several processes (runners) on one database run a job
// once per period, and a runner that dies holding a job gives it up when its lease runs out.
describe.each(databases())('job runner on $kind', (target) => {
  let h: Harness;
  let clock = Date.parse('2026-06-01T08:00:00.000Z');
  let deps: Deps;
  beforeAll(async () => {
    h = await createHarness(target, { demo: false, now: () => new Date(clock) });
    deps = h.deps;
  });
  afterAll(() => h.close());

  it('runs a job once per period across five runners ticking together', async () => {
    const runs: string[] = [];
    const job: Job = {
      name: 'count',
      everyMs: 60_000,
      run: async (_deps, now) => {
        runs.push(now.toISOString());
      },
    };
    const runners = Array.from({ length: 5 }, () => createJobRunner(deps, [job]));
    for (let round = 0; round < 3; round++) {
      await Promise.all(runners.flatMap((r) => [r.tick(), r.tick()]));
      clock += 20_000;
    }
    expect(runs).toHaveLength(1);
    clock += 5_000; // 65 s after the first run
    await Promise.all(runners.map((r) => r.tick()));
    expect(runs).toHaveLength(2);
    const row = (await listJobs(deps.db)).find((j) => j.name === 'count');
    expect(row).toMatchObject({ lease_owner: null, last_error: null });
    expect(Number(row?.runs)).toBe(2);
  });

  it('takes over a job whose runner died holding it, once the lease has run out', async () => {
    let runs = 0;
    const hang = new Promise<void>(() => {});
    const stuck = createJobRunner(deps, [{ name: 'takeover', everyMs: 1_000, run: () => hang }], {
      leaseMs: 30_000,
    });
    void stuck.tick(); // claims the job and never finishes: the process was killed
    await new Promise((r) => setTimeout(r, 50));
    const healthy = createJobRunner(
      deps,
      [{ name: 'takeover', everyMs: 1_000, run: async () => void runs++ }],
      {
        leaseMs: 30_000,
      },
    );
    clock += 10_000;
    expect(await healthy.tick()).toEqual([]);
    clock += 25_000;
    expect(await healthy.tick()).toEqual(['takeover']);
    expect(runs).toBe(1);
  });

  it('records a failed run and still schedules the next one', async () => {
    const failing = createJobRunner(deps, [
      {
        name: 'failing',
        everyMs: 60_000,
        run: async () => {
          throw new Error('mail server refused');
        },
      },
    ]);
    expect(await failing.tick()).toEqual(['failing']);
    const row = (await listJobs(deps.db)).find((j) => j.name === 'failing');
    expect(row?.last_error).toBe('mail server refused');
    expect(Date.parse(row!.next_run_at)).toBe(clock + 60_000);
  });
});
