// The machine's ceiling: a bare Fastify server (same version as Tessera, no plugins, no logging) whose one
// route answers a constant JSON. Usage: node bench/constant-server.mjs <port>  (listens on 127.0.0.1 only).
import Fastify from 'fastify';

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) {
  process.stderr.write('usage: node bench/constant-server.mjs <port>\n');
  process.exit(2);
}

const app = Fastify({ logger: false });
const body = { status: 'ok', service: 'constant', items: [1, 2, 3] };
app.get('/', async () => body);

await app.listen({ host: '127.0.0.1', port });

const stop = () => app.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
// Exit with the benchmark even if it dies without cleaning up (SIGKILL).
const parent = process.ppid;
setInterval(() => {
  try {
    process.kill(parent, 0);
  } catch {
    process.exit(0);
  }
}, 1000).unref();
