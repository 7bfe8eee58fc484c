// Journey: right-click a shard, tail it from TRIM_HORIZON, see decoded JSON rows, watch new
// records arrive live, filter, export through the save dialog, and look at the panel in the
// dark and light themes.
import { strict as assert } from 'node:assert';
import { PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { createKinesisClient } from '../../src/kinesis/client';
import { eventually } from '../support/eventually';
import { collapseOtherStreams, contextMenu, expand, openKinesisView } from './tree';
import { readWith } from './journeySteps';
import { CONNECTION_NAME, resultsDir, runCommand, workbench, type Workbench } from './workbench';

const STREAM = 'ui-sensors';

async function put(wb: Workbench, events: object[]): Promise<void> {
  const client = createKinesisClient({ region: wb.kinesis.region, endpoint: wb.kinesis.endpoint, credentials: wb.kinesis.credentials });
  try {
    await client.send(new PutRecordsCommand({ StreamName: STREAM, Records: events.map((e, i) => ({ PartitionKey: `sensor-${i % 3}`, Data: Buffer.from(JSON.stringify(e)) })) }));
  } finally {
    client.destroy();
  }
}

function panelFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview').last().frameLocator('iframe');
}

/** Picks a color theme from the palette, as a user would. */
async function setTheme(wb: Workbench, theme: string): Promise<void> {
  const { page } = wb;
  await runCommand(page, 'Preferences: Color Theme');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(theme);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: theme }).first().click();
  // The workbench carries the theme's kind as a class: vs (light) or vs-dark.
  const kind = /light/i.test(theme) ? 'vs' : 'vs-dark';
  await page.locator(`.monaco-workbench.${kind}`).waitFor({ timeout: 30_000 });
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

describe('journey: tail a shard', () => {
  it('right-click a shard → TRIM_HORIZON → decoded rows, live records, filter and export', async () => {
    const wb = await workbench();
    const { page } = wb;
    const readings = Array.from({ length: 30 }, (_, i) => ({ sensor_id: `sensor-${i % 3}`, site: 'plant-berlin', temperature: 20 + (i % 9), humidity: 40 + i, status: i % 7 === 0 ? 'WARN' : 'OK' }));
    await put(wb, readings);

    await openKinesisView(page);
    await expand(page, CONNECTION_NAME, STREAM);
    // Shard ids repeat across streams: only ui-sensors may be open when its shard row is looked up.
    await collapseOtherStreams(page, STREAM);
    await expand(page, STREAM, 'shardId-000000000000');
    const input = page.locator('.quick-input-widget input');
    await contextMenu(page, 'shardId-000000000000', 'Tail Shard…', input);
    await wb.screenshot('10-tail-position-pick');
    await input.fill('TRIM_HORIZON');
    // Click the entry itself: Enter right after typing can pick whatever was highlighted before
    // the quick pick applied the filter (LATEST, the first entry).
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'TRIM_HORIZON' }).first().click();
    await readWith(page, 'Polling (GetRecords)');

    const frame = panelFrame(page);
    const rows = frame.locator('.rows .row:visible');
    await rows.first().waitFor({ timeout: 60_000 });
    await frame.locator('.rows .row:visible', { hasText: 'sensor-2' }).first().waitFor({ timeout: 30_000 });
    assert.ok((await frame.locator('.rows .row .c-badges', { hasText: /json/i }).count()) > 0, 'rows carry a JSON badge');
    await wb.screenshot('11-tail-rows');

    // Live: a record written now shows up without any action.
    await put(wb, [{ sensor_id: 'sensor-live', marker: 'live-42', temperature: 99.5 }]);
    await frame.locator('.rows .row:visible', { hasText: 'live-42' }).first().waitFor({ timeout: 30_000 });
    await wb.screenshot('12-tail-live');

    // Filter: only the live record matches.
    await frame.locator('.text-filter input').fill('live-42');
    await eventually(async () => (await rows.count()) === 1, 'the text filter to leave one row');
    await wb.screenshot('13-tail-filtered');

    // Export what is shown through VS Code's save dialog.
    const target = join(resultsDir, 'tail-export.ndjson');
    rmSync(target, { force: true });
    await frame.locator('button[data-action="export"]').click();
    const pathBox = page.locator('.quick-input-widget input');
    await pathBox.waitFor({ timeout: 15_000 });
    await wb.screenshot('13b-export-dialog');
    await pathBox.fill(target);
    await wb.screenshot('13c-export-path');
    await page.keyboard.press('Enter');
    await eventually(() => existsSync(target), `the export written to ${target}`);
    const lines = readFileSync(target, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { data: { marker?: string }; shardId: string; sequenceNumber: string });
    assert.equal(lines.length, 1, 'export of what is shown has the one filtered record');
    assert.equal(lines[0]?.data.marker, 'live-42');
    assert.equal(lines[0]?.shardId, 'shardId-000000000000');
    assert.match(lines[0]?.sequenceNumber ?? '', /^\d+$/);

    // Themes, for the README.
    await frame.locator('.text-filter input').fill('');
    await eventually(async () => (await rows.count()) > 1, 'every row back after clearing the filter');
    await frame.locator('.rows .row:visible').first().click();
    await page.keyboard.press('Enter');
    await frame.locator('.detail:visible').first().waitFor({ timeout: 15_000 });
    await wb.screenshot('14-tail-dark');
    await setTheme(wb, 'Light Modern');
    await wb.screenshot('15-tail-light');
    await setTheme(wb, 'Dark Modern');
  });

  it('after a window reload the panel comes back and resumes after the last record it showed', async () => {
    const wb = await workbench();
    const { page } = wb;
    // The panel persists its target and last sequence number per shard (vscode.setState, at most
    // twice a second): reload once no save is pending. "Developer: Reload Window", as a user
    // would, shuts the workbench down in order, so it stores the webview state before reloading
    // (a bare page reload can leave the browser storage a save behind).
    await panelFrame(page).locator('html[data-state-save="saved"]').waitFor({ timeout: 30_000 });
    await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), runCommand(page, 'Developer: Reload Window')]);
    await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
    const frame = panelFrame(page);
    await frame.locator('.panel-header .title-line', { hasText: 'resumed' }).waitFor({ timeout: 60_000 });
    await put(wb, [{ sensor_id: 'sensor-after', marker: 'after-reload-7' }]);
    await frame.locator('.rows .row:visible', { hasText: 'after-reload-7' }).first().waitFor({ timeout: 30_000 });
    const shown = await frame.locator('.rows .row:visible').allInnerTexts();
    assert.ok(!shown.some((t) => t.includes('live-42')), 'records shown before the reload are not read again');
    await wb.screenshot('16-tail-restored');
  });
});
