import { describe, expect, it } from 'vitest';
import { pickLanguage, renderTemplate, validateTemplate } from './template.js';

describe('templates', () => {
  it('accepts known variables, with or without spaces', () => {
    expect(
      validateTemplate({ body: 'Bonjour {{customer.firstName}}, {{ balance.points }} points.' }),
    ).toEqual([]);
  });

  it.each([
    ['Hi {{ customer.first }}', 'unknown variable "customer.first"'],
    ['Hi {{ customer.firstName', 'unclosed'],
    ['Hi customer.firstName }}', 'unclosed'],
    ['Hi {{}}', 'unknown variable ""'],
  ])('refuses %j', (body, message) => {
    const issues = validateTemplate({ subject: null, body });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ field: 'body' });
    expect(issues[0]!.message).toContain(message);
  });

  it('renders values, empty for unknown ones, escaped in HTML', () => {
    const values = { 'customer.firstName': 'Zoé <b>', 'balance.points': 120 };
    expect(renderTemplate('{{customer.firstName}}: {{ balance.points }} {{voucher.number}}.', values)).toBe(
      'Zoé <b>: 120 .',
    );
    expect(renderTemplate('<p>{{customer.firstName}}</p>', values, { html: true })).toBe(
      '<p>Zoé &lt;b&gt;</p>',
    );
  });

  it('picks the asked language, else English, else any', () => {
    expect(pickLanguage(['fr', 'en'], 'fr')).toBe('fr');
    expect(pickLanguage(['fr', 'en'], 'pt')).toBe('en');
    expect(pickLanguage(['es'], 'pt')).toBe('es');
    expect(pickLanguage([], 'pt')).toBeNull();
  });
});
