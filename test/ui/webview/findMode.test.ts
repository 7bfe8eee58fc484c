// Find as a mode of the tail panel, in the webview alone: the toolbar's Find… (and Ctrl+Alt+F)
// posts the filters as typed, refuses a field filter that does not parse, and the header's find
// line offers Cancel while the find runs and leaves the stop reason to the banner.
import assert from 'node:assert/strict';
import type { FindProgress } from '../../../src/tail/shared/findProgress';
import type { PanelPage} from '../webview-fixtures/panelPage';
import { initMessage, statusMessage } from '../webview-fixtures/panelPage';
import { panelSuite } from '../webview-fixtures/panelSuite';

const progress = (o: Partial<FindProgress> = {}): FindProgress => ({
  range: 'Find -5m → now · $.status == "WARN"', shards: [], percent: 40, scannedRecords: 1200, scannedBytes: 64_000, matches: 12, recordsPerSecond: 300, etaMs: 4000, ...o,
});

describe('tail panel webview: Find from the panel', function () {
  this.timeout(60_000);
  const ui = panelSuite();
  let panel: PanelPage | undefined;

  it('Find… posts the filters as typed; a field filter that does not parse is refused in the toolbar', async () => {
    panel = await ui.open();
    await panel.send(initMessage(), statusMessage(2));
    await panel.page.locator('.text-filter input').fill('device-5');
    await panel.page.locator('.field-filter input').fill('$.status ==');
    await panel.waitForPosted('setFilter');
    await panel.page.locator('button[data-action="find"]').click();
    await panel.frames();
    assert.deepEqual(await panel.postedOfType('find'), [], 'nothing posted for a broken filter');
    assert.match((await panel.text('.toolbar-message')) ?? '', /^Find: fix the field filter first: .*at character \d+/);
    await panel.page.locator('.field-filter input').fill('$.status == "WARN"');
    await panel.page.locator('button[data-action="find"]').click();
    await panel.waitForPosted('find');
    assert.deepEqual(await panel.postedOfType('find'), [{ type: 'find', text: 'device-5', field: '$.status == "WARN"' }]);
    // The shortcut does the same (wherever the focus is).
    await panel.page.keyboard.press('Control+Alt+KeyF');
    await panel.waitForPosted('find', 2);
  });

  it('the find line offers Cancel while running and says the stop reason nowhere but the banner', async () => {
    panel = await ui.open();
    await panel.send(initMessage(), statusMessage(2, { find: progress() }));
    await panel.frames();
    const cancel = panel.page.locator('.find-progress button.find-cancel');
    await cancel.click();
    await panel.waitForPosted('stop');
    const reason = 'Cancelled: the result is incomplete (12 matches so far).';
    await panel.send(statusMessage(2, { stopped: true, message: reason, find: progress({ stop: { kind: 'cancelled' } }) }));
    await panel.frames();
    assert.equal(await cancel.isVisible(), false, 'no Cancel once the find has ended');
    assert.doesNotMatch((await panel.text('.find-progress')) ?? '', /Cancelled|incomplete/);
    assert.match((await panel.text('.find-progress')) ?? '', /1,200 records .* scanned · 12 matches/);
    assert.equal((await panel.text('.banner'))?.trim(), reason);
  });
});
