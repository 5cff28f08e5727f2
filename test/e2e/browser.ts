/** Debian's Chromium driven by playwright-core against a real Tessera server, with axe-core and screenshots. */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { CONSOLE_DIR } from '../../src/http/console.js';
import { createJobRunner, type Job } from '../../src/jobs/runner.js';
import { createHarness, type Harness } from '../support/harness.js';

const CANDIDATES = [
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

/** The browser binary: CHROMIUM_BIN, else Debian's package (apt-get install chromium, as .ci/run does). */
export function chromiumBinary(): string | undefined {
  const wanted = process.env.CHROMIUM_BIN;
  if (wanted) return existsSync(wanted) ? wanted : undefined;
  return CANDIDATES.find((c) => existsSync(c));
}

export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
/** A tablet in portrait (iPad Air): the console must work at this width. */
export const TABLET = { width: 820, height: 1180 };

export interface ConsoleEnv {
  h: Harness;
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

export interface ConsoleOptions {
  /** Server configuration (SMTP_URL, ...), as the environment would give it. */
  env?: Record<string, string>;
  /** Scheduled jobs this server runs, as `serve` does, at a short period so that a test need not wait. */
  jobs?: readonly Job[];
}

export async function startConsole(binary: string, options: ConsoleOptions = {}): Promise<ConsoleEnv> {
  if (!existsSync(path.join(CONSOLE_DIR, 'index.html')))
    throw new Error('The console is not built (dist/console): run `npm run build` first (npm ci does it).');
  const h = await createHarness({ kind: 'sqlite' }, options.env ? { env: options.env } : {});
  const runner = options.jobs?.length
    ? createJobRunner(
        h.deps,
        options.jobs.map((job) => ({ ...job, everyMs: 300 })),
        { tickMs: 200 },
      )
    : undefined;
  const address = await h.app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await chromium.launch({
    executablePath: binary,
    headless: true,
    // root in CI containers: Chromium's sandbox needs user namespaces that are not there
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    h,
    base: `${address}/console`,
    browser,
    close: async () => {
      runner?.stop();
      await runner?.tick(); // lets a tick under way finish before the database closes
      await browser.close();
      await h.close();
    },
  };
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page; fails on any serious or critical violation, naming the rule and elements. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run(o: object): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run({ resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes }));
  });
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${screen}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  expect(serious).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Logs in as the demo administrator with the keyboard only (Tab between the fields, Enter to submit). */
export async function login(page: Page, base: string): Promise<void> {
  await page.goto(base);
  await page.getByLabel(/user name|identifiant|utilizador|usuario/i).focus();
  await page.keyboard.type('admin@demo.test');
  await page.keyboard.press('Tab');
  await page.keyboard.type('demo-admin');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
}
