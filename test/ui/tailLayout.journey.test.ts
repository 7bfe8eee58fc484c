// Journeys: a merged 4-shard stream tail beside an editor at 1400, 900 and 600 px (rows in arrival
// order, every column reachable by scrolling sideways), and a tail from a sequence number that no
// longer exists (the stream was recreated): the error banner in the error style and the log line.
import { strict as assert } from 'node:assert';
import { CreateStreamCommand, DeleteStreamCommand, DescribeStreamSummaryCommand, PutRecordsCommand, type KinesisClient } from '@aws-sdk/client-kinesis';
import type { FrameLocator, Page } from 'playwright-core';
import { createKinesisClient } from '../../src/kinesis/client';
import { eventually } from '../support/eventually';
import { collapseOtherStreams, contextMenu, expand, openKinesisView } from './tree';
import { readWith } from './journeySteps';
import { runCommand, workbench, CONNECTION_NAME, type Workbench } from './workbench';

const MERGED = 'ui-clicks';
const ERRORS = 'ui-recreated';

function client(wb: Workbench): KinesisClient {
  return createKinesisClient({ region: wb.kinesis.region, endpoint: wb.kinesis.endpoint, credentials: wb.kinesis.credentials });
}

async function streamStatus(c: KinesisClient, name: string): Promise<string | undefined> {
  try {
    return (await c.send(new DescribeStreamSummaryCommand({ StreamName: name }))).StreamDescriptionSummary?.StreamStatus;
  } catch {
    return undefined;
  }
}

async function createActive(c: KinesisClient, name: string): Promise<void> {
  await c.send(new CreateStreamCommand({ StreamName: name, ShardCount: 1 }));
  await eventually(async () => (await streamStatus(c, name)) === 'ACTIVE', `${name} active`, { timeoutMs: 60_000 });
}

function frames(page: Page): FrameLocator[] {
  const n = (i: number): FrameLocator => page.frameLocator('iframe.webview').nth(i).frameLocator('iframe');
  return [n(0), n(1), n(2)];
}

async function arrivalTimes(frame: FrameLocator): Promise<string[]> {
  // Rows are absolutely placed: order them by their position, as the user sees them.
  const rows = await frame.locator('.rows .row:visible').evaluateAll((els) => els
    .map((e) => ({ top: e.getBoundingClientRect().top, time: e.querySelector('.c-time')?.textContent ?? '' }))
    .sort((a, b) => a.top - b.top)
    .map((r) => r.time));
  return rows;
}

describe('journey: the tail table at three widths, and a tail error', () => {
  before(async function () {
    this.timeout(300_000);
    // Created before the explorer first lists the streams, so the tree shows it.
    const c = client(await workbench());
    try {
      await createActive(c, ERRORS);
    } finally {
      c.destroy();
    }
  });

  it('a merged 4-shard tail beside an editor: arrival order, every column reachable at 1400, 900 and 600 px', async () => {
    const wb = await workbench();
    const { page } = wb;
    const c = client(wb);
    try {
      // Four writes, each spread over the four shards by its keys, a little apart in time.
      for (let round = 0; round < 4; round++) {
        await c.send(new PutRecordsCommand({
          StreamName: MERGED,
          Records: Array.from({ length: 12 }, (_, i) => ({ PartitionKey: `user-${round}-${i}`, Data: Buffer.from(JSON.stringify({ round, i, user_id: `u${i}`, page: `/p/${i}`, temperature: 20 + i })) })),
        }));
        await new Promise((r) => setTimeout(r, 150)); // spreads arrival times; nothing is asserted on it
      }
    } finally {
      c.destroy();
    }
    await runCommand(page, 'File: New Untitled Text File');
    await page.keyboard.insertText('# notes beside the tail\n');
    await openKinesisView(page);
    await expand(page, CONNECTION_NAME, MERGED);
    const input = page.locator('.quick-input-widget input');
    await contextMenu(page, MERGED, 'Tail Stream…', input);
    await input.fill('TRIM_HORIZON');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'TRIM_HORIZON' }).first().click();
    await readWith(page, 'Polling (GetRecords)');
    const frame = frames(page)[0];
    await frame.locator('.rows .row:visible').first().waitFor({ timeout: 60_000 });
    // Keys typed while the panel has focus go to its webview: focus the editor first, then put
    // it beside the panel, and hide the side bar so the two share the window.
    await page.locator('.tabs-container .tab', { hasText: 'Untitled-1' }).click();
    await runCommand(page, 'View: Move Editor into Right Group');
    await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
    await page.locator('.sidebar .composite.title', { hasText: 'Kinesis: Explorer' }).waitFor({ state: 'hidden' });
    await eventually(async () => (await frame.locator('.rows .row:visible').count()) > 0 && (await frame.locator('.chip').count()) === 4, 'rows and the four shard chips');
    await frame.locator('.title-line', { hasText: 'in arrival order' }).waitFor({ timeout: 30_000 });
    await eventually(async () => (await frame.locator('.stats', { hasText: /48 \/ / }).count()) === 1, 'all 48 records buffered', { timeoutMs: 60_000 });

    for (const width of [1400, 900, 600]) {
      await page.setViewportSize({ width, height: 800 });
      await frame.locator('.viewport').evaluate((el) => { el.scrollTop = 0; el.scrollLeft = 0; });
      await wb.screenshot(`tail-width-${width}`);
      const times = await arrivalTimes(frame);
      assert.ok(times.length > 5, 'rows are shown');
      assert.deepEqual(times, [...times].sort(), `rows in arrival order at ${width} px: ${times.join(' ')}`);
      const m = await frame.locator('.viewport').evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
      await frame.locator('.viewport').evaluate((el) => { el.scrollLeft = el.scrollWidth; });
      // The header follows the table's horizontal scroll on its scroll event (a later frame).
      const reachable = async (): Promise<boolean> => {
        const preview = await frame.locator('.column-header .c-preview').evaluate((el) => {
          const r = el.getBoundingClientRect();
          return { left: r.left, width: r.width, docWidth: el.ownerDocument.documentElement.clientWidth };
        });
        assert.ok(preview.left < preview.docWidth && preview.width >= 200, `the Payload column is reachable at ${width} px (${JSON.stringify({ ...m, ...preview })})`);
        return true;
      };
      await eventually(reachable, `the Payload column reachable at ${width} px`, { timeoutMs: 15_000 });
      if (m.scrollWidth > m.clientWidth) await wb.screenshot(`tail-width-${width}-scrolled`);
    }
    await page.setViewportSize({ width: 1400, height: 860 });
  });

  // A bad sequence number cannot reach a tail through the UI: the start-position prompt refuses
  // it before the panel opens (test/host), and kinesis-local accepts a recreated stream's old
  // numbers. The journey makes the tail fail the other way a user meets: the stream is deleted
  // under it (outside VS Code), and checks the same error banner and log line.
  it('a tail whose stream is deleted under it shows the error style and writes the log line', async () => {
    const wb = await workbench();
    const { page } = wb;
    await openKinesisView(page);
    const c = client(wb);
    try {
      await c.send(new PutRecordsCommand({ StreamName: ERRORS, Records: [{ PartitionKey: 'k', Data: Buffer.from('{"n":1}') }] }));
      await expand(page, CONNECTION_NAME, ERRORS);
      // Shard ids repeat across streams: only this stream may be open when its shard row is looked up.
      await collapseOtherStreams(page, ERRORS);
      await expand(page, ERRORS, 'shardId-000000000000');
      const input = page.locator('.quick-input-widget input');
      await contextMenu(page, 'shardId-000000000000', 'Tail Shard…', input);
      await input.fill('TRIM_HORIZON');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'TRIM_HORIZON' }).first().click();
      await readWith(page, 'Polling (GetRecords)');
      const panel = page.frameLocator('iframe.webview').last().frameLocator('iframe');
      await panel.locator('.rows .row:visible', { hasText: '{n: 1}' }).first().waitFor({ timeout: 60_000 });
      await c.send(new DeleteStreamCommand({ StreamName: ERRORS }));
      const banner = panel.locator('.banner.banner-error');
      await banner.waitFor({ timeout: 90_000 });
      assert.match(await banner.innerText(), /ResourceNotFoundException: /);
      await wb.screenshot('tail-error-banner');
    } finally {
      c.destroy();
    }
    await runCommand(page, 'Kinesis: Show Log');
    const output = page.locator('.part.panel .view-lines');
    await eventually(async () => /\[error\].*tail ui-recreated shardId-000000000000: stopped: ResourceNotFoundException/.test((await output.innerText().catch(() => '')).replace(/\s+/g, ' ')), 'the log line with the shard and the code');
    await wb.screenshot('tail-error-log');
  });
});
