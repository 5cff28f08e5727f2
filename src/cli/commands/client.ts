import { addClient, listClients, rotateClientSecret, setClientActive } from '../../app/admin/clients.js';
import { isRole, ROLES, type Deps } from '../../app/context.js';
import { optionalString, requiredString, UsageError, type Command } from '../command.js';
import { withDeps } from '../deps.js';
import { failed, merchantIdOf, MERCHANT_OPTION } from '../merchant-arg.js';

const clientCreate: Command = {
  name: 'client create',
  summary: 'Create an API client (a till, a web shop, a job); prints its credentials once.',
  usage: '--merchant SLUG --name NAME [--role ROLE] [--log-full]',
  help: `Options:
  --merchant SLUG   the merchant
  --name NAME       what it is ("Store 12 tills")
  --role ROLE       one of ${ROLES.join(', ')} (default cashier)
  --log-full        record its every request and answer in the integration log

The secret is stored hashed: it cannot be shown again; \`tessera client rotate\` makes a new one.`,
  options: {
    ...MERCHANT_OPTION,
    name: { type: 'string' },
    role: { type: 'string' },
    'log-full': { type: 'boolean' },
  },
  async run({ values, config, out }) {
    const role = optionalString(values, 'role') ?? 'cashier';
    if (!isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
    const slug = requiredString(values, 'merchant');
    const name = requiredString(values, 'name');
    return withDeps(config, { existing: true }, async (deps) => {
      const client = await addClient(deps, await merchantIdOf(deps, slug), {
        name,
        role,
        logFull: values['log-full'] === true,
      });
      if (!client.ok) throw failed(client);
      out(`Created API client "${name}" (${role}) for merchant ${slug} (shown once, store it now):`);
      out(`  client_id:     ${client.value.clientId}`);
      out(`  client_secret: ${client.value.clientSecret}`);
      return 0;
    });
  },
};

async function clientIdOf(deps: Deps, merchantId: string, clientId: string) {
  const client = (await listClients(deps, merchantId)).find(
    (c) => c.clientId === clientId || c.id === clientId,
  );
  if (!client) throw new UsageError(`merchant has no API client with the client_id "${clientId}"`);
  return client.id;
}

const clientList: Command = {
  name: 'client list',
  summary: 'List the API clients of a merchant.',
  usage: '--merchant SLUG',
  help: 'Prints one client a line: client_id, name, role, active or inactive, id. Secrets are never shown.',
  options: { ...MERCHANT_OPTION },
  async run({ values, config, out }) {
    const slug = requiredString(values, 'merchant');
    return withDeps(config, { existing: true }, async (deps) => {
      for (const c of await listClients(deps, await merchantIdOf(deps, slug)))
        out([c.clientId, c.name, c.role, c.active ? 'active' : 'inactive', c.id].join('\t'));
      return 0;
    });
  },
};

const clientRotate: Command = {
  name: 'client rotate',
  summary: 'Give an API client a new secret (printed once); the old one and its tokens stop working.',
  usage: '--merchant SLUG --client-id CLIENT_ID',
  help: `Options:
  --merchant SLUG          the merchant
  --client-id CLIENT_ID    the client's client_id`,
  options: { ...MERCHANT_OPTION, 'client-id': { type: 'string' } },
  async run({ values, config, out }) {
    const slug = requiredString(values, 'merchant');
    const clientId = requiredString(values, 'client-id');
    return withDeps(config, { existing: true }, async (deps) => {
      const merchantId = await merchantIdOf(deps, slug);
      const done = await rotateClientSecret(deps, merchantId, await clientIdOf(deps, merchantId, clientId));
      if (!done.ok) throw failed(done);
      out(`New secret of ${done.value.clientId} (shown once; ${done.value.tokensRevoked} token(s) revoked):`);
      out(`  client_secret: ${done.value.clientSecret}`);
      return 0;
    });
  },
};

const clientDeactivate: Command = {
  name: 'client deactivate',
  summary: 'Stop an API client; its tokens are revoked at once.',
  usage: '--merchant SLUG --client-id CLIENT_ID',
  help: `Options:
  --merchant SLUG          the merchant
  --client-id CLIENT_ID    the client's client_id`,
  options: { ...MERCHANT_OPTION, 'client-id': { type: 'string' } },
  async run({ values, config, out }) {
    const slug = requiredString(values, 'merchant');
    const clientId = requiredString(values, 'client-id');
    return withDeps(config, { existing: true }, async (deps) => {
      const merchantId = await merchantIdOf(deps, slug);
      const done = await setClientActive(
        deps,
        merchantId,
        await clientIdOf(deps, merchantId, clientId),
        false,
      );
      if (!done.ok) throw failed(done);
      out(`API client ${done.value.clientId} deactivated; ${done.value.tokensRevoked} token(s) revoked.`);
      return 0;
    });
  },
};

export const clientCommands = [clientCreate, clientList, clientRotate, clientDeactivate];
