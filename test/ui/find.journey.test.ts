// Journey: Find in Stream from a stream's context menu over the last 5 minutes with
// `$.status == "WARN"`, on a demo stream this journey fills (every 5th record a WARN): the filter
// is checked as it is typed, the progress shows in a notification and in the panel header, the
// find ends by itself with its stop reason (said once, in the banner), and only the matches are
// rows in the tail panel. Then from inside an open tail panel: its "Find…" takes the panel's
// filter, asks only for the range, and opens the find beside the live tail; caught mid-scan with
// its progress and Cancel, then cancelled from the header.
import { strict as assert } from 'node:assert';
import { CreateStreamCommand, PutRecordsCommand, waitUntilStreamExists } from '@aws-sdk/client-kinesis';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { eventually } from '../support/eventually';
import { answerQuickInput, focusStream, readWith } from './journeySteps';
import { createKinesisClient } from '../../src/kinesis/client';
import { contextMenu } from './tree';
import { runCommand, workbench, type Workbench } from './workbench';

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

const LONG_STREAM = 'ui-find-long';
/** ~4 KiB each: 6,000 of them are ~24 MiB, at least 12 s of reading at 2 MiB/s on one shard. */
const LONG_RECORDS = 6000;
const PAD = 'x'.repeat(4000);

function longClient(wb: Workbench) {
  return createKinesisClient({ region: wb.kinesis.region, endpoint: wb.kinesis.endpoint, credentials: wb.kinesis.credentials });
}

/** Puts every record, again for those PutRecords reports as failed. */
async function putEvery(wb: Workbench, records: { PartitionKey: string; Data: Uint8Array }[]): Promise<void> {
  const client = longClient(wb);
  try {
    let left = records;
    await eventually(async () => {
      const res = await client.send(new PutRecordsCommand({ StreamName: LONG_STREAM, Records: left }));
      left = left.filter((_, i) => res.Records?.[i]?.ErrorCode !== undefined);
      return left.length === 0;
    }, `${records.length} records written to ${LONG_STREAM}`, { timeoutMs: 60_000, intervalMs: 500 });
  } finally {
    client.destroy();
  }
}

const longRecord = (i: number, live = false) => ({
  PartitionKey: `device-${i % 7}`,
  Data: Buffer.from(JSON.stringify({ device: `device-${i % 7}`, seq: i, live, status: i % 50 === 0 || live ? 'WARN' : 'OK', pad: live ? '' : PAD })),
});

async function fillLongStream(wb: Workbench): Promise<void> {
  const client = longClient(wb);
  try {
    await client.send(new CreateStreamCommand({ StreamName: LONG_STREAM, ShardCount: 1 }));
    await waitUntilStreamExists({ client, maxWaitTime: 60, minDelay: 1, maxDelay: 1 }, { StreamName: LONG_STREAM });
  } finally {
    client.destroy();
  }
  for (let start = 0; start < LONG_RECORDS; start += 250) {
    await putEvery(wb, Array.from({ length: 250 }, (_, j) => longRecord(start + j)));
  }
}

let liveSeq = 0;
function putLive(wb: Workbench, n: number): Promise<void> {
  return putEvery(wb, Array.from({ length: n }, () => longRecord(liveSeq++, true)));
}

function panelFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview').last().frameLocator('iframe');
}

/** The webview frame (the panel's inner iframe) that shows `selector`: tells two open panels apart. */
function frameShowing(page: Page, selector: string, what: string): Promise<Frame> {
  return eventually(async () => {
    for (const f of page.frames()) {
      if (await f.locator(selector).isVisible().catch(() => false)) return f;
    }
    return undefined;
  }, what, { timeoutMs: 60_000 });
}

async function pickRow(page: Page, text: string): Promise<void> {
  await page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first().click();
}

describe('journey: find in stream', () => {
  // A find opens beside its tail (two editor groups); later journeys look up their own panel among
  // the open webviews, so leave no panel or group behind.
  afterEach(async () => {
    const { page } = await workbench();
    await runCommand(page, 'View: Close All Editor Groups');
  });

  it('stream context menu → last 5 minutes, $.status == "WARN" → progress, stop reason, only the matches', async () => {
    const wb = await workbench();
    const { page } = wb;
    await fillDemoStream(wb);

    await focusStream(page, STREAM);
    const input = page.locator('.quick-input-widget input');
    await contextMenu(page, STREAM, 'Find in Stream…', input);
    // From a stream: all shards, or one shard and its descendants.
    await wb.screenshot('40-find-shards');
    await pickRow(page, 'All shards');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'From a time' }).first().waitFor();
    await wb.screenshot('40b-find-from');
    await pickRow(page, 'From a time');
    // The pick gives way to an input box with the same title: type only once the list is gone.
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'From a time' }).first().waitFor({ state: 'hidden' });
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
    // The stop reason is the banner's; the find line keeps the figures and does not repeat it.
    await frame.locator('.panel-header .banner', { hasText: 'Range done' }).waitFor({ timeout: 120_000 });
    const line = await findLine.innerText();
    assert.doesNotMatch(line, /Range done/, 'the stop reason is said once');
    assert.match(line, new RegExp(`${RECORDS.toLocaleString('en-US')} records .* scanned`), line);
    assert.match(line, new RegExp(`${WARNS.toLocaleString('en-US')} matches`), line);
    await frame.locator('.rows .row:visible', { hasText: 'WARN' }).first().waitFor({ timeout: 30_000 });
    const shown = await frame.locator('.rows .row:visible').allInnerTexts();
    assert.ok(shown.length > 0 && shown.every((t) => t.includes('WARN')), 'only matches are rows');
    await page.locator('.notifications-toasts', { hasText: 'Range done' }).first().waitFor({ timeout: 30_000 }).catch(() => undefined);
    await wb.screenshot('43-find-done');

    // Every row action is the tail panel's own: open one match's detail.
    await frame.locator('.rows .row:visible').first().click();
    await page.keyboard.press('Enter');
    await frame.locator('.detail:visible').first().waitFor({ timeout: 15_000 });
    await wb.screenshot('44-find-match-detail');
  });

  it('tail panel → Find… takes its filter, asks only the range, scans beside the live tail; Cancel in the header', async () => {
    const wb = await workbench();
    const { page } = wb;
    await fillLongStream(wb);
    await runCommand(page, 'View: Close All Editors');
    await focusStream(page, LONG_STREAM);
    const input = page.locator('.quick-input-widget input');
    await contextMenu(page, LONG_STREAM, 'Tail Stream…', input);
    await input.fill('LATEST');
    await pickRow(page, 'LATEST');
    await readWith(page, 'Polling (GetRecords)');

    // The live tail: records written from now on (written until the first shows, as LATEST is
    // taken when the reader starts).
    const tailFrame = await frameShowing(page, '.panel-header .title-line', 'the tail panel');
    await tailFrame.locator('.field-filter input').fill('$.status == "WARN"');
    await eventually(async () => {
      await putLive(wb, 20);
      return tailFrame.locator('.rows .row:visible', { hasText: 'WARN' }).first().isVisible();
    }, 'live WARN records in the tail', { timeoutMs: 60_000, intervalMs: 1_000 });
    await tailFrame.locator('button[data-action="find"]').click();

    // Only the range is asked (no filter prompt: the panel's filter is taken).
    await answerQuickInput(page, 'Find in Stream: from', 'TRIM', 'From TRIM_HORIZON');
    await answerQuickInput(page, 'Find in Stream: to', 'now', 'To now');

    const find = await frameShowing(page, '.panel-header .find-progress', 'the find panel beside the tail');
    const findLine = find.locator('.panel-header .find-progress');
    const cancel = findLine.locator('button.find-cancel');
    // Mid-scan: the 2 MiB/s per-shard read budget makes the scan of ~24 MiB take seconds.
    await findLine.filter({ hasText: /[1-9][\d,]* records .* scanned · [1-9][\d,]* match/ }).waitFor({ timeout: 120_000 });
    await cancel.click({ trial: true, timeout: 15_000 });
    assert.match(await find.locator('.panel-header .title-line').innerText(), /\$\.status == "WARN"/, 'the find carries the panel\'s field filter');
    // Opening a group beside can reload the tail's webview (a new frame, its rows replayed).
    const tailAgain = await frameShowing(page, '.panel-header .title-line:has-text("LATEST")', 'the tail, still open beside the find');
    await tailAgain.locator('.rows .row:visible').first().waitFor({ timeout: 30_000 });
    await wb.screenshot('45-find-from-tail-scanning');

    // Cancel in the header: only a find still running can end as "Cancelled".
    await cancel.click();
    await find.locator('.panel-header .banner', { hasText: 'Cancelled: the result is incomplete' }).waitFor({ timeout: 30_000 });
    await cancel.waitFor({ state: 'hidden', timeout: 15_000 });
    assert.doesNotMatch(await findLine.innerText(), /Cancelled|incomplete/, 'the stop reason is said once, in the banner');
    await wb.screenshot('46-find-from-tail-cancelled');
  });
});
