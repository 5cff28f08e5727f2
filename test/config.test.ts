/** The configuration schema: defaults, bad values refused by name, unknown TESSERA_* variables reported. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { readSettings } from '../src/config-read.js';
import { VARIABLES } from '../src/config-schema.js';
import { COMMANDS } from '../src/cli/commands/index.js';
import { runCli } from '../src/cli/run.js';

describe('configuration schema', () => {
  it('gives every variable its default in an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.host).toBe('127.0.0.1');
    expect(config.logLevel).toBe('info');
    expect(config.tokenTtlSeconds).toBe(3600);
    expect(config.connections).toEqual({
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 65_000,
      maxConnections: 10_000,
      maxConnectionsPerAddress: 256,
    });
    expect(config.messaging.smsGatewayFormat).toBe('twilio');
    expect(config.messaging.smtpRequireTls).toBe(false);
    expect(config.messaging.publicUrl).toBe('http://127.0.0.1:8080');
    expect(config.trustProxy).toBe(false);
    expect(config.warnings).toEqual([]);
  });

  it('reads set values as their type (integers, flags, choices)', () => {
    const config = loadConfig({
      TESSERA_KEEPALIVE_TIMEOUT_S: '30',
      SMTP_REQUIRE_TLS: '1',
      TESSERA_WEBHOOKS_ALLOW_PRIVATE: 'true',
      SMS_GATEWAY_FORMAT: 'json',
      LOG_LEVEL: 'warn',
      PORT: '',
    });
    expect(config.connections.keepAliveTimeoutMs).toBe(30_000);
    expect(config.messaging.smtpRequireTls).toBe(true);
    expect(config.messaging.webhooksAllowPrivate).toBe(true);
    expect(config.messaging.smsGatewayFormat).toBe('json');
    expect(config.logLevel).toBe('warn');
    expect(config.port).toBe(8080);
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT must be an integer from 0 to 65535, got "abc"$/],
    [{ PORT: '70000' }, /^PORT must be an integer from 0 to 65535/],
    [{ TESSERA_KEEPALIVE_TIMEOUT_S: '-1' }, /^TESSERA_KEEPALIVE_TIMEOUT_S must be a non-negative integer/],
    [{ TESSERA_REQUEST_TIMEOUT_S: '0' }, /^TESSERA_REQUEST_TIMEOUT_S must be an integer of at least 1/],
    [{ TESSERA_TOKEN_TTL: '1.5' }, /^TESSERA_TOKEN_TTL must be an integer of at least 1, got "1.5"/],
    [{ LOG_LEVEL: 'verbose' }, /^LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/],
    [{ SMS_GATEWAY_FORMAT: 'xml' }, /^SMS_GATEWAY_FORMAT must be one of twilio, json, got "xml"/],
    [{ SMTP_REQUIRE_TLS: 'yes' }, /^SMTP_REQUIRE_TLS must be 1 or 0/],
    [{ TESSERA_PG_PREPARED: 'maybe' }, /^TESSERA_PG_PREPARED must be 1 or 0 \(true or false\), got "maybe"/],
    [{ SMTP_URL: 'http://mail' }, /^SMTP_URL must be a URL starting with smtp:\/\/ or smtps:\/\//],
    [{ TESSERA_PUBLIC_URL: 'https://' }, /^TESSERA_PUBLIC_URL must be a URL starting with http/],
    [{ TESSERA_LISTEN_FIDELISA: 'nowhere' }, /^TESSERA_LISTEN_FIDELISA must be host:port/],
    [{ TESSERA_MESSAGE_MAX_ATTEMPTS: '0' }, /^TESSERA_MESSAGE_MAX_ATTEMPTS must be an integer of at least 1/],
  ])('refuses %o naming the variable and what it accepts', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reports an unknown TESSERA_* variable with the closest known name, and ignores others', () => {
    const { warnings } = readSettings({
      TESSERA_PORTT: '9090',
      TESSERA_KEEPALIVE_TIMEOUT: '30',
      HOME: '/root',
      TESSERA_DATA: '/tmp/x',
    });
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(
      /^TESSERA_KEEPALIVE_TIMEOUT is not a Tessera setting.*did you mean TESSERA_KEEPALIVE_TIMEOUT_S\?/,
    );
    expect(warnings[1]).toMatch(/^TESSERA_PORTT is not a Tessera setting.*did you mean PORT\?/);
    expect(loadConfig({ TESSERA_PORTT: '9090' }).port).toBe(8080);
  });

  it('prints the warning when a command starts, and `tessera config` lists every variable', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(
      COMMANDS,
      ['config'],
      { out: (t) => out.push(t), err: (t) => err.push(t) },
      {
        TESSERA_PORTT: '1',
      },
    );
    expect(code).toBe(0);
    expect(err.join('\n')).toMatch(/warning: TESSERA_PORTT .*did you mean PORT\?/);
    const listed = out.join('\n');
    for (const v of VARIABLES) expect(listed).toContain(`${v.name} (default `);
    expect(listed).toContain('TESSERA_KEEPALIVE_TIMEOUT_S (default 65)');
  });

  it('the README documents every variable of the schema', () => {
    const readme = fs.readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const development = new Set([
      'TESSERA_REQUIRE_PG',
      'TESSERA_FUZZ_SEED',
      'TESSERA_FUZZ_RUNS',
      'TESSERA_DEBUG',
    ]);
    const dialectForms = /^TESSERA_(LISTEN|HOST)_/;
    const missing = VARIABLES.map((v) => v.name).filter(
      (name) => !readme.includes(`\`${name}\``) && !development.has(name) && !dialectForms.test(name),
    );
    expect(missing).toEqual([]);
    // A row `| \`NAME\` | \`default\` | ...` states the schema's default.
    const wrong = VARIABLES.flatMap((v) => {
      const row = new RegExp(`^\\| \`${v.name}\` +\\| \`([^\`]*)\``, 'm').exec(readme);
      const stated = row?.[1];
      const actual =
        typeof v.schema.default === 'boolean' ? (v.schema.default ? '1' : '0') : String(v.schema.default);
      return stated !== undefined &&
        v.schema.default !== undefined &&
        stated !== actual &&
        !/^\.?\/?data$/.test(actual) &&
        v.name !== 'HOST' // the README gives serve's and npm start's defaults
        ? [`${v.name}: README ${stated}, schema ${actual}`]
        : [];
    });
    expect(wrong).toEqual([]);
  });
});
