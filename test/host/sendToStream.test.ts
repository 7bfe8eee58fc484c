// "Send to stream…" inside real VS Code: the command the tail panel runs, with the records it
// hands over, scripted picks for which records, the stream and the keys, and the records read
// back from kinesis-local with their original keys.
import { strict as assert } from 'node:assert';
import { GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-kinesis';
import type { PutLinesResult } from '../../src/commands/put/lines';
import type { SendSets } from '../../src/tail/host/sessionOptions';
import { eventually } from '../support/eventually';
import { CONNECTION, countRecords, setUpCommands, shardsOf, type CommandFixture } from './commandFixture';
import { ScriptedPrompts } from './scriptedPrompts';

const rec = (text: string, partitionKey: string) => ({ data: new Uint8Array(Buffer.from(text, 'utf8')), partitionKey });

describe('send to stream (inside real VS Code)', function () {
  this.timeout(90_000);
  let fx: CommandFixture;
  let stream = '';

  before(async function () {
    fx = await setUpCommands(this);
    stream = `host-send-${fx.suffix}`;
    await fx.createStream(stream, 1);
  });

  after(async () => {
    await fx?.dispose();
  });

  it('sends the records matching the filters with their original keys and reports them', async () => {
    const matching = [rec('{"a":1}', 'k1'), rec('{"a":2}', 'k2')];
    const sets: SendSets = { selected: matching[0], matching, all: [...matching, rec('{"b":3}', 'k3')], filtered: true };
    const prompts = new ScriptedPrompts(
      { kind: 'pick', choose: '2 records matching the filters', title: /which records/ },
      { kind: 'pick', choose: CONNECTION, title: /connection/ },
      { kind: 'pick', choose: stream, title: /choose a stream/ },
      { kind: 'pick', choose: 'Keep the original keys', title: /partition keys/ },
    );
    const result = await fx.run<PutLinesResult>('kinesis.sendToStream', prompts, sets);
    prompts.assertDone();
    assert.equal(result.status, 'completed', result.message);
    assert.deepEqual([result.report.sent, result.report.failed, result.report.unknown], [2, 0, 0]);
    await eventually(async () => (await countRecords(fx.client, stream)) === 2, '2 records in the stream');
    const [shard] = await shardsOf(fx.client, stream);
    const it = await fx.client.send(new GetShardIteratorCommand({ StreamName: stream, ShardId: shard?.ShardId ?? '', ShardIteratorType: 'TRIM_HORIZON' }));
    const page = await fx.client.send(new GetRecordsCommand({ ShardIterator: it.ShardIterator ?? '' }));
    assert.deepEqual((page.Records ?? []).map((r) => [r.PartitionKey, Buffer.from(r.Data ?? new Uint8Array()).toString('utf8')]), [['k1', '{"a":1}'], ['k2', '{"a":2}']]);
  });

  it('refuses to be run without records', async () => {
    const result = await fx.run<PutLinesResult>('kinesis.sendToStream', new ScriptedPrompts());
    assert.equal(result.status, 'invalid');
  });
});
