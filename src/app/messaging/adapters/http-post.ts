/**
 * One outgoing HTTP(S) POST with a deadline, extra trusted CAs, and (for webhooks) a DNS guard: the address
 * the connection goes to is checked after resolution, so a host name that resolves to a private address
 * (or is re-pointed there after the URL was saved) is refused at send time.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isNonPublicAddress } from '../../../core/messaging/address-class.js';

export interface PostOptions {
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  ca?: string | Buffer | undefined;
  /** Refuse loopback, private and link-local destinations. */
  publicOnly?: boolean;
}

export interface PostAnswer {
  status: number;
  body: string;
}

const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    const list = addresses as dns.LookupAddress[];
    const bad = list.find((a) => isNonPublicAddress(a.address));
    if (bad || list.length === 0) {
      return callback(
        Object.assign(new Error(`${hostname} resolves to a non-public address (${bad?.address ?? 'none'})`), {
          code: 'EADDRNOTPUBLIC',
        }),
        '',
        0,
      );
    }
    if ((options as { all?: boolean }).all)
      return (callback as (e: null, a: dns.LookupAddress[]) => void)(null, list);
    callback(null, list[0]!.address, list[0]!.family);
  });
};

export function httpPost(url: string, options: PostOptions): Promise<PostAnswer> {
  const target = new URL(url);
  const auth =
    target.username || target.password
      ? {
          Authorization: `Basic ${Buffer.from(`${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`).toString('base64')}`,
        }
      : {};
  const module = target.protocol === 'https:' ? https : http;
  if (options.publicOnly && isLiteralNonPublic(target.hostname))
    return Promise.reject(new Error(`${target.hostname} is not a public address`));
  return new Promise((resolve, reject) => {
    const request = module.request(
      {
        protocol: target.protocol,
        hostname: target.hostname.replace(/^\[|\]$/g, ''),
        port: target.port || undefined,
        path: `${target.pathname}${target.search}`,
        method: 'POST',
        headers: { ...auth, ...options.headers, 'Content-Length': Buffer.byteLength(options.body) },
        timeout: options.timeoutMs,
        ...(options.ca
          ? {
              ca: [
                ...(https.globalAgent.options.ca ? [https.globalAgent.options.ca].flat() : []),
                options.ca,
              ],
            }
          : {}),
        ...(options.publicOnly ? { lookup: guardedLookup } : {}),
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= 64 * 1024) chunks.push(chunk);
        });
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    const deadline = setTimeout(
      () => request.destroy(new Error(`no answer within ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
    request.on('close', () => clearTimeout(deadline));
    request.on('timeout', () => request.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    request.on('error', reject);
    request.end(options.body);
  });
}

function isLiteralNonPublic(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '');
  const literal = /^[\d.]+$/.test(h) || h.includes(':');
  return (literal && isNonPublicAddress(h)) || h === 'localhost' || h.endsWith('.localhost');
}

/** "201 {…}" trimmed for the attempt log. */
export function describeAnswer(answer: PostAnswer): string {
  const body = answer.body.replace(/\s+/g, ' ').trim();
  return `${answer.status}${body ? ` ${body.slice(0, 300)}` : ''}`;
}
