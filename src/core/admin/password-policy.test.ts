import { describe, expect, it } from 'vitest';
import { checkPassword, PASSWORD_MIN_LENGTH } from './password-policy.js';

describe('password policy', () => {
  it.each([
    ['short1!', 'at least 10 characters'],
    ['password123', 'most common'],
    ['Password2024!', 'most common'],
    ['qwertyuiop', 'most common'],
    ['1234567890', 'most common'],
    ['0987654321', 'most common'],
    ['asdfghjkl;', 'most common'],
    ['aaaaaaaaaaaa', 'repeats'],
    ['ababababab', 'repeats'],
    ['ops@acme.test-2026', 'login'],
    ['opsmanager-x91', 'login'],
    ['x'.repeat(300), 'at most'],
  ])('refuses %j (%s)', (password, reason) => {
    const result = checkPassword(
      password,
      password.includes('opsmanager') ? 'opsmanager@acme.test' : 'ops@acme.test',
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(reason);
  });

  it.each(['correct horse battery', 'Tr0ub4dor&3x', 'vélo-jaune-42-pluie', 'k8#Lm2!pQz'])(
    'accepts %j',
    (password) => {
      expect(password.length).toBeGreaterThanOrEqual(PASSWORD_MIN_LENGTH);
      expect(checkPassword(password, 'ops@acme.test')).toEqual({ ok: true });
    },
  );
});
