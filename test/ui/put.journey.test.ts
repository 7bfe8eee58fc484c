// Journey: type a JSON object into a new untitled file, select it, run "Kinesis: Put Record…"
// from the palette, answer the stream pick and the partition key box, and see the result
// notification; then read the record back from kinesis-local by the sequence number it shows.
import { strict as assert } from 'node:assert';
import { GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-kinesis';
import { createKinesisClient } from '../../src/kinesis/client';
import { answerQuickInput, expectNotification, runExactCommand, waitForKinesis } from './journeySteps';
import { runCommand, workbench } from './workbench';

describe('journey: put a selected JSON object from the palette', () => {
  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    const wb = await workbench();
    await wb.screenshot('put-failed');
    // Toasts hide after a while; the notification center still lists what was said.
    await runExactCommand(wb.page, 'Notifications: Show Notifications').catch(() => undefined);
    await wb.screenshot('put-failed-notifications');
  });

  it('puts the selection to ui-sensors and shows the shard and sequence number', async () => {
    const wb = await workbench();
    const { page } = wb;
    await waitForKinesis(page);
    await runExactCommand(page, 'File: New Untitled Text File');
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.waitFor({ timeout: 30_000 });
    await editor.click();
    const json = '{"sensor_id": "ui-1", "temp": 20.5, "ok": true}';
    // insertText: no key events, so no auto-closing quotes or brackets change what is typed.
    await page.keyboard.insertText(`// a comment line\n${json}\n`);
    // Select the JSON line only: line 2, from its start to its end.
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    await wb.screenshot('put-01-selected');

    await runCommand(page, 'Kinesis: Put Record…');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'choose a stream' }).waitFor({ timeout: 60_000 });
    await wb.screenshot('put-02-stream-pick');
    await answerQuickInput(page, 'choose a stream', 'ui-sensors', 'ui-sensors');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'partition key' }).waitFor({ timeout: 30_000 });
    await wb.screenshot('put-03-partition-key');
    await answerQuickInput(page, 'partition key', 'ui-key');

    const toast = await expectNotification(page, 'shardId-');
    for (const action of ['Tail from this record', 'Copy sequence number', 'Put again']) {
      await toast.locator('.monaco-button', { hasText: action }).waitFor();
    }
    await wb.screenshot('put-04-result');
    const text = (await toast.innerText()).replace(/\s+/g, ' ');
    const m = /Put to ui-sensors: (shardId-\d+), sequence number (\d+)/.exec(text);
    assert.ok(m, `unexpected notification: ${text}`);

    const client = createKinesisClient({ region: wb.kinesis.region, endpoint: wb.kinesis.endpoint, credentials: wb.kinesis.credentials });
    try {
      const it = await client.send(new GetShardIteratorCommand({ StreamName: 'ui-sensors', ShardId: m[1], ShardIteratorType: 'AT_SEQUENCE_NUMBER', StartingSequenceNumber: m[2] }));
      const out = await client.send(new GetRecordsCommand({ ShardIterator: it.ShardIterator, Limit: 1 }));
      const record = out.Records?.[0];
      assert.equal(Buffer.from(record?.Data ?? []).toString('utf8'), json);
      assert.equal(record?.PartitionKey, 'ui-key');
    } finally {
      client.destroy();
    }
  });
});
