import { createStore, listStores } from '../../app/admin/stores.js';
import { optionalString, requiredString, type Command } from '../command.js';
import { withDeps } from '../deps.js';
import { failed, merchantIdOf, MERCHANT_OPTION } from '../merchant-arg.js';

const storeCreate: Command = {
  name: 'store create',
  summary: 'Create a store of a merchant.',
  usage: '--merchant SLUG --code CODE --name NAME [--region R] [--time-zone TZ] [--currency CODE]',
  help: `Options:
  --merchant SLUG   the merchant
  --code CODE       the code tills send as storeCode (letters, digits, . _ -), unique per merchant
  --name NAME       display name
  --region R        free text, for reports
  --time-zone TZ    IANA time zone (default UTC), e.g. Europe/Paris
  --currency CODE   ISO 4217 currency of its sales (default: the merchant's)`,
  options: {
    ...MERCHANT_OPTION,
    code: { type: 'string' },
    name: { type: 'string' },
    region: { type: 'string' },
    'time-zone': { type: 'string' },
    currency: { type: 'string' },
  },
  async run({ values, config, out }) {
    const slug = requiredString(values, 'merchant');
    const code = requiredString(values, 'code');
    const name = requiredString(values, 'name');
    return withDeps(config, { existing: true }, async (deps) => {
      const store = await createStore(deps, await merchantIdOf(deps, slug), {
        code,
        name,
        region: optionalString(values, 'region'),
        timeZone: optionalString(values, 'time-zone'),
        currency: optionalString(values, 'currency'),
      });
      if (!store.ok) throw failed(store);
      out(
        `Created store ${store.value.code} (${store.value.name}, ${store.value.currency}, ${store.value.timeZone}): ${store.value.id}`,
      );
      return 0;
    });
  },
};

const storeList: Command = {
  name: 'store list',
  summary: 'List the stores of a merchant.',
  usage: '--merchant SLUG',
  help: 'Prints one store a line: code, name, currency, time zone, region, id.',
  options: { ...MERCHANT_OPTION },
  async run({ values, config, out }) {
    const slug = requiredString(values, 'merchant');
    return withDeps(config, { existing: true }, async (deps) => {
      const stores = await listStores(deps, await merchantIdOf(deps, slug));
      if (stores.length === 0) out(`Merchant ${slug} has no store yet: \`tessera store create --help\`.`);
      for (const s of stores) out([s.code, s.name, s.currency, s.timeZone, s.region ?? '-', s.id].join('\t'));
      return 0;
    });
  },
};

export const storeCommands = [storeCreate, storeList];
