import { DEMO, loadDemo } from '../../app/demo/load-demo.js';
import { openDeps, startServer } from '../../server.js';
import { createLogger, logFormatFrom } from '../../http/logger.js';
import { CommandError, portOption, UsageError, type Command } from '../command.js';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Start the HTTP server (migrates the database first).',
  usage: '[--demo] [--host HOST] [--port PORT]',
  help: `Options:
  --demo         load the demo data (merchant "demo") into the database if absent; listens on 127.0.0.1
  --host HOST    listen address (default: HOST, else 0.0.0.0; 127.0.0.1 with --demo)
  --port PORT    listen port (default: PORT, else 8080)

Logs are JSON lines on stdout, human-readable when stdout is a terminal (LOG_FORMAT=json|pretty forces one).
Stops cleanly on SIGINT and SIGTERM.`,
  options: { demo: { type: 'boolean' }, host: { type: 'string' }, port: { type: 'string' } },
  async run({ values, config, out }) {
    const demoWanted = values.demo === true;
    const serveConfig = {
      ...config,
      host: (values.host as string | undefined) ?? process.env.HOST ?? (demoWanted ? '127.0.0.1' : '0.0.0.0'),
      port: portOption(values.port as string | undefined) ?? config.port,
    };
    let format;
    try {
      format = logFormatFrom(process.env, Boolean(process.stdout.isTTY));
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const logger = createLogger({ level: config.logLevel, format });
    const { deps, database } = await openDeps(serveConfig);
    const demo = demoWanted ? await loadDemo(deps) : { created: false };
    let server;
    try {
      server = await startServer(deps, database, { loggerInstance: logger });
    } catch (error) {
      await database.close();
      const code = (error as NodeJS.ErrnoException).code;
      const where = `${serveConfig.host}:${serveConfig.port}`;
      if (code === 'EADDRINUSE')
        throw new CommandError(`port ${where} is already in use; stop the other server or choose --port`);
      if (code === 'EACCES')
        throw new CommandError(`not allowed to listen on ${where}; use a port above 1023 or a proxy`);
      if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
        throw new CommandError(`cannot listen on ${where}: this machine has no such address`);
      throw error;
    }
    const lines = [
      `Tessera is listening on ${server.url} (database: ${database.kind}, ${database.location})`,
      `  API docs:  ${server.url}/docs   OpenAPI: ${server.url}/openapi.json`,
      ...server.dialectListeners.map((l) => `  ${l.dialect} at the root of ${l.url}`),
    ];
    if (demoWanted) {
      lines.push(
        `  Demo data ${demo.created ? 'loaded' : 'already present'}: merchant "${DEMO.merchant}"`,
        `    API client (client_credentials): ${DEMO.client.id} / ${DEMO.client.secret}`,
        `    Administrator (password grant):  ${DEMO.admin.login} / ${DEMO.admin.password}`,
        `    Try: curl -s -X POST ${server.url}/oauth/token -d grant_type=client_credentials -d client_id=${DEMO.client.id} -d client_secret=${DEMO.client.secret}`,
      );
    }
    out(lines.join('\n'));
    const running = server;
    const stop = async () => {
      await running.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return -1;
  },
};
