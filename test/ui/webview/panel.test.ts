// The tail panel front end in headless Chromium, fed through a stand-in acquireVsCodeApi: the
// ready handshake, rendering, controls (pause/resume, stop, clear, filters, toggles, export),
// row actions, payload fetching, capacity and persisted state.
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../harness/browser';
import { initMessage, PanelPage, statusMessage } from '../webview-fixtures/panelPage';
import { jsonDecoded, makeRow, makeRows, sequenceNumber, textDecoded } from '../webview-fixtures/rows';
import { startPanelServer, type PanelServer } from '../webview-fixtures/server';

describe('tail panel webview', function () {
  this.timeout(60_000);
  let browser: Browser;
  let server: PanelServer;
  let panel: PanelPage;

  before(async () => {
    server = await startPanelServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    if (panel) {
      assert.deepEqual(panel.pageErrors, [], 'no uncaught errors in the page');
      assert.deepEqual(await panel.violations(), [], 'no CSP violations');
      await panel.close();
    }
  });

  it('sends ready first and nothing else until the host talks', async () => {
    panel = await PanelPage.open(browser, server);
    await panel.frames(3);
    assert.deepEqual(await panel.posted(), [{ type: 'ready' }]);
    assert.match((await panel.text('.empty-state')) ?? '', /Waiting for records/);
  });

  it('renders the header, chips and rows from init, status and records', async () => {
    // Tall enough for 30 rows under the header, toolbar and arrivals histogram.
    panel = await PanelPage.open(browser, server, { height: 820 });
    await panel.send(initMessage(), statusMessage(3), { type: 'records', rows: makeRows(1, 30) });
    assert.match((await panel.text('.title-line')) ?? '', /orders.*all shards.*TRIM_HORIZON.*kinesis-local/);
    const chips = await panel.allText('.chip');
    assert.equal(chips.length, 3);
    assert.match(chips[0], /#0.*reading.*1\.2 s behind/);
    assert.match(chips[1], /#1.*caught up.*0 ms behind/);
    assert.match(chips[2], /#2.*throttled/);
    assert.match((await panel.text('.stats')) ?? '', /30 \/ 100,000 buffered/);
    const rows = await panel.rows();
    assert.equal(rows.length, 30);
    assert.equal(rows[0].id, 1);
    assert.match(rows[0].text, /10:00:00\.037/, 'UTC arrival time');
    assert.match(rows[0].text, /#1/, 'short shard id');
    assert.match(rows[0].text, /device-1/);
    assert.match(rows[0].text, /JSON/);
    assert.match(rows[0].text, /temperature: 61/, 'the compact one-line preview of the whole document');
    await panel.page.locator('.rows .row[data-id="1"] .c-seq').hover();
    const seqTitle = await panel.page.locator('.rows .row[data-id="1"] .c-seq').getAttribute('title');
    assert.equal(seqTitle, sequenceNumber(1, 1), 'full sequence number on hover');
  });

  it('pauses, resumes, stops and clears through messages', async () => {
    panel = await PanelPage.open(browser, server);
    await panel.send(initMessage(), { type: 'records', rows: makeRows(1, 10) });
    const pause = panel.page.locator('.toolbar [data-action="pauseResume"]');
    await pause.click();
    assert.equal(await pause.getAttribute('title'), 'Resume');
    await pause.click();
    assert.equal(await pause.getAttribute('title'), 'Pause');
    await panel.page.locator('.toolbar [data-action="stop"]').click();
    await panel.page.locator('.toolbar [data-action="clear"]').click();
    await panel.frames();
    const sent = (await panel.posted()).slice(1);
    assert.deepEqual(sent, [{ type: 'pause', reason: 'user' }, { type: 'resume' }, { type: 'stop' }, { type: 'clear' }]);
    assert.equal((await panel.rows()).length, 0, 'clear empties the table');
    // The host's status is the truth: stopped disables pause and stop.
    await panel.send(statusMessage(1, { stopped: true }));
    assert.equal(await pause.isDisabled(), true);
    assert.match((await panel.text('.banner')) ?? '', /Stopped/);
  });

  it('filters by text over payload and partition key, and tells the host', async () => {
    panel = await PanelPage.open(browser, server);
    await panel.send(initMessage(), { type: 'records', rows: makeRows(1, 200) });
    await panel.page.locator('.text-filter input').fill('device-5');
    await panel.waitForPosted('setFilter');
    await panel.frames();
    const ids = (await panel.rows()).map((r) => r.id);
    // Partition keys are device-(id % 97): device-5, device-50..59 match.
    const expected = makeRows(1, 200).filter((r) => r.partitionKey.includes('device-5')).map((r) => r.id);
    assert.deepEqual(ids, expected);
    assert.deepEqual((await panel.postedOfType('setFilter')).at(-1), { type: 'setFilter', text: 'device-5', field: '' });
    assert.match((await panel.text('.stats')) ?? '', new RegExp(`${expected.length} shown`));
    await panel.page.locator('.text-filter input').fill('"level":"ERROR"');
    await panel.waitForPosted('setFilter', 2);
    await panel.frames();
    const errorIds = (await panel.rows()).map((r) => r.id);
    assert.ok(errorIds.length > 0 && errorIds.every((id) => id % 6 === 5), 'payload substring match');
  });

  it('filters by a field expression and reports syntax errors', async () => {
    panel = await PanelPage.open(browser, server);
    await panel.send(initMessage(), { type: 'records', rows: makeRows(1, 120) });
    const field = panel.page.locator('.field-filter input');
    await field.fill('temperature > 85 and level in ["WARN", "ERROR"]');
    await panel.waitForPosted('setFilter');
    await panel.frames();
    const ids = (await panel.rows()).map((r) => r.id);
    const expected = Array.from({ length: 120 }, (_, i) => i + 1).filter((id) => 60 + (id % 30) > 85 && [4, 5].includes(id % 6));
    assert.ok(expected.length > 0);
    assert.deepEqual(ids, expected);
    await field.fill('temperature >');
    await panel.waitForPosted('setFilter', 2);
    await panel.frames();
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    // The filter is CEL now: its parser's message, with the position (the end, character 14).
    assert.match((await panel.text('.toolbar-message')) ?? '', /Syntax error: .*\(at character 14\)/);
    assert.doesNotMatch((await panel.text('.stats')) ?? '', /shown/, 'an invalid field filter filters nothing');
    assert.equal((await panel.rows()).at(-1)?.id, 120);
  });

  it('toggles shards in a stream tail and tells the host', async () => {
    panel = await PanelPage.open(browser, server, { height: 820 });
    await panel.send(initMessage(), statusMessage(4), { type: 'records', rows: makeRows(1, 40) });
    await panel.page.locator('.chip', { hasText: '#2' }).click();
    await panel.frames();
    assert.deepEqual((await panel.postedOfType('toggleShard')), [{ type: 'toggleShard', shardId: 'shardId-000000000002', visible: false }]);
    const ids = (await panel.rows()).map((r) => r.id);
    assert.equal(ids.length, 30);
    assert.ok(ids.every((id) => id % 4 !== 2));
    assert.equal(await panel.page.locator('.chip', { hasText: '#2' }).getAttribute('aria-pressed'), 'false');
  });

  it('switches arrival times between UTC and local', async () => {
    panel = await PanelPage.open(browser, server);
    await panel.send(initMessage({ timeZone: 'utc' }), { type: 'records', rows: [makeRow(1)] });
    assert.equal(await panel.text('.rows .c-time'), '10:00:00.037');
    const tz = await panel.page.evaluate('Intl.DateTimeFormat().resolvedOptions().timeZone');
    await panel.page.locator('[data-action="utc"]').click();
    await panel.frames();
    const local = new Date(Date.UTC(2026, 10, 23, 10, 0, 0, 37));
    const expected = `${String(local.getHours()).padStart(2, '0')}:00:00.037`;
    assert.equal(await panel.text('.rows .c-time'), expected, `local time in ${String(tz)}`);
    assert.equal(await panel.page.locator('[data-action="utc"]').getAttribute('aria-pressed'), 'false');
  });

  it('posts row actions with the record id', async () => {
    panel = await PanelPage.open(browser, server);
    await panel.send(initMessage(), { type: 'records', rows: makeRows(1, 5) });
    const row = panel.page.locator('.rows .row[data-id="3"]');
    for (const action of ['copyPayload', 'copySequenceNumber', 'openInEditor', 'tailFromRecord', 'putAgain']) {
      await row.hover();
      await row.locator(`[data-action="${action}"]`).click();
    }
    await panel.frames();
    assert.deepEqual((await panel.posted()).slice(1), [
      { type: 'copy', what: 'payload', id: 3 }, { type: 'copy', what: 'sequenceNumber', id: 3 },
      { type: 'openInEditor', id: 3 }, { type: 'tailFromRecord', id: 3 }, { type: 'putAgain', id: 3 },
    ]);
  });

  it('exports with the chosen scope and format and shows the result', async () => {
    panel = await PanelPage.open(browser, server);
    await panel.send(initMessage(), { type: 'records', rows: makeRows(1, 5) });
    await panel.page.selectOption('select[aria-label="Export scope"]', 'all');
    await panel.page.selectOption('select[aria-label="Export format"]', 'csv');
    await panel.page.locator('[data-action="export"]').click();
    await panel.frames();
    const [request] = await panel.postedOfType('export');
    assert.equal(request.scope, 'all');
    assert.equal(request.format, 'csv');
    await panel.send({ type: 'exportResult', requestId: request.requestId, ok: true, count: 5, path: '/tmp/orders.csv' });
    assert.equal(await panel.text('.toolbar-message'), 'Exported 5 records to /tmp/orders.csv.');
  });

  it('expands a row into a JSON tree and collapses nodes', async () => {
    panel = await PanelPage.open(browser, server);
    await panel.send(initMessage(), { type: 'records', rows: makeRows(1, 5) });
    await panel.page.locator('.rows .row[data-id="2"] [data-action="toggle"]').click();
    await panel.frames();
    assert.equal(await panel.page.locator('.detail').isVisible(), true);
    assert.equal((await panel.rows()).find((r) => r.id === 2)?.expanded, true);
    const keys = await panel.allText('.json-tree .jkey');
    assert.deepEqual(keys.slice(0, 7), ['sensor', 'temperature', 'level', 'user', 'location', 'site', 'line']);
    assert.ok((await panel.allText('.json-tree .j-string')).includes('"s-2"'));
    // location is open by default; clicking its line collapses it.
    const location = panel.page.locator('.jnode.collapsible', { has: panel.page.locator(':scope > .jline .jkey', { hasText: 'location' }) });
    assert.equal(await location.getAttribute('aria-expanded'), 'true');
    await location.locator(':scope > .jline').click();
    assert.equal(await location.getAttribute('aria-expanded'), 'false');
    assert.equal(await location.locator(':scope > .jchildren').isVisible(), false);
    await panel.page.locator('.detail-tabs [data-tab="text"]').click();
    assert.match((await panel.text('.detail-body .text-view')) ?? '', /^\{\n {2}"sensor": "s-2",/);
    await panel.page.locator('.detail [data-action="close"]').click();
    assert.equal(await panel.page.locator('.detail').isVisible(), false);
  });

  it('fetches a truncated payload and the raw bytes with getPayload', async () => {
    panel = await PanelPage.open(browser, server);
    const big = { items: Array.from({ length: 400 }, (_, i) => ({ n: i, name: `item-${i}` })) };
    const row = makeRow(1, { decoded: jsonDecoded(big, ['gzip', 'json']) });
    assert.equal(row.bodyTruncated, true);
    await panel.send(initMessage(), { type: 'records', rows: [row] });
    await panel.page.locator('.rows .row[data-id="1"]').dblclick();
    await panel.waitForPosted('getPayload');
    const [req] = await panel.postedOfType('getPayload');
    assert.equal(req.id, 1);
    assert.match((await panel.text('.detail-note')) ?? '', /loading the full payload/);
    await panel.send({ type: 'payload', requestId: req.requestId, id: 1, ok: true, body: JSON.stringify(big), rawBase64: 'H4sIAAAAAAAA/w==', rawSize: 4000 });
    assert.deepEqual((await panel.allText('.json-tree .jsummary')).slice(0, 2), ['{ 1 key }', '[ 400 items ]']);
    await panel.page.locator('.detail-tabs [data-tab="hex"]').click();
    assert.match((await panel.text('.hex-view')) ?? '', /00000000\s+1f 8b 08 00 00 00 00 00\s+00 ff/);
    assert.match((await panel.text('.hex-view')) ?? '', /3990 more bytes not shown/);
  });

  it('keeps at most maxRecords rows, counts drops, and auto-pauses when asked', async () => {
    panel = await PanelPage.open(browser, server);
    await panel.send(initMessage({ maxRecords: 100, autoPauseWhenFull: true }), { type: 'records', rows: makeRows(1, 80) });
    assert.deepEqual(await panel.postedOfType('pause'), []);
    await panel.send({ type: 'records', rows: makeRows(81, 70) });
    assert.deepEqual(await panel.postedOfType('pause'), [{ type: 'pause', reason: 'full' }]);
    assert.match((await panel.text('.stats')) ?? '', /100 \/ 100 buffered.*50 dropped/);
    assert.match((await panel.text('.banner')) ?? '', /Buffer full/);
    await panel.page.locator('.toolbar-group', { has: panel.page.locator('[data-action="clear"]') }).locator('[data-action="clear"]').click();
    await panel.frames();
    assert.doesNotMatch((await panel.text('.stats')) ?? '', /dropped/);
  });

  it('replays after a reset; ready carries nothing, since the host replays its whole buffer', async () => {
    panel = await PanelPage.open(browser, server, {
      state: { v: 1, filterText: 'device-1', fieldFilter: '', hiddenShards: [], autoScroll: false, timeZone: 'utc', lastSeenId: 41, positions: { 'shardId-000000000000': sequenceNumber(40) } },
    });
    assert.deepEqual(await panel.posted(), [{ type: 'ready' }]);
    assert.equal(await panel.page.locator('.text-filter input').inputValue(), 'device-1', 'the filter survives a reload');
    await panel.send(initMessage(), { type: 'reset' }, { type: 'replay', rows: makeRows(1, 20), done: false });
    assert.match((await panel.text('.banner')) ?? '', /Restoring/);
    await panel.send({ type: 'replay', rows: makeRows(21, 20), done: true });
    assert.equal((await panel.text('.banner')) ?? '', '');
    assert.deepEqual((await panel.rows()).map((r) => r.id), [1, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    // The state is saved at most twice a second; wait for the save that follows the last batch.
    await panel.page.waitForFunction(() => (globalThis as unknown as { __state?: { lastSeenId?: number } }).__state?.lastSeenId === 40);
    const state = await panel.page.evaluate(() => (globalThis as unknown as { __state: unknown }).__state) as Record<string, unknown>;
    assert.equal(state.filterText, 'device-1');
    assert.equal((state.target as { stream: string }).stream, 'orders');
    assert.equal((state.positions as Record<string, string>)['shardId-000000000003'], sequenceNumber(39, 3));
  });

  it('shows text payloads as text', async () => {
    panel = await PanelPage.open(browser, server);
    await panel.send(initMessage(), { type: 'records', rows: [makeRow(1, { decoded: textDecoded('line one\nline two\ttabbed') })] });
    const [row] = await panel.rows();
    assert.match(row.text, /line one ↵ line two tabbed/);
    await panel.page.keyboard.press('ArrowDown');
    await panel.page.keyboard.press('Enter');
    await panel.frames();
    assert.equal(await panel.text('.detail-body .text-view'), 'line one\nline two\ttabbed');
  });
});
