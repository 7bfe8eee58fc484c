// "Put Record…", "Put Records (one per line)…" and "Put again" inside real VS Code: editors with
// selections, prompts answered by ScriptedPrompts, records read back from kinesis-local byte for
// byte, and bad input refused before anything is written.
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import type { PutLinesResult } from '../../src/commands/put/lines';
import type { PutSendResult } from '../../src/commands/put/send';
import type { CommandResult } from '../../src/commands/registerCommand';
import { CONNECTION, EMPTY_CONNECTION, EMPTY_REGION, REGION, countRecords, find, readAt, setUpCommands, shardsOf, streamRows, type CommandFixture } from './commandFixture';
import { ScriptedPrompts } from './scriptedPrompts';

async function editor(content: string, language: string, ...selections: Array<[number, number, number, number]>): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language, content });
  const ed = await vscode.window.showTextDocument(doc);
  ed.selections = selections.length > 0 ? selections.map(([a, b, c, d]) => new vscode.Selection(a, b, c, d)) : [new vscode.Selection(0, 0, 0, 0)];
  return ed;
}

/** The shard whose hash key range holds MD5(partition key), computed here rather than by the extension. */
async function shardForKey(fx: CommandFixture, stream: string, key: string): Promise<string> {
  const hash = BigInt(`0x${createHash('md5').update(key, 'utf8').digest('hex')}`);
  const shard = (await shardsOf(fx.client, stream)).find((s) => BigInt(s.HashKeyRange?.StartingHashKey ?? '-1') <= hash && hash <= BigInt(s.HashKeyRange?.EndingHashKey ?? '-1'));
  assert.ok(shard?.ShardId);
  return shard.ShardId;
}

describe('put commands (inside real VS Code)', function () {
  this.timeout(90_000);
  let fx: CommandFixture;
  let stream = '';

  before(async function () {
    fx = await setUpCommands(this);
    stream = `host-put-${fx.suffix}`;
    await fx.createStream(stream, 2);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('kinesis.put').update('askExplicitHashKey', undefined, vscode.ConfigurationTarget.Global);
    await fx?.dispose();
  });

  const pickStream = () => [{ kind: 'pick' as const, choose: CONNECTION, title: /connection/ }, { kind: 'pick' as const, choose: stream, title: /choose a stream/ }];

  it('puts the selected JSON object of an untitled JSON document and reads it back byte for byte', async () => {
    const object = '{"sensor_id": "s-1", "temp": 21.5, "note": "naïve ✓ 😀"}';
    const ed = await editor(`[\n  ${object}\n]\n`, 'json', [1, 2, 1, 2 + object.length]);
    assert.equal(ed.document.getText(ed.selection), object);
    const prompts = new ScriptedPrompts(...pickStream(), {
      kind: 'input',
      title: /partition key/,
      rejects: [['', /Enter a partition key/], ['$.', /field name/], ['k'.repeat(257), /at most 256/]],
      answer: 'sensor-7',
    });
    const result = await fx.run<PutSendResult>('kinesis.putRecord', prompts);
    prompts.assertDone();
    assert.equal(result.status, 'sent', result.message);
    const [sent] = result.results;
    assert.ok(sent?.shardId && sent.sequenceNumber);
    assert.equal(sent.shardId, await shardForKey(fx, stream, 'sensor-7'), 'lands on the shard MD5(partition key) maps to');
    assert.match(result.message ?? '', new RegExp(`${sent.shardId}, sequence number ${sent.sequenceNumber}`));
    const [record] = await readAt(fx.client, stream, sent.shardId, sent.sequenceNumber);
    assert.ok(record?.Data);
    assert.deepEqual(Buffer.from(record.Data), Buffer.from(object, 'utf8'));
    assert.equal(record.PartitionKey, 'sensor-7');
  });

  it('puts each selection as its own record, in document order, keyed by a JSON path', async () => {
    const lines = ['{"sensor_id": "a-1", "v": 1}', '{"sensor_id": "skip"}', '{"sensor_id": 42, "v": 3}'];
    await editor(lines.join('\n'), 'json', [2, 0, 2, lines[2]?.length ?? 0], [0, 0, 0, lines[0]?.length ?? 0]);
    const prompts = new ScriptedPrompts(...pickStream(), { kind: 'input', answer: '$.sensor_id' });
    const result = await fx.run<PutSendResult>('kinesis.putRecord', prompts);
    prompts.assertDone();
    assert.equal(prompts.last('input').value, 'sensor-7', 'the box offers the last partition key');
    // The stream pick describes each stream (status, mode, open shards) and marks the last one used.
    assert.match(prompts.seen.find((s) => s.kind === 'pick' && /stream/.test(s.title))?.descriptions?.[0] ?? '', /^ACTIVE · provisioned · \d+ shards? · last used$/);
    assert.equal(result.status, 'sent', result.message);
    assert.deepEqual(result.results.map((r) => [r.line, r.partitionKey]), [[1, 'a-1'], [3, '42']]);
    for (const [i, r] of result.results.entries()) {
      const [record] = await readAt(fx.client, stream, r.shardId ?? '', r.sequenceNumber ?? '');
      assert.equal(Buffer.from(record?.Data ?? []).toString('utf8'), lines[i === 0 ? 0 : 2]);
      assert.equal(r.shardId, await shardForKey(fx, stream, r.partitionKey));
    }
  });

  it('puts the whole document when nothing is selected', async () => {
    const ed = await editor('plain text\nsecond line ✓\n', 'plaintext');
    const text = ed.document.getText();
    const prompts = new ScriptedPrompts(...pickStream(), { kind: 'input', answer: '{uuid}' });
    const result = await fx.run<PutSendResult>('kinesis.putRecord', prompts);
    prompts.assertDone();
    assert.equal(result.status, 'sent', result.message);
    const [sent] = result.results;
    assert.match(sent?.partitionKey ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-/);
    const [record] = await readAt(fx.client, stream, sent?.shardId ?? '', sent?.sequenceNumber ?? '');
    assert.deepEqual(Buffer.from(record?.Data ?? []), Buffer.from(text, 'utf8'));
  });

  it('refuses a blank selection before asking anything or calling AWS', async () => {
    const before = await countRecords(fx.client, stream);
    await editor('   \n\t\n{"a":1}', 'json', [0, 0, 1, 1]);
    const prompts = new ScriptedPrompts();
    const result = await fx.run<CommandResult>('kinesis.putRecord', prompts);
    prompts.assertDone();
    assert.equal(prompts.seen.length, 0);
    assert.equal(result.status, 'invalid');
    assert.match(result.message ?? '', /Nothing to send: the selection is empty or only blank/);
    assert.equal(await countRecords(fx.client, stream), before);
  });

  it('refuses a record without the JSON path, naming its line, and sends none of the records', async () => {
    const before = await countRecords(fx.client, stream);
    await editor('{"sensor_id": "ok"}\n\n{"other": 1}\n', 'json', [0, 0, 0, 19], [2, 0, 2, 12]);
    const prompts = new ScriptedPrompts(...pickStream(), { kind: 'input', answer: '$.sensor_id' });
    const result = await fx.run<CommandResult>('kinesis.putRecord', prompts);
    prompts.assertDone();
    assert.equal(result.status, 'invalid');
    assert.match(result.message ?? '', /Line 3: \$\.sensor_id is missing from the record/);
    assert.equal(await countRecords(fx.client, stream), before);
  });

  it('warns when a JSON document does not parse: Cancel sends nothing, "Send anyway" sends it', async () => {
    const before = await countRecords(fx.client, stream);
    const broken = '{"temp": 21.5,';
    await editor(broken, 'json');
    const cancel = new ScriptedPrompts(...pickStream(), { kind: 'input', answer: 'k' }, { kind: 'confirm', message: /not valid JSON/, detail: /Line 1: not valid JSON/, answer: undefined });
    assert.equal((await fx.run<CommandResult>('kinesis.putRecord', cancel)).status, 'cancelled');
    cancel.assertDone();
    assert.equal(await countRecords(fx.client, stream), before);

    const send = new ScriptedPrompts(...pickStream(), { kind: 'input', answer: 'k' }, { kind: 'confirm', answer: 'Send anyway' });
    const result = await fx.run<PutSendResult>('kinesis.putRecord', send);
    send.assertDone();
    assert.equal(result.status, 'sent', result.message);
    const [record] = await readAt(fx.client, stream, result.results[0]?.shardId ?? '', result.results[0]?.sequenceNumber ?? '');
    assert.equal(Buffer.from(record?.Data ?? []).toString('utf8'), broken);
  });

  it('uses the stream node it is run on, and asks the explicit hash key when the setting says so', async () => {
    await vscode.workspace.getConfiguration('kinesis.put').update('askExplicitHashKey', true, vscode.ConfigurationTarget.Global);
    try {
      const node = find(await streamRows(fx.provider), stream).node;
      await editor('{"to": "shard zero"}', 'json');
      const prompts = new ScriptedPrompts(
        { kind: 'input', title: /partition key/, answer: 'any-key' },
        { kind: 'input', title: /explicit hash key/, rejects: [['-1', /negative/], ['0x10', /decimal/], ['340282366920938463463374607431768211456', /above 2\^128-1/]], answer: '0' },
      );
      const result = await fx.run<PutSendResult>('kinesis.putRecord', prompts, node);
      prompts.assertDone();
      assert.equal(result.status, 'sent', result.message);
      assert.equal(result.results[0]?.shardId, 'shardId-000000000000', 'hash key 0 is in the first shard');
      assert.equal(result.results[0]?.hashKey, '0');
    } finally {
      await vscode.workspace.getConfiguration('kinesis.put').update('askExplicitHashKey', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('puts every non-empty line once, in order, and reports sent, retried and failed counts', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => JSON.stringify({ n: i, sensor_id: `s-${i % 3}` }));
    const text = [...lines.slice(0, 10), '', '   ', ...lines.slice(10)].join('\n');
    await editor(`${text}\n`, 'json');
    const prompts = new ScriptedPrompts(...pickStream(), { kind: 'input', answer: '$.sensor_id' });
    const result = await fx.run<PutLinesResult>('kinesis.putRecords', prompts);
    prompts.assertDone();
    assert.equal(result.status, 'completed', result.message);
    const { report } = result;
    assert.deepEqual([report.total, report.sent, report.failed, report.unknown, report.notSent], [40, 40, 0, 0, 0]);
    assert.deepEqual(report.sentRecords.map((r) => r.line), [...Array.from({ length: 10 }, (_, i) => i + 1), ...Array.from({ length: 30 }, (_, i) => i + 13)]);
    assert.match(result.message ?? '', /Sent 40 of 40 records/);
    assert.match(result.reportMarkdown, /\| Sent \| 40 \|/);
    for (const [i, r] of report.sentRecords.entries()) {
      const [record] = await readAt(fx.client, stream, r.shardId, r.sequenceNumber);
      assert.equal(Buffer.from(record?.Data ?? []).toString('utf8'), lines[i]);
      assert.equal(record?.PartitionKey, `s-${i % 3}`);
    }
  });

  it('says so when the region has no streams', async () => {
    await editor('{"a": 1}', 'json');
    const prompts = new ScriptedPrompts({ kind: 'pick', choose: EMPTY_CONNECTION });
    const result = await fx.run<CommandResult>('kinesis.putRecord', prompts);
    prompts.assertDone();
    assert.equal(result.status, 'invalid');
    assert.match(result.message ?? '', new RegExp(`No streams in ${EMPTY_REGION} for ${EMPTY_CONNECTION}`));
  });

  it('reports ResourceNotFoundException with the next step for a stream that does not exist', async () => {
    await editor('{"a": 1}', 'json');
    const connection = (await fx.provider.model.connections()).find((c) => c.name === CONNECTION);
    assert.ok(connection);
    const target = { connectionId: connection.id, connectionName: connection.name, region: REGION, streamName: `${stream}-missing` };
    const prompts = new ScriptedPrompts({ kind: 'input', answer: 'k' });
    const result = await fx.run<CommandResult>('kinesis.putRecords', prompts, target);
    prompts.assertDone();
    assert.equal(result.status, 'failed');
    assert.equal(result.error?.code, 'ResourceNotFoundException');
    assert.match(result.message ?? '', /ResourceNotFoundException.*Refresh the explorer/);
  });

  it('"Put again" puts the same bytes after a confirmation, and nothing when declined', async () => {
    const connection = (await fx.provider.model.connections()).find((c) => c.name === CONNECTION);
    assert.ok(connection);
    const bytes = Buffer.from([0, 255, 1, 128, 10, 13]);
    const args = { connectionId: connection.id, region: REGION, streamName: stream, data: bytes.toString('base64'), partitionKey: 'again' };
    const before = await countRecords(fx.client, stream);
    const declined = new ScriptedPrompts({ kind: 'confirm', answer: undefined });
    assert.equal((await fx.run<CommandResult>('kinesis.putAgain', declined, args)).status, 'cancelled');
    declined.assertDone();
    assert.equal(await countRecords(fx.client, stream), before);

    const prompts = new ScriptedPrompts({ kind: 'confirm', message: new RegExp(`again to ${stream}`), detail: /6 bytes with partition key "again"/, answer: 'Put Again' });
    const result = await fx.run<PutSendResult>('kinesis.putAgain', prompts, args);
    prompts.assertDone();
    assert.equal(result.status, 'sent', result.message);
    const [record] = await readAt(fx.client, stream, result.results[0]?.shardId ?? '', result.results[0]?.sequenceNumber ?? '');
    assert.deepEqual(Buffer.from(record?.Data ?? []), bytes);
    assert.equal(record?.PartitionKey, 'again');
  });
});
