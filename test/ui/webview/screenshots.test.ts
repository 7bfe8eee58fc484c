// Screenshots of the tail panel in VS Code's Dark Modern and Light Modern colours, written to
// test-results/ for review and the README; the test checks that the theme actually applies.
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { initMessage, statusMessage } from '../webview-fixtures/panelPage';
import { showcaseRows } from '../webview-fixtures/rows';
import { panelSuite, SCREENSHOTS } from '../webview-fixtures/panelSuite';
import type { ThemeName } from '../webview-fixtures/themes';

const BACKGROUND: Record<ThemeName, string> = { dark: 'rgb(31, 31, 31)', light: 'rgb(255, 255, 255)' };

describe('tail panel webview: screenshots', function () {
  this.timeout(60_000);
  const ui = panelSuite();

  for (const theme of ['dark', 'light'] as const) {
    it(`renders the panel in the ${theme} theme`, async () => {
      const panel = await ui.open({ theme, width: 1280, height: 760 });
      const status = statusMessage(4);
      status.shards[3] = { ...status.shards[3], state: 'retrying', attempt: 2, millisBehindLatest: 86_400 };
      await panel.send(initMessage({ timeZone: 'utc' }), status, { type: 'records', rows: showcaseRows(400) });
      await panel.page.locator('.rows .row[data-id="396"]').dblclick();
      await panel.page.locator('.rows .row[data-id="398"]').hover();
      await panel.frames(3);
      await panel.page.evaluate('document.fonts.ready');
      const bg = await panel.page.evaluate('getComputedStyle(document.body).backgroundColor');
      assert.equal(bg, BACKGROUND[theme], 'the theme variables drive the colours');
      assert.equal(await panel.page.evaluate('document.fonts.check("16px codicon")'), true, 'codicons loaded under the CSP');
      const file = join(SCREENSHOTS, `webview-tail-${theme}.png`);
      await panel.page.screenshot({ path: file });
      assert.ok(statSync(file).size > 20_000);
      assert.deepEqual(await panel.violations(), []);
      assert.deepEqual(panel.pageErrors, []);
    });
  }
});
