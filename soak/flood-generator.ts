// The connection flood's load generator, run in a process of its own (soak/flood.ts starts it): the sockets,
// their timers and the parsing of their answers then do not share an event loop with the client that times the
// new connections, whose figures would otherwise include the generator's own work.
// Usage: node --import tsx soak/flood-generator.ts <json options>; prints `connected <held> <closed>` once every
// connection is open, then `answered <n>` on stdin's end, and exits.
import net from 'node:net';

const { host, port, connections, perAddress } = JSON.parse(process.argv[2] ?? '{}') as {
  host: string;
  port: number;
  connections: number;
  perAddress: number;
};
const sockets: net.Socket[] = [];
const timers: NodeJS.Timeout[] = [];
let answered = 0;
let closed = 0;
const request = `GET /healthz HTTP/1.1\r\nHost: ${host}\r\nConnection: keep-alive\r\n\r\n`;

await Promise.all(
  Array.from({ length: connections }, (_, i) => {
    const n = Math.floor(i / perAddress) + 2;
    const localAddress = `127.0.${n >> 8}.${n & 255}`;
    return new Promise<void>((resolve) => {
      const socket = net.connect({ host, port, localAddress }, () => {
        if (i % 2 === 0) {
          // Kept alive: a request now and every 3 s (well under the keep-alive timeout).
          socket.write(request);
          timers.push(setInterval(() => socket.writable && socket.write(request), 3000));
        } else {
          // Slow headers: one byte a second, never finished.
          socket.write(`GET /healthz HTTP/1.1\r\nHost: ${host}\r\nX-Slow: `);
          timers.push(setInterval(() => socket.writable && socket.write('a'), 1000));
        }
        resolve();
      });
      socket.on('data', (chunk) => {
        answered += chunk.toString('latin1').split('HTTP/1.1 200').length - 1;
      });
      socket.on('error', () => resolve());
      socket.on('close', () => {
        closed++;
        resolve();
      });
      sockets.push(socket);
    });
  }),
);
process.stdout.write(`connected ${sockets.filter((s) => !s.destroyed).length} ${closed}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  for (const t of timers) clearInterval(t);
  process.stdout.write(`answered ${answered}\n`);
  for (const s of sockets) s.destroy();
  process.exit(0);
});
