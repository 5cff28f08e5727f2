/**
 * The password policy for people (API clients get generated secrets): long enough, not one of the passwords
 * every attacker tries first, not the login. Expected refusals are values with a message that says what to fix.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

/**
 * Words at the root of the most common passwords (the top of the published breach lists, in English and
 * French); a password that is one of them plus digits or punctuation ("Password2024!") is refused too.
 */
const COMMON_ROOTS = [
  'password',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword',
  'pass',
  'motdepasse',
  'qwerty',
  'qwertyuiop',
  'azerty',
  'azertyuiop',
  'asdfgh',
  'asdfghjkl',
  'zxcvbnm',
  'qazwsx',
  '1qaz2wsx',
  'zaq12wsx',
  '1q2w3e4r',
  '1q2w3e4r5t',
  'q1w2e3r4t5',
  'abc',
  'abcd',
  'abcdef',
  'abcdefgh',
  'abcdefghij',
  'iloveyou',
  'letmein',
  'welcome',
  'admin',
  'administrator',
  'root',
  'changeme',
  'secret',
  'master',
  'monkey',
  'dragon',
  'football',
  'baseball',
  'soccer',
  'sunshine',
  'princess',
  'shadow',
  'superman',
  'batman',
  'trustno1',
  'starwars',
  'whatever',
  'freedom',
  'computer',
  'michael',
  'jordan',
  'hello',
  'login',
  'guest',
  'test',
  'tessera',
  'loyalty',
  'bonjour',
  'soleil',
  'doudou',
  'chocolat',
  'summer',
  'winter',
  'spring',
  'autumn',
  'default',
  'access',
  'ninja',
  'mustang',
  'charlie',
  'jennifer',
  'hunter',
  'killer',
  'ranger',
  'buster',
  'pepper',
  'ginger',
  'cheese',
  'flower',
  'lovely',
  'loveme',
  'google',
  'samsung',
  'apple',
  'internet',
  'service',
  'support',
  'company',
  'manager',
  'cashier',
  'store',
  'shop',
];
const COMMON = new Set(COMMON_ROOTS);

/** Sequences that make up the commonest all-digit and keyboard passwords ("1234567890", "0987654321"). */
const SEQUENCES = ['01234567890', '09876543210', 'qwertyuiop', 'azertyuiop', 'asdfghjkl', 'zxcvbnm'];

export type PasswordCheck = { ok: true } | { ok: false; message: string };

export function checkPassword(password: string, login?: string): PasswordCheck {
  if (password.length < PASSWORD_MIN_LENGTH)
    return { ok: false, message: `The password needs at least ${PASSWORD_MIN_LENGTH} characters.` };
  if (password.length > PASSWORD_MAX_LENGTH)
    return { ok: false, message: `The password may have at most ${PASSWORD_MAX_LENGTH} characters.` };
  const lower = password.toLowerCase();
  if (new Set(lower).size <= 2)
    return {
      ok: false,
      message: 'The password repeats one or two characters; choose a less predictable one.',
    };
  const root = lower.replace(/[\d\W_]+$/, '').replace(/^[\d\W_]+/, '');
  if (COMMON.has(lower) || COMMON.has(root) || root === '')
    return {
      ok: false,
      message: 'This password is one of the most common passwords (or one plus digits); choose another.',
    };
  if (SEQUENCES.some((s) => s.includes(lower)))
    return { ok: false, message: 'The password is a keyboard or digit sequence; choose another.' };
  if (login) {
    const name = login.toLowerCase();
    const localPart = name.split('@')[0] ?? name;
    if (lower.includes(name) || (localPart.length >= 4 && lower.includes(localPart)))
      return { ok: false, message: 'The password must not contain the login.' };
  }
  return { ok: true };
}
