// Journey: Find in Stream from a stream's context menu over the last 5 minutes with
// `$.status == "WARN"`, on a demo stream this journey fills (every 5th record a WARN): the filter
// is checked as it is typed, the progress shows in a notification and in the panel header, the
// find ends by itself with its stop reason, and only the matches are rows in the tail panel.
import { strict as assert } from 'node:assert';
import { CreateStreamCommand, PutRecordsCommand, waitUntilStreamExists } from '@aws-sdk/client-kinesis';
import type { FrameLocator, Page } from 'playwright-core';
import { createKinesisClient } from '../../src/kinesis/client';
import { collapseOtherStreams, contextMenu, expand, openKinesisView } from './tree';
import { CONNECTION_NAME, runCommand, workbench, type Workbench } from './workbench';

const STREAM = 'ui-find';
const RECORDS = 2000;
const WARNS = RECORDS / 5;

async function fillDemoStream(wb: Workbench): Promise<void> {
  const client = createKinesisClient({ region: wb.kinesis.region, endpoint: wb.kinesis.endpoint, credentials: wb.kinesis.credentials });
  try {
    await client.send(new CreateStreamCommand({ StreamName: STREAM, ShardCount: 2 }));
    await waitUntilStreamExists({ client, maxWaitTime: 60, minDelay: 1, maxDelay: 1 }, { StreamName: STREAM });
    for (let start = 0; start < RECORDS; start += 500) {
      const records = Array.from({ length: 500 }, (_, j) => {
        const i = start + j;
        return { PartitionKey: `device-${i % 11}`, Data: Buffer.from(JSON.stringify({ device: `device-${i % 11}`, seq: i, status: i % 5 === 0 ? 'WARN' : 'OK', latencyMs: 20 + (i % 40) })) };
      });
      const res = await client.send(new PutRecordsCommand({ StreamName: STREAM, Records: records }));
      assert.equal(res.FailedRecordCount ?? 0, 0, 'every demo record written');
    }
  } finally {
    client.destroy();
  }
}

function panelFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview').last().frameLocator('iframe');
}

async function pickRow(page: Page, text: string): Promise<void> {
  await page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first().click();
}

describe('journey: find in stream', () => {
  it('stream context menu → last 5 minutes, $.status == "WARN" → progress, stop reason, only the matches', async () => {
    const wb = await workbench();
    const { page } = wb;
    await fillDemoStream(wb);

    await openKinesisView(page);
    await runCommand(page, 'Kinesis: Refresh');
    await expand(page, CONNECTION_NAME, STREAM);
    await collapseOtherStreams(page, STREAM);
    const input = page.locator('.quick-input-widget input');
    await contextMenu(page, STREAM, 'Find in Stream…', input);
    // From a stream: all shards, or one shard and its descendants.
    await wb.screenshot('40-find-shards');
    await pickRow(page, 'All shards');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'From a time' }).first().waitFor();
    await wb.screenshot('40b-find-from');
    await pickRow(page, 'From a time');
    await input.fill('-5m');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'To now' }).first().waitFor();
    await pickRow(page, 'To now');
    await page.locator('.quick-input-widget', { hasText: 'text filter' }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget', { hasText: 'field filter' }).waitFor();
    // Checked as it is typed: an unfinished expression says where it breaks.
    await input.fill('$.status ==');
    await page.locator('.quick-input-widget', { hasText: /At \d+:/ }).waitFor({ timeout: 15_000 });
    await wb.screenshot('41-find-filter-invalid');
    await input.fill('$.status == "WARN"');
    await page.locator('.quick-input-widget', { hasText: /At \d+:/ }).waitFor({ state: 'hidden', timeout: 15_000 });
    await page.keyboard.press('Enter');

    const frame = panelFrame(page);
    const findLine = frame.locator('.panel-header .find-progress');
    await findLine.waitFor({ timeout: 60_000 });
    await wb.screenshot('42-find-progress');
    await findLine.filter({ hasText: 'Range done' }).waitFor({ timeout: 120_000 });
    const line = await findLine.innerText();
    assert.match(line, new RegExp(`${RECORDS.toLocaleString('en-US')} records .* scanned`), line);
    assert.match(line, new RegExp(`${WARNS.toLocaleString('en-US')} matches`), line);
    await frame.locator('.rows .row', { hasText: 'WARN' }).first().waitFor({ timeout: 30_000 });
    const shown = await frame.locator('.rows .row:visible').allInnerTexts();
    assert.ok(shown.length > 0 && shown.every((t) => t.includes('WARN')), 'only matches are rows');
    await page.locator('.notifications-toasts', { hasText: 'Range done' }).first().waitFor({ timeout: 30_000 }).catch(() => undefined);
    await wb.screenshot('43-find-done');

    // Every row action is the tail panel's own: open one match's detail.
    await frame.locator('.rows .row').first().click();
    await page.keyboard.press('Enter');
    await frame.locator('.detail:visible').first().waitFor({ timeout: 15_000 });
    await wb.screenshot('44-find-match-detail');
  });
});
