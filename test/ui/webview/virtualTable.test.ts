// The tail panel's virtual table in headless Chromium: the DOM row count stays bounded at 50,000
// records, scrolling shows the right rows, auto-scroll follows (and lets go), and the keyboard
// moves, expands and focuses.
import assert from 'node:assert/strict';
import { eventually } from '../../support/eventually';
import type { PanelPage} from '../webview-fixtures/panelPage';
import { initMessage, type PageGlobals } from '../webview-fixtures/panelPage';
import { makeRows } from '../webview-fixtures/rows';
import { panelSuite } from '../webview-fixtures/panelSuite';

const ROW = 22;

describe('tail panel webview: virtual table and keyboard', function () {
  this.timeout(120_000);
  const ui = panelSuite();
  let panel: PanelPage;


  const rowElements = (): Promise<number> => panel.page.evaluate(() => (globalThis as unknown as PageGlobals).__probe.rowElementCount());
  const scrollTo = (top: number): Promise<number> => panel.page.evaluate((t) => (globalThis as unknown as PageGlobals).__probe.scrollViewport(t), top);
  const metrics = (): Promise<{ scrollTop: number; scrollHeight: number; clientHeight: number }> =>
    panel.page.evaluate(() => (globalThis as unknown as PageGlobals).__probe.viewportMetrics());

  it('keeps the DOM row count independent of the record count (50,000 rows)', async () => {
    panel = await ui.open();
    await panel.send(initMessage(), { type: 'records', rows: makeRows(1, 1000) });
    const atThousand = await rowElements();
    await panel.sendCopies(makeRows(1, 1000), 1001, 49_000, 1000);
    const atFifty = await rowElements();
    assert.equal(atFifty, atThousand, 'same number of row elements at 1,000 and 50,000 records');
    assert.ok(atFifty < 80, `only visible rows plus overscan (${atFifty})`);
    assert.match((await panel.text('.stats')) ?? '', /50,000 \/ 100,000 buffered/);
    const m = await metrics();
    assert.equal(m.scrollHeight, 50_000 * ROW, 'the spacer holds the full height');
    // Auto-scroll is on: the newest record is at the bottom.
    assert.equal((await panel.rows()).at(-1)?.id, 50_000);
  });

  it('shows the right rows wherever it is scrolled', async () => {
    panel = await ui.open();
    await panel.send(initMessage({ autoScroll: false }));
    await panel.sendCopies(makeRows(1, 1000), 1, 20_000, 2000);
    for (const target of [0, 123_456, 250_000, 439_978]) {
      const top = await scrollTo(target);
      await panel.frames(2);
      const rows = await panel.rows();
      const m = await metrics();
      const firstVisible = Math.floor(top / ROW) + 1;
      const visible = rows.filter((r) => r.top + r.height > 0 && r.top < 2000);
      assert.ok(visible.some((r) => r.id === firstVisible), `row ${firstVisible} is rendered at scrollTop ${top}`);
      for (let i = 1; i < rows.length; i++) {
        assert.equal(rows[i].id, rows[i - 1].id + 1, 'consecutive records');
        assert.equal(Math.round(rows[i].top - rows[i - 1].top), ROW, 'one row height apart');
      }
      const lastVisible = Math.min(20_000, Math.ceil((top + m.clientHeight) / ROW));
      assert.ok(rows.at(-1)!.id >= lastVisible, `rows down to ${lastVisible} are rendered`);
    }
  });

  it('follows new records only while at the bottom, and keeps its place when old ones drop', async () => {
    panel = await ui.open();
    await panel.send(initMessage({ maxRecords: 1000 }), { type: 'records', rows: makeRows(1, 1000) });
    assert.equal((await panel.rows()).at(-1)?.id, 1000);
    await panel.send({ type: 'records', rows: makeRows(1001, 100) });
    assert.equal((await panel.rows()).at(-1)?.id, 1100, 'follows while at the bottom');
    await scrollTo(ROW * 300);
    await panel.frames(2);
    // The first row at the viewport's top edge (rows above it are overscan).
    const edge = (await panel.page.evaluate("document.querySelector('.viewport').getBoundingClientRect().top")) as number;
    const before = (await panel.rows()).find((r) => r.top >= edge && r.top < edge + ROW * 2)!;
    // 200 more arrive; the buffer is full, so the 200 oldest are dropped above the view.
    await panel.send({ type: 'records', rows: makeRows(1101, 200) });
    const after = (await panel.rows()).find((r) => r.id === before.id);
    assert.ok(after, 'the row under the eye is still rendered');
    assert.ok(Math.abs(after.top - before.top) < 1, `and at the same place (${before.top} -> ${after.top})`);
    assert.match((await panel.text('.stats')) ?? '', /300 dropped/);
  });

  it('moves with the keyboard, expands with Enter, closes with Escape, and Ctrl+F finds the filter', async () => {
    panel = await ui.open();
    await panel.send(initMessage({ autoScroll: false }), { type: 'records', rows: makeRows(1, 500) });
    await panel.page.locator('.rows .row[data-id="3"] .c-preview').click();
    const selected = async (): Promise<number | undefined> => (await panel.rows()).find((r) => r.selected)?.id;
    /** The selection follows a click or key on the page's next frames. */
    const selects = (id: number, what = `row ${id} selected`): Promise<boolean> => eventually(async () => {
      assert.equal(await selected(), id, what);
      return true;
    }, what);
    await selects(3);
    for (let i = 0; i < 3; i++) await panel.page.keyboard.press('ArrowDown');
    await panel.frames();
    await selects(6);
    await panel.page.keyboard.press('ArrowUp');
    await panel.frames();
    await selects(5);
    await panel.page.keyboard.press('PageDown');
    await panel.frames();
    const afterPage = (await selected()) ?? 0;
    assert.ok(afterPage > 20, `PageDown moves a page (${afterPage})`);
    await panel.page.keyboard.press('End');
    await panel.frames(3);
    await selects(500, 'End selects the last record and scrolls to it');
    await panel.page.keyboard.press('Enter');
    await panel.frames();
    assert.equal(await panel.page.locator('.detail').isVisible(), true);
    assert.equal((await panel.rows()).find((r) => r.id === 500)?.expanded, true);
    await panel.page.keyboard.press('ArrowUp');
    await panel.frames();
    assert.match((await panel.text('.detail-meta')) ?? '', new RegExp(`Partition key\\s*device-${499 % 97}(?!\\d)`), 'the detail follows the selection');
    await panel.page.keyboard.press('Escape');
    await panel.frames();
    assert.equal(await panel.page.locator('.detail').isVisible(), false);
    await panel.page.keyboard.press('Home');
    await panel.frames(3);
    await selects(1);
    await panel.page.keyboard.press('Control+f');
    assert.equal(await panel.page.evaluate('document.activeElement.getAttribute("aria-label")'), 'Filter payload and partition key');
    await panel.page.keyboard.type('device-96');
    await panel.page.keyboard.press('Escape');
    await panel.waitForPosted('setFilter');
    await panel.frames();
    assert.equal(await panel.page.evaluate('document.activeElement.className'), 'viewport', 'Escape returns to the table');
    assert.deepEqual((await panel.rows()).map((r) => r.id), [96, 193, 290, 387, 484]);
  });
});
