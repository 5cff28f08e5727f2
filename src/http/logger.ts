import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';

export type LogFormat = 'json' | 'pretty';

/** LOG_FORMAT when set (json or pretty), else pretty on a terminal and JSON lines everywhere else. */
export function logFormatFrom(env: NodeJS.ProcessEnv, isTty: boolean): LogFormat {
  const wanted = env.LOG_FORMAT;
  if (wanted === 'json' || wanted === 'pretty') return wanted;
  if (wanted !== undefined && wanted !== '')
    throw new Error(`LOG_FORMAT must be json or pretty, got "${wanted}"`);
  return isTty ? 'pretty' : 'json';
}

const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};
const COLORS: Record<number, string> = { 10: '90', 20: '90', 30: '32', 40: '33', 50: '31', 60: '35' };
const HIDDEN = new Set([
  'level',
  'time',
  'pid',
  'hostname',
  'msg',
  'reqId',
  'method',
  'url',
  'status',
  'durationMs',
  'code',
]);

/** One JSON log line as a person reads it: time, level, then the request (method, path, status, duration, code). */
export function prettyLine(json: string, color: boolean): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const level = Number(entry.level);
  const time =
    typeof entry.time === 'string'
      ? entry.time.slice(11, 23)
      : new Date(Number(entry.time)).toISOString().slice(11, 23);
  const name = (LEVELS[level] ?? String(level)).padEnd(5);
  const shownLevel = color ? `\x1b[${COLORS[level] ?? '0'}m${name}\x1b[0m` : name;
  const parts = [time, shownLevel];
  if (entry.method !== undefined) {
    parts.push(
      `${String(entry.method)} ${String(entry.url)} ${String(entry.status)} ${String(entry.durationMs)} ms`,
    );
    if (entry.code) parts.push(String(entry.code));
    if (entry.msg && entry.msg !== 'request') parts.push(String(entry.msg));
  } else {
    parts.push(String(entry.msg ?? ''));
  }
  const extra = Object.fromEntries(Object.entries(entry).filter(([k]) => !HIDDEN.has(k)));
  if (Object.keys(extra).length > 0) parts.push(JSON.stringify(extra));
  if (entry.reqId !== undefined)
    parts.push(color ? `\x1b[90m${String(entry.reqId)}\x1b[0m` : String(entry.reqId));
  return parts.join(' ');
}

function prettyStream(out: NodeJS.WritableStream & { isTTY?: boolean }): Writable {
  let pending = '';
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line !== '') out.write(`${prettyLine(line, Boolean(out.isTTY))}\n`);
      done();
    },
  });
}

/**
 * The server's logger: JSON lines with ISO times (for collectors) or readable lines (for a terminal).
 * Secrets never reach it: request bodies and headers are not logged.
 */
export function createLogger(options: {
  level: string;
  format: LogFormat;
  destination?: NodeJS.WritableStream;
}): Logger {
  const destination = options.destination ?? process.stdout;
  return pino(
    { level: options.level, timestamp: pino.stdTimeFunctions.isoTime, base: { pid: process.pid } },
    options.format === 'pretty' ? prettyStream(destination) : destination,
  );
}
