// Helpers for the Kinesis explorer tree in the real workbench: find rows by label, expand them,
// open their context menu.
import type { Locator, Page } from 'playwright-core';

export function treeRow(page: Page, label: string | RegExp): Locator {
  return page.locator('.sidebar .pane-body .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: label }) }).first();
}

/** Expands a collapsed row (a no-op when already expanded) and waits for a child to show. */
export async function expand(page: Page, label: string | RegExp, child: string | RegExp, timeout = 60_000): Promise<void> {
  const row = treeRow(page, label);
  await row.waitFor({ timeout });
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
  await treeRow(page, child).waitFor({ timeout });
}

/** Shows the Kinesis view; clicking its icon while it is shown would hide the side bar. */
export async function openKinesisView(page: Page): Promise<void> {
  const title = page.locator('.sidebar .composite.title', { hasText: 'Kinesis: Explorer' });
  if (!(await title.isVisible())) await page.locator('.activitybar .action-item .action-label[aria-label^="Kinesis"]').click();
  await title.waitFor({ timeout: 30_000 });
}

/**
 * Right-clicks a row and chooses a context-menu entry by its title: hovering focuses the entry,
 * and Enter runs it (a click that lands while the menu is still settling can close it without
 * running the entry). When `expect` (what the entry opens) does not show, the menu is opened
 * again, up to three times.
 */
export async function contextMenu(page: Page, label: string | RegExp, entry: string, expect?: Locator): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await treeRow(page, label).click({ button: 'right' });
    const item = page.locator('.context-view .action-item', { has: page.locator('.action-label', { hasText: entry }) }).first();
    await item.waitFor({ timeout: 15_000 });
    await item.hover();
    await page.locator('.context-view .action-item.focused', { hasText: entry }).waitFor({ timeout: 5_000 });
    await page.keyboard.press('Enter');
    if (!expect) return;
    try {
      await expect.waitFor({ timeout: 5_000 });
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
      await page.keyboard.press('Escape');
    }
  }
}

/**
 * Collapses every expanded stream row but `keep`'s. Shard ids repeat across streams
 * (shardId-000000000000 is in every one), so a journey that looks for a shard row by its id must
 * have only its own stream open.
 */
export async function collapseOtherStreams(page: Page, keep: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const open = page.locator('.sidebar .pane-body .monaco-list-row[aria-expanded="true"][aria-level="2"]').filter({ hasNot: page.locator('.label-name', { hasText: new RegExp(`^${keep.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
    if ((await open.count()) === 0) return;
    await open.first().locator('.monaco-tl-twistie').click();
  }
  throw new Error(`could not collapse the streams other than ${keep}`);
}

