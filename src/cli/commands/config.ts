import { accepted } from '../../config-read.js';
import { VARIABLES } from '../../config-schema.js';
import type { Command } from '../command.js';

/** The variable's default as it is written in the environment (flags as 1/0), or — when it has none. */
function shownDefault(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'boolean') return value ? '1' : '0';
  return String(value);
}

/** Lists every configuration variable from the schema: group, default, meaning and what it accepts. */
export const configCommand: Command = {
  name: 'config',
  summary: 'List every configuration variable (environment), with its default and what it accepts.',
  usage: '[--values]',
  help: `Options:
  --values   also show the value this environment gives each variable that is set (secrets masked)

Unknown TESSERA_* variables are reported by every command, with the closest known name; a bad value stops
every command with a message naming the variable and what it accepts.`,
  options: { values: { type: 'boolean' } },
  async run({ values, out }) {
    let group = '';
    for (const v of VARIABLES) {
      if (v.group !== group) {
        group = v.group;
        out(`\n[${group}]`);
      }
      out(`${v.name} (default ${shownDefault(v.schema.default)})`);
      out(`    ${String(v.schema.description)}; ${accepted(v.schema)}`);
      const raw = process.env[v.name];
      if (values.values === true && raw !== undefined && raw !== '') {
        const secret = /TOKEN|KEY|AUTH|URL|PASS/.test(v.name);
        out(`    set: ${secret ? '(set, not shown)' : raw}`);
      }
    }
    return 0;
  },
};
