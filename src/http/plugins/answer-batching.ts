import type { FastifyInstance } from 'fastify';
import { proceed } from './hook-promise.js';

/** Answers in one turn of the event loop from which the next turn's answers are held. */
const BATCH_FROM = 3;

/**
 * On a loaded server, the answers that become ready in one turn of the event loop are written together at its
 * end (setImmediate), instead of each as soon as it is ready.
 *
 * Why: writing an answer to a TCP socket on the same host (loopback) runs the reader's side in the writer: the
 * kernel delivers the data and wakes the process reading the other end when it sleeps. A reader that holds many
 * connections (a reverse proxy or gateway in front of Tessera on the same machine, the benchmark's load
 * generator) is woken once per answer when the answers leave one by one, between the handlers that compute the
 * next ones; on a virtual machine that wake-up costs the writer more than a short request's whole handler
 * (measured on the balance: the answer's writev was a quarter of the server's time). Written in a burst, the
 * reader is woken once for all of them. Same-run A/B on the balance: 1.34 times the requests/s, 0.75 times the
 * CPU per request (BENCHMARKS.md, thirteenth pass). Over a real network the write only hands the data to the
 * network card: the gain there has not been measured.
 *
 * What it costs: a held answer waits for the rest of its turn: the other callbacks of that turn, most of them
 * the handlers of the requests that arrived with it (an answer made ready in the check phase, after the turn's
 * end ran, waits for the next turn's end). So answers are held only while the turns keep bringing several
 * answers each (BATCH_FROM or more in the last turn that had answers: a loaded server, where the wake-ups add
 * up); after a turn with fewer, answers are written at once again, as a lightly loaded server (a till now and
 * then, a paced load) gains nothing from waiting: holding every answer put the p90 of sales paced at 500/s 1.2
 * times higher. Answers to one connection keep their order (Node writes a connection's answers in the order of
 * its requests).
 *
 * While an answer is held, `reply.sent` is still false (the response has not ended): code that sends from a
 * hook must stop its chain there (a callback hook does not call `done`; an async one returns the reply), never
 * test `reply.sent` to decide whether to go on.
 *
 * Installed at the root before every other onSend hook: the rest of the send (content negotiation, the
 * Idempotency-Key's stored answer, the integration log's copy) runs when the batch is written.
 */
export function installAnswerBatching(app: FastifyInstance): void {
  /** Whether this turn's answers are held (the last turn with answers had BATCH_FROM of them or more). */
  let batching = false;
  /** Answers of this turn, and those held for its end. */
  let answered = 0;
  let held: (() => void)[] = [];
  const endOfTurn = () => {
    batching = answered >= BATCH_FROM;
    answered = 0;
    const ready = held;
    held = [];
    for (const send of ready) {
      try {
        send();
      } catch (error) {
        // Only if even the error answer failed: the other answers of the turn still leave.
        app.log.error({ err: error }, 'writing an answer failed');
      }
    }
  };
  app.addHook('onSend', (_request, _reply, payload, done) => {
    if (answered++ === 0) setImmediate(endOfTurn);
    if (!batching) {
      done(null, payload);
      return;
    }
    // As Fastify does for an onSend hook that waited: a throw in the rest of the send becomes an error answer.
    held.push(() => proceed(() => done(null, payload), done));
  });
}
