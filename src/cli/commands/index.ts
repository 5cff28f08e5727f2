import type { Command } from '../command.js';
import { backupCommand, restoreCommand } from './backup.js';
import { checkCommand } from './check.js';
import { configCommand } from './config.js';
import { clientCommands } from './client.js';
import { demoCommand } from './demo.js';
import { expireCommand } from './expire.js';
import { retentionCommand } from './retention.js';
import { initCommand } from './init.js';
import { merchantCommands } from './merchant.js';
import { migrateCommand } from './migrate.js';
import { serveCommand } from './serve.js';
import { storeCommands } from './store.js';
import { terminalCommands } from './terminal.js';
import { userCommands } from './user.js';

/** Every `tessera` command, in the order of the general help. */
export const COMMANDS: Command[] = [
  serveCommand,
  initCommand,
  migrateCommand,
  ...merchantCommands,
  ...storeCommands,
  ...terminalCommands,
  ...userCommands,
  ...clientCommands,
  backupCommand,
  restoreCommand,
  checkCommand,
  expireCommand,
  retentionCommand,
  demoCommand,
  configCommand,
];
