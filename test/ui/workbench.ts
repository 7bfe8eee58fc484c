// The UI layer's workbench: code-server with the packaged extension installed from the .vsix that
// `npm run package` builds (so a packaging failure fails the journeys), connected to a
// kinesis-local, opened in headless Chromium. Started lazily on first use and stopped by the root
// hook, so Chromium-only tests in this layer do not pay for it.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../harness/browser';
import { startCodeServer, type CodeServer } from '../harness/codeServer';
import { projectRoot } from '../harness/hostTools';
import { startKinesisLocal, type KinesisLocal } from '../harness/kinesisLocal';

export const resultsDir = join(projectRoot, 'test-results');

export interface Workbench {
  page: Page;
  codeServer: CodeServer;
  kinesis: KinesisLocal;
  /** Saves test-results/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
}

export const CONNECTION_NAME = 'kinesis-local';

/** Builds dist/kinesis-explorer.vsix exactly as `npm run package` does, and returns its path. */
export function packageExtension(): string {
  execFileSync(process.execPath, [join(projectRoot, 'scripts', 'package.mjs')], { cwd: projectRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  return join(projectRoot, 'dist', 'kinesis-explorer.vsix');
}

let starting: Promise<Workbench> | undefined;
let parts: { browser?: Browser; cs?: CodeServer; kinesis?: KinesisLocal } = {};

export function workbench(): Promise<Workbench> {
  starting ??= start();
  return starting;
}

async function start(): Promise<Workbench> {
  mkdirSync(resultsDir, { recursive: true });
  const vsix = packageExtension();
  const kinesis = await startKinesisLocal({ initializeStreams: 'ui-sensors:1,ui-clicks:4' });
  parts.kinesis = kinesis;
  const cs = await startCodeServer({
    installVsix: [vsix],
    settings: {
      'kinesis.connections': [{ name: CONNECTION_NAME, endpoint: kinesis.endpoint, region: kinesis.region }],
      'workbench.colorTheme': 'Default Dark Modern',
    },
    // An empty AWS config keeps the tree to the emulator connection only.
    env: { AWS_CONFIG_FILE: '/nonexistent/kinesis-ui/config', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/kinesis-ui/credentials', AWS_ACCESS_KEY_ID: '', AWS_PROFILE: '' },
  });
  parts.cs = cs;
  const browser = await launchChromium();
  parts.browser = browser;
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  await page.goto(cs.url());
  await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
  return {
    page,
    codeServer: cs,
    kinesis,
    async screenshot(name) {
      const path = join(resultsDir, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
  };
}

export async function stopWorkbench(): Promise<void> {
  const { browser, cs, kinesis } = parts;
  parts = {};
  starting = undefined;
  await browser?.close().catch(() => undefined);
  await cs?.stop().catch(() => undefined);
  await kinesis?.stop().catch(() => undefined);
}

export const mochaHooks = {
  /** A failed journey leaves a screenshot of the workbench as it was, to look at. */
  async afterEach(this: Mocha.Context) {
    const test = this.currentTest;
    if (test?.state !== 'failed' || !starting) return;
    const wb = await starting.catch(() => undefined);
    const name = `failed-${test.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`;
    await wb?.screenshot(name).catch(() => undefined);
  },
  async afterAll(this: Mocha.Context) {
    this.timeout(30_000);
    await stopWorkbench();
  },
};

/** Runs a command from the palette by its title, as a user would. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  // Click the row that is exactly this command (its label may be followed by ", <keybinding>"):
  // Enter would run whatever fuzzy match is ranked first.
  const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(,|$)`);
  const rows = page.locator('.quick-input-list .monaco-list-row');
  await rows.first().waitFor();
  const labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  const index = labels.findIndex((l) => exact.test(l));
  if (index < 0) throw new Error(`no palette entry "${title}" among: ${labels.join(' | ')}`);
  await rows.nth(index).click();
}
