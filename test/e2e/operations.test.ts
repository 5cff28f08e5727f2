/**
 * The operations screens end to end in Debian's Chromium against the demo server: the outbox (messages with
 * their state and attempts), webhook endpoints (registered here, the secret shown once), the imports monitor.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  chromiumBinary,
  expectAccessible,
  login,
  screenshot,
  startConsole,
  TABLET,
  type ConsoleEnv,
} from './browser.js';

const binary = chromiumBinary();

describe.skipIf(!binary)('the operations screens in Chromium', { timeout: 180_000 }, () => {
  let env: ConsoleEnv;
  let page: Page;
  beforeAll(async () => {
    env = await startConsole(binary!);
  }, 120_000);
  afterAll(async () => env?.close());
  beforeEach(async () => {
    page = await (await env.browser.newContext({ viewport: TABLET, locale: 'en-GB' })).newPage();
    page.setDefaultTimeout(30_000);
  });
  afterEach(async () => page.context().close());

  it('lists the outbox, registers a webhook (secret shown once) and shows the imports monitor', async () => {
    await login(page, env.base);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Messages' }).click();
    await page.getByRole('heading', { level: 1, name: 'Messages' }).waitFor();
    await page.getByRole('table', { name: 'Outbox' }).waitFor();
    await page.getByLabel('Status').selectOption('dead');
    await page.getByRole('table', { name: 'Outbox' }).waitFor();
    await expectAccessible(page, 'outbox');
    await screenshot(page, '30-outbox');

    await page.getByRole('link', { name: 'Webhooks' }).click();
    const form = page.getByRole('form', { name: 'New webhook endpoint' });
    await form.getByLabel('URL').fill('not a url');
    await form.getByRole('button', { name: 'Register' }).click();
    await form.getByRole('alert').first().waitFor();
    await form.getByLabel('URL').fill('https://203.0.113.10/tessera');
    await form.getByLabel('Events').fill('sale.posted, points.earned');
    await form.getByRole('button', { name: 'Register' }).click();
    const secret = form.getByText('Signing secret, shown only once:');
    await secret.waitFor();
    expect(await secret.locator('code').textContent()).toMatch(/^whsec_/);
    const table = page.getByRole('table', { name: 'Webhooks' });
    await table.getByRole('cell', { name: 'https://203.0.113.10/tessera' }).waitFor();
    await table.getByRole('button', { name: 'Disable' }).first().click();
    await table.getByRole('button', { name: 'Enable' }).first().waitFor();
    await expectAccessible(page, 'webhooks');
    await screenshot(page, '31-webhooks');
    // the secret is not in the list: reopening the screen shows no secret
    await page.getByRole('link', { name: 'Outbox' }).click();
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await table.getByRole('cell', { name: 'https://203.0.113.10/tessera' }).waitFor();
    expect(await page.getByText(/whsec_/).count()).toBe(0);

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Administration' })
      .click();
    await page.getByRole('link', { name: 'Imports', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Imports' }).waitFor();
    await page.getByRole('table', { name: 'Imports' }).waitFor();
    await expectAccessible(page, 'imports');
    await screenshot(page, '32-imports');
  });
});
