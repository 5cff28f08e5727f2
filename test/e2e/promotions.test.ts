/**
 * The promotions screens end to end, in Debian's Chromium against a real server with the demo data: create a
 * promotion with the structured form (a refused value first, its message on the field), put it in a new map
 * version, activate it, then see it applied in the simulator with the others' reasons for not applying; a
 * promotion conditioned on a payment type, applied to a basket paid that way, then excluded on that date.
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

describe.skipIf(!binary)('the promotions screens in Chromium', { timeout: 180_000 }, () => {
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

  const input = (name: string) => page.locator(`[name="${name}"]`);

  it('creates a promotion, puts it in an active map version and sees it applied in the simulator', async () => {
    await login(page, env.base);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Promotions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Promotions' }).waitFor();
    await expectAccessible(page, 'promotions list');
    await page.getByRole('link', { name: 'New promotion' }).click();
    await page.getByRole('heading', { level: 1, name: 'New promotion' }).waitFor();

    await input('name').fill('E2E 20 % off shoes');
    await input('code').fill('E2E-SHOES20');
    await input('set-0-name').fill('shoes');
    await input('set-0-attribute').selectOption('level1');
    await input('set-0-values').fill('SHOES');
    await input('condition-0-set').selectOption('shoes');
    await input('benefit-0-set').selectOption('shoes');
    await input('benefit-0-message').fill('20 % off shoes');
    // a percentage above 100: the server's 422 names benefits.benefit[0].parameter[percent], shown on its field
    await input('benefit-0-percent').fill('150');
    await page.getByRole('button', { name: 'Create the promotion' }).click();
    await page.locator('[name="benefit-0-percent"][aria-invalid="true"]').waitFor();
    expect(await page.getByRole('alert').first().textContent()).toBeTruthy();
    await expectAccessible(page, 'promotion editor with an error');
    await screenshot(page, '20-promotion-invalid');

    await input('benefit-0-percent').fill('20');
    await page.getByRole('button', { name: 'Create the promotion' }).click();
    await page.getByRole('heading', { level: 1, name: 'Promotion E2E-SHOES20' }).waitFor();
    // a limit on its benefit: 100 applications for the whole retailer
    await input('limit-scope').selectOption('retailer');
    await input('limit-max').fill('100');
    await page.getByRole('button', { name: 'Add the limit' }).click();
    await page.getByText('At most 100 applications per retailer, for ever').waitFor();
    await expectAccessible(page, 'promotion editor');
    await screenshot(page, '21-promotion-created');

    await page.getByRole('link', { name: 'Map versions' }).click();
    const form = page.getByRole('form', { name: 'New map version' });
    await form.getByLabel('Name').fill('E2E map');
    await form.getByRole('checkbox', { name: /E2E-SHOES20/ }).check();
    await form.getByRole('button', { name: 'Create the version' }).click();
    const created = await form.getByText(/Version \d+ created\./).textContent();
    const version = /Version (\d+)/.exec(created ?? '')![1]!;
    await page.getByRole('button', { name: `Activate version ${version}` }).click();
    await page.getByText(`Version ${version} is now active.`).waitFor();
    await expectAccessible(page, 'map versions');
    await screenshot(page, '22-map-active');

    await page.getByRole('link', { name: 'Simulator' }).click();
    await input('line-0-sku').fill('SHOE-1');
    await input('line-0-quantity').fill('2');
    await input('line-0-price').fill('50.00');
    await input('line-0-level1').fill('SHOES');
    await page.getByRole('button', { name: 'Add a line' }).click();
    await input('line-1-sku').fill('SOCK-1');
    await input('line-1-price').fill('5');
    await input('line-1-level1').fill('SOCKS');
    await page.getByRole('button', { name: 'Evaluate' }).click();
    const summary = page.getByText(new RegExp(`Map version ${version}: .*20\\.00 off`));
    await summary.waitFor();
    const applied = page.getByRole('table', { name: 'Applied', exact: true });
    await applied.getByRole('cell', { name: 'E2E-SHOES20' }).waitFor();
    await applied.getByRole('cell', { name: 'PercentageDiscount — 20 % off shoes' }).waitFor();
    // the shoe line carries the discount, the socks none
    const lines = page.getByRole('table', { name: 'Lines' });
    await lines.getByRole('row', { name: /SHOE-1 2 .*50\.00 .*20\.00 .*80\.00/ }).waitFor();
    await expectAccessible(page, 'simulator');
    await screenshot(page, '23-simulator');

    // a basket without shoes: the promotion is listed as not applied, with its reason
    await input('line-0-level1').fill('HATS');
    await page.getByRole('button', { name: 'Evaluate' }).click();
    const notApplied = page.getByRole('table', { name: 'Not applied, and why' });
    await notApplied.getByRole('row', { name: /E2E-SHOES20 CONDITION_NOT_MET/ }).waitFor();
    await screenshot(page, '24-simulator-not-applied');
  });

  it('applies a promotion conditioned on the payment, then not on a date excluded for it', async () => {
    // a day ahead, so that the map version made now is in force; noon, so that it is that day everywhere
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await login(page, env.base);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Promotions' }).click();
    await page.getByRole('link', { name: 'New promotion' }).click();
    await input('name').fill('E2E 10 % off hats paid by gift card');
    await input('code').fill('E2E-GIFTCARD10');
    await input('set-0-name').fill('hats');
    await input('set-0-attribute').selectOption('level1');
    await input('set-0-values').fill('HATS');
    await page.getByRole('button', { name: 'Add a set' }).click();
    await input('set-1-name').fill('giftcard');
    await input('set-1-type').selectOption('payment');
    await input('set-1-values').fill('GIFTCARD');
    await input('condition-0-set').selectOption('giftcard');
    await input('benefit-0-set').selectOption('hats');
    await input('benefit-0-percent').fill('10');
    await page.getByRole('button', { name: 'Create the promotion' }).click();
    await page.getByRole('heading', { level: 1, name: 'Promotion E2E-GIFTCARD10' }).waitFor();

    await page.getByRole('link', { name: 'Map versions' }).click();
    const form = page.getByRole('form', { name: 'New map version' });
    await form.getByLabel('Name').fill('E2E payments map');
    await form.getByRole('checkbox', { name: /E2E-GIFTCARD10/ }).check();
    await form.getByRole('button', { name: 'Create the version' }).click();
    const created = await form.getByText(/Version \d+ created\./).textContent();
    const version = /Version (\d+)/.exec(created ?? '')![1]!;
    await page.getByRole('button', { name: `Activate version ${version}` }).click();
    await page.getByText(`Version ${version} is now active.`).waitFor();

    const simulate = async (withPayment: boolean) => {
      await page.getByRole('link', { name: 'Simulator' }).click();
      await page.getByLabel('Date').fill(`${day}T12:00`);
      await input('line-0-sku').fill('HAT-1');
      await input('line-0-price').fill('20.00');
      await input('line-0-level1').fill('HATS');
      if (withPayment) {
        await page.getByRole('button', { name: 'Add a payment' }).click();
        await input('payment-0-type').fill('GIFTCARD');
        await input('payment-0-amount').fill('18.00');
      }
      await page.getByRole('button', { name: 'Evaluate' }).click();
      await page.getByText(new RegExp(`Map version ${version}: `)).waitFor();
    };
    const notApplied = page.getByRole('table', { name: 'Not applied, and why' });
    // without the gift card the condition is not met; paid by gift card the hat is 10 % off
    await simulate(false);
    await notApplied.getByRole('row', { name: /E2E-GIFTCARD10 CONDITION_NOT_MET/ }).waitFor();
    await simulate(true);
    await page.getByText(new RegExp(`Map version ${version}: .*2\\.00 off`)).waitFor();
    await page
      .getByRole('table', { name: 'Applied', exact: true })
      .getByRole('cell', { name: 'E2E-GIFTCARD10' })
      .waitFor();
    await expectAccessible(page, 'simulator with payments');
    await screenshot(page, '25-simulator-payments');

    // that day excluded for every store (a date that is not one refused first, on its field)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Promotions' }).click();
    await page.getByRole('link', { name: 'E2E-GIFTCARD10' }).click();
    await page.getByRole('heading', { level: 1, name: 'Promotion E2E-GIFTCARD10' }).waitFor();
    const exclusions = page.getByRole('form', { name: 'Exclude these dates' });
    await exclusions.getByLabel('Dates').fill(`${day.slice(0, 8)}45`);
    await exclusions.getByRole('button', { name: 'Exclude these dates' }).click();
    await exclusions.locator('[name="exclusion-dates"][aria-invalid="true"]').waitFor();
    await exclusions.getByLabel('Dates').fill(day);
    await exclusions.getByRole('button', { name: 'Exclude these dates' }).click();
    await exclusions.getByText('Dates excluded.').waitFor();
    const excluded = page.getByRole('table', { name: 'Date exclusions' });
    await excluded.getByRole('row', { name: new RegExp(`${day}.*Every store`) }).waitFor();
    await expectAccessible(page, 'date exclusions');
    await screenshot(page, '26-date-exclusions');

    await simulate(true);
    await notApplied.getByRole('row', { name: /E2E-GIFTCARD10 EXCLUDED_DATE/ }).waitFor();
    expect(
      await page
        .getByRole('table', { name: 'Applied', exact: true })
        .getByRole('cell', { name: 'E2E-GIFTCARD10' })
        .count(),
    ).toBe(0);
  });
});
