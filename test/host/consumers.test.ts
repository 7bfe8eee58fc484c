// Consumers in real VS Code: the "Consumers" folder under a stream, Register Consumer… with a
// checked name (waits until ACTIVE), Copy ARN, the stream tooltip's count, and Deregister
// Consumer… behind a warning and the typed name. kinesis-local is the API.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { eventually } from '../support/eventually';
import { find, rows, setUpCommands, streamRows, type CommandFixture, type Row } from './commandFixture';
import { ScriptedPrompts } from './scriptedPrompts';

describe('consumers (inside real VS Code)', function () {
  this.timeout(120_000);
  let fx: CommandFixture;
  let stream = '';

  before(async function () {
    fx = await setUpCommands(this);
    stream = `host-efo-${fx.suffix}`;
    await fx.createStream(stream, 1);
  });

  after(async () => {
    await fx?.dispose();
  });

  async function consumersRow(): Promise<Row> {
    return find(await rows(fx.provider, find(await streamRows(fx.provider), stream).node), 'Consumers');
  }

  it('registers, shows, copies and deregisters a consumer', async () => {
    const folder = await consumersRow();
    assert.equal(folder.item.contextValue, 'consumers');
    assert.deepEqual((await rows(fx.provider, folder.node)).map((r) => [r.label, r.item.contextValue]), [['No registered consumers', 'message.empty']]);

    const register = new ScriptedPrompts({ kind: 'input', title: /Register a consumer on/, rejects: [['', /Enter a consumer name/], ['my app', /" " is not allowed in a consumer name/], ['x'.repeat(129), /at most 128/]], answer: 'host-app' });
    const result = await fx.run<{ name: string; status: string; arn: string }>('kinesis.registerConsumer', register, folder.node);
    register.assertDone();
    assert.equal(result.name, 'host-app');
    assert.equal(result.status, 'ACTIVE');

    const listed = await eventually(async () => {
      const r = (await rows(fx.provider, (await consumersRow()).node)).find((x) => x.label === 'host-app');
      return r?.item.contextValue === 'consumer.active' ? r : undefined;
    }, 'the ACTIVE consumer in the tree');
    assert.match(String(listed.item.description), /^ACTIVE · created \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    await vscode.commands.executeCommand('kinesis.explorer.copyArn', listed.node);
    assert.match(await vscode.env.clipboard.readText(), new RegExp(`:stream/${stream}/consumer/host-app:\\d+$`));

    const streamRow = find(await streamRows(fx.provider), stream);
    const token = new vscode.CancellationTokenSource();
    const resolved = await fx.provider.resolveTreeItem(streamRow.item, streamRow.node, token.token);
    token.dispose();
    const tooltip = resolved.tooltip instanceof vscode.MarkdownString ? resolved.tooltip.value : String(resolved.tooltip);
    assert.match(tooltip, /Consumers: 1/);

    // A wrong name is refused as typed; Escape at the typed confirmation deregisters nothing.
    const cancel = new ScriptedPrompts({ kind: 'confirm', message: /Deregister consumer host-app\?/, detail: /An application may be reading .* with consumer host-app/, answer: 'Deregister…' }, { kind: 'input', rejects: [['host-ap', /Type "host-app" exactly/]], answer: undefined });
    await fx.run('kinesis.deregisterConsumer', cancel, listed.node);
    cancel.assertDone();
    assert.ok((await rows(fx.provider, (await consumersRow()).node)).some((r) => r.label === 'host-app'), 'still registered');

    const go = new ScriptedPrompts({ kind: 'confirm', answer: 'Deregister…' }, { kind: 'input', title: /type its name to confirm/, answer: 'host-app' });
    await fx.run('kinesis.deregisterConsumer', go, listed.node);
    go.assertDone();
    await eventually(async () => {
      fx.provider.model.refresh((await consumersRow()).node);
      return !(await rows(fx.provider, (await consumersRow()).node)).some((r) => r.label === 'host-app');
    }, 'the consumer gone from the tree');
  });
});
