// Journey: a stream's Consumers folder, Register Consumer… from its context menu, then Tail Stream
// (Enhanced Fan-out)… with a temporary consumer: records pushed into the panel, "EFO" in its header.
import { strict as assert } from 'node:assert';
import { CreateStreamCommand, PutRecordsCommand, waitUntilStreamExists } from '@aws-sdk/client-kinesis';
import type { FrameLocator, Page } from 'playwright-core';
import { createKinesisClient } from '../../src/kinesis/client';
import { answerQuickInput, expectNotification } from './journeySteps';
import { contextMenu, expand, openKinesisView, treeRow } from './tree';
import { CONNECTION_NAME, workbench } from './workbench';

// kinesis-local 0.6.2 cannot parse a consumer ARN whose stream name holds a "-".
const STREAM = 'ui_efo';

function panelFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview').last().frameLocator('iframe');
}

describe('journey: consumers and an enhanced fan-out tail', () => {
  it('Consumers folder → Register Consumer… → Tail Stream (Enhanced Fan-out)… with a temporary consumer', async () => {
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

      await contextMenu(page, STREAM, 'Tail Stream (Enhanced Fan-out)…', input);
      await answerQuickInput(page, 'starting position', 'TRIM_HORIZON', 'TRIM_HORIZON');
      await page.locator('.quick-input-widget .quick-input-title', { hasText: 'which consumer' }).waitFor({ timeout: 30_000 });
      await wb.screenshot('42-efo-consumer-pick');
      await answerQuickInput(page, 'which consumer', 'Temporary', 'Temporary consumer');

      const frame = panelFrame(page);
      await frame.locator('.rows .row', { hasText: 'efo-journey' }).first().waitFor({ timeout: 60_000 });
      await frame.locator('.title-part.efo', { hasText: 'EFO' }).waitFor({ timeout: 10_000 });
      await client.send(new PutRecordsCommand({ StreamName: STREAM, Records: [{ PartitionKey: 'live', Data: Buffer.from(JSON.stringify({ marker: 'pushed-live-7' })) }] }));
      await frame.locator('.rows .row', { hasText: 'pushed-live-7' }).first().waitFor({ timeout: 30_000 });
      await wb.screenshot('43-efo-tail');
    } finally {
      client.destroy();
    }
  });
});
