/** A local HTTP endpoint that records what webhooks deliver and answers a chosen status. */
import http from 'node:http';

export interface Delivery {
  headers: Record<string, string>;
  body: string;
  json: { type: string; timestamp: string; data: Record<string, unknown> };
}

export interface Receiver {
  url: string;
  received: Delivery[];
  /** The status of the next answers (200 by default); a number of times, then 200 again. */
  answer(status: number, times?: number): void;
  close(): Promise<void>;
}

export async function startReceiver(path = '/hooks/tessera'): Promise<Receiver> {
  const received: Delivery[] = [];
  let status = 200;
  let remaining = Infinity;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const answer = remaining > 0 ? status : 200;
      if (remaining > 0) remaining -= 1;
      if (req.url === path && answer < 300) {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
        received.push({ headers, body, json: JSON.parse(body) as Delivery['json'] });
      }
      res
        .writeHead(req.url === path ? answer : 404, { 'content-type': 'text/plain' })
        .end(answer < 300 ? 'ok' : 'down');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    received,
    answer: (s, times = Infinity) => {
      status = s;
      remaining = times;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
