import { COMMANDS } from './commands/index.js';
import { runCli } from './run.js';

runCli(COMMANDS, process.argv.slice(2)).then((code) => {
  if (code >= 0) process.exit(code);
});
