/**
 * Waiting for a database to fall quiet before it is closed. A stopping server closes its listeners first and
 * waits for the answers its clients still wait for, but a request whose client went away keeps running (its
 * handler is not told), and its next query would find the database closed: an error in the log and a sale
 * cut short (rolled back, so nothing half-written, but the till's retry finds no sale). The database is closed
 * once no query is running and none has started for `quietMs`, or after `maxMs` whatever runs.
 */

/** What a database reports of its use: queries (or transactions) started so far, and whether one runs now. */
export interface Activity {
  started(): number;
  busy(): boolean;
}

export async function untilQuiet(
  activity: Activity,
  { quietMs = 25, maxMs = 5000 }: { quietMs?: number; maxMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + maxMs;
  let seen = activity.started();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const now = activity.started();
    if ((now === seen && !activity.busy()) || Date.now() >= deadline) return;
    seen = now;
  }
}
