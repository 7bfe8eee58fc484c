// A 500-shard stream in the panel header: the shards grouped by state on one line instead of 500
// chips, and a details table that sorts by lag, state and records; small streams keep their chips.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { ShardStatus, StatusMessage } from '../../../src/tail/shared/protocol';
import type { PanelPage} from '../webview-fixtures/panelPage';
import { initMessage, statusMessage } from '../webview-fixtures/panelPage';
import { panelSuite, SCREENSHOTS } from '../webview-fixtures/panelSuite';


/** 500 shards: #7 and #300 reading (lag 9 s and 2 s), #42 throttled, the rest caught up. */
function bigStatus(): StatusMessage {
  const shards: ShardStatus[] = Array.from({ length: 500 }, (_, i) => ({
    shardId: `shardId-${String(i).padStart(12, '0')}`, state: 'caught-up', millisBehindLatest: 0,
    recordsPerSecond: 0, bytesPerSecond: 0, totalRecords: 1000 + (i % 50), totalBytes: 100_000,
  }));
  const set = (i: number, s: Partial<ShardStatus>): void => { shards[i] = { ...(shards[i] as ShardStatus), ...s }; };
  set(7, { state: 'reading', millisBehindLatest: 9000, recordsPerSecond: 120 });
  set(300, { state: 'reading', millisBehindLatest: 2000, recordsPerSecond: 80, totalRecords: 99_000 });
  set(42, { state: 'throttled', attempt: 2, millisBehindLatest: 4000 });
  return { ...statusMessage(0), shards };
}

describe('tail panel webview: a 500-shard header', function () {
  this.timeout(60_000);
  const ui = panelSuite();
  let panel: PanelPage | undefined;


  const firstShards = async (p: PanelPage, n: number): Promise<string[]> => (await p.allText('.shard-table tbody .shard-name')).slice(0, n);

  it('groups 500 shards on one line, and the details table sorts by lag, state and records', async () => {
    panel = await ui.open({ width: 1100, height: 700 });
    await panel.send(initMessage(), bigStatus());
    assert.equal(await panel.page.locator('.chip').count(), 0, 'no chip per shard');
    assert.equal(await panel.text('.summary-button'), '500 shards497 caught up2 reading1 throttled');
    const headerHeight = await panel.page.locator('.panel-header').evaluate((el) => el.getBoundingClientRect().height);
    assert.ok(headerHeight < 120, `header ${headerHeight}px high`);
    assert.equal(await panel.page.locator('.shard-details').isVisible(), false);

    await panel.page.locator('.summary-button').click();
    await panel.frames(2);
    assert.equal(await panel.page.locator('.shard-table tbody tr').count(), 500);
    assert.deepEqual(await firstShards(panel, 3), ['#7', '#42', '#300'], 'most behind first by default');
    const box = await panel.page.locator('.shard-details').boundingBox();
    assert.ok(box && box.y + box.height <= 700, 'the table fits the screen and scrolls inside');

    await panel.page.locator('.shard-sort[data-sort="state"]').click();
    await panel.frames(2);
    assert.deepEqual(await firstShards(panel, 3), ['#42', '#7', '#300'], 'trouble first, then reading');
    assert.equal(await panel.page.locator('th[aria-sort="ascending"] .shard-sort').getAttribute('data-sort'), 'state');

    await panel.page.locator('.shard-sort[data-sort="records"]').click();
    await panel.frames(2);
    assert.deepEqual(await firstShards(panel, 1), ['#300'], 'most records first');
    await panel.page.locator('.shard-sort[data-sort="records"]').click();
    await panel.frames(2);
    assert.deepEqual(await firstShards(panel, 2), ['#0', '#50'], 'fewest records first, ties by shard id');

    await panel.page.locator('.shard-sort[data-sort="lag"]').click();
    await panel.frames(2);
    await panel.page.screenshot({ path: join(SCREENSHOTS, 'webview-shard-summary-500.png') });
    await panel.page.keyboard.press('Escape');
    await panel.frames(2);
    assert.equal(await panel.page.locator('.shard-details').isVisible(), false, 'Escape closes the table');
  });

  it('a row hides and shows its shard in a stream tail, and the line counts hidden shards', async () => {
    panel = await ui.open();
    await panel.send(initMessage(), bigStatus());
    await panel.page.locator('.summary-button').click();
    await panel.page.locator('.shard-table tr[data-shard="shardId-000000000042"]').click();
    await panel.frames(2);
    assert.deepEqual((await panel.postedOfType('toggleShard')).map((m) => [m.shardId, m.visible]), [['shardId-000000000042', false]]);
    assert.equal(await panel.page.locator('.shard-table tr.shard-hidden').count(), 1);
    assert.match((await panel.text('.summary-button')) ?? '', /1 hidden/);
  });

  it('keeps one chip per shard up to 16 shards', async () => {
    panel = await ui.open();
    await panel.send(initMessage(), statusMessage(16));
    assert.equal(await panel.page.locator('.chip').count(), 16);
    assert.equal(await panel.page.locator('.shard-summary').isVisible(), false);
    await panel.send(statusMessage(17));
    assert.equal(await panel.page.locator('.chip').count(), 0);
    assert.match((await panel.text('.summary-button')) ?? '', /^17 shards/);
  });
});
