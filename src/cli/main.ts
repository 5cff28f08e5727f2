import { parseArgs } from 'node:util';
import { isRole, ROLES } from '../app/context.js';
import { DEMO, loadDemo } from '../app/demo/load-demo.js';
import { createApiClient, createUser, findMerchantBySlug } from '../app/tenancy/tenancy.js';
import { loadConfig } from '../config.js';
import { ERROR_CATALOG } from '../core/error-catalog.js';
import { openDeps, startServer } from '../server.js';

const USAGE = `Usage: tessera <command> [options]

Commands:
  serve [--demo] [--host H] [--port P]   start the HTTP server (--demo loads demo data into an empty database)
  migrate                                 apply database migrations
  demo                                    load the demo data (merchant "demo") if absent
  admin create --merchant SLUG --login L --password P [--role R]
                                          create a user (default role: administrator)
  client create --merchant SLUG --name N [--role R] [--log-full]
                                          create an API client; prints its credentials once
  check                                   verify the database invariants (exit 1 on any difference)
  expire                                  burn the points past their expiry date now
  retention                               delete old log entries, tokens, idempotency keys, jetons, login
                                          attempts now (the server does it every 15 minutes)

Configuration (environment): PORT, HOST, TESSERA_DATA (data directory, default ./data),
DATABASE_URL (postgres://... for PostgreSQL; SQLite in TESSERA_DATA otherwise), LOG_LEVEL,
TESSERA_RETAIN_LOG_DAYS (30), TESSERA_RETAIN_ANONYMOUS_LOG_DAYS (7), TESSERA_RETAIN_IDEMPOTENCY_HOURS (72),
TESSERA_RETAIN_JETON_DAYS (90), TESSERA_TRUST_PROXY (false | true | hops | addresses).`;

async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'serve': {
      const { values } = parseArgs({
        args: argv.slice(1),
        options: { demo: { type: 'boolean' }, host: { type: 'string' }, port: { type: 'string' } },
      });
      const serveConfig = {
        ...config,
        host: values.host ?? process.env.HOST ?? (values.demo ? '127.0.0.1' : '0.0.0.0'),
        port: values.port ? Number(values.port) : config.port,
      };
      const { deps, database } = await openDeps(serveConfig);
      const demo = values.demo ? await loadDemo(deps) : { created: false };
      const server = await startServer(deps, database);
      const lines = [
        `Tessera is listening on ${server.url} (database: ${database.kind}, ${database.location})`,
        `  API docs:  ${server.url}/docs   OpenAPI: ${server.url}/openapi.json`,
      ];
      if (values.demo) {
        lines.push(
          `  Demo data ${demo.created ? 'loaded' : 'already present'}: merchant "${DEMO.merchant}"`,
          `    API client (client_credentials): ${DEMO.client.id} / ${DEMO.client.secret}`,
          `    Administrator (password grant):  ${DEMO.admin.login} / ${DEMO.admin.password}`,
          `    Try: curl -s -X POST ${server.url}/oauth/token -d grant_type=client_credentials -d client_id=${DEMO.client.id} -d client_secret=${DEMO.client.secret}`,
        );
      }
      process.stdout.write(`${lines.join('\n')}\n`);
      const stop = async () => {
        await server.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return -1;
    }
    case 'migrate': {
      const { database } = await openDeps(config);
      process.stdout.write(`Migrations applied on ${database.kind} (${database.location}).\n`);
      await database.close();
      return 0;
    }
    case 'demo': {
      const { deps, database } = await openDeps(config);
      const result = await loadDemo(deps);
      process.stdout.write(result.created ? 'Demo data loaded.\n' : 'Demo data already present.\n');
      await database.close();
      return 0;
    }
    case 'admin':
    case 'client': {
      if (sub !== 'create') break;
      const { values } = parseArgs({
        args: rest,
        options: {
          merchant: { type: 'string' },
          login: { type: 'string' },
          password: { type: 'string' },
          name: { type: 'string' },
          role: { type: 'string' },
          'log-full': { type: 'boolean' },
        },
      });
      const role = values.role ?? (command === 'admin' ? 'administrator' : 'cashier');
      if (!isRole(role)) return fail(`--role must be one of ${ROLES.join(', ')}`);
      if (!values.merchant) return fail('--merchant SLUG is required');
      const { deps, database } = await openDeps(config);
      try {
        const merchant = await findMerchantBySlug(deps, values.merchant);
        if (!merchant) return fail(`merchant "${values.merchant}" does not exist`);
        if (command === 'admin') {
          if (!values.login || !values.password) return fail('--login and --password are required');
          const user = await createUser(deps, {
            login: values.login,
            password: values.password,
            role,
            merchantId: merchant.id,
          });
          if (!user.ok) return fail(user.message ?? ERROR_CATALOG[user.code].message);
          process.stdout.write(
            `Created user ${user.value.login} (${role}) for merchant ${merchant.slug}: ${user.value.id}\n`,
          );
        } else {
          if (!values.name) return fail('--name is required');
          const client = await createApiClient(deps, {
            name: values.name,
            role,
            merchantId: merchant.id,
            logFull: values['log-full'] ?? false,
          });
          if (!client.ok) return fail(client.message ?? ERROR_CATALOG[client.code].message);
          process.stdout.write(
            `Created API client for merchant ${merchant.slug} (shown once, store it now):\n  client_id:     ${client.value.clientId}\n  client_secret: ${client.value.clientSecret}\n`,
          );
        }
        return 0;
      } finally {
        await database.close();
      }
    }
    case 'check': {
      const { deps, database } = await openDeps(config);
      try {
        const { runChecks } = await import('../app/ops/check.js');
        const report = await runChecks(deps, (await import('../app/ops/check-ledger.js')).ledgerChecks);
        for (const line of report.lines) process.stdout.write(`${line}\n`);
        return report.ok ? 0 : 1;
      } finally {
        await database.close();
      }
    }
    case 'expire': {
      const { deps, database } = await openDeps(config);
      try {
        const { runExpiry } = await import('../jobs/expiry.js');
        const done = await runExpiry(deps, deps.now());
        process.stdout.write(`Expired ${done.points} points on ${done.cards} cards.\n`);
        return 0;
      } finally {
        await database.close();
      }
    }
    case 'retention': {
      const { deps, database } = await openDeps(config);
      try {
        const { runRetention } = await import('../app/ops/retention.js');
        const done = await runRetention(deps.db, deps.now(), config.retention);
        process.stdout.write(
          `Deleted ${done.logEntries} log entries, ${done.tokens} expired tokens, ${done.idempotencyKeys} idempotency keys, ${done.jetons} jetons, ${done.loginAttempts} login attempts.\n`,
        );
        return 0;
      } finally {
        await database.close();
      }
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    default:
      break;
  }
  return fail(`unknown command "${[command, sub].filter(Boolean).join(' ')}"\n\n${USAGE}`);
}

function fail(message: string): number {
  process.stderr.write(`tessera: ${message}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(
      `tessera: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
