// The histogram's time window as a filter, and its place in the setFilter message.
import assert from 'node:assert/strict';
import { compileView } from '../../../../src/tail/shared/filter';
import { isWebviewMessage } from '../../../../src/tail/shared/protocol';
import { withTimeWindow } from '../../../../src/tail/shared/timeWindow';
import { makeRow } from '../../../ui/webview-fixtures/rows';

describe('time window filter', () => {
  it('narrows a view to [from, to) and keeps the view\'s own conditions', () => {
    const rows = Array.from({ length: 100 }, (_, i) => makeRow(i + 1));
    const from = rows[10].arrival;
    const to = rows[20].arrival;
    const all = withTimeWindow(compileView({ text: '', field: '', hiddenShards: [] }), { from, to });
    assert.equal(all.active, true);
    assert.deepEqual(rows.filter((r) => all.matches(r)).map((r) => r.id), Array.from({ length: 10 }, (_, i) => i + 11));
    const warn = withTimeWindow(compileView({ text: 'WARN', field: '', hiddenShards: [] }), { from, to });
    assert.ok(rows.filter((r) => warn.matches(r)).every((r) => r.arrival >= from && r.arrival < to && r.body.includes('WARN')));
    const none = compileView({ text: '', field: '', hiddenShards: [] });
    assert.equal(withTimeWindow(none, undefined), none);
  });

  it('is accepted in setFilter only when well-formed', () => {
    assert.equal(isWebviewMessage({ type: 'setFilter', text: '', field: '', window: { from: 1, to: 2 } }), true);
    assert.equal(isWebviewMessage({ type: 'setFilter', text: '', field: '' }), true);
    assert.equal(isWebviewMessage({ type: 'setFilter', text: '', field: '', window: { from: 2, to: 1 } }), false);
    assert.equal(isWebviewMessage({ type: 'setFilter', text: '', field: '', window: { from: 'a', to: 2 } }), false);
    assert.equal(isWebviewMessage({ type: 'setFilter', text: '', field: '', window: null }), false);
  });
});
