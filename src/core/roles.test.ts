import { describe, expect, it } from 'vitest';
import * as roles from './roles.js';

const groups = Object.entries(roles).filter((entry): entry is [string, readonly roles.Role[]] =>
  entry[0].endsWith('_ROLES'),
);

describe('role groups', () => {
  it('staff is every role but the client', () => {
    expect(roles.STAFF_ROLES).toEqual([
      'administrator',
      'director',
      'senior_employee',
      'marketer',
      'cc_operator',
      'cashier',
    ]);
  });

  it.each(groups)('%s lists staff roles once each, in the order of ROLES', (_name, group) => {
    expect(group.length).toBeGreaterThan(0);
    expect(group).not.toContain('client');
    expect(group).toEqual(roles.ROLES.filter((role) => group.includes(role)));
  });
});
