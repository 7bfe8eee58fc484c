// Page-side test code injected before the panel's script (through addInitScript, which the CSP
// does not apply to): a stand-in acquireVsCodeApi that records what the panel posts, a recorder
// of CSP violations, and a small probe the Node side queries. Plain JS in a string, since it
// runs in the page.

export const STAND_IN_SCRIPT = String.raw`
(() => {
  const posted = [];
  let state = window.__initialState;
  window.__posted = posted;
  window.__violations = [];
  window.__saves = 0;
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
  });
  let acquired = false;
  window.acquireVsCodeApi = () => {
    if (acquired) throw new Error('acquireVsCodeApi called twice');
    acquired = true;
    return Object.freeze({
      postMessage: (m) => {
        posted.push(JSON.parse(JSON.stringify(m)));
        // The stand-in host answers getPayload for the payloads a test registered.
        const p = m && m.type === 'getPayload' && window.__payloads && window.__payloads[m.id];
        if (p) setTimeout(() => window.postMessage({ type: 'payload', requestId: m.requestId, id: m.id, ok: true, ...p }, '*'), 0);
      },
      getState: () => state,
      setState: (s) => { state = JSON.parse(JSON.stringify(s)); window.__state = state; window.__saves++; },
    });
  };
  window.__send = (m) => window.postMessage(m, '*');
  /** Posts count rows, in batches, cloned from template rows with fresh ids from firstId on: cheap bulk data without CDP transfer. */
  window.__sendCopies = (template, firstId, count, batch) => {
    for (let sent = 0; sent < count; sent += batch) {
      const n = Math.min(batch, count - sent);
      const rows = new Array(n);
      for (let i = 0; i < n; i++) {
        const id = firstId + sent + i;
        rows[i] = { ...template[(id - 1) % template.length], id };
      }
      window.postMessage({ type: 'records', rows }, '*');
    }
  };
  window.__payloads = {};
  window.__setPayload = (id, p) => { window.__payloads[id] = p; };
  window.__probe = {
    rows() {
      return Array.from(document.querySelectorAll('.rows > .row')).filter((r) => !r.hidden).map((r) => {
        const box = r.getBoundingClientRect();
        return { id: Number(r.dataset.id), top: box.top, height: box.height, width: box.width, text: r.textContent,
          selected: r.classList.contains('selected'), expanded: r.getAttribute('aria-expanded') === 'true' };
      }).sort((a, b) => a.top - b.top);
    },
    rowElementCount() { return document.querySelectorAll('.row').length; },
    nodeCount() { return document.getElementsByTagName('*').length; },
    layout() {
      const vp = document.querySelector('.viewport');
      const cells = Array.from(document.querySelectorAll('.rows > .row:not([hidden]) .cell'));
      return {
        docScrollWidth: document.documentElement.scrollWidth, docClientWidth: document.documentElement.clientWidth,
        bodyScrollHeight: document.body.scrollHeight, windowHeight: window.innerHeight,
        viewportScrollWidth: vp.scrollWidth, viewportClientWidth: vp.clientWidth,
        maxCellRight: Math.max(0, ...cells.map((c) => c.getBoundingClientRect().right)),
        maxCellHeight: Math.max(0, ...cells.map((c) => c.getBoundingClientRect().height)),
        tallestCell: cells.reduce((best, c) => (!best || c.getBoundingClientRect().height > best.getBoundingClientRect().height ? c : best), null)?.className ?? '',
      };
    },
    text(selector) { const el = document.querySelector(selector); return el ? el.textContent : null; },
    allText(selector) { return Array.from(document.querySelectorAll(selector)).map((e) => e.textContent); },
    /** Elements that only HTML parsing of data could have created. */
    injected() { return document.querySelectorAll('#app img, #app svg, #app script, #app iframe, #app a, #app object, #app embed, #app [onerror], #app [onload]').length; },
    scrollViewport(top) { const vp = document.querySelector('.viewport'); vp.scrollTop = top; return vp.scrollTop; },
    viewportMetrics() { const vp = document.querySelector('.viewport'); return { scrollTop: vp.scrollTop, scrollHeight: vp.scrollHeight, clientHeight: vp.clientHeight }; },
    frames(n) { return new Promise((resolve) => { let i = 0; const step = () => (++i >= n ? resolve(i) : requestAnimationFrame(step)); requestAnimationFrame(step); }); },
  };
})();
`;
