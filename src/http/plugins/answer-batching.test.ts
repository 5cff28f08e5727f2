import net from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { installAnswerBatching } from './answer-batching.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/**
 * A server whose answers echo the request's number, after a handler that works synchronously a while. The log
 * records each handler ("h3") and each answer leaving the batching hook ("w3").
 */
async function echoServer(log: string[] = []): Promise<string> {
  app = Fastify();
  installAnswerBatching(app);
  app.addHook('onSend', (request, _reply, payload, done) => {
    log.push(`w${(request.params as { n: string }).n}`);
    done(null, payload);
  });
  app.get<{ Params: { n: string } }>('/n/:n', async (request) => {
    log.push(`h${request.params.n}`);
    const until = performance.now() + 0.2;
    while (performance.now() < until);
    return { n: Number(request.params.n) };
  });
  return app.listen({ host: '127.0.0.1', port: 0 });
}

/** Opens `count` connections, then sends one GET on each at once (one turn of the server's loop); resolves with each connection's body. */
async function burst(url: string, count: number, from: number): Promise<number[]> {
  const { hostname, port } = new URL(url);
  const sockets = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<net.Socket>((resolve, reject) => {
          const socket = net.connect(Number(port), hostname, () => resolve(socket));
          socket.on('error', reject);
        }),
    ),
  );
  // Accepted by the server before the requests leave: they then arrive in one turn of its event loop.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const answers = sockets.map(
    (socket) =>
      new Promise<number>((resolve) => {
        let text = '';
        socket.on('data', (chunk) => {
          text += chunk.toString('utf8');
          const m = /\{"n":(\d+)\}/.exec(text);
          if (m) {
            socket.destroy();
            resolve(Number(m[1]));
          }
        });
      }),
  );
  sockets.forEach((socket, i) => socket.write(`GET /n/${from + i} HTTP/1.1\r\nHost: x\r\n\r\n`));
  return Promise.all(answers);
}

/** How many handlers ran right after an answer had been written (none when a turn's answers are held). */
const handlersAfterAnswers = (log: string[]) =>
  log.filter((e, i) => e.startsWith('h') && log[i - 1]?.startsWith('w')).length;

describe('answers written together at the end of a loaded turn', () => {
  it('holds the answers of a loaded turn until its handlers have run, and answers quiet turns at once', async () => {
    const log: string[] = [];
    const url = await echoServer(log);
    // A first burst, on a quiet server: each answer is written after its own handler.
    expect(await burst(url, 20, 0)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(handlersAfterAnswers(log)).toBe(19);
    // Loaded now (that turn had 20 answers): the next turn's answers leave together after its handlers.
    log.length = 0;
    expect(await burst(url, 20, 100)).toEqual(Array.from({ length: 20 }, (_, i) => 100 + i));
    expect(handlersAfterAnswers(log)).toBe(0);
    expect(log.filter((e) => e.startsWith('w'))).toEqual(Array.from({ length: 20 }, (_, i) => `w${100 + i}`));
    // A lone request: answered, and the next ones are written at once again.
    for (const i of [200, 201]) expect(await (await fetch(`${url}/n/${i}`)).json()).toEqual({ n: i });
    log.length = 0;
    expect(await burst(url, 5, 300)).toEqual([300, 301, 302, 303, 304]);
    expect(handlersAfterAnswers(log)).toBe(4);
  });

  it('gives every concurrent caller its own answer', async () => {
    const url = await echoServer();
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => fetch(`${url}/n/${i}`).then((res) => res.json())),
    );
    expect(answers).toEqual(Array.from({ length: 40 }, (_, i) => ({ n: i })));
  });
});
