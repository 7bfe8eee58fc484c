import { strict as assert } from 'node:assert';
import type { Connection } from '../../../src/kinesis/connections/connections';
import type { NodeError } from '../../../src/kinesis/result';
import { toShardModels } from '../../../src/kinesis/streams/shards';
import type { StreamModel, StreamStatus } from '../../../src/kinesis/streams/streams';
import { CommandIds as ExplorerCommands } from '../../../src/commands/ids';
import { ConnectionNode, ErrorNode, LoadMoreNode, MessageNode, ShardNode, StreamNode } from '../../../src/explorer/nodes';
import { contextValue, itemSpec, streamDescription, streamTooltipOf } from '../../../src/explorer/presentation';
import { escapeMarkdown } from '../../../src/explorer/tooltips';

const profile: Connection = { id: 'profile:dev', kind: 'profile', name: 'dev', profile: 'dev', profileKind: 'sso', region: 'eu-west-1', regionSource: 'profile' };
const custom: Connection = { id: 'custom:Local', kind: 'custom', name: 'Local', region: 'us-east-1', regionSource: 'setting', endpoint: 'http://127.0.0.1:4567' };

function stream(model: Partial<StreamModel> & { name: string }, conn = custom): StreamNode {
  const region = new ConnectionNode(conn, [conn.region]).regions[0];
  assert.ok(region);
  return new StreamNode(region, { detail: 'summary', ...model });
}

describe('explorer: contextValue', () => {
  it('joins lower-cased parts with dots and drops empty ones', () => {
    assert.equal(contextValue('stream', 'ACTIVE', 'ON_DEMAND'), 'stream.active.ondemand');
    assert.equal(contextValue('connection', 'profile', undefined, false, 'sso'), 'connection.profile.sso');
    assert.equal(contextValue('error'), 'error');
  });

  it('distinguishes every stream status and capacity mode', () => {
    const statuses: StreamStatus[] = ['ACTIVE', 'CREATING', 'UPDATING', 'DELETING'];
    const values = statuses.map((status) => itemSpec(stream({ name: 's', status, mode: 'PROVISIONED' })).contextValue);
    assert.deepEqual(values, ['stream.active.provisioned', 'stream.creating.provisioned', 'stream.updating.provisioned', 'stream.deleting.provisioned']);
    assert.equal(itemSpec(stream({ name: 's', status: 'ACTIVE', mode: 'ON_DEMAND' })).contextValue, 'stream.active.ondemand');
    const icons = new Set(statuses.map((status) => itemSpec(stream({ name: 's', status })).icon.id));
    assert.equal(icons.size, 4, 'each status needs its own icon');
  });

  it('marks connections by kind and problems', () => {
    assert.equal(itemSpec(new ConnectionNode(profile, ['eu-west-1'])).contextValue, 'connection.profile.sso');
    assert.equal(itemSpec(new ConnectionNode(custom, ['us-east-1'])).contextValue, 'connection.custom');
    const broken = { ...custom, problem: { code: 'InvalidEndpoint', message: 'x' } };
    assert.equal(itemSpec(new ConnectionNode(broken, ['us-east-1'])).contextValue, 'connection.custom.invalid');
  });

  it('marks open and closed shards, errors, SSO errors and load-more nodes', () => {
    const parent = stream({ name: 's' });
    const [closed, open] = toShardModels([
      { ShardId: 'shardId-0', HashKeyRange: { StartingHashKey: '0', EndingHashKey: '9' }, SequenceNumberRange: { StartingSequenceNumber: '1', EndingSequenceNumber: '5' } },
      { ShardId: 'shardId-1', ParentShardId: 'shardId-0', HashKeyRange: { StartingHashKey: '0', EndingHashKey: '9' }, SequenceNumberRange: { StartingSequenceNumber: '6' } },
    ]);
    assert.ok(closed && open);
    assert.equal(itemSpec(new ShardNode(parent, closed)).contextValue, 'shard.closed');
    assert.equal(itemSpec(new ShardNode(parent, open)).contextValue, 'shard.open');
    const err: NodeError = { code: 'AccessDeniedException', message: 'no', detail: 'd' };
    assert.equal(itemSpec(new ErrorNode(parent, err)).contextValue, 'error');
    assert.equal(itemSpec(new ErrorNode(parent, { ...err, ssoLoginCommand: 'aws sso login --profile dev' })).contextValue, 'error.sso');
    assert.equal(itemSpec(new LoadMoreNode(parent.parent)).contextValue, 'loadMore');
  });
});

describe('explorer: item labels and descriptions', () => {
  it('describes a stream by status, mode, open shards and retention', () => {
    const s: StreamModel = { name: 'orders', status: 'ACTIVE', mode: 'PROVISIONED', openShards: 4, retentionHours: 24, detail: 'summary' };
    assert.equal(streamDescription(s), 'ACTIVE · provisioned · 4 shards · 24h');
    assert.equal(streamDescription({ ...s, mode: 'ON_DEMAND', openShards: 1, retentionHours: 168 }), 'ACTIVE · on-demand · 1 shard · 168h');
    assert.equal(streamDescription({ name: 'x', status: 'CREATING', detail: 'list' }), 'CREATING');
  });

  it('labels streams and shards by name so that UI tests can find them', () => {
    const s = stream({ name: 'orders', status: 'ACTIVE' });
    const spec = itemSpec(s);
    assert.equal(spec.label, 'orders');
    assert.equal(spec.collapsible, 'collapsed');
    assert.equal(spec.id, 'custom:Local/us-east-1/stream/orders');
    assert.equal(spec.tooltip, undefined, 'stream tooltips are resolved lazily');
  });

  it('shows a closed shard with its children and an open child with its parents', () => {
    const parent = stream({ name: 's' });
    const models = toShardModels([
      { ShardId: 'shardId-000000000000', HashKeyRange: { StartingHashKey: '0', EndingHashKey: '99' }, SequenceNumberRange: { StartingSequenceNumber: '10', EndingSequenceNumber: '20' } },
      { ShardId: 'shardId-000000000001', ParentShardId: 'shardId-000000000000', HashKeyRange: { StartingHashKey: '0', EndingHashKey: '49' }, SequenceNumberRange: { StartingSequenceNumber: '30' } },
      { ShardId: 'shardId-000000000002', ParentShardId: 'shardId-000000000000', HashKeyRange: { StartingHashKey: '50', EndingHashKey: '99' }, SequenceNumberRange: { StartingSequenceNumber: '31' } },
    ]);
    const [closed, a] = models.map((m) => itemSpec(new ShardNode(parent, m)));
    assert.equal(closed?.label, 'shardId-000000000000');
    assert.equal(closed?.description, 'closed → shardId-000000000001, shardId-000000000002');
    assert.equal(a?.description, 'open ← shardId-000000000000');
    assert.notEqual(closed?.icon.id, a?.icon.id);
    assert.match(closed?.tooltip ?? '', /Hash key range: `0` – `99`/);
    assert.match(closed?.tooltip ?? '', /Starting sequence number: `10`/);
    assert.match(closed?.tooltip ?? '', /Ending sequence number: `20`/);
    assert.doesNotMatch(a?.tooltip ?? '', /Ending sequence/);
  });

  it('describes a connection by region(s) and endpoint host', () => {
    assert.equal(itemSpec(new ConnectionNode(custom, ['us-east-1'])).description, 'us-east-1 · 127.0.0.1:4567');
    assert.equal(itemSpec(new ConnectionNode(profile, ['eu-west-1', 'us-east-1'])).description, '2 regions · sso');
  });

  it('says which region has no streams', () => {
    const conn = new ConnectionNode(custom, ['eu-west-3']);
    assert.equal(itemSpec(new MessageNode(conn, 'No streams in eu-west-3', 'empty')).label, 'No streams in eu-west-3');
  });

  it('labels an error node with its code and message, and clicks through to details or SSO login', () => {
    const plain = itemSpec(new ErrorNode(undefined, { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:9', detail: 'd' }));
    assert.equal(plain.label, 'ECONNREFUSED');
    assert.equal(plain.description, 'connect ECONNREFUSED 127.0.0.1:9');
    assert.equal(plain.command?.command, ExplorerCommands.showErrorDetails);
    const sso = itemSpec(new ErrorNode(undefined, { code: 'CredentialsProviderError', message: 'token expired', detail: 'd', ssoLoginCommand: 'aws sso login --profile dev' }));
    assert.equal(sso.command?.command, ExplorerCommands.ssoLogin);
    assert.match(sso.tooltip ?? '', /copy the login command/);
  });
});

describe('explorer: tooltips', () => {
  it('shows ARN, creation time, encryption and consumer count for a described stream', () => {
    const created = new Date('2024-05-06T07:08:09.000Z');
    const node = stream({ name: 'orders', arn: 'arn:aws:kinesis:us-east-1:000000000000:stream/orders', status: 'ACTIVE', mode: 'PROVISIONED', openShards: 2, retentionHours: 48, created, encryption: 'KMS', keyId: 'alias/aws/kinesis', consumers: 3 });
    const tip = streamTooltipOf(node);
    assert.match(tip, /ARN: `arn:aws:kinesis:us-east-1:000000000000:stream\/orders`/);
    assert.match(tip, /Created: 2024-05-06T07:08:09.000Z/);
    assert.match(tip, /Encryption: KMS \(`alias\/aws\/kinesis`\)/);
    assert.match(tip, /Consumers: 3/);
    assert.match(tip, /Retention: 48 hours/);
  });

  it('escapes markdown in messages that come from AWS or the user', () => {
    assert.equal(escapeMarkdown('[click](command:x) *b*'), '\\[click\\]\\(command:x\\) \\*b\\*');
    const spec = itemSpec(new ErrorNode(undefined, { code: 'X', message: '[a](b)', detail: 'd' }));
    assert.doesNotMatch(spec.tooltip ?? '', /[^\\]\[a\]/);
  });
});
