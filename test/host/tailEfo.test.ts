// Enhanced fan-out in the normal tail flow, inside real VS Code: Tail Stream… with "read with" →
// a new temporary consumer (records pushed into the panel, "EFO" in its title, the consumer
// deregistered when the panel closes); a registered consumer (left alone); the enhanced fan-out
// shortcut offering enhanced fan-out first and the last mode remembered per stream; and a panel
// restored after a reload coming back with a fresh temporary consumer (the old one deregistered).
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { DescribeStreamConsumerCommand, DescribeStreamSummaryCommand, ListStreamConsumersCommand, PutRecordsCommand, RegisterStreamConsumerCommand } from '@aws-sdk/client-kinesis';
import type { TailPanel } from '../../src/tail/host/panel';
import { TAIL_VIEW_TYPE } from '../../src/tail/host/viewType';
import { CONNECTION, REGION, setUpCommands, type CommandFixture } from './commandFixture';
import { eventually } from '../support/eventually';
import { ScriptedPrompts } from './scriptedPrompts';

const TEMPORARY = /^kinesis-explorer-.+-[0-9a-f]{8}$/;

describe('enhanced fan-out tail (inside real VS Code)', function () {
  this.timeout(120_000);
  let fx: CommandFixture;
  // kinesis-local 0.6.2 cannot parse a consumer ARN whose stream name holds a "-".
  let stream = '';
  let arn = '';
  let shardWithRecords = '';

  const put = async (from: number, n: number) => {
    await fx.client.send(new PutRecordsCommand({ StreamName: stream, Records: Array.from({ length: n }, (_, i) => ({ PartitionKey: `k${(from + i) % 4}`, Data: Buffer.from(JSON.stringify({ n: from + i })) })) }));
  };
  const consumers = async () => ((await fx.client.send(new ListStreamConsumersCommand({ StreamARN: arn }))).Consumers ?? []).map((c) => c.ConsumerName ?? '');
  const values = (panel: TailPanel) => panel.session.rows().map((r) => (JSON.parse(r.body) as { n: number }).n).sort((a, b) => a - b);

  before(async function () {
    fx = await setUpCommands(this);
    stream = `tail_efo_${fx.suffix.replace(/-/g, '_')}`;
    await fx.createStream(stream, 2);
    arn = (await fx.client.send(new DescribeStreamSummaryCommand({ StreamName: stream }))).StreamDescriptionSummary?.StreamARN ?? '';
    await put(0, 20);
  });

  after(async () => {
    for (const p of fx?.api.tails.panels() ?? []) p.dispose();
    await fx?.dispose();
  });

  const target = async () => {
    const conn = (await fx.provider.model.connections()).find((c) => c.name === CONNECTION);
    assert.ok(conn);
    return { connectionId: conn.id, connectionName: CONNECTION, region: REGION, streamName: stream };
  };

  it('Tail Stream… → read with a new temporary consumer; deregistered when the panel closes', async () => {
    const prompts = new ScriptedPrompts(
      { kind: 'pick', choose: /TRIM_HORIZON/, title: /starting position/ },
      { kind: 'pick', choose: /New temporary consumer/, title: /read with/ },
    );
    const panel = await fx.run<TailPanel | undefined>('kinesis.tailStream', prompts, await target());
    prompts.assertDone();
    assert.ok(panel);
    assert.match(prompts.seen[1]?.labels?.[0] ?? '', /Polling \(GetRecords\)/, 'polling comes first in the normal flow');
    assert.match(panel.panel.title, new RegExp(`^${stream} · all shards · TRIM_HORIZON · EFO$`));
    const temporary = (await consumers()).filter((n) => TEMPORARY.test(n));
    assert.equal(temporary.length, 1, `one temporary consumer: ${temporary.join(', ')}`);
    assert.ok(temporary[0] !== undefined && temporary[0] in fx.api.tails.consumers.heartbeats(), 'its heartbeat is kept while the tail runs');
    await eventually(() => panel.session.rows().length === 20, 'the 20 stored records');
    await put(20, 10);
    await eventually(() => panel.session.rows().length === 30, 'the 10 records pushed after the start');
    assert.deepEqual(values(panel), Array.from({ length: 30 }, (_, i) => i));

    panel.dispose();
    const name = temporary[0] ?? '';
    await eventually(async () => !(await consumers()).includes(name), 'the temporary consumer deregistered');
    await eventually(() => !(name in fx.api.tails.consumers.heartbeats()), 'its heartbeat forgotten');
  });

  it('the enhanced fan-out shortcut offers enhanced fan-out first; a registered consumer is left registered; the mode is remembered', async () => {
    await fx.client.send(new RegisterStreamConsumerCommand({ StreamARN: arn, ConsumerName: 'host-app' }));
    await eventually(async () => (await fx.client.send(new DescribeStreamConsumerCommand({ StreamARN: arn, ConsumerName: 'host-app' }))).ConsumerDescription?.ConsumerStatus === 'ACTIVE', 'host-app ACTIVE');
    const prompts = new ScriptedPrompts(
      { kind: 'pick', choose: /TRIM_HORIZON/, title: /starting position/ },
      { kind: 'pick', choose: /Enhanced fan-out: host-app$/, title: /read with/ },
    );
    const panel = await fx.run<TailPanel | undefined>('kinesis.tailStreamEfo', prompts, await target());
    prompts.assertDone();
    const labels = prompts.seen[1]?.labels ?? [];
    assert.match(labels[0] ?? '', /Enhanced fan-out/, `enhanced fan-out first: ${labels.join(' | ')}`);
    assert.ok(labels.some((l) => /Polling/.test(l)) && labels.some((l) => /New temporary consumer/.test(l)), 'still one flow: polling and a temporary consumer are offered too');
    assert.ok(panel);
    await eventually(() => panel.session.rows().length === 30, 'the 30 stored records');
    shardWithRecords = panel.session.rows()[0]?.shardId ?? '';
    panel.dispose();
    assert.ok((await consumers()).includes('host-app'));

    // The next Tail Stream… of this stream offers host-app first, as last used.
    const again = new ScriptedPrompts({ kind: 'pick', choose: /LATEST/, title: /starting position/ }, { kind: 'pick', choose: /Polling/, title: /read with/ });
    const polling = await fx.run<TailPanel | undefined>('kinesis.tailStream', again, await target());
    again.assertDone();
    assert.match(again.seen[1]?.labels?.[0] ?? '', /host-app$/);
    assert.match(again.seen[1]?.descriptions?.[0] ?? '', /last used/);
    assert.ok(polling);
    assert.doesNotMatch(polling.panel.title, /EFO/);
    polling.dispose();
  });

  it('Tail Shard… reads one shard through enhanced fan-out with a registered consumer', async () => {
    const shardId = shardWithRecords;
    assert.ok(shardId);
    const prompts = new ScriptedPrompts(
      { kind: 'pick', choose: /TRIM_HORIZON/, title: /starting position/ },
      { kind: 'pick', choose: /Enhanced fan-out: host-app$/, title: /read with/ },
    );
    const panel = await fx.run<TailPanel | undefined>('kinesis.tailShard', prompts, { ...(await target()), shardId });
    prompts.assertDone();
    assert.ok(panel);
    assert.match(panel.panel.title, /· shard \d+ · TRIM_HORIZON · EFO$/);
    await eventually(() => panel.session.rows().length > 0, 'the shard\'s stored records');
    assert.ok(panel.session.rows().every((r) => r.shardId === shardId), 'only that shard');
    panel.dispose();
  });

  it('a restored panel of a temporary consumer comes back in enhanced fan-out with a fresh consumer; the old one is deregistered', async () => {
    const prompts = new ScriptedPrompts(
      { kind: 'pick', choose: /TRIM_HORIZON/, title: /starting position/ },
      { kind: 'pick', choose: /New temporary consumer/, title: /read with/ },
    );
    const panel = await fx.run<TailPanel | undefined>('kinesis.tailStream', prompts, await target());
    assert.ok(panel?.req.efo);
    const old = panel.req.efo.consumerName;
    await eventually(() => panel.session.rows().length === 30, 'the 30 stored records');
    const last = panel.session.rows().filter((r) => r.shardId === panel.session.rows()[0]?.shardId).at(-1);
    assert.ok(last);
    // What the webview persists; a window that died never ran the panel's dispose, so the old
    // consumer is still registered when the panel comes back.
    const state = { v: 1, positions: { [last.shardId]: last.sequenceNumber }, target: { connection: panel.req.connectionId, connectionName: CONNECTION, region: REGION, stream, shardIds: [], startPosition: 'TRIM_HORIZON', efo: old, efoConsumerARN: panel.req.efo.consumerARN, efoTemporary: true } };
    const reopened = vscode.window.createWebviewPanel(TAIL_VIEW_TYPE, 'restoring', vscode.ViewColumn.Active, { enableScripts: true });
    await fx.api.tails.restore(reopened, state);
    const restored = fx.api.tails.panels().find((p) => p.panel === reopened);
    assert.ok(restored?.req.efo, 'restored in enhanced fan-out');
    assert.equal(restored.req.efo.temporary, true);
    assert.notEqual(restored.req.efo.consumerName, old, 'a fresh temporary consumer');
    assert.match(restored.panel.title, /· EFO$/);
    await eventually(async () => !(await consumers()).includes(old), 'the old temporary consumer deregistered');
    await put(30, 5);
    // The resumed shard continues after its last shown record, so it gets its share of these.
    await eventually(() => values(restored).some((n) => n >= 30), 'records written after the restore');
    const resumed = restored.session.rows().filter((r) => r.shardId === last.shardId).map((r) => (JSON.parse(r.body) as { n: number }).n);
    assert.ok(resumed.every((n) => n >= 30), `the resumed shard replays nothing it had shown: ${resumed.join(', ')}`);
    restored.dispose();
    panel.dispose();
    await eventually(async () => (await consumers()).filter((n) => TEMPORARY.test(n)).length === 0, 'no temporary consumer left');
  });
});
