import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfig, type Config } from '../config.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** What a command receives: its parsed options, positionals, the configuration and the two output streams. */
export interface CommandContext {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  config: Config;
  out(line: string): void;
  err(line: string): void;
}

/** One verb of the `tessera` command (`serve`, `store create`, ...): its help text, options and action. */
export interface Command {
  /** The words that select it: `serve`, `store create`. */
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The help text printed by `tessera <name> --help`, after the usage line. */
  usage: string;
  help: string;
  options: Options;
  /** How many positional arguments it takes (default none). */
  positionals?: { min: number; max: number; names: string };
  run(context: CommandContext): Promise<number>;
}

/** A mistake in the command line: one line on stderr, exit code 2. */
export class UsageError extends Error {}

/** An expected failure of a command (nothing to check, merchant unknown): one line on stderr, exit code 1. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export const EXIT_USAGE = 2;

/** Whether the arguments ask for help (before a `--` that ends the options). */
export function wantsHelp(args: string[]): boolean {
  for (const arg of args) {
    if (arg === '--') return false;
    if (arg === '--help' || arg === '-h') return true;
  }
  return false;
}

export function commandHelp(command: Command): string {
  return (
    `Usage: tessera ${command.name} ${command.usage}`.trimEnd() + `\n\n${command.summary}\n\n${command.help}`
  );
}

/** Parses a command's arguments strictly: an unknown option or a missing value is a UsageError. */
export function parseCommandArgs(command: Command, args: string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: command.options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(
      (error as Error).message
        .split('\n')[0]!
        .replace(/\. To specify.*$/, '')
        .replace(/\.$/, ''),
    );
  }
  const count = parsed.positionals.length;
  const expected = command.positionals ?? { min: 0, max: 0, names: '' };
  if (count < expected.min) throw new UsageError(`missing argument: ${expected.names}`);
  if (count > expected.max) throw new UsageError(`unexpected argument "${parsed.positionals[expected.max]}"`);
  return parsed as { values: CommandContext['values']; positionals: string[] };
}

/** Reads the environment's configuration; a bad variable (PORT=abc) is a usage error, not a crash. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function requiredString(values: CommandContext['values'], name: string, hint = ''): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '')
    throw new UsageError(`--${name} is required${hint ? ` (${hint})` : ''}`);
  return value;
}

export function optionalString(values: CommandContext['values'], name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A TCP port from an option: an integer from 0 to 65535. */
export function portOption(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535)
    throw new UsageError(`--port must be a number from 0 to 65535, got "${raw}"`);
  return port;
}
