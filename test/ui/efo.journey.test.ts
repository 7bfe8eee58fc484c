// Journey: a stream's Consumers folder, Register Consumer… from its context menu, then the normal
// Tail Stream… with "read with" → a new temporary consumer: records pushed into the panel, "EFO"
// in its header; after a window reload the panel comes back in enhanced fan-out with a fresh
// temporary consumer and the old one is deregistered.
import { strict as assert } from 'node:assert';
import { CreateStreamCommand, DescribeStreamSummaryCommand, ListStreamConsumersCommand, PutRecordsCommand, waitUntilStreamExists, type KinesisClient } from '@aws-sdk/client-kinesis';
import type { FrameLocator, Page } from 'playwright-core';
import { createKinesisClient } from '../../src/kinesis/client';
import { eventually } from '../support/eventually';
import { answerQuickInput, expectNotification, readWith } from './journeySteps';
import { contextMenu, expand, openKinesisView, treeRow } from './tree';
import { CONNECTION_NAME, runCommand, workbench } from './workbench';

// kinesis-local 0.6.2 cannot parse a consumer ARN whose stream name holds a "-".
const STREAM = 'ui_efo';

function panelFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview').last().frameLocator('iframe');
}

const TEMPORARY = /^kinesis-explorer-.+-[0-9a-f]{8}$/;

async function temporaryConsumers(client: KinesisClient): Promise<string[]> {
  const arn = (await client.send(new DescribeStreamSummaryCommand({ StreamName: STREAM }))).StreamDescriptionSummary?.StreamARN;
  const listed = await client.send(new ListStreamConsumersCommand({ StreamARN: arn }));
  return (listed.Consumers ?? []).filter((c) => c.ConsumerStatus === 'ACTIVE' && TEMPORARY.test(c.ConsumerName ?? '')).map((c) => c.ConsumerName ?? '');
}

describe('journey: consumers and an enhanced fan-out tail', () => {
  let firstConsumer = '';

  it('Consumers folder → Register Consumer… → Tail Stream… read with a new temporary consumer', async () => {
    const wb = await workbench();
    const { page } = wb;
    const client = createKinesisClient({ region: wb.kinesis.region, endpoint: wb.kinesis.endpoint, credentials: wb.kinesis.credentials });
    try {
      await client.send(new CreateStreamCommand({ StreamName: STREAM, ShardCount: 1 }));
      await waitUntilStreamExists({ client, maxWaitTime: 60, minDelay: 1, maxDelay: 1 }, { StreamName: STREAM });
      await client.send(new PutRecordsCommand({ StreamName: STREAM, Records: Array.from({ length: 5 }, (_, i) => ({ PartitionKey: `k${i}`, Data: Buffer.from(JSON.stringify({ order: i, item: 'efo-journey' })) })) }));

      await openKinesisView(page);
      await expand(page, CONNECTION_NAME, STREAM);
      await expand(page, STREAM, 'Consumers');
      await expand(page, 'Consumers', 'No registered consumers');
      await wb.screenshot('40-consumers-empty');

      const input = page.locator('.quick-input-widget input');
      await contextMenu(page, 'Consumers', 'Register Consumer…', input);
      await answerQuickInput(page, 'Register a consumer on', 'ui-app');
      await expectNotification(page, 'Consumer ui-app is ACTIVE');
      await page.keyboard.press('Escape');
      await treeRow(page, 'ui-app').waitFor({ timeout: 30_000 });
      assert.match((await treeRow(page, 'ui-app').textContent()) ?? '', /ACTIVE · created/);
      await wb.screenshot('41-consumers-registered');

      // The normal Tail Stream…: after the start position, how to read.
      await contextMenu(page, STREAM, 'Tail Stream…', input);
      await answerQuickInput(page, 'starting position', 'TRIM_HORIZON', 'TRIM_HORIZON');
      await page.locator('.quick-input-widget .quick-input-title', { hasText: 'read with' }).waitFor({ timeout: 30_000 });
      const modes = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
      await modes.filter({ hasText: 'ui-app' }).first().waitFor({ timeout: 10_000 });
      const labels = await modes.allInnerTexts();
      assert.match(labels[0] ?? '', /Polling \(GetRecords\)/, `polling first: ${labels.join(' | ')}`);
      assert.ok(labels.some((l) => /New temporary consumer \(deregistered when the panel closes\)/.test(l)), labels.join(' | '));
      await wb.screenshot('42-efo-read-with-pick');
      await readWith(page, 'New temporary consumer');

      const frame = panelFrame(page);
      await frame.locator('.rows .row:visible', { hasText: 'efo-journey' }).first().waitFor({ timeout: 60_000 });
      await frame.locator('.title-part.efo', { hasText: 'EFO' }).waitFor({ timeout: 10_000 });
      await client.send(new PutRecordsCommand({ StreamName: STREAM, Records: [{ PartitionKey: 'live', Data: Buffer.from(JSON.stringify({ marker: 'pushed-live-7' })) }] }));
      await frame.locator('.rows .row:visible', { hasText: 'pushed-live-7' }).first().waitFor({ timeout: 30_000 });
      await wb.screenshot('43-efo-tail');
      const live = await temporaryConsumers(client);
      assert.equal(live.length, 1, `one temporary consumer: ${live.join(', ')}`);
      firstConsumer = live[0] ?? '';
    } finally {
      client.destroy();
    }
  });

  it('after a window reload the panel comes back in enhanced fan-out with a fresh temporary consumer', async () => {
    assert.ok(firstConsumer, 'the first step left a temporary consumer');
    const wb = await workbench();
    const { page } = wb;
    const client = createKinesisClient({ region: wb.kinesis.region, endpoint: wb.kinesis.endpoint, credentials: wb.kinesis.credentials });
    try {
      await panelFrame(page).locator('html[data-state-save="saved"]').waitFor({ timeout: 30_000 });
      await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), runCommand(page, 'Developer: Reload Window')]);
      await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
      const frame = panelFrame(page);
      await frame.locator('.panel-header .title-line', { hasText: 'resumed' }).waitFor({ timeout: 60_000 });
      await frame.locator('.title-part.efo', { hasText: 'EFO' }).waitFor({ timeout: 10_000 });
      await eventually(async () => {
        const now = await temporaryConsumers(client);
        return now.length === 1 && now[0] !== firstConsumer;
      }, 'the old temporary consumer deregistered and one fresh one registered');
      await client.send(new PutRecordsCommand({ StreamName: STREAM, Records: [{ PartitionKey: 'live', Data: Buffer.from(JSON.stringify({ marker: 'after-reload-efo-9' })) }] }));
      await frame.locator('.rows .row:visible', { hasText: 'after-reload-efo-9' }).first().waitFor({ timeout: 60_000 });
      const shown = await frame.locator('.rows .row:visible').allInnerTexts();
      assert.ok(!shown.some((t) => t.includes('pushed-live-7')), 'records shown before the reload are not read again');
      await wb.screenshot('44-efo-tail-restored');
    } finally {
      client.destroy();
    }
  });
});
