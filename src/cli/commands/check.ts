import { ledgerChecks } from '../../app/ops/check-ledger.js';
import { runChecks } from '../../app/ops/check.js';
import type { Command } from '../command.js';
import { withDeps } from '../deps.js';

export const checkCommand: Command = {
  name: 'check',
  summary: 'Verify the database invariants (ledgers, lots, tenancy).',
  usage: '',
  help: `Prints one line per check. Exit code 0 when every check passes, 1 when any finds a difference or when
there is no database to check (an empty data directory is reported, not created).`,
  options: {},
  async run({ config, out }) {
    return withDeps(config, { existing: true }, async (deps) => {
      const report = await runChecks(deps, ledgerChecks);
      for (const line of report.lines) out(line);
      return report.ok ? 0 : 1;
    });
  },
};
