// The manage-stream commands inside real VS Code: each run through executeCommand with scripted
// prompts (and their validation messages), then the stream checked with the SDK and the tree
// walked through the extension's own TreeDataProvider.
import { strict as assert } from 'node:assert';
import { DeleteStreamCommand, DescribeStreamSummaryCommand, RegisterStreamConsumerCommand, type StreamDescriptionSummary } from '@aws-sdk/client-kinesis';
import * as vscode from 'vscode';
import type { CommandResult } from '../../src/commands/registerCommand';
import type { DescribeResult } from '../../src/commands/stream/describe';
import type { AdminCommandResult } from '../../src/commands/stream/progress';
import type { StreamLocator } from '../../src/kinesis/types';
import { CONNECTION, find, rows, setUpCommands, shardsOf, streamRows, type CommandFixture } from './commandFixture';
import { ScriptedPrompts } from './scriptedPrompts';

type AdminResult = AdminCommandResult<unknown>;

async function summary(fx: CommandFixture, name: string): Promise<StreamDescriptionSummary | undefined> {
  try {
    return (await fx.client.send(new DescribeStreamSummaryCommand({ StreamName: name }))).StreamDescriptionSummary;
  } catch (err) {
    if ((err as Error).name === 'ResourceNotFoundException') return undefined;
    throw err;
  }
}

describe('manage-stream commands (inside real VS Code)', function () {
  this.timeout(120_000);
  let fx: CommandFixture;
  let provisioned = '';
  let onDemand = '';
  let existing = '';

  before(async function () {
    fx = await setUpCommands(this);
    provisioned = `host-prov-${fx.suffix}`;
    onDemand = `host-od-${fx.suffix}`;
    existing = `host-exists-${fx.suffix}`;
    await fx.createStream(existing, 1);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const name of [provisioned, onDemand]) await fx?.client.send(new DeleteStreamCommand({ StreamName: name, EnforceConsumerDeletion: true })).catch(() => undefined);
    await fx?.dispose();
  });

  it('creates a provisioned stream with validated name, shard count and retention, and lists it in the tree', async () => {
    const prompts = new ScriptedPrompts(
      { kind: 'pick', choose: CONNECTION, title: /Create Stream: choose a connection/ },
      {
        kind: 'input',
        title: /name/,
        rejects: [['', /Enter a stream name/], ['bad name', /A space \(position 4\)/], ['a/b', /"\/" \(position 2\)/], ['x'.repeat(129), /at most 128/], [existing, /already exists/]],
        answer: provisioned,
      },
      { kind: 'pick', choose: 'Provisioned', title: /capacity mode/ },
      {
        kind: 'input',
        title: /shard count/,
        rejects: [['0', /at least 1/], ['-2', /cannot be negative/], ['1.5', /whole number/], ['two', /not a number/], ['100000', /at most \d+: the account's shard limit/]],
        answer: '2',
      },
      { kind: 'input', title: /retention/, rejects: [['23', /at least 24/], ['8761', /at most 8760/]], answer: '48' },
    );
    const result = await fx.run<AdminResult>('kinesis.createStream', prompts);
    prompts.assertDone();
    assert.equal(result.status, 'done', result.message);
    assert.deepEqual(result.applied, ['CreateStream', 'IncreaseStreamRetentionPeriod']);
    const s = await summary(fx, provisioned);
    assert.equal(s?.StreamStatus, 'ACTIVE');
    assert.equal(s?.OpenShardCount, 2);
    assert.equal(s?.RetentionPeriodHours, 48);
    assert.equal(s?.StreamModeDetails?.StreamMode, 'PROVISIONED');
    const row = find(await streamRows(fx.provider), provisioned);
    assert.equal(row.item.description, 'ACTIVE · provisioned · 2 shards · 48h');
    assert.equal(row.item.contextValue, 'stream.active.provisioned');
  });

  it('creates an on-demand stream from the connection node without asking for the connection', async () => {
    const connection = find(await rows(fx.provider), CONNECTION).node;
    const prompts = new ScriptedPrompts(
      { kind: 'input', title: /name/, answer: onDemand },
      { kind: 'pick', choose: 'On-demand' },
      { kind: 'input', title: /retention/, answer: '24' },
    );
    const result = await fx.run<AdminResult>('kinesis.createStream', prompts, connection);
    prompts.assertDone();
    assert.equal(result.status, 'done', result.message);
    assert.deepEqual(result.applied, ['CreateStream']);
    assert.equal((await summary(fx, onDemand))?.StreamModeDetails?.StreamMode, 'ON_DEMAND');
    assert.equal(find(await streamRows(fx.provider), onDemand).item.contextValue, 'stream.active.ondemand');
  });

  it('updates the shard count from the offered values and shows closed parents and children in the tree', async () => {
    const node = find(await streamRows(fx.provider), provisioned).node;
    // Shards only: the stream's "Consumers" folder is listed after them.
    const shardsOnly = (list: Awaited<ReturnType<typeof rows>>) => list.filter((r) => r.item.contextValue?.startsWith('shard.'));
    assert.equal(shardsOnly(await rows(fx.provider, node)).length, 2, 'two shards listed before');
    const prompts = new ScriptedPrompts({ kind: 'pick', choose: '4 shards', title: /Update Shard Count of .* \(now 2 open\)/ });
    const result = await fx.run<AdminResult>('kinesis.updateShardCount', prompts, node);
    prompts.assertDone();
    assert.deepEqual(prompts.last('pick').labels, ['1 shard', '3 shards', '4 shards']);
    assert.deepEqual(prompts.last('pick').descriptions, ['half', '+50%', 'double']);
    assert.equal(result.status, 'done', result.message);
    const sdkShards = await shardsOf(fx.client, provisioned);
    const open = sdkShards.filter((s) => s.SequenceNumberRange?.EndingSequenceNumber === undefined);
    assert.equal(open.length, 4);
    const after = find(await streamRows(fx.provider), provisioned);
    assert.equal(after.item.description, 'ACTIVE · provisioned · 4 shards · 48h');
    const shardRows = shardsOnly(await rows(fx.provider, after.node));
    assert.equal(shardRows.length, sdkShards.length, 'every shard, closed ones included');
    assert.equal(shardRows.filter((r) => r.item.contextValue === 'shard.open').length, 4);
    const closed = shardRows.filter((r) => r.item.contextValue === 'shard.closed');
    assert.ok(closed.length >= 2, `the two parents show as closed: ${shardRows.map((r) => `${r.label} ${String(r.item.description)}`).join('; ')}`);
    assert.ok(closed.every((r) => /^closed → shardId-/.test(String(r.item.description))), 'closed shards name their children');
  });

  it('refuses Update Shard Count on an on-demand stream before asking anything', async () => {
    const node = find(await streamRows(fx.provider), onDemand).node;
    const prompts = new ScriptedPrompts();
    const result = await fx.run<CommandResult>('kinesis.updateShardCount', prompts, node);
    prompts.assertDone();
    assert.equal(result.status, 'invalid');
    assert.match(result.message ?? '', /is on-demand: Kinesis manages its shards/);
  });

  it('sets the retention period with validation, and confirms before lowering it', async () => {
    const node = find(await streamRows(fx.provider), provisioned).node;
    const up = new ScriptedPrompts({ kind: 'input', rejects: [['48', /already keeps records for 48 hours/], ['10', /at least 24/], ['1e3', /plain digits/]], answer: '72' });
    const raised = await fx.run<AdminResult>('kinesis.setRetention', up, node);
    up.assertDone();
    assert.equal(up.last('input').value, '48', 'the box starts at the current retention');
    assert.equal(raised.status, 'done', raised.message);
    assert.equal((await summary(fx, provisioned))?.RetentionPeriodHours, 72);
    assert.match(String(find(await streamRows(fx.provider), provisioned).item.description), /· 72h$/);

    const down = new ScriptedPrompts({ kind: 'input', answer: '30' }, { kind: 'confirm', message: /Lower the retention/, detail: /older than 30 hours become unreadable/, answer: 'Lower Retention' });
    const lowered = await fx.run<AdminResult>('kinesis.setRetention', down, node);
    down.assertDone();
    assert.equal(lowered.status, 'done', lowered.message);
    assert.deepEqual(lowered.applied, ['DecreaseStreamRetentionPeriod']);
    assert.equal((await summary(fx, provisioned))?.RetentionPeriodHours, 30);
  });

  it('switches the capacity mode after a confirmation, and the tree follows', async () => {
    const node = find(await streamRows(fx.provider), onDemand).node;
    const prompts = new ScriptedPrompts({ kind: 'confirm', message: /Switch .* to provisioned capacity/, detail: /two capacity mode switches/, answer: 'Switch' });
    const result = await fx.run<AdminResult>('kinesis.switchCapacityMode', prompts, node);
    prompts.assertDone();
    assert.equal(result.status, 'done', result.message);
    assert.equal((await summary(fx, onDemand))?.StreamModeDetails?.StreamMode, 'PROVISIONED');
    assert.equal(find(await streamRows(fx.provider), onDemand).item.contextValue, 'stream.active.provisioned');
  });

  it('describes a stream in a read-only JSON document with its summary and every shard', async () => {
    const node = find(await streamRows(fx.provider), provisioned).node;
    const result = await fx.run<DescribeResult>('kinesis.describeStream', new ScriptedPrompts(), node);
    assert.equal(result.status, 'done', result.message);
    const ed = vscode.window.activeTextEditor;
    assert.ok(ed);
    assert.equal(ed.document.uri.toString(), result.uri);
    assert.equal(ed.document.uri.scheme, 'kinesis-describe');
    assert.equal(ed.document.languageId, 'json');
    const doc = JSON.parse(ed.document.getText()) as { streamName: string; summary: { StreamName: string; RetentionPeriodHours: number }; shardCount: { open: number; closed: number }; shards: unknown[] };
    assert.equal(doc.summary.StreamName, provisioned);
    assert.equal(doc.summary.RetentionPeriodHours, 30);
    assert.equal(doc.shardCount.open, 4);
    assert.equal(doc.shards.length, (await shardsOf(fx.client, provisioned)).length);
    assert.equal(ed.document.isUntitled, false, 'a provider document, not an untitled (editable, saveable) one');
    assert.equal(ed.document.isDirty, false);
  });

  it('keeps the stream when the typed confirmation is dismissed', async () => {
    const node = find(await streamRows(fx.provider), onDemand).node;
    const prompts = new ScriptedPrompts({ kind: 'confirm', answer: 'Delete…' }, { kind: 'input', answer: undefined });
    const result = await fx.run<CommandResult>('kinesis.deleteStream', prompts, node);
    prompts.assertDone();
    assert.equal(result.status, 'cancelled');
    assert.equal((await summary(fx, onDemand))?.StreamStatus, 'ACTIVE');
  });

  it('deletes a stream after the modal and the typed name, deregistering consumers, and tells listeners', async () => {
    const s = await summary(fx, onDemand);
    await fx.client.send(new RegisterStreamConsumerCommand({ StreamARN: s?.StreamARN, ConsumerName: 'host-consumer' }));
    const events: StreamLocator[] = [];
    const sub = fx.api.services.onDidDeleteStream((e) => events.push(e));
    try {
      const node = find(await streamRows(fx.provider), onDemand).node;
      const prompts = new ScriptedPrompts(
        { kind: 'confirm', message: new RegExp(`Delete stream ${onDemand}\\?`), detail: /removes every record it holds: up to 24 hours .*1 registered consumer: host-consumer will be deregistered \(EnforceConsumerDeletion\)/, answer: 'Delete…' },
        { kind: 'input', title: /type its name/, rejects: [['wrong', new RegExp(`Type "${onDemand}" to confirm`)], [` ${onDemand}`, /Remove the spaces/]], answer: onDemand },
      );
      const result = await fx.run<AdminResult>('kinesis.deleteStream', prompts, node);
      prompts.assertDone();
      assert.equal(result.status, 'done', result.message);
      assert.equal(await summary(fx, onDemand), undefined, 'the stream is gone');
      assert.deepEqual(events, [{ connectionId: result.target.connectionId, region: result.target.region, streamName: onDemand }]);
      assert.ok(!(await streamRows(fx.provider)).some((r) => r.label === onDemand), 'the tree no longer lists it');
    } finally {
      sub.dispose();
    }
  });
});
