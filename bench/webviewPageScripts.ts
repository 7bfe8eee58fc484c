// Page-side code for the webview benchmark, as strings (it runs in Chromium): batch delivery,
// a naive "append every row" table to compare with, and frame timing while scrolling.

/**
 * window.__bench: prepare() builds the next batch from template rows and structured-clones it
 * (as postMessage would: fresh strings per record), outside the measurement; deliver() dispatches
 * it synchronously to the page's message listeners and resolves after the next frame is drawn;
 * scroll() scrolls top to bottom, one step per frame, timing each frame's main-thread work.
 */
export const BENCH_SCRIPT = String.raw`
window.__bench = {
  template: [],
  pending: null,
  setTemplate(rows) { this.template = rows; },
  prepare(firstId, n) {
    const rows = new Array(n);
    for (let i = 0; i < n; i++) rows[i] = { ...this.template[(firstId + i) % this.template.length], id: firstId + i };
    this.pending = structuredClone({ type: 'records', rows });
  },
  async deliver() {
    const data = this.pending;
    this.pending = null;
    const t0 = performance.now();
    window.dispatchEvent(new MessageEvent('message', { data }));
    const handler = performance.now() - t0;
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return { handler, total: performance.now() - t0 };
  },
  counts(rowSelector) {
    return { elements: document.getElementsByTagName('*').length, rows: document.querySelectorAll(rowSelector).length };
  },
  /**
   * Scrolls one step per frame and times each frame's main-thread work (from the frame's first
   * rAF callback to a task queued behind its style, layout and paint). mode 'jump' goes top to
   * bottom in \`steps\` frames (every frame shows new rows); 'smooth' moves \`steps\` frames of
   * 66 px (3 rows) from the middle, like a wheel. Stops early past budgetMs.
   */
  async scroll(selector, mode, steps, budgetMs) {
    const el = document.querySelector(selector);
    const max = el.scrollHeight - el.clientHeight;
    const start = mode === 'jump' ? 0 : Math.floor(max / 2);
    el.scrollTop = start;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const work = [];
    const intervals = [];
    const began = performance.now();
    let last = 0;
    for (let i = 1; i <= steps + 1; i++) {
      await new Promise((resolve) => requestAnimationFrame((ts) => {
        const t0 = performance.now();
        if (last) intervals.push(ts - last);
        last = ts;
        if (i <= steps) el.scrollTop = mode === 'jump' ? Math.round((max * i) / steps) : Math.min(max, start + 66 * i);
        setTimeout(() => { if (i > 1) work.push(performance.now() - t0); resolve(); }, 0);
      }));
      if (performance.now() - began > budgetMs) break;
    }
    return { work, intervals, bottom: el.scrollTop >= max - 1 };
  },
};
`;

/** The baseline: every record becomes a table row in the DOM at once, and the view follows the end. */
export const NAIVE_PAGE = String.raw`<!DOCTYPE html>
<html><head><meta charset="utf-8"><style>
html, body { margin: 0; height: 100%; font: 13px sans-serif; }
#scroller { height: 100vh; overflow: auto; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
td { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; padding: 0 6px; height: 22px; }
</style></head><body><div id="scroller"><table><tbody id="rows"></tbody></table></div>
<script>
const tbody = document.getElementById('rows');
const scroller = document.getElementById('scroller');
const cell = (tr, text) => { const td = document.createElement('td'); td.textContent = text; tr.appendChild(td); };
window.addEventListener('message', (e) => {
  if (!e.data || e.data.type !== 'records') return;
  for (const r of e.data.rows) {
    const tr = document.createElement('tr');
    tr.className = 'row';
    cell(tr, new Date(r.arrival).toISOString().slice(11, 23));
    cell(tr, r.shardId);
    cell(tr, r.partitionKey);
    cell(tr, r.sequenceNumber);
    cell(tr, String(r.size));
    cell(tr, r.layers.join(' '));
    cell(tr, r.preview);
    tbody.appendChild(tr);
  }
  scroller.scrollTop = scroller.scrollHeight;
});
</script></body></html>`;
