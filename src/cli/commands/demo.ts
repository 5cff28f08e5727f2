import { loadDemo } from '../../app/demo/load-demo.js';
import type { Command } from '../command.js';
import { withDeps } from '../deps.js';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Load the demo data (merchant "demo", its users, cards and vouchers) if it is absent.',
  usage: '',
  help: `For evaluation only: the demo's passwords and client secret are public (see the README). Never load it
into a production database; use \`tessera init\` there.`,
  options: {},
  async run({ config, out }) {
    return withDeps(config, { existing: false }, async (deps) => {
      const result = await loadDemo(deps);
      out(result.created ? 'Demo data loaded.' : 'Demo data already present.');
      return 0;
    });
  },
};
