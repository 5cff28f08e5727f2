import { appliedMigrations } from '../../db/existing.js';
import type { Command } from '../command.js';
import { withDeps } from '../deps.js';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Create the database schema, or upgrade it to this version of Tessera.',
  usage: '',
  help: `Applies the migrations this version has and the database lacks, in order, and lists them. Safe to run
again: a database that is up to date is left alone. Run it after every upgrade, before starting the new
version (\`tessera serve\` migrates too when it starts). Back up first: \`tessera backup FILE\`.`,
  options: {},
  async run({ config, out }) {
    return withDeps(config, { existing: false }, async (_deps, database) => {
      const names = await appliedMigrations(database);
      out(
        `Migrations applied on ${database.kind} (${database.location}): ${names.length}, latest ${names.at(-1)}.`,
      );
      return 0;
    });
  },
};
