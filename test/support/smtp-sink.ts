/**
 * A real SMTP server for the tests (the smtp-server package): STARTTLS with the test certificate, AUTH
 * PLAIN/LOGIN required, every message parsed with mailparser so tests assert what actually arrived.
 */
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export const TLS_DIR = path.resolve(import.meta.dirname, '../fixtures/tls');
export const TEST_CA = path.join(TLS_DIR, 'cert.pem');

export interface Received {
  envelopeFrom: string;
  envelopeTo: string[];
  secure: boolean;
  user: string | undefined;
  mail: ParsedMail;
  raw: string;
}

export interface SmtpSink {
  url: string;
  port: number;
  received: Received[];
  /** Answers the next n RCPT commands with this SMTP error (e.g. 451 to test retries). */
  failNext(n: number, code: number, message: string): void;
  close(): Promise<void>;
}

export async function startSmtpSink(
  options: { user?: string; pass?: string; parse?: boolean } = {},
): Promise<SmtpSink> {
  const user = options.user ?? 'tessera';
  const pass = options.pass ?? 's3cret';
  const received: Received[] = [];
  let failures = 0;
  let failure = { code: 451, message: 'try again later' };
  const server = new SMTPServer({
    key: fs.readFileSync(path.join(TLS_DIR, 'key.pem')),
    cert: fs.readFileSync(path.join(TLS_DIR, 'cert.pem')),
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    size: 10 * 1024 * 1024,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === pass) return callback(null, { user });
      return callback(new Error('Invalid username or password'));
    },
    onRcptTo(_address, _session, callback) {
      if (failures > 0) {
        failures -= 1;
        return callback(Object.assign(new Error(failure.message), { responseCode: failure.code }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const done = (mail: ParsedMail) => {
          received.push({
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            secure: session.secure,
            user: session.user as string | undefined,
            mail,
            raw,
          });
          callback(null, 'Message queued as ' + received.length);
        };
        if (options.parse === false) return done({} as ParsedMail);
        simpleParser(raw).then(done, (e: Error) => callback(e));
      });
    },
  });
  // A client that vanishes mid-session (a killed process) resets its connection: not the sink's failure.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') throw error;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://${user}:${pass}@localhost:${port}`,
    port,
    received,
    failNext: (n, code, message) => {
      failures = n;
      failure = { code, message };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
