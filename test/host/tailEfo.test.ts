// An enhanced fan-out tail inside real VS Code: "Tail Stream (Enhanced Fan-out)…" with a temporary
// consumer, records pushed into the panel, "EFO" in its title and status, the consumer
// deregistered when the panel closes; then with a registered consumer, which is left alone.
import { strict as assert } from 'node:assert';
import { DescribeStreamConsumerCommand, DescribeStreamSummaryCommand, ListStreamConsumersCommand, PutRecordsCommand, RegisterStreamConsumerCommand } from '@aws-sdk/client-kinesis';
import type { TailPanel } from '../../src/tail/host/panel';
import { CONNECTION, REGION, setUpCommands, type CommandFixture } from './commandFixture';
import { eventually } from '../support/eventually';
import { ScriptedPrompts } from './scriptedPrompts';

describe('enhanced fan-out tail (inside real VS Code)', function () {
  this.timeout(120_000);
  let fx: CommandFixture;
  // kinesis-local 0.6.2 cannot parse a consumer ARN whose stream name holds a "-".
  let stream = '';
  let arn = '';

  const put = async (from: number, n: number) => {
    await fx.client.send(new PutRecordsCommand({ StreamName: stream, Records: Array.from({ length: n }, (_, i) => ({ PartitionKey: `k${(from + i) % 4}`, Data: Buffer.from(JSON.stringify({ n: from + i })) })) }));
  };
  const consumers = async () => ((await fx.client.send(new ListStreamConsumersCommand({ StreamARN: arn }))).Consumers ?? []).map((c) => c.ConsumerName ?? '');

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

  it('tails with a temporary consumer and deregisters it when the panel closes', async () => {
    const prompts = new ScriptedPrompts(
      { kind: 'pick', choose: /TRIM_HORIZON/, title: /starting position/ },
      { kind: 'pick', choose: 'Temporary consumer', title: /which consumer/ },
    );
    const panel = await fx.run<TailPanel | undefined>('kinesis.tailStreamEfo', prompts, await target());
    prompts.assertDone();
    assert.ok(panel);
    assert.match(panel.panel.title, new RegExp(`^${stream} · all shards · TRIM_HORIZON · EFO$`));
    const temporary = (await consumers()).filter((n) => /^kinesis-explorer-.+-[0-9a-f]{8}$/.test(n));
    assert.equal(temporary.length, 1, `one temporary consumer: ${temporary.join(', ')}`);
    await eventually(() => panel.session.rows().length === 20, 'the 20 stored records');
    await put(20, 10);
    await eventually(() => panel.session.rows().length === 30, 'the 10 records pushed after the start');
    const values = panel.session.rows().map((r) => (JSON.parse(r.body) as { n: number }).n).sort((a, b) => a - b);
    assert.deepEqual(values, Array.from({ length: 30 }, (_, i) => i));

    panel.dispose();
    await eventually(async () => !(await consumers()).includes(temporary[0] ?? ''), 'the temporary consumer deregistered');
  });

  it('tails with a registered consumer and leaves it registered', async () => {
    await fx.client.send(new RegisterStreamConsumerCommand({ StreamARN: arn, ConsumerName: 'host-app' }));
    await eventually(async () => (await fx.client.send(new DescribeStreamConsumerCommand({ StreamARN: arn, ConsumerName: 'host-app' }))).ConsumerDescription?.ConsumerStatus === 'ACTIVE', 'host-app ACTIVE');
    const prompts = new ScriptedPrompts(
      { kind: 'pick', choose: /TRIM_HORIZON/, title: /starting position/ },
      { kind: 'pick', choose: 'host-app', title: /which consumer/ },
    );
    const panel = await fx.run<TailPanel | undefined>('kinesis.tailStreamEfo', prompts, await target());
    prompts.assertDone();
    assert.ok(panel);
    await eventually(() => panel.session.rows().length === 30, 'the 30 stored records');
    panel.dispose();
    assert.ok((await consumers()).includes('host-app'));
  });
});
