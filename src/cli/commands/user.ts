import { addUser, listUsers, resetPassword, updateUser } from '../../app/admin/users.js';
import { isRole, ROLES, type Role } from '../../app/context.js';
import { PASSWORD_MIN_LENGTH } from '../../core/admin/password-policy.js';
import { optionalString, requiredString, UsageError, type Command } from '../command.js';
import { withDeps } from '../deps.js';
import { failed, merchantIdOf, MERCHANT_OPTION } from '../merchant-arg.js';

function roleOption(raw: string | undefined, fallback: Role): Role {
  const role = raw ?? fallback;
  if (!isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  return role;
}

function userCreate(name: string): Command {
  return {
    name,
    summary: 'Create a user (a person) of a merchant.',
    usage: '--merchant SLUG --login LOGIN --password PASSWORD [--role ROLE] [--email E]',
    help: `Options:
  --merchant SLUG      the merchant
  --login LOGIN        unique over the whole server (an e-mail address is a good choice)
  --password PASSWORD  at least ${PASSWORD_MIN_LENGTH} characters, not a common password, not the login
  --role ROLE          one of ${ROLES.join(', ')} (default administrator)
  --email E            contact address`,
    options: {
      ...MERCHANT_OPTION,
      login: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      email: { type: 'string' },
    },
    async run({ values, config, out }) {
      const role = roleOption(optionalString(values, 'role'), 'administrator');
      const slug = requiredString(values, 'merchant');
      const login = requiredString(values, 'login');
      const password = requiredString(values, 'password');
      return withDeps(config, { existing: true }, async (deps) => {
        const merchantId = await merchantIdOf(deps, slug);
        const user = await addUser(
          deps,
          { merchantId },
          { login, password, role, email: optionalString(values, 'email') },
        );
        if (!user.ok) throw failed(user);
        out(`Created user ${user.value.login} (${role}) for merchant ${slug}: ${user.value.id}`);
        return 0;
      });
    },
  };
}

/** Finds a user of the merchant by login, for the commands that act on one. */
async function userIdOf(deps: Parameters<typeof listUsers>[0], merchantId: string, login: string) {
  const user = (await listUsers(deps, merchantId)).find((u) => u.login === login.trim().toLowerCase());
  if (!user) throw new UsageError(`merchant has no user with the login "${login}"`);
  return user.id;
}

const userList: Command = {
  name: 'user list',
  summary: 'List the users of a merchant.',
  usage: '--merchant SLUG',
  help: 'Prints one user a line: login, role, active or inactive, id. Passwords are never shown.',
  options: { ...MERCHANT_OPTION },
  async run({ values, config, out }) {
    const slug = requiredString(values, 'merchant');
    return withDeps(config, { existing: true }, async (deps) => {
      for (const u of await listUsers(deps, await merchantIdOf(deps, slug)))
        out([u.login, u.role, u.active ? 'active' : 'inactive', u.id].join('\t'));
      return 0;
    });
  },
};

const userPassword: Command = {
  name: 'user password',
  summary: "Set a user's password (a reset); the user's tokens are revoked.",
  usage: '--merchant SLUG --login LOGIN --password PASSWORD',
  help: `Options:
  --merchant SLUG      the merchant
  --login LOGIN        the user
  --password PASSWORD  the new password (policy as for \`user create\`)`,
  options: { ...MERCHANT_OPTION, login: { type: 'string' }, password: { type: 'string' } },
  async run({ values, config, out }) {
    const slug = requiredString(values, 'merchant');
    const login = requiredString(values, 'login');
    const password = requiredString(values, 'password');
    return withDeps(config, { existing: true }, async (deps) => {
      const merchantId = await merchantIdOf(deps, slug);
      const done = await resetPassword(deps, merchantId, await userIdOf(deps, merchantId, login), password);
      if (!done.ok) throw failed(done);
      out(`Password of ${login} changed; ${done.value.tokensRevoked} token(s) revoked.`);
      return 0;
    });
  },
};

function userActivation(active: boolean): Command {
  return {
    name: active ? 'user activate' : 'user deactivate',
    summary: active
      ? 'Let a deactivated user log in again.'
      : 'Stop a user from logging in; their tokens are revoked.',
    usage: '--merchant SLUG --login LOGIN',
    help: `Options:
  --merchant SLUG   the merchant
  --login LOGIN     the user`,
    options: { ...MERCHANT_OPTION, login: { type: 'string' } },
    async run({ values, config, out }) {
      const slug = requiredString(values, 'merchant');
      const login = requiredString(values, 'login');
      return withDeps(config, { existing: true }, async (deps) => {
        const merchantId = await merchantIdOf(deps, slug);
        const id = await userIdOf(deps, merchantId, login);
        const done = await updateUser(deps, { principalId: '' }, merchantId, id, { active });
        if (!done.ok) throw failed(done);
        out(`User ${login} ${active ? 'activated' : 'deactivated'}.`);
        return 0;
      });
    },
  };
}

export const userCommands = [
  userCreate('user create'),
  userCreate('admin create'),
  userList,
  userPassword,
  userActivation(false),
  userActivation(true),
];
