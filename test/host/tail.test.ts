// Tail panels inside real VS Code: opened through the commands with scripted prompts on
// kinesis-local, records reach the panel's model, pause and resume lose nothing, "tail from this
// record" opens a second panel at that record, a deleted stream stops its tails, and closing a
// panel stops its reader.
import { strict as assert } from 'node:assert';
import { PutRecordsCommand } from '@aws-sdk/client-kinesis';
import * as vscode from 'vscode';
import type { TailPanel } from '../../src/tail/host/panel';
import { CONNECTION, REGION, setUpCommands, type CommandFixture } from './commandFixture';
import { eventually } from '../support/eventually';
import { ScriptedPrompts } from './scriptedPrompts';


describe('tail panel (inside real VS Code)', function () {
  this.timeout(90_000);
  let fx: CommandFixture;
  let stream = '';
  const opened: TailPanel[] = [];

  const put = async (from: number, n: number) => {
    await fx.client.send(new PutRecordsCommand({
      StreamName: stream,
      Records: Array.from({ length: n }, (_, i) => ({ PartitionKey: `sensor-${(from + i) % 4}`, Data: Buffer.from(JSON.stringify({ n: from + i, temperature: 20 + ((from + i) % 10) })) })),
    }));
  };

  before(async function () {
    fx = await setUpCommands(this);
    stream = `tail-host-${fx.suffix}`;
    await fx.createStream(stream, 2);
    await put(0, 40);
  });

  after(async () => {
    for (const p of opened) p.dispose();
    await fx?.dispose();
  });

  const connectionId = async () => {
    const conn = (await fx.provider.model.connections()).find((c) => c.name === CONNECTION);
    assert.ok(conn, 'the emulator connection is configured');
    return conn.id;
  };

  it('"Kinesis: Tail…" picks connection, stream, all shards and TRIM_HORIZON, and records arrive', async () => {
    const prompts = new ScriptedPrompts(
      { kind: 'pick', choose: CONNECTION, title: /connection/ },
      { kind: 'pick', choose: stream, title: /stream/ },
      { kind: 'pick', choose: 'All shards', title: /shard/ },
      { kind: 'pick', choose: /TRIM_HORIZON/, title: /starting position/ },
      { kind: 'pick', choose: /Polling \(GetRecords\)/, title: /read with/ },
    );
    const panel = await fx.run<TailPanel | undefined>('kinesis.tail', prompts);
    prompts.assertDone();
    assert.ok(panel, 'the command returns the panel it opened');
    opened.push(panel);
    assert.match(panel.panel.title, new RegExp(`^${stream} · all shards · TRIM_HORIZON$`));
    await eventually(() => panel.session.rows().length === 40, '40 records in the panel model');
    const values = panel.session.rows().map((r) => (JSON.parse(r.body) as { n: number }).n).sort((a, b) => a - b);
    assert.deepEqual(values, Array.from({ length: 40 }, (_, i) => i));
    assert.ok(panel.session.rows().every((r) => r.kind === 'json' && r.layers.includes('json')));
    assert.ok(fx.api.tails.panels().includes(panel));

    // Pause: nothing more arrives; resume: what was written meanwhile arrives, once.
    await panel.session.handle({ type: 'pause', reason: 'user' });
    await put(40, 10);
    // The fixed wait is the thing under test: a window of several poll intervals in which a
    // paused tail that kept reading would have delivered the 10 records.
    await new Promise((r) => setTimeout(r, 2000));
    assert.equal(panel.session.rows().length, 40, 'a paused tail reads nothing');
    await panel.session.handle({ type: 'resume' });
    await eventually(() => panel.session.rows().length === 50, 'the 10 records written while paused');
    const ids = panel.session.rows().map((r) => r.sequenceNumber + '/' + r.shardId);
    assert.equal(new Set(ids).size, 50, 'no record twice');
  });

  it('"Tail Shard…" with AT_SEQUENCE_NUMBER validates the number as the user types', async () => {
    const first = opened[0];
    assert.ok(first);
    const row = first.session.rows().find((r) => r.body.includes('"n":7,'));
    assert.ok(row);
    const prompts = new ScriptedPrompts(
      { kind: 'pick', choose: /^\$\(symbol-number\) AT_SEQUENCE_NUMBER/, title: /starting position/ },
      { kind: 'input', answer: row.sequenceNumber, title: /AT_SEQUENCE_NUMBER/, rejects: [['', /Enter a sequence number/], ['12ab', /digit/i], ['9'.repeat(129), /128/]] },
      { kind: 'pick', choose: /Polling \(GetRecords\)/, title: /read with/ },
    );
    const target = { connectionId: await connectionId(), connectionName: CONNECTION, region: REGION, streamName: stream, shardId: row.shardId };
    const panel = await fx.run<TailPanel | undefined>('kinesis.tailShard', prompts, target);
    prompts.assertDone();
    assert.ok(panel);
    opened.push(panel);
    await eventually(() => panel.session.rows().length > 0, 'records from the sequence number');
    assert.equal(panel.session.rows()[0]?.sequenceNumber, row.sequenceNumber, 'the tail starts AT the chosen record');
    assert.ok(panel.session.rows().every((r) => r.shardId === row.shardId));
  });

  it('"Tail Shard…" checks the sequence number against the shard: 123 comes back in the box as "not a sequence number of shardId-…"', async () => {
    const first = opened[0];
    assert.ok(first);
    const row = first.session.rows().find((r) => r.body.includes('"n":7,'));
    assert.ok(row);
    const prompts = new ScriptedPrompts(
      { kind: 'pick', choose: /^\$\(symbol-number\) AFTER_SEQUENCE_NUMBER/, title: /starting position/ },
      { kind: 'input', answer: '123', title: /AFTER_SEQUENCE_NUMBER/ },
      { kind: 'input', answer: row.sequenceNumber, title: /AFTER_SEQUENCE_NUMBER/, rejects: [['123', new RegExp(`^123 is not a sequence number of ${row.shardId}`)]] },
      { kind: 'pick', choose: /Polling \(GetRecords\)/, title: /read with/ },
    );
    const target = { connectionId: await connectionId(), connectionName: CONNECTION, region: REGION, streamName: stream, shardId: row.shardId };
    const panel = await fx.run<TailPanel | undefined>('kinesis.tailShard', prompts, target);
    prompts.assertDone();
    assert.equal(prompts.seen.filter((p) => p.kind === 'input')[1]?.value, '123', 'the box opens again with what was typed');
    assert.ok(panel);
    opened.push(panel);
    await eventually(() => panel.session.rows().length > 0, 'records after the sequence number');
    assert.notEqual(panel.session.rows()[0]?.sequenceNumber, row.sequenceNumber, 'the tail starts AFTER the chosen record');
  });

  it('"Tail from this record" opens a new panel at that record without prompts', async () => {
    const first = opened[0];
    assert.ok(first);
    const row = first.session.rows()[5];
    assert.ok(row);
    const before = fx.api.tails.panels().length;
    const panel = await vscode.commands.executeCommand<TailPanel>('kinesis.tail.fromRecord', { connectionId: await connectionId(), region: REGION, streamName: stream, shardId: row.shardId, sequenceNumber: row.sequenceNumber });
    assert.ok(panel);
    opened.push(panel);
    assert.equal(fx.api.tails.panels().length, before + 1, 'several tails run side by side');
    await eventually(() => panel.session.rows().length > 0, 'records');
    assert.equal(panel.session.rows()[0]?.sequenceNumber, row.sequenceNumber);
  });

  it('a malformed tail-from-record argument is refused without opening a panel', async () => {
    const before = fx.api.tails.panels().length;
    const result = await vscode.commands.executeCommand('kinesis.tail.fromRecord', { connectionId: 'x', region: REGION, streamName: stream, shardId: 's', sequenceNumber: 'not-a-number' });
    assert.equal(result, undefined);
    assert.equal(fx.api.tails.panels().length, before);
  });

  it('closing a panel stops its reader at once', async () => {
    const panel = opened.pop();
    assert.ok(panel);
    const done = panel.session.done;
    panel.panel.dispose();
    // The reader aborts its call in flight; a reader that waited for it instead would run into this test's time-out.
    const final = await done;
    assert.equal(final.state, 'stopped');
    assert.ok(!fx.api.tails.panels().includes(panel));
    assert.equal(panel.session.snapshot().timerPending, false);
  });

  it('deleting the stream stops its open tails with a clear state', async () => {
    const panel = opened[0];
    assert.ok(panel);
    fx.api.services.fireStreamDeleted({ connectionId: await connectionId(), region: REGION, streamName: stream });
    await panel.session.done;
    assert.equal(panel.session.snapshot().stopped, true);
  });
});
