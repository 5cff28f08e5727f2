/** Slow bodies are timed out and one address cannot hold every connection (a real listening server). */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { openDeps, startServer, type RunningServer } from '../src/server.js';

describe('slow clients', () => {
  let server: RunningServer;
  let port: number;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-slow-'));
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: '',
      TESSERA_DATA: dir,
      LOG_LEVEL: 'silent',
      PORT: '0',
      TESSERA_REQUEST_TIMEOUT_S: '1',
      TESSERA_MAX_CONNECTIONS_PER_ADDRESS: '5',
    });
    const { deps, database } = await openDeps(config);
    server = await startServer(deps, database, { logger: false });
    port = Number(new URL(server.url).port);
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const connect = () =>
    new Promise<net.Socket>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
      socket.on('error', reject);
    });
  const closed = (socket: net.Socket) =>
    new Promise<number>((resolve) => {
      const start = Date.now();
      socket.on('close', () => resolve(Date.now() - start));
      socket.on('error', () => undefined);
    });

  it('cuts off a request whose body trickles in', async () => {
    const socket = await connect();
    const done = closed(socket);
    socket.write(
      'POST /oauth/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
    );
    const timer = setInterval(() => socket.writable && socket.write(' '), 300);
    const ms = await done;
    clearInterval(timer);
    expect(ms).toBeLessThan(5000);
  });

  it('closes connections of one address past its cap, and still answers /healthz', async () => {
    const sockets = await Promise.all(Array.from({ length: 8 }, () => connect()));
    const closings = sockets.map((s) =>
      Promise.race([closed(s), new Promise((r) => setTimeout(() => r(-1), 500))]),
    );
    const results = await Promise.all(closings);
    expect(results.filter((r) => r !== -1).length).toBeGreaterThanOrEqual(3);
    for (const s of sockets) s.destroy();
    await new Promise((r) => setTimeout(r, 100));
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
  });
});
