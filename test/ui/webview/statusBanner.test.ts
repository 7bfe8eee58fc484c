// The header's tail-wide message (stream deleted, credentials expired), the `waiting` shard state,
// the connection's display name, and drop counting when host and webview both drop at the cap.
import assert from 'node:assert/strict';
import type { PanelPage} from '../webview-fixtures/panelPage';
import { initMessage, statusMessage } from '../webview-fixtures/panelPage';
import { makeRows } from '../webview-fixtures/rows';
import { panelSuite } from '../webview-fixtures/panelSuite';

describe('tail panel webview: status banner and states', function () {
  this.timeout(60_000);
  const ui = panelSuite();
  let panel: PanelPage | undefined;


  it('shows the host message as an inert banner and the waiting state on a chip', async () => {
    panel = await ui.open();
    const init = initMessage();
    init.target.connectionName = 'Production <b>eu</b>';
    const status = statusMessage(2, { stopped: true, message: 'Stream deleted: <img src=x onerror="window.__pwned=1"> no longer exists' });
    status.shards[1] = { ...status.shards[1], state: 'waiting' };
    await panel.send(init, status);
    await panel.frames(3);
    assert.match((await panel.text('.title-line')) ?? '', /Production <b>eu<\/b>/, 'the connection name, as text');
    assert.match((await panel.text('.banner')) ?? '', /Stream deleted: <img src=x onerror=/);
    assert.equal(await panel.page.locator('.banner img').count(), 0, 'the message is text, not HTML');
    assert.equal(await panel.page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned), undefined);
    assert.match((await panel.allText('.chip'))[1] ?? '', /waiting/);
  });

  it('counts drops once when the host and the panel both dropped the same records', async () => {
    panel = await ui.open();
    await panel.send(initMessage({ maxRecords: 100 }), { type: 'records', rows: makeRows(1, 150) }, statusMessage(1, { droppedByHost: 50 }));
    await panel.frames(3);
    assert.match((await panel.text('.stats')) ?? '', /50 dropped/);
    assert.doesNotMatch((await panel.text('.stats')) ?? '', /100 dropped/);
  });
});
