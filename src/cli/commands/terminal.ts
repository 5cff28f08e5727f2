import { createTerminal, listTerminals } from '../../app/admin/terminals.js';
import { optionalString, requiredString, type Command } from '../command.js';
import { withDeps } from '../deps.js';
import { failed, merchantIdOf, MERCHANT_OPTION } from '../merchant-arg.js';

const terminalCreate: Command = {
  name: 'terminal create',
  summary: 'Create a terminal (a till) in a store.',
  usage: '--merchant SLUG --store CODE --code CODE --name NAME',
  help: `Options:
  --merchant SLUG   the merchant
  --store CODE      the store's code
  --code CODE       the terminal's code, unique per merchant (users log in on it with terminal=CODE)
  --name NAME       display name`,
  options: {
    ...MERCHANT_OPTION,
    store: { type: 'string' },
    code: { type: 'string' },
    name: { type: 'string' },
  },
  async run({ values, config, out }) {
    const slug = requiredString(values, 'merchant');
    const storeCode = requiredString(values, 'store');
    const code = requiredString(values, 'code');
    const name = requiredString(values, 'name');
    return withDeps(config, { existing: true }, async (deps) => {
      const terminal = await createTerminal(deps, await merchantIdOf(deps, slug), { storeCode, code, name });
      if (!terminal.ok) throw failed(terminal);
      out(
        `Created terminal ${terminal.value.code} in store ${terminal.value.storeCode}: ${terminal.value.id}`,
      );
      return 0;
    });
  },
};

const terminalList: Command = {
  name: 'terminal list',
  summary: 'List the terminals of a merchant.',
  usage: '--merchant SLUG [--store CODE]',
  help: 'Prints one terminal a line: store code, code, name, id.',
  options: { ...MERCHANT_OPTION, store: { type: 'string' } },
  async run({ values, config, out }) {
    const slug = requiredString(values, 'merchant');
    return withDeps(config, { existing: true }, async (deps) => {
      const list = await listTerminals(deps, await merchantIdOf(deps, slug), {
        storeCode: optionalString(values, 'store'),
      });
      if (!list.ok) throw failed(list);
      for (const t of list.value) out([t.storeCode, t.code, t.name, t.id].join('\t'));
      return 0;
    });
  },
};

export const terminalCommands = [terminalCreate, terminalList];
