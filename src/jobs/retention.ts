import { runRetention } from '../app/ops/retention.js';
import type { Deps } from '../app/context.js';

/** Runs the retention clean-up every `intervalMs` (first run after one interval), one run at a time. */
export function scheduleRetention(
  deps: Deps,
  intervalMs: number,
  onError: (error: unknown) => void,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runRetention(deps.db, deps.now(), deps.config.retention)
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
