import { runExpiry } from '../../jobs/expiry.js';
import type { Command } from '../command.js';
import { withDeps } from '../deps.js';

export const expireCommand: Command = {
  name: 'expire',
  summary: 'Burn the points that are past their expiry date now.',
  usage: '',
  help: `The server does this every minute by itself; the command is for a database no server runs on, or for
a scheduler of your own. Safe to run at any time: points are expired once.`,
  options: {},
  async run({ config, out }) {
    return withDeps(config, { existing: true }, async (deps) => {
      const done = await runExpiry(deps, deps.now());
      out(`Expired ${done.points} points on ${done.cards} cards.`);
      return 0;
    });
  },
};
