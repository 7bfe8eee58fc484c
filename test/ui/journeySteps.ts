// UI test helpers for the put and manage journeys: wait for the extension, and answer VS Code's
// quick input (a quick pick or an input box) the way a user does: wait for its title, type, Enter.
import type { Locator, Page } from 'playwright-core';
import { collapseOtherStreams, expand, openKinesisView } from './tree';
import { CONNECTION_NAME, runCommand } from './workbench';

/** Waits for the quick input whose title contains `title`, types `text`, then clicks `row` (a pick) or presses Enter (an input box). */
export async function answerQuickInput(page: Page, title: string, text: string, row?: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-title', { hasText: title }).waitFor({ timeout: 60_000 });
  const input = widget.locator('input.input');
  await input.fill(text);
  // A pick is answered by clicking its row: Enter right after typing can accept whatever was
  // highlighted before the filter applied. An input box is answered with Enter.
  if (row) await widget.locator('.quick-input-list .monaco-list-row', { hasText: row }).first().click();
  else await page.keyboard.press('Enter');
  // VS Code validates before accepting; opening anything else first would dismiss the box.
  await widget.locator('.quick-input-title', { hasText: title }).waitFor({ state: 'hidden', timeout: 30_000 });
}

/**
 * Answers a tail's "read with" pick (after the start position): `mode` is a row's text, e.g.
 * 'Polling (GetRecords)' or 'New temporary consumer'.
 */
export async function readWith(page: Page, mode: string): Promise<void> {
  await answerQuickInput(page, 'read with', mode.split(' ')[0] ?? mode, mode);
}

/** Waits until the extension's contributions are in the workbench (its activity-bar icon shows). */
export async function waitForKinesis(page: Page): Promise<void> {
  await page.locator('.activitybar .action-item .action-label[aria-label^="Kinesis"]').waitFor({ timeout: 60_000 });
}

/** Runs the palette command whose title is exactly `title` (see runCommand in workbench.ts). */
export const runExactCommand = runCommand;

/**
 * Waits for a notification containing `text` in the notification center. The test workbench runs
 * with the smoke-test driver, under which VS Code shows no toasts, so the center is where a
 * notification (with its action buttons) can be seen. A center opened before the notification
 * arrived does not always list it, so it is reopened until the notification shows.
 */
export async function expectNotification(page: Page, text: string, timeout = 60_000): Promise<Locator> {
  const item = page.locator('.notifications-center .notification-list-item', { hasText: text }).first();
  const deadline = Date.now() + timeout;
  for (;;) {
    await runExactCommand(page, 'Notifications: Show Notifications');
    try {
      await item.waitFor({ timeout: 3_000 });
      return item;
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
    await runExactCommand(page, 'Notifications: Hide Notifications');
  }
}

/** Clears and hides the notification center. */
export async function clearNotifications(page: Page): Promise<void> {
  await runExactCommand(page, 'Notifications: Clear All Notifications');
  await page.locator('.notifications-center .notification-list-item').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
}

/**
 * The Kinesis view shown and refreshed (streams created by the journey appear), `stream` expanded
 * under the test connection and every other stream collapsed, so its rows are the only ones of
 * their kind in the tree.
 */
export async function focusStream(page: Page, stream: string): Promise<void> {
  await openKinesisView(page);
  await runCommand(page, 'Kinesis: Refresh');
  await expand(page, CONNECTION_NAME, stream);
  await collapseOtherStreams(page, stream);
}
