// Hostile record content in the tail panel: markup, script breakouts, javascript: links, bidi
// overrides, ANSI escapes, NUL bytes, a 1 MiB line and a 5,000-level JSON document must all be
// shown inertly as text, run nothing, and leave the layout intact.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makePreview, revealControls } from '../../../src/tail/shared/display';
import type { RecordRow } from '../../../src/tail/shared/protocol';
import { initMessage, PanelPage, statusMessage, type PageGlobals } from '../webview-fixtures/panelPage';
import { jsonDecoded, makeRow, textDecoded } from '../webview-fixtures/rows';
import { panelSuite } from '../webview-fixtures/panelSuite';

const PWN = 'window.__pwned=1';
const RESULTS = resolve(__dirname, '..', '..', '..', '..', 'test-results');

/** Each one is used as a text payload, a JSON value and key, and a partition key. */
const HOSTILE: ReadonlyArray<[string, string]> = [
  ['img onerror', `<img src=x onerror="${PWN}">`],
  ['script close', `</script><script>${PWN}</script>`],
  ['javascript: link', `<a href="javascript:${PWN}">click me</a>`],
  ['bare javascript: url', `javascript:${PWN}//`],
  ['svg onload', `<svg onload="${PWN}"><circle r=9></svg>`],
  ['template literal', `\${${PWN}}\`;${PWN};\``],
  ['double-quote attribute breakout', `"><img src=x onerror=${PWN}>`],
  ["single-quote attribute breakout", `' onmouseover='${PWN}' x='`],
  ['iframe srcdoc', `<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>`],
  ['style injection', '<style>*{display:none!important}</style></style>'],
  ['mutation XSS', `<math><mtext><table><mglyph><style><img src=x onerror=${PWN}>`],
  ['template injection', `{{constructor.constructor('${PWN}')()}}`],
  ['comment and CDATA breakouts', `--><!-- ]]><img src=x onerror=${PWN}>`],
  ['data: url', `data:text/html,<script>${PWN}</script>`],
  ['meta refresh', `<meta http-equiv="refresh" content="0;url=javascript:${PWN}">`],
  ['base href', '<base href="javascript:/">'],
  ['entities stay literal', `&lt;img src=x onerror=${PWN}&gt; &amp; &#60;b&#62;`],
  ['RTL override', 'invoice\u202Egnp.exe and \u2067isolate\u2069 \u200F'],
  ['ANSI escapes', '\u001b[31mRED\u001b[0m \u001b]8;;http://evil.example\u0007link\u001b]8;;\u0007 \u001b[2J'],
  ['NUL bytes', 'a\u0000b\u0000c\u0000'],
  ['line separators and BOM', 'one\u2028two\u2029three\uFEFF\r\nfour'],
  ['lone surrogate', 'broken \ud800 pair'],
  ['zalgo', `Z${'\u0336\u0337\u0338\u0334\u0335\u0321\u0322\u0327\u0328'.repeat(30)}algo`],
  ['long unbroken partition key', 'k'.repeat(10_000)],
];

/** A 1 MiB single line and a 5,000-level document, sent cut at the inline cap and fetched whole. */
const ONE_MIB_LINE = `${'<img src=x onerror=window.__pwned=1>'.repeat(10)}${'x'.repeat(1024 * 1024)}`;
const DEEP_JSON = `${'{"a":'.repeat(5000)}"<svg onload=window.__pwned=1>"${'}'.repeat(5000)}`;

describe('tail panel webview: hostile payloads', function () {
  this.timeout(120_000);
  const ui = panelSuite();
  let panel: PanelPage;
  let rows: RecordRow[];

  after(async () => {
    await panel?.close();
  });

  beforeEach(async () => {
    await panel?.close();
    panel = await PanelPage.open(ui.browser, ui.server, { height: 2400 });
    rows = [];
    let id = 1;
    for (const [, s] of HOSTILE) {
      rows.push(makeRow(id++, { partitionKey: s, decoded: textDecoded(s) }));
      rows.push(makeRow(id++, { partitionKey: `pk-${id}`, decoded: jsonDecoded({ msg: s, [s]: [s, { nested: s }] }) }));
    }
    rows.push(makeRow(id++, { decoded: textDecoded(ONE_MIB_LINE) }));
    rows.push(makeRow(id++, { decoded: { kind: 'json', layers: ['gzip', 'json'], text: DEEP_JSON, json: undefined, size: DEEP_JSON.length } }));
    // Hostile metadata the host passes through: shard id, sequence number, layers.
    rows.push({ ...makeRow(id++), shardId: `shardId-<img src=x onerror=${PWN}>`, sequenceNumber: `"><svg onload=${PWN}>` });
    rows.push({ ...makeRow(id), layers: ['json', `<img src=x onerror=${PWN}>` as never] });
    await panel.send(initMessage({ autoScroll: false }), statusMessage(2, { shards: [{ ...statusMessage(1).shards[0], shardId: `<svg onload=${PWN}>`, message: `<img src=x onerror=${PWN}>` }] }));
    await panel.send({ type: 'records', rows });
    await panel.setPayload(rows.length - 3, { body: ONE_MIB_LINE, rawBase64: '', rawSize: ONE_MIB_LINE.length });
    await panel.setPayload(rows.length - 2, { body: DEEP_JSON });
  });

  async function assertInert(): Promise<void> {
    await panel.frames(3);
    assert.equal(await panel.page.evaluate(() => (globalThis as unknown as { __pwned?: unknown }).__pwned), undefined, 'no script ran');
    assert.deepEqual(panel.dialogs, [], 'no dialog opened');
    assert.deepEqual(await panel.violations(), [], 'no CSP violation (nothing tried to load or run)');
    assert.deepEqual(panel.consoleErrors, [], 'no console errors');
    assert.deepEqual(panel.pageErrors, [], 'no page errors');
    assert.equal(await panel.page.evaluate(() => (globalThis as unknown as PageGlobals).__probe.injected()), 0, 'no element parsed from data');
  }

  async function assertLayout(): Promise<void> {
    const layout = await panel.layout();
    assert.ok(layout.docScrollWidth <= layout.docClientWidth, `page does not scroll sideways (${layout.docScrollWidth} > ${layout.docClientWidth})`);
    assert.ok(layout.viewportScrollWidth <= layout.viewportClientWidth, 'table does not scroll sideways');
    assert.ok(layout.maxCellRight <= layout.docClientWidth + 0.5, 'cells stay inside the window');
    assert.ok(layout.maxCellHeight <= 22, `cells keep the row height (${layout.maxCellHeight}: ${layout.tallestCell})`);
    assert.ok(layout.bodyScrollHeight <= layout.windowHeight, 'the page itself does not grow');
  }

  it('renders every hostile row as text, with fixed row heights', async () => {
    const shown = await panel.rows();
    assert.equal(shown.length, rows.length, 'all rows fit the tall test window');
    for (const r of shown) {
      assert.equal(r.height, 22, `row ${r.id} keeps its height`);
      assert.equal(r.width, shown[0].width, `row ${r.id} keeps its width`);
    }
    const previews = await panel.allText('.rows .row .c-preview');
    const keys = await panel.allText('.rows .row .c-key');
    for (let i = 0; i < HOSTILE.length; i++) {
      const [name, s] = HOSTILE[i];
      const textRow = rows[2 * i];
      // The table shows as much of the host's preview as can be visible, as text.
      const shownPreview = previews[2 * i].replace(/\u2026$/, '');
      assert.ok(shownPreview.length >= 40 || shownPreview === textRow.preview, `${name}: preview is not empty`);
      assert.ok(textRow.preview.startsWith(shownPreview), `${name}: preview shown as text (${shownPreview})`);
      assert.equal(keys[2 * i], makePreview(s, 300), `${name}: partition key shown as text, on one line`);
      assert.ok(previews[2 * i + 1].includes(makePreview(JSON.stringify(s), 400).slice(0, 20)), `${name}: JSON preview shown as text`);
    }
    assert.match(previews.join('\n'), /<img src=x onerror="window.__pwned=1">/, 'markup is visible as characters');
    assert.match(previews.join('\n'), /invoice<U\+202E>gnp\.exe/, 'a bidi override is shown, not applied');
    assert.match(previews.join('\n'), /␛\[31mRED␛\[0m/, 'ANSI escapes are shown, not interpreted');
    assert.match(previews.join('\n'), /a␀b␀c␀/, 'NUL bytes are shown');
    const chipTitle = (await panel.page.locator('.chip').first().getAttribute('title')) ?? '';
    assert.match(chipTitle, /^<svg onload=window\.__pwned=1>\n/, 'hostile shard ids in chips are plain text');
    assert.match(chipTitle, /<img src=x onerror=window\.__pwned=1>/, 'and so are status messages');
    assert.equal((await panel.allText('.chip .chip-name'))[0], '<svg onload=window.__pw\u2026');
    await assertInert();
    await assertLayout();
    mkdirSync(RESULTS, { recursive: true });
    await panel.page.screenshot({ path: join(RESULTS, 'webview-tail-hostile.png'), clip: { x: 0, y: 0, width: 1200, height: 900 } });
  });

  it('shows every hostile record inertly in the detail pane (tree, text and hex)', async () => {
    await panel.page.locator('.viewport').focus();
    await panel.page.keyboard.press('Home');
    await panel.page.keyboard.press('Enter');
    for (let i = 0; i < rows.length; i++) {
      await panel.frames(1);
      const detailText = (await panel.text('.detail-body')) ?? '';
      const row = rows[i];
      if (i < 2 * HOSTILE.length) {
        const s = HOSTILE[Math.floor(i / 2)][1];
        if (row.bodyTruncated) assert.match(detailText, /loading the full payload/);
        else if (row.kind === 'text') assert.equal(detailText, revealControls(s), `${HOSTILE[i / 2][0]}: text view is the payload as text`);
        else assert.ok(detailText.includes(revealControls(JSON.stringify(s)).slice(0, 40)), `${HOSTILE[(i - 1) / 2][0]}: tree shows the value as text`);
      }
      if (i % 7 === 0) await panel.page.locator('.detail-tabs [data-tab="text"]').click();
      await panel.page.locator('.viewport').focus();
      await panel.page.keyboard.press('ArrowDown');
    }
    await assertInert();
    await assertLayout();
  });

  it('fetches and shows a 1 MiB line and a 5,000-level document without breaking', async () => {
    const bigId = rows.length - 3;
    await panel.page.locator(`.rows .row[data-id="${bigId}"]`).dblclick();
    await panel.page.waitForSelector('.detail-body .text-view');
    await panel.page.waitForFunction((n) => ((globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } })
      .document.querySelector('.detail-body .text-view')?.textContent.length ?? 0) >= n, ONE_MIB_LINE.length);
    assert.equal((await panel.text('.detail-body .text-view'))?.length, ONE_MIB_LINE.length, 'the whole line, as text');
    await assertLayout();

    const deepId = rows.length - 2;
    await panel.page.locator(`.rows .row[data-id="${deepId}"]`).dblclick();
    await panel.page.waitForSelector('.json-tree');
    await panel.page.locator('.detail [data-action="expandAll"]').click();
    await panel.frames(2);
    const depth = await panel.page.locator('.json-tree .jnode').count();
    assert.ok(depth >= 150 && depth <= 260, `the tree opens a bounded number of levels (${depth})`);
    assert.match((await panel.text('.json-tree')) ?? '', /nested too deep for the tree/);
    await panel.page.locator('.detail-tabs [data-tab="text"]').click();
    assert.match((await panel.text('.detail-body')) ?? '', /Nested more than 64 levels deep/);
    assert.equal((await panel.text('.detail-body .text-view'))?.length, DEEP_JSON.length);
    await assertInert();
    await assertLayout();
  });

  it('keeps hostile metadata as text in the detail header', async () => {
    const id = rows.length - 1;
    await panel.page.locator(`.rows .row[data-id="${id}"]`).dblclick();
    await panel.frames(2);
    const meta = (await panel.text('.detail-meta')) ?? '';
    assert.match(meta, /shardId-<img src=x onerror=window\.__pwned=1>/);
    assert.match(meta, /"><svg onload=window\.__pwned=1>/);
    assert.equal(await panel.page.evaluate(() => (globalThis as unknown as { __pwned?: unknown }).__pwned), undefined);
    await assertInert();
  });
});

