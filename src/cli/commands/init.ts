import { initialize } from '../../app/admin/init.js';
import { isRole, ROLES } from '../../app/context.js';
import { PASSWORD_MIN_LENGTH } from '../../core/admin/password-policy.js';
import { optionalString, UsageError, type Command } from '../command.js';
import { withDeps } from '../deps.js';
import { failed } from '../merchant-arg.js';
import { ask, interactive } from '../prompt.js';

export const initCommand: Command = {
  name: 'init',
  summary:
    'Set up a production database: the first merchant, its administrator and optionally an API client.',
  usage: '--merchant SLUG --name NAME --admin LOGIN --password PASSWORD [--currency EUR] [--client NAME]',
  help: `Creates the schema if needed, then the merchant, its administrator and (with --client) an API client,
printing the client's credentials once. Asks for what is missing when run on a terminal; otherwise every
option but --currency and --client is required.

Options:
  --merchant SLUG      the merchant's short name: lower-case letters, digits and hyphens (acme-retail)
  --name NAME          the merchant's display name
  --currency CODE      ISO 4217 currency of its stores' sales (default EUR)
  --admin LOGIN        the administrator's login (an e-mail address is a good choice)
  --password PASSWORD  at least ${PASSWORD_MIN_LENGTH} characters, not a common password, not the login;
                       never printed back
  --client NAME        also create an API client with this name (role: --client-role, default cashier)
  --client-role ROLE   one of ${ROLES.join(', ')}

Safe to re-run: an existing merchant, administrator or client (same name) is kept unchanged and reported.`,
  options: {
    merchant: { type: 'string' },
    name: { type: 'string' },
    currency: { type: 'string' },
    admin: { type: 'string' },
    password: { type: 'string' },
    client: { type: 'string' },
    'client-role': { type: 'string' },
  },
  async run({ values, config, out }) {
    const wanted = {
      merchant: optionalString(values, 'merchant'),
      name: optionalString(values, 'name'),
      admin: optionalString(values, 'admin'),
      password: optionalString(values, 'password'),
    };
    const missing = Object.entries(wanted).filter(([, v]) => !v);
    if (missing.length > 0 && !interactive())
      throw new UsageError(`missing ${missing.map(([k]) => `--${k}`).join(', ')} (no terminal to ask on)`);
    if (!wanted.merchant) wanted.merchant = await ask('Merchant slug (lower-case, e.g. acme-retail)');
    if (!wanted.name) wanted.name = await ask('Merchant name', { fallback: wanted.merchant });
    if (!wanted.admin) wanted.admin = await ask('Administrator login (e-mail)');
    if (!wanted.password)
      wanted.password = await ask(`Administrator password (${PASSWORD_MIN_LENGTH}+ characters)`, {
        secret: true,
      });
    const clientRole = optionalString(values, 'client-role') ?? 'cashier';
    if (!isRole(clientRole)) throw new UsageError(`--client-role must be one of ${ROLES.join(', ')}`);
    const clientName = optionalString(values, 'client');

    return withDeps(config, { existing: false }, async (deps, database) => {
      const result = await initialize(deps, {
        merchant: {
          slug: wanted.merchant!,
          name: wanted.name!,
          currency: optionalString(values, 'currency'),
        },
        admin: { login: wanted.admin!, password: wanted.password! },
        client: clientName ? { name: clientName, role: clientRole } : undefined,
      });
      if (!result.ok) throw failed(result);
      const { merchant, admin, client } = result.value;
      out(`Database: ${database.kind} (${database.location})`);
      out(
        `Merchant ${merchant.slug} (${merchant.name}, ${merchant.currency}): ${merchant.created ? 'created' : 'already present'}`,
      );
      out(
        `Administrator ${admin.login}: ${admin.created ? 'created' : 'already present (password unchanged)'}`,
      );
      if (client?.clientSecret) {
        out(`API client "${client.name}" (${clientRole}) created; its secret is shown once, store it now:`);
        out(`  client_id:     ${client.clientId}`);
        out(`  client_secret: ${client.clientSecret}`);
      } else if (client) {
        out(
          `API client "${client.name}": already present (client_id ${client.clientId}); \`tessera client rotate\` gives it a new secret`,
        );
      }
      out(
        `Next: \`tessera serve\`, then get a token with the administrator's login (see the README, "Production").`,
      );
      return 0;
    });
  },
};
