import { strict as assert } from 'node:assert';
import { existsSync, statSync } from 'node:fs';
import { CONNECTION_NAME, workbench } from './workbench';
import { expand, openKinesisView, treeRow } from './tree';

describe('journey: open the Kinesis explorer', () => {
  it('clicks the Kinesis activity-bar icon and sees the explorer view', async () => {
    const wb = await workbench();
    const { page } = wb;
    const icon = page.locator('.activitybar .action-item .action-label[aria-label^="Kinesis"]');
    await icon.waitFor({ timeout: 60_000 });
    await wb.screenshot('01-workbench');
    await openKinesisView(page);
    // Wait for the extension's own content (tree rows or its welcome view), not VS Code's
    // "no data provider" placeholder shown while the extension activates.
    await page.locator('.sidebar .pane-body .monaco-list-row, .sidebar .pane-body .welcome-view-content').first().waitFor({ timeout: 60_000 });
    const shot = await wb.screenshot('02-kinesis-explorer');
    assert.ok(existsSync(shot) && statSync(shot).size > 10_000, 'screenshot was written');
  });

  it('expands connection → stream → shards and shows status, mode and shard count', async () => {
    const wb = await workbench();
    const { page } = wb;
    await openKinesisView(page);
    await expand(page, CONNECTION_NAME, 'ui-clicks');
    const stream = treeRow(page, 'ui-clicks');
    const description = await stream.locator('.label-description').innerText();
    assert.match(description, /4 shards/i, `stream description: ${description}`);
    await expand(page, 'ui-clicks', 'shardId-000000000003');
    const shards = await page.locator('.sidebar .pane-body .monaco-list-row .label-name', { hasText: /^shardId-/ }).allInnerTexts();
    assert.deepEqual(shards.slice(0, 4), ['shardId-000000000000', 'shardId-000000000001', 'shardId-000000000002', 'shardId-000000000003']);
    await treeRow(page, 'shardId-000000000001').hover();
    await page.locator('.monaco-hover, .custom-hover', { hasText: /hash/i }).first().waitFor({ timeout: 15_000 }).catch(() => undefined);
    await wb.screenshot('03-explorer-expanded');
  });
});
