import { addMerchant, listMerchants } from '../../app/admin/merchants.js';
import { optionalString, requiredString, type Command } from '../command.js';
import { withDeps } from '../deps.js';
import { failed } from '../merchant-arg.js';

const merchantCreate: Command = {
  name: 'merchant create',
  summary: 'Create another merchant (a tenant) on this server.',
  usage: '--merchant SLUG --name NAME [--currency CODE]',
  help: `Options:
  --merchant SLUG   lower-case letters, digits and hyphens (acme-retail)
  --name NAME       display name
  --currency CODE   ISO 4217 currency (default EUR)

\`tessera init\` does this and creates the merchant's administrator too.`,
  options: { merchant: { type: 'string' }, name: { type: 'string' }, currency: { type: 'string' } },
  async run({ values, config, out }) {
    const slug = requiredString(values, 'merchant');
    const name = requiredString(values, 'name');
    return withDeps(config, { existing: true }, async (deps) => {
      const merchant = await addMerchant(deps, null, {
        slug,
        name,
        currency: optionalString(values, 'currency'),
      });
      if (!merchant.ok) throw failed(merchant);
      out(`Created merchant ${merchant.value.slug} (${merchant.value.currency}): ${merchant.value.id}`);
      return 0;
    });
  },
};

const merchantList: Command = {
  name: 'merchant list',
  summary: 'List the merchants of this server.',
  usage: '',
  help: 'Prints one merchant a line: slug, name, currency, id.',
  options: {},
  async run({ config, out }) {
    return withDeps(config, { existing: true }, async (deps) => {
      for (const m of await listMerchants(deps, null)) out([m.slug, m.name, m.currency, m.id].join('\t'));
      return 0;
    });
  },
};

export const merchantCommands = [merchantCreate, merchantList];
