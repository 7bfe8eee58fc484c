import { strict as assert } from 'node:assert';
import { existsSync, statSync } from 'node:fs';
import { workbench } from './workbench';

describe('journey: open the Kinesis explorer', () => {
  it('clicks the Kinesis activity-bar icon and sees the explorer view', async () => {
    const wb = await workbench();
    const { page } = wb;
    const icon = page.locator('.activitybar .action-item .action-label[aria-label^="Kinesis"]');
    await icon.waitFor({ timeout: 60_000 });
    await wb.screenshot('01-workbench');
    await icon.click();
    // A container with one view shows the view's name in the container title.
    await page.locator('.sidebar .composite.title', { hasText: 'Kinesis: Explorer' }).waitFor({ timeout: 30_000 });
    // Wait for the extension's own content (tree rows or its welcome view), not VS Code's
    // "no data provider" placeholder shown while the extension activates.
    await page.locator('.sidebar .pane-body .monaco-list-row, .sidebar .pane-body .welcome-view-content').first().waitFor({ timeout: 60_000 });
    const shot = await wb.screenshot('02-kinesis-explorer');
    assert.ok(existsSync(shot) && statSync(shot).size > 10_000, 'screenshot was written');
  });
});
