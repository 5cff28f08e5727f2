import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/cli/commands/index.js';
import { cliSandbox } from './support/cli.js';
import { databases } from './support/harness.js';

const PASSWORD = 'correct horse battery';

describe('every tessera command', () => {
  let sandbox: Awaited<ReturnType<typeof cliSandbox>>;
  beforeAll(async () => {
    sandbox = await cliSandbox({ kind: 'sqlite' });
  });
  afterAll(() => sandbox.cleanup());

  it.each(COMMANDS.map((c) => [c.name]))(
    '"%s --help" and "-h" print its help and do nothing else',
    async (name) => {
      for (const flag of ['--help', '-h']) {
        const run = await sandbox.tessera(...name.split(' '), flag, '--merchant', 'x');
        expect(run.code).toBe(0);
        expect(run.stdout).toMatch(new RegExp(`^Usage: tessera ${name}`));
        expect(run.stdout.split('\n').length).toBeGreaterThan(3);
      }
      expect(fs.readdirSync(sandbox.dir)).toEqual([]);
    },
  );

  it('answers unknown commands, unknown options and bad values with one line and exit code 2', async () => {
    const cases: [string[], RegExp][] = [
      [['frobnicate'], /unknown command "frobnicate"/],
      [['store'], /"store" takes one of: create, list/],
      [['store', 'create', '--bogus'], /Unknown option '--bogus'\. Run `tessera store create --help`/],
      [['serve', '--port', 'abc'], /--port must be a number from 0 to 65535, got "abc"/],
      [
        ['client', 'create', '--merchant', 'm', '--name', 'x', '--role', 'king'],
        /--role must be one of administrator/,
      ],
      [['check', 'extra'], /unexpected argument "extra"/],
      [['backup'], /missing argument: FILE/],
      [['init', '--merchant', 'acme'], /missing --name, --admin, --password/],
    ];
    for (const [argv, message] of cases) {
      const run = await sandbox.tessera(...argv);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.split('\n')).toHaveLength(1);
    }
    expect(fs.readdirSync(sandbox.dir)).toEqual([]);
  });

  it('check, expire and backup on an empty data directory say so, exit 1 and create nothing', async () => {
    for (const argv of [
      ['check'],
      ['expire'],
      ['backup', path.join(sandbox.dir, 'b.sqlite')],
      ['store', 'list', '--merchant', 'x'],
    ]) {
      const run = await sandbox.tessera(...argv);
      expect(run.code, argv.join(' ')).toBe(1);
      expect(run.stderr).toContain(
        `no database at ${path.join(sandbox.dir, 'tessera.sqlite')}; run \`tessera init\``,
      );
    }
    expect(fs.readdirSync(sandbox.dir)).toEqual([]);
  });
});

describe.each(databases())('tessera administration commands on $kind', { timeout: 60_000 }, (target) => {
  let sandbox: Awaited<ReturnType<typeof cliSandbox>>;
  beforeAll(async () => {
    sandbox = await cliSandbox(target);
  });
  afterAll(() => sandbox.cleanup());

  it('init creates the merchant, its administrator and a client once, and is safe to re-run', async () => {
    const { tessera } = sandbox;
    const args = [
      'init',
      '--merchant',
      'acme',
      '--name',
      'Acme',
      '--admin',
      'ops@acme.test',
      '--password',
      PASSWORD,
    ];
    const weak = await tessera(...args.slice(0, -1), 'password2024');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('one of the most common passwords');
    expect((await tessera('merchant', 'list')).stdout).toBe('');

    const first = await tessera(...args, '--client', 'Till 1', '--currency', 'CHF');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Merchant acme (Acme, CHF): created');
    expect(first.stdout).toContain('Administrator ops@acme.test: created');
    expect(first.stdout).toMatch(/client_secret: \S{20,}/);
    expect(first.stdout).not.toContain(PASSWORD);

    const again = await tessera(...args, '--client', 'Till 1');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Merchant acme (Acme, CHF): already present');
    expect(again.stdout).toContain('already present (password unchanged)');
    expect(again.stdout).not.toMatch(/client_secret/);
    expect((await tessera('client', 'list', '--merchant', 'acme')).stdout.split('\n')).toHaveLength(1);
  });

  it('creates and lists stores and terminals, refusing duplicates and unknown currencies', async () => {
    const { tessera } = sandbox;
    const store = await tessera(
      'store',
      'create',
      '--merchant',
      'acme',
      '--code',
      'GVA-1',
      '--name',
      'Genève',
      '--time-zone',
      'Europe/Zurich',
    );
    expect(store.code).toBe(0);
    expect(store.stdout).toMatch(/Created store GVA-1 \(Genève, CHF, Europe\/Zurich\): sto_/);
    const again = await tessera('store', 'create', '--merchant', 'acme', '--code', 'GVA-1', '--name', 'x');
    expect([again.code, again.stderr]).toEqual([
      1,
      'tessera store create: A store with the code "GVA-1" already exists.',
    ]);
    const euro = await tessera(
      'store',
      'create',
      '--merchant',
      'acme',
      '--code',
      'X',
      '--name',
      'x',
      '--currency',
      'EURO',
    );
    expect(euro.stderr).toContain('"EURO" is not an ISO 4217 currency code');
    expect(
      (await tessera('store', 'create', '--merchant', 'nope', '--code', 'X', '--name', 'x')).stderr,
    ).toContain('merchant "nope" does not exist');
    const terminal = await tessera(
      'terminal',
      'create',
      '--merchant',
      'acme',
      '--store',
      'GVA-1',
      '--code',
      'T1',
      '--name',
      'Till 1',
    );
    expect(terminal.stdout).toMatch(/Created terminal T1 in store GVA-1: trm_/);
    const missing = await tessera(
      'terminal',
      'create',
      '--merchant',
      'acme',
      '--store',
      'ZRH',
      '--code',
      'T2',
      '--name',
      'x',
    );
    expect(missing.stderr).toContain('No store of this merchant has the code "ZRH"');
    expect((await tessera('store', 'list', '--merchant', 'acme')).stdout).toMatch(
      /^GVA-1\tGenève\tCHF\tEurope\/Zurich\t-\tsto_/,
    );
    expect((await tessera('terminal', 'list', '--merchant', 'acme')).stdout).toMatch(
      /^GVA-1\tT1\tTill 1\ttrm_/,
    );
  });

  it('manages users and clients: create, password reset, deactivate, rotate', async () => {
    const { tessera } = sandbox;
    const user = await tessera(
      'user',
      'create',
      '--merchant',
      'acme',
      '--login',
      'Cash@Acme.test',
      '--password',
      'blue-ferry-42-dawn',
      '--role',
      'cashier',
    );
    expect(user.stdout).toMatch(/Created user cash@acme\.test \(cashier\) for merchant acme: usr_/);
    const legacy = await tessera(
      'admin',
      'create',
      '--merchant',
      'acme',
      '--login',
      'boss@acme.test',
      '--password',
      'blue-ferry-42-dusk',
    );
    expect(legacy.stdout).toMatch(/Created user boss@acme\.test \(administrator\)/);
    const taken = await tessera(
      'user',
      'create',
      '--merchant',
      'acme',
      '--login',
      'cash@acme.test',
      '--password',
      'blue-ferry-42-dawn',
    );
    expect(taken.stderr).toContain('The login "cash@acme.test" is already used.');
    const reset = await tessera(
      'user',
      'password',
      '--merchant',
      'acme',
      '--login',
      'cash@acme.test',
      '--password',
      'short',
    );
    expect(reset.stderr).toContain('at least 10 characters');
    expect(
      (
        await tessera(
          'user',
          'password',
          '--merchant',
          'acme',
          '--login',
          'cash@acme.test',
          '--password',
          'green-ferry-7-noon',
        )
      ).stdout,
    ).toContain('Password of cash@acme.test changed');
    expect(
      (await tessera('user', 'deactivate', '--merchant', 'acme', '--login', 'cash@acme.test')).code,
    ).toBe(0);
    expect((await tessera('user', 'list', '--merchant', 'acme')).stdout).toMatch(
      /cash@acme\.test\tcashier\tinactive/,
    );

    const client = await tessera(
      'client',
      'create',
      '--merchant',
      'acme',
      '--name',
      'Web shop',
      '--role',
      'client',
    );
    const clientId = /client_id: +(\S+)/.exec(client.stdout)![1]!;
    const rotated = await tessera('client', 'rotate', '--merchant', 'acme', '--client-id', clientId);
    expect(rotated.stdout).toMatch(/client_secret: \S{20,}/);
    expect(
      (await tessera('client', 'deactivate', '--merchant', 'acme', '--client-id', clientId)).stdout,
    ).toContain('deactivated');
    expect((await tessera('client', 'list', '--merchant', 'acme')).stdout).toContain(
      `${clientId}\tWeb shop\tclient\tinactive`,
    );

    expect((await tessera('merchant', 'create', '--merchant', 'Bad Slug', '--name', 'x')).stderr).toContain(
      'lower-case letters',
    );
    expect(
      (await tessera('merchant', 'create', '--merchant', 'beta', '--name', 'Beta', '--currency', 'JPY')).code,
    ).toBe(0);
    expect((await tessera('merchant', 'list')).stdout).toMatch(/acme\tAcme\tCHF\tmer_\S+\nbeta\tBeta\tJPY/);
  });

  it('migrates, loads the demo, checks and expires', async () => {
    const { tessera } = sandbox;
    expect((await tessera('migrate')).stdout).toMatch(
      new RegExp(`Migrations applied on ${target.kind} .*latest 0\\d{3}-`),
    );
    expect((await tessera('demo')).stdout).toBe('Demo data loaded.');
    expect((await tessera('demo')).stdout).toBe('Demo data already present.');
    const check = await tessera('check');
    expect([check.code, check.stdout.split('\n').at(-1)]).toEqual([0, 'All checks passed.']);
    expect((await tessera('expire')).stdout).toMatch(/^Expired \d+ points on \d+ cards\.$/);
  });

  it.runIf(target.kind === 'sqlite')(
    'backs up a live database and restores it into an empty directory where check passes',
    async () => {
      const { tessera, dir, env } = sandbox;
      const file = path.join(dir, 'backup.sqlite');
      expect((await tessera('backup', file)).stdout).toMatch(/^Backed up .* \(\d+ bytes\)\.$/);
      expect((await tessera('backup', file)).stderr).toContain('already exists; choose a new file name');
      expect((await tessera('restore', file)).stderr).toContain('restore goes into an empty data directory');
      const restored = await cliSandbox({ kind: 'sqlite' });
      try {
        expect((await restored.tessera('restore', path.join(dir, 'nope.sqlite'))).stderr).toContain(
          'does not exist',
        );
        expect((await restored.tessera('restore', file)).code).toBe(0);
        const check = await restored.tessera('check');
        expect([check.code, check.stdout.split('\n').at(-1)]).toEqual([0, 'All checks passed.']);
        expect((await restored.tessera('store', 'list', '--merchant', 'acme')).stdout).toMatch(/^GVA-1\t/);
      } finally {
        await restored.cleanup();
      }
      expect(env.TESSERA_DATA).toBe(dir);
    },
  );

  it.runIf(target.kind === 'postgres')('backup and restore point to pg_dump on PostgreSQL', async () => {
    const run = await sandbox.tessera('backup', path.join(sandbox.dir, 'b.sqlite'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pg_dump --format=custom');
  });
});
