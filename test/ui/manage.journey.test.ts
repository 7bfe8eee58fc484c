// Journey: create a stream from the palette (name, capacity mode, shard count, retention), see it
// revealed in the Kinesis explorer, then delete it from its context menu: the modal, the typed
// name (a wrong one first, to see the validation), and the tree without it.
import { strict as assert } from 'node:assert';
import { DescribeStreamSummaryCommand } from '@aws-sdk/client-kinesis';
import { randomBytes } from 'node:crypto';
import { createKinesisClient } from '../../src/kinesis/client';
import { answerQuickInput, clearNotifications, expectNotification, runExactCommand, waitForKinesis } from './journeySteps';
import { runCommand, workbench } from './workbench';

describe('journey: create a stream from the palette and delete it from the tree', () => {
  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    const wb = await workbench();
    await wb.screenshot('manage-failed');
    // Toasts hide after a while; the notification center still lists what was said.
    await runExactCommand(wb.page, 'Notifications: Show Notifications').catch(() => undefined);
    await wb.screenshot('manage-failed-notifications');
  });

  it('creates ui-created-*, reveals it, and deletes it with the typed confirmation', async () => {
    const wb = await workbench();
    const { page } = wb;
    await waitForKinesis(page);
    const name = `ui-created-${randomBytes(3).toString('hex')}`;
    const client = createKinesisClient({ region: wb.kinesis.region, endpoint: wb.kinesis.endpoint, credentials: wb.kinesis.credentials });
    try {
      await runCommand(page, 'Kinesis: Create Stream…');
      const widget = page.locator('.quick-input-widget');
      await widget.locator('.quick-input-title', { hasText: 'name' }).waitFor({ timeout: 60_000 });
      await widget.locator('input.input').fill('ui-sensors');
      await widget.locator('.quick-input-message', { hasText: 'already exists' }).waitFor();
      await wb.screenshot('manage-01-name-exists');
      await answerQuickInput(page, 'name', name);
      await answerQuickInput(page, 'capacity mode', 'Provisioned', 'Provisioned');
      await answerQuickInput(page, 'shard count', '2');
      await answerQuickInput(page, 'retention', '24');

      // The command reveals (selects) the new stream in the tree, then the notification shows.
      const row = page.locator('.sidebar .monaco-list-row', { hasText: name }).first();
      await page.locator('.sidebar .monaco-list-row.selected', { hasText: name }).waitFor({ timeout: 60_000 });
      const created = await expectNotification(page, `Stream ${name} is ACTIVE`);
      for (const action of ['Put Record…', 'Tail Stream…']) await created.locator('.monaco-button', { hasText: action }).waitFor();
      await wb.screenshot('manage-02-created-revealed');
      const made = (await client.send(new DescribeStreamSummaryCommand({ StreamName: name }))).StreamDescriptionSummary;
      assert.equal(made?.StreamStatus, 'ACTIVE');
      assert.equal(made?.OpenShardCount, 2);
      // Clear the notifications so the next screenshots show the menu, the dialog and the tree.
      await clearNotifications(page);

      await row.click({ button: 'right' });
      const menuItem = page.locator('.context-view .action-item', { hasText: 'Delete Stream…' });
      await menuItem.waitFor({ timeout: 10_000 });
      await wb.screenshot('manage-03-context-menu');
      await menuItem.click();

      const dialog = page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 30_000 });
      assert.match(await dialog.innerText(), /removes every record it holds: up to 24 hours/);
      await wb.screenshot('manage-04-modal');
      await dialog.locator('.monaco-button', { hasText: 'Delete…' }).click();

      await widget.locator('.quick-input-title', { hasText: 'type its name' }).waitFor({ timeout: 30_000 });
      await widget.locator('input.input').fill(`${name}x`);
      await widget.locator('.quick-input-message', { hasText: `Type "${name}" to confirm the deletion` }).waitFor();
      await wb.screenshot('manage-05-typed-wrong');
      await answerQuickInput(page, 'type its name', name);

      await page.locator('.sidebar .monaco-list-row', { hasText: name }).waitFor({ state: 'detached', timeout: 60_000 });
      await expectNotification(page, `Stream ${name} was deleted`);
      await wb.screenshot('manage-06-deleted');
      const gone = await client.send(new DescribeStreamSummaryCommand({ StreamName: name })).then(() => 'exists', (err: Error) => err.name);
      assert.equal(gone, 'ResourceNotFoundException');
    } finally {
      client.destroy();
    }
  });
});
