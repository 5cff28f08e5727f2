import fs from 'node:fs';
import path from 'node:path';
import { backupSqlite, inspectBackup, restoreSqlite } from '../../db/backup.js';
import { sqliteFile } from '../../db/existing.js';
import { CommandError, type Command } from '../command.js';
import { withDeps } from '../deps.js';
import { databaseOptions } from '../../server.js';

const POSTGRES_HELP = `On PostgreSQL use its own tools, which take a consistent snapshot of a live database:
  pg_dump --format=custom --file=tessera.dump "$DATABASE_URL"
  pg_restore --no-owner --dbname="$DATABASE_URL" tessera.dump     # into an empty database, then tessera check`;

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Copy the SQLite database to FILE while the server keeps running.',
  usage: 'FILE',
  help: `Uses SQLite's online backup API: a consistent copy, safe while \`tessera serve\` is serving. FILE must not
exist yet. Restore it with \`tessera restore FILE\` into an empty data directory.

${POSTGRES_HELP}`,
  options: {},
  positionals: { min: 1, max: 1, names: 'FILE' },
  async run({ positionals, config, out }) {
    const target = path.resolve(positionals[0]!);
    const source = sqliteFile(databaseOptions(config));
    if (source === undefined)
      throw new CommandError(`backup copies SQLite databases only.\n${POSTGRES_HELP}`, 2);
    if (fs.existsSync(target)) throw new CommandError(`${target} already exists; choose a new file name`);
    if (!fs.existsSync(path.dirname(target)))
      throw new CommandError(`the directory ${path.dirname(target)} does not exist`);
    // Opening through withDeps refuses an empty data directory and brings the schema up to date first.
    await withDeps(config, { existing: true }, async () => undefined);
    const { bytes } = await backupSqlite(source, target);
    out(`Backed up ${source} to ${target} (${bytes} bytes).`);
    return 0;
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Restore a backup made by `tessera backup` into an empty data directory.',
  usage: 'FILE',
  help: `Copies FILE into place as the database of TESSERA_DATA (or DATABASE_URL=sqlite:...), brings its schema up
to date, and says so. Refuses to overwrite: the data directory must hold no database (move the old one
away first). Stop the server before, start it after; \`tessera check\` verifies the result.

${POSTGRES_HELP}`,
  options: {},
  positionals: { min: 1, max: 1, names: 'FILE' },
  async run({ positionals, config, out }) {
    const backup = path.resolve(positionals[0]!);
    const target = sqliteFile(databaseOptions(config));
    if (target === undefined)
      throw new CommandError(`restore writes SQLite databases only.\n${POSTGRES_HELP}`, 2);
    const inspected = inspectBackup(backup);
    if (!inspected.ok) throw new CommandError(inspected.reason);
    if (fs.existsSync(target))
      throw new CommandError(
        `${target} already exists; restore goes into an empty data directory (move it away first)`,
      );
    restoreSqlite(backup, target);
    await withDeps(config, { existing: true }, async () => undefined);
    out(`Restored ${backup} to ${target}. Run \`tessera check\` to verify it.`);
    return 0;
  },
};
