import {
  CommandError,
  commandHelp,
  configFromEnv,
  EXIT_USAGE,
  parseCommandArgs,
  UsageError,
  wantsHelp,
  type Command,
} from './command.js';

const ENVIRONMENT = `Configuration (environment): PORT, HOST, TESSERA_DATA (data directory, default ./data),
DATABASE_URL (postgres://... for PostgreSQL; SQLite in TESSERA_DATA otherwise), LOG_LEVEL, LOG_FORMAT,
TESSERA_LISTEN_<DIALECT>=host:port and TESSERA_HOST_<DIALECT>=name (a dialect at the root of its own
listener or host name; DIALECT is AVOMARK, FIDELISA or CASHDESK), TESSERA_TLS_CERT and TESSERA_TLS_KEY
(HTTPS), TESSERA_TRUST_PROXY (behind a proxy). \`tessera config\` lists every variable.`;

export function generalHelp(commands: Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  const lines = commands
    .filter((c) => c.name !== 'admin create')
    .map((c) => `  ${c.name.padEnd(width)}${c.summary}`);
  return `Usage: tessera <command> [options]

Commands:
${lines.join('\n')}

\`tessera <command> --help\` describes a command and does nothing else.

${ENVIRONMENT}`;
}

/** The command named by the first one or two words, and the arguments after them. */
function resolve(commands: Command[], argv: string[]): { command: Command; args: string[] } | undefined {
  const two = commands.find((c) => c.name === `${argv[0]} ${argv[1]}`);
  if (two) return { command: two, args: argv.slice(2) };
  const one = commands.find((c) => c.name === argv[0]);
  return one ? { command: one, args: argv.slice(1) } : undefined;
}

/**
 * Runs `tessera ...`: resolves the command, prints help when asked (and does nothing else), parses the
 * options strictly and runs. Every failure is one line on stderr and a non-zero exit code: 2 for a mistake
 * in the command line, 1 for a command that could not do its work. Stack traces only with TESSERA_DEBUG=1.
 * Returns -1 when the command keeps running (serve).
 */
export async function runCli(
  commands: Command[],
  argv: string[],
  io: { out(text: string): void; err(text: string): void } = {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  },
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const first = argv[0];
  if (first === undefined || first === 'help' || first === '--help' || first === '-h') {
    const topic = first === 'help' && argv.length > 1 ? resolve(commands, argv.slice(1)) : undefined;
    if (topic) {
      io.out(commandHelp(topic.command));
      return 0;
    }
    (first === undefined ? io.err : io.out)(generalHelp(commands));
    return first === undefined ? EXIT_USAGE : 0;
  }
  if (first === '--version' || first === '-v') {
    io.out('tessera 0.1.0');
    return 0;
  }
  const found = resolve(commands, argv);
  if (!found) {
    const group = commands.filter((c) => c.name.startsWith(`${first} `)).map((c) => c.name);
    const hint =
      group.length > 0 ? `; "${first}" takes one of: ${group.map((n) => n.split(' ')[1]).join(', ')}` : '';
    io.err(
      `tessera: unknown command "${argv.slice(0, group.length > 0 ? 2 : 1).join(' ')}"${hint}. Run \`tessera --help\` for the list.`,
    );
    return EXIT_USAGE;
  }
  const { command, args } = found;
  if (wantsHelp(args)) {
    io.out(commandHelp(command));
    return 0;
  }
  try {
    const { values, positionals } = parseCommandArgs(command, args);
    const config = configFromEnv(env);
    for (const warning of config.warnings) io.err(`tessera: warning: ${warning}`);
    return await command.run({ values, positionals, config, out: io.out, err: io.err });
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(
        `tessera ${command.name}: ${error.message}. Run \`tessera ${command.name} --help\` for its options.`,
      );
      return EXIT_USAGE;
    }
    if (error instanceof CommandError) {
      io.err(`tessera ${command.name}: ${error.message}`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`tessera ${command.name}: ${message}`);
    if (env.TESSERA_DEBUG === '1' && error instanceof Error && error.stack) io.err(error.stack);
    else io.err('(set TESSERA_DEBUG=1 to see the stack trace)');
    return 1;
  }
}
