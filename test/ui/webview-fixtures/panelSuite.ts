// One mocha fixture for every webview test file: a panel server and a headless Chromium for the
// describe block, and panels that are checked after each test (no uncaught page errors, no CSP
// violations) and closed. Call panelSuite() inside describe().
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../harness/browser';
import { PanelPage } from './panelPage';
import { startPanelServer, type PanelServer } from './server';

/** Where webview tests write their screenshots (the repository's test-results/). */
export const SCREENSHOTS = resolve(__dirname, '..', '..', '..', '..', 'test-results');

export type PanelOpenOptions = NonNullable<Parameters<typeof PanelPage.open>[2]>;

export interface PanelSuite {
  readonly browser: Browser;
  readonly server: PanelServer;
  /** Opens a panel; after the test it is checked and closed. */
  open(o?: PanelOpenOptions): Promise<PanelPage>;
}

export function panelSuite(): PanelSuite {
  let browser: Browser | undefined;
  let server: PanelServer | undefined;
  const opened: PanelPage[] = [];
  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startPanelServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    for (const panel of opened.splice(0)) {
      if (panel.page.isClosed()) continue; // a test that closed it itself (to reopen with saved state)
      try {
        assert.deepEqual(panel.pageErrors, [], 'no uncaught errors in the page');
        assert.deepEqual(await panel.violations(), [], 'no CSP violations');
      } finally {
        await panel.close();
      }
    }
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`panelSuite: the ${what} is not started (use it inside a test)`);
    return value;
  };
  return {
    get browser() { return started(browser, 'browser'); },
    get server() { return started(server, 'panel server'); },
    async open(o) {
      const panel = await PanelPage.open(started(browser, 'browser'), started(server, 'panel server'), o);
      opened.push(panel);
      return panel;
    },
  };
}
