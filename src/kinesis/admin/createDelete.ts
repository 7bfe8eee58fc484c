// Create and delete a stream, each waiting until the stream has settled. Input is checked and
// an existing name refused before any change; mutating calls are never aborted half-way.
import { CreateStreamCommand, DeleteStreamCommand, IncreaseStreamRetentionPeriodCommand, type KinesisClient, type StreamDescriptionSummary } from '@aws-sdk/client-kinesis';
import { errorCode } from '../errors';
import { fetchStreamSummary } from './read';
import { adminError, adminFailed, adminRefused, adminUnsettled, type AdminOptions, type AdminResult } from './result';
import { waitForStream } from './wait';
import type { CapacityMode } from '../streams/streams';
import { MIN_RETENTION_HOURS, parseRetentionHours, parseShardCount, validateStreamName } from './validate';
import { plural } from '../plural';

export interface CreateStreamRequest {
  name: string;
  mode: CapacityMode;
  /** Provisioned only. */
  shardCount?: number;
  /** 24 (the default) to 8,760 hours. */
  retentionHours?: number;
}

/** The first problem with the request, checked without calling AWS. */
export function createStreamProblem(req: CreateStreamRequest): string | undefined {
  const name = validateStreamName(req.name);
  if (name) return name;
  if (req.mode !== 'PROVISIONED' && req.mode !== 'ON_DEMAND') return `Unknown capacity mode "${String(req.mode)}": choose On-demand or Provisioned.`;
  if (req.mode === 'PROVISIONED') {
    if (req.shardCount === undefined) return 'A provisioned stream needs a shard count.';
    const shards = parseShardCount(String(req.shardCount));
    if (!shards.ok) return shards.error;
  } else if (req.shardCount !== undefined) {
    return 'An on-demand stream sizes itself: leave the shard count out.';
  }
  if (req.retentionHours !== undefined) {
    const hours = parseRetentionHours(String(req.retentionHours));
    if (!hours.ok) return hours.error;
  }
  return undefined;
}

/** CreateStream, wait until ACTIVE, then raise the retention if asked (and wait again). */
export async function createStreamAndWait(client: KinesisClient, req: CreateStreamRequest, opts: AdminOptions = {}): Promise<AdminResult<StreamDescriptionSummary>> {
  const problem = createStreamProblem(req);
  if (problem) return adminRefused(req.name, 'invalid', problem);
  const name = req.name;
  try {
    const existing = await fetchStreamSummary(client, name, opts.signal);
    if (existing) return adminRefused(name, 'exists', `A stream named ${name} already exists in this region (${existing.StreamStatus ?? 'status unknown'}). Choose another name.`);
  } catch (err) {
    // Without DescribeStreamSummary we cannot check; CreateStream itself refuses an existing name.
    if (errorCode(err) !== 'AccessDeniedException') return adminFailed(name, `check whether ${name} exists`, adminError(err, 'kinesis:DescribeStreamSummary'), []);
  }
  if (opts.signal?.aborted) return { status: 'cancelled', streamName: name, applied: [], message: `Cancelled before creating ${name}: nothing was changed.` };
  try {
    const mode = { StreamModeDetails: { StreamMode: req.mode } };
    await client.send(new CreateStreamCommand(req.mode === 'PROVISIONED' ? { StreamName: name, ShardCount: req.shardCount, ...mode } : { StreamName: name, ...mode }));
  } catch (err) {
    return adminFailed(name, `create ${name}`, adminError(err, 'kinesis:CreateStream'), []);
  }
  const applied = ['CreateStream'];
  let waited = await waitForStream(client, name, 'ACTIVE', opts);
  if (waited.kind !== 'reached') return adminUnsettled(name, waited, applied, 'ACTIVE');
  if (req.retentionHours !== undefined && req.retentionHours > MIN_RETENTION_HOURS) {
    try {
      await client.send(new IncreaseStreamRetentionPeriodCommand({ StreamName: name, RetentionPeriodHours: req.retentionHours }));
    } catch (err) {
      return adminFailed(name, `set the retention of the new stream ${name} to ${req.retentionHours} hours (the stream is ACTIVE with 24 hours)`, adminError(err, 'kinesis:IncreaseStreamRetentionPeriod'), applied, 'ACTIVE');
    }
    applied.push('IncreaseStreamRetentionPeriod');
    waited = await waitForStream(client, name, 'ACTIVE', opts);
    if (waited.kind !== 'reached') return adminUnsettled(name, waited, applied, 'ACTIVE');
  }
  const summary: StreamDescriptionSummary = waited.summary ?? { StreamName: name, StreamARN: undefined, StreamStatus: 'ACTIVE', RetentionPeriodHours: undefined, StreamCreationTimestamp: undefined, EnhancedMonitoring: undefined, OpenShardCount: undefined };
  return { status: 'done', streamName: name, applied, streamStatus: 'ACTIVE', value: summary, message: `Stream ${name} is ACTIVE: ${describeCapacity(summary)}, retention ${summary.RetentionPeriodHours ?? req.retentionHours ?? 24} hours.` };
}

function describeCapacity(s: StreamDescriptionSummary): string {
  const shards = (s.OpenShardCount === undefined ? '? shards' : plural(s.OpenShardCount, 'shard'));
  return s.StreamModeDetails?.StreamMode === 'ON_DEMAND' ? `on-demand (${shards} now)` : `provisioned, ${shards}`;
}

export interface DeleteStreamRequest {
  name: string;
  /** Deregister consumers too; without it Kinesis refuses to delete a stream that has any. */
  enforceConsumerDeletion: boolean;
}

/** DeleteStream, then wait until DescribeStreamSummary says it no longer exists. */
export async function deleteStreamAndWait(client: KinesisClient, req: DeleteStreamRequest, opts: AdminOptions = {}): Promise<AdminResult<void>> {
  const name = req.name;
  if (opts.signal?.aborted) return { status: 'cancelled', streamName: name, applied: [], message: `Cancelled before deleting ${name}: nothing was changed.` };
  try {
    await client.send(new DeleteStreamCommand({ StreamName: name, EnforceConsumerDeletion: req.enforceConsumerDeletion }));
  } catch (err) {
    const error = adminError(err, 'kinesis:DeleteStream');
    if (error.code === 'ResourceInUseException' && /consumer/i.test(error.message)) {
      error.nextStep = 'The stream has registered consumers: confirm that they are deregistered too (EnforceConsumerDeletion).';
    }
    return adminFailed(name, `delete ${name}`, error, []);
  }
  const applied = ['DeleteStream'];
  const waited = await waitForStream(client, name, 'GONE', opts);
  if (waited.kind !== 'reached') return adminUnsettled(name, waited, applied, 'deleted');
  return { status: 'done', streamName: name, applied, message: `Stream ${name} was deleted.` };
}
