// The table at any width: column sort on click, resizable columns remembered in the panel state,
// JSON field columns from the Columns menu, horizontal scroll when narrow (every column
// reachable), and a failed tail's error banner in the error style instead of "Waiting…".
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { PanelPage} from '../webview-fixtures/panelPage';
import { initMessage, statusMessage } from '../webview-fixtures/panelPage';
import { jsonDecoded, makeRow, makeRows } from '../webview-fixtures/rows';
import { panelSuite, SCREENSHOTS } from '../webview-fixtures/panelSuite';
import type { PersistedState } from '../../../src/tail/shared/protocol';

/** The little of the DOM these probes use (the test project has no DOM types). */
interface El {
  getBoundingClientRect(): { top: number; left: number; right: number };
  querySelector(selector: string): El | null;
  textContent: string | null;
  offsetLeft: number; offsetWidth: number; scrollWidth: number; clientWidth: number; scrollLeft: number;
}
interface Doc { querySelector(selector: string): El | null; querySelectorAll(selector: string): Iterable<El>; documentElement: El }


describe('tail panel webview: table layout, sorting and field columns', function () {
  this.timeout(60_000);
  const ui = panelSuite();
  let panel: PanelPage | undefined;


  const ids = async (p: PanelPage): Promise<number[]> => (await p.rows()).map((r) => r.id);
  const savedState = (p: PanelPage): Promise<PersistedState> => p.page.evaluate(() => (globalThis as unknown as { __state: PersistedState }).__state);

  it('sorts by a column on click (ascending, descending, then arrival order), keeping new rows in place', async () => {
    panel = await ui.open({ height: 900 });
    await panel.send(initMessage(), { type: 'records', rows: makeRows(1, 20) });
    const sizeHeader = panel.page.locator('.column-header [data-sort="size"]');
    await sizeHeader.click();
    await panel.frames(2);
    const sizes = (): Promise<number[]> => panel!.page.evaluate(() => [...(globalThis as unknown as { document: Doc }).document.querySelectorAll('.rows .row:not([hidden])')]
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
      .map((r) => Number((r.querySelector('.c-size')?.textContent ?? '').replace(/[^\d.]/g, ''))));
    const asc = await sizes();
    assert.deepEqual(asc, [...asc].sort((a, b) => a - b), 'ascending by size');
    assert.equal(await panel.page.locator('.column-header .c-size').getAttribute('aria-sort'), 'ascending');
    await panel.send({ type: 'records', rows: makeRows(21, 10) });
    const withNew = await sizes();
    assert.equal(withNew.length, 30);
    assert.deepEqual(withNew, [...withNew].sort((a, b) => a - b), 'new rows join the sorted view');
    await sizeHeader.click();
    await panel.frames(2);
    const desc = await sizes();
    assert.deepEqual(desc, [...desc].sort((a, b) => b - a), 'descending by size');
    await sizeHeader.click();
    await panel.frames(2);
    assert.deepEqual(await ids(panel), Array.from({ length: 30 }, (_, i) => i + 1), 'back to arrival (buffer) order');
    assert.equal(await panel.page.locator('.column-header .c-size').getAttribute('aria-sort'), 'none');
  });

  it('resizes a column by dragging its edge and remembers the width in the panel state', async () => {
    panel = await ui.open();
    await panel.send(initMessage(), { type: 'records', rows: makeRows(1, 5) });
    const cell = panel.page.locator('.column-header .c-key');
    const before = (await cell.boundingBox())!;
    const grip = (await panel.page.locator('.column-header .c-key .col-resizer').boundingBox())!;
    await panel.page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
    await panel.page.mouse.down();
    await panel.page.mouse.move(grip.x + 80, grip.y + grip.height / 2, { steps: 5 });
    await panel.page.mouse.up();
    await panel.frames(2);
    const after = (await cell.boundingBox())!;
    assert.ok(Math.abs(after.width - (before.width + 80)) <= 4, `the key column grew by the drag (${before.width} -> ${after.width})`);
    const rowKey = (await panel.page.locator('.rows .row[data-id="1"] .c-key').boundingBox())!;
    assert.ok(Math.abs(rowKey.width - after.width) <= 1, 'rows follow the header');
    await panel.page.waitForFunction(() => ((globalThis as unknown as { __state?: PersistedState }).__state?.columns?.widths.key ?? 0) > 0);
    const state = await savedState(panel);
    await panel.close();
    panel = await ui.open({ state });
    await panel.send(initMessage(), { type: 'records', rows: makeRows(1, 5) });
    const restored = (await panel.page.locator('.column-header .c-key').boundingBox())!;
    assert.ok(Math.abs(restored.width - after.width) <= 1, 'a restored panel keeps the width');
  });

  it('adds a decoded JSON field as a column from the Columns menu, and refuses a comparison', async () => {
    panel = await ui.open();
    await panel.send(initMessage(), { type: 'records', rows: makeRows(1, 8) });
    await panel.page.locator('.columns-button').click();
    const input = panel.page.locator('.columns-menu input');
    await input.fill('temperature > 3');
    await input.press('Enter');
    assert.match((await panel.text('.columns-problem')) ?? '', /path only/);
    await input.fill('$.temperature');
    await input.press('Enter');
    await panel.frames(2);
    assert.equal(await panel.text('.column-header .c-f0'), '$.temperature');
    const cells = await panel.allText('.rows .row:not([hidden]) .c-f0');
    assert.ok(cells.length > 0 && cells.every((c) => /^\d+$/.test(c)), `temperatures in the column: ${cells.join(',')}`);
    await panel.page.screenshot({ path: join(SCREENSHOTS, 'webview-tail-field-column.png') });
    await panel.page.waitForFunction(() => ((globalThis as unknown as { __state?: PersistedState }).__state?.columns?.fields ?? []).includes('$.temperature'));
  });

  for (const width of [1400, 900, 600]) {
    it(`keeps every column reachable at ${width} px (horizontal scroll when narrow)`, async () => {
      panel = await ui.open({ width, height: 500 });
      await panel.send(initMessage(), { type: 'records', rows: makeRows(1, 12) }, statusMessage(4));
      const m = await panel.page.evaluate(() => {
        const vp = (globalThis as unknown as { document: Doc }).document.querySelector('.viewport')!;
        const preview = (globalThis as unknown as { document: Doc }).document.querySelector('.rows .row:not([hidden]) .c-preview')!;
        return { scrollWidth: vp.scrollWidth, clientWidth: vp.clientWidth, previewRight: preview.offsetLeft + preview.offsetWidth, previewWidth: preview.offsetWidth };
      });
      assert.ok(m.previewWidth >= 200, `Payload keeps a readable width (${m.previewWidth})`);
      assert.ok(m.previewRight <= m.scrollWidth + 1, 'the last column is inside the scrollable width');
      if (width < 900) assert.ok(m.scrollWidth > m.clientWidth, 'a narrow panel scrolls sideways');
      await panel.page.screenshot({ path: join(SCREENSHOTS, `webview-tail-${width}.png`) });
      await panel.page.evaluate(() => { (globalThis as unknown as { document: Doc }).document.querySelector('.viewport')!.scrollLeft = 10_000; });
      await panel.frames(2);
      const header = await panel.page.evaluate(() => {
        const p = (globalThis as unknown as { document: Doc }).document.querySelector('.column-header .c-preview')!.getBoundingClientRect();
        return { left: p.left, right: p.right, docWidth: (globalThis as unknown as { document: Doc }).document.documentElement.clientWidth };
      });
      assert.ok(header.left < header.docWidth && header.right > 0, 'the Payload header scrolls into view with the rows');
      if (width < 900) await panel.page.screenshot({ path: join(SCREENSHOTS, `webview-tail-${width}-scrolled.png`) });
    });
  }

  it('shows a failed tail in the error style with the code and next step, never "Waiting for records…"', async () => {
    panel = await ui.open({ height: 400 });
    await panel.send(initMessage({ streamTail: false, shardIds: ['shardId-000000000000'] }), statusMessage(1, {
      stopped: true, severity: 'error',
      message: 'InvalidArgumentException: 4959 is not a sequence number of shardId-000000000000. Copy the sequence number from a record of that shard.',
    }));
    await panel.frames(3);
    assert.equal(await panel.page.locator('.banner.banner-error').count(), 1, 'the error style');
    assert.equal(await panel.page.locator('.banner .codicon-error').count(), 1);
    assert.match((await panel.text('.banner')) ?? '', /InvalidArgumentException: .*\. Copy the sequence number/);
    const empty = (await panel.text('.empty-state')) ?? '';
    assert.doesNotMatch(empty, /Waiting/);
    assert.match(empty, /stopped with an error/);
    await panel.page.screenshot({ path: join(SCREENSHOTS, 'webview-tail-error.png') });
  });

  it('says a DynamoDB row was converted and shows the original typed JSON in its own tab', async () => {
    panel = await ui.open({ height: 700 });
    const row = makeRow(1, { decoded: jsonDecoded({ eventName: 'INSERT', dynamodb: { NewImage: { n: 5 } } }, ['dynamodb', 'json']) });
    const original = JSON.stringify({ eventName: 'INSERT', dynamodb: { NewImage: { n: { N: '5' } } } }, null, 2);
    await panel.setPayload(1, { body: row.body, rawBase64: Buffer.from(original).toString('base64'), rawSize: original.length, original });
    await panel.send(initMessage(), { type: 'records', rows: [row] });
    await panel.page.locator('.rows .row[data-id="1"]').dblclick();
    await panel.page.locator('.detail .detail-note', { hasText: 'converted from DynamoDB' }).waitFor();
    await panel.page.locator('.detail [data-tab="original"]').click();
    await panel.page.locator('.detail pre.text-view', { hasText: '"N": "5"' }).waitFor();
    await panel.page.screenshot({ path: join(SCREENSHOTS, 'webview-tail-original.png') });
  });
});
