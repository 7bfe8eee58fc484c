// The arrivals histogram in headless Chromium: brushing filters the table to a time window
// (with the text filter, as a removable chip, told to the host), a click scrolls the table to
// that moment, the keyboard does both, buckets follow appends and evictions, and a cut payload
// is still fetched on demand from the columnar store. Screenshots go to test-results/.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { eventually } from '../../support/eventually';
import { toRecordRow } from '../../../src/tail/shared/recordRow';
import type { PanelPage} from '../webview-fixtures/panelPage';
import { initMessage, statusMessage } from '../webview-fixtures/panelPage';
import { makeRow, makeRows, showcaseRows, textDecoded } from '../webview-fixtures/rows';
import { panelSuite, SCREENSHOTS } from '../webview-fixtures/panelSuite';

const BASE_TIME = makeRow(0).arrival;
const arrivalOf = (id: number): number => BASE_TIME + id * 37;
/** Waits until the assertions in `check` hold. */
const until = (what: string, check: () => Promise<void>): Promise<boolean> => eventually(async () => { await check(); return true; }, what);

describe('tail panel webview: arrivals histogram', function () {
  this.timeout(120_000);
  const ui = panelSuite();
  let panel: PanelPage;


  const canvasBox = async (): Promise<{ x: number; y: number; width: number; height: number }> => {
    const box = await panel.page.locator('.histogram-canvas').boundingBox();
    assert.ok(box, 'the histogram canvas is laid out');
    return box;
  };
  const summary = (): Promise<string | null> => panel.page.locator('.histogram-canvas').getAttribute('aria-label');
  const lastFilter = async (): Promise<{ text: string; window?: { from: number; to: number } } | undefined> => (await panel.postedOfType('setFilter')).at(-1);

  it('brushing filters the table to the window, with the text filter, and the chip removes it', async () => {
    panel = await ui.open();
    await panel.send(initMessage({ autoScroll: false }), { type: 'records', rows: makeRows(1, 2000) });
    await panel.page.locator('input[placeholder^="Filter payload"]').fill('WARN');
    await until('the panel to update', async () => { assert.match((await panel.text('.stats')) ?? '', /shown/); });
    const box = await canvasBox();
    const y = box.y + box.height / 2;
    await panel.page.mouse.move(box.x + box.width * 0.2, y);
    await panel.page.mouse.down();
    await panel.page.mouse.move(box.x + box.width * 0.35, y, { steps: 5 });
    await panel.page.mouse.up();
    await until('the panel to update', async () => { assert.ok((await lastFilter())?.window, 'the host is told the window'); });
    const f = await lastFilter();
    const w = f?.window as { from: number; to: number };
    assert.equal(f?.text, 'WARN', 'the window combines with the text filter');
    assert.equal(await panel.page.locator('.window-chip').isVisible(), true);
    await panel.frames(2);
    const rows = await panel.rows();
    assert.ok(rows.length > 0, 'some rows are in the window');
    for (const r of rows) {
      assert.ok(arrivalOf(r.id) >= w.from && arrivalOf(r.id) < w.to, `row ${r.id} arrived inside the window`);
      assert.match(r.text, /WARN/);
    }
    const shownInWindow = Number(/([\d,]+) shown/.exec((await panel.text('.stats')) ?? '')?.[1].replace(/,/g, ''));
    assert.ok(shownInWindow < 2000 / 6, `fewer rows than the text filter alone (${shownInWindow})`);
    await panel.page.locator('.window-chip').click();
    await until('the panel to update', async () => { assert.equal((await lastFilter())?.window, undefined); });
    assert.equal(await panel.page.locator('.window-chip').isVisible(), false);
    await until('the panel to update', async () => {
      const shown = Number(/([\d,]+) shown/.exec((await panel.text('.stats')) ?? '')?.[1].replace(/,/g, ''));
      assert.ok(shown > shownInWindow, 'removing the chip shows the whole text-filtered set again');
    });
  });

  it('a click on a bar scrolls the table to that moment and lets go of auto-scroll', async () => {
    panel = await ui.open();
    await panel.send(initMessage({ autoScroll: true }));
    for (let first = 1; first <= 10_000; first += 2000) await panel.send({ type: 'records', rows: makeRows(first, 2000) });
    await until('the panel to update', async () => { assert.equal((await panel.rows()).at(-1)?.id, 10_000); });
    const box = await canvasBox();
    await panel.page.mouse.click(box.x + box.width * 0.1, box.y + box.height / 2);
    await until('the panel to update', async () => {
      const rows = await panel.rows();
      const selected = rows.find((r) => r.selected);
      assert.ok(selected, 'the row at that moment is selected and on screen');
      assert.ok(selected.id < 5000, `it is an early row (${selected.id})`);
      assert.ok(selected.top >= 0, 'it is scrolled into view');
    });
    assert.equal(await panel.page.locator('[data-action="autoScroll"], .auto-scroll').first().getAttribute('aria-pressed'), 'false');
  });

  it('works from the keyboard and says what it shows', async () => {
    panel = await ui.open();
    await panel.send(initMessage({ autoScroll: false }), { type: 'records', rows: makeRows(1, 3000) });
    await panel.frames(2);
    assert.match((await summary()) ?? '', /Arrivals histogram by shard: 3,000 records from .* buckets of .*peak/);
    await panel.page.locator('.histogram-canvas').focus();
    await panel.page.keyboard.press('Home');
    assert.match((await panel.text('.histogram .sr-only')) ?? '', /records/);
    await panel.page.keyboard.press('Shift+ArrowRight');
    await panel.page.keyboard.press('Shift+ArrowRight');
    await until('the panel to update', async () => { assert.ok((await lastFilter())?.window); });
    assert.equal(await panel.page.locator('.window-chip').isVisible(), true);
    await panel.page.keyboard.press('Escape');
    await until('the panel to update', async () => { assert.equal(await panel.page.locator('.window-chip').isVisible(), false); });
    await panel.page.keyboard.press('End');
    await panel.page.keyboard.press('Enter');
    await until('the panel to update', async () => { assert.ok((await panel.rows()).some((r) => r.selected && r.id > 2900)); });
    await panel.page.locator('.histogram-mode').click();
    await until('the panel to update', async () => { assert.match((await summary()) ?? '', /by decoder kind/); });
  });

  it('keeps its buckets incrementally through appends and evictions', async () => {
    panel = await ui.open();
    await panel.send(initMessage({ maxRecords: 1000, autoScroll: true }));
    await panel.sendCopies(makeRows(1, 1000), 1, 20_000, 500);
    await until('the histogram counts what the buffer holds', async () => { assert.match((await summary()) ?? '', /: 1,000 records from /); });
    await panel.send({ type: 'reset' });
    await until('the panel to update', async () => { assert.match((await summary()) ?? '', /no records yet/); });
  });

  it('fetches a cut payload on demand for the detail view', async () => {
    panel = await ui.open();
    const big = toRecordRow({
      id: 2, shardId: 'shardId-000000000000', sequenceNumber: '2', partitionKey: 'k', arrival: BASE_TIME, size: 9000,
      decoded: { kind: 'json', layers: ['json'], json: { blob: 'x'.repeat(8000), last: 'end-marker' }, text: '', size: 9000 },
    });
    assert.equal(big.bodyTruncated, true);
    await panel.send(initMessage({ autoScroll: false }), { type: 'records', rows: [makeRow(1), big, makeRow(3, { decoded: textDecoded('hello') })] });
    await panel.setPayload(2, { body: JSON.stringify({ blob: 'x'.repeat(8000), last: 'end-marker' }) });
    await panel.page.locator('.rows .row[data-id="2"]').dblclick();
    await panel.waitForPosted('getPayload');
    const [req] = await panel.postedOfType('getPayload');
    assert.equal(req.id, 2);
    await until('the panel to update', async () => { assert.match((await panel.page.locator('.detail').innerText()) ?? '', /end-marker/); });
  });

  for (const theme of ['dark', 'light'] as const) {
    it(`screenshot: histogram stacked by shard, with a brushed window (${theme})`, async () => {
      panel = await ui.open({ theme, width: 1280, height: 760 });
      const rows = showcaseRows(400).map((r, i) => ({ ...r, arrival: BASE_TIME + Math.round(i * 150 + 4000 * Math.sin(i / 25) ** 2) }));
      rows.sort((a, b) => a.arrival - b.arrival);
      await panel.send(initMessage({ timeZone: 'utc', autoScroll: false }), statusMessage(4), { type: 'records', rows: rows.map((r, i) => ({ ...r, id: i + 1 })) });
      const box = await canvasBox();
      const y = box.y + box.height / 2;
      await panel.page.mouse.move(box.x + box.width * 0.4, y);
      await panel.page.mouse.down();
      await panel.page.mouse.move(box.x + box.width * 0.55, y, { steps: 4 });
      await panel.page.mouse.up();
      await panel.frames(3);
      await panel.page.evaluate('document.fonts.ready');
      await panel.page.screenshot({ path: join(SCREENSHOTS, `webview-histogram-${theme}.png`) });
      await panel.page.locator('.histogram-mode').click();
      await panel.frames(2);
      await panel.page.locator('.histogram').screenshot({ path: join(SCREENSHOTS, `webview-histogram-by-kind-${theme}.png`) });
    });
  }
});
