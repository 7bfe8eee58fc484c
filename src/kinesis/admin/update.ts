// Changes to an existing stream (shard count, capacity mode, retention), each checked against
// the stream's current state first and followed until the stream is ACTIVE again.
import { DecreaseStreamRetentionPeriodCommand, IncreaseStreamRetentionPeriodCommand, UpdateShardCountCommand, UpdateStreamModeCommand, type KinesisClient, type StreamDescriptionSummary } from '@aws-sdk/client-kinesis';
import type { DescribedError } from '../errors';
import { listShards, type ShardModel } from '../streams/shards';
import { fetchStreamSummary } from './read';
import { adminError, adminFailed, adminRefused, adminUnsettled, type AdminOptions, type AdminResult } from './result';
import { waitForStream } from './wait';
import type { CapacityMode } from '../streams/streams';
import { parseRetentionHours, parseTargetShardCount, shardCountTargets, type ShardCountLimit } from './validate';
import { noun, plural } from '../plural';

type Loaded = { ok: true; summary: StreamDescriptionSummary } | { ok: false; result: AdminResult<never> };

/** The summary of an ACTIVE stream, or the refusal/failure to return instead. */
async function loadActive(client: KinesisClient, name: string, what: string, opts: AdminOptions): Promise<Loaded> {
  let summary: StreamDescriptionSummary | undefined;
  try {
    summary = await fetchStreamSummary(client, name, opts.signal);
  } catch (err) {
    return { ok: false, result: adminFailed(name, what, adminError(err, 'kinesis:DescribeStreamSummary'), []) };
  }
  if (!summary) return { ok: false, result: adminRefused(name, 'notFound', `Stream ${name} does not exist (it may have been deleted). Refresh the explorer.`) };
  if (summary.StreamStatus !== 'ACTIVE') {
    const error: DescribedError = { code: 'ResourceInUseException', message: `${name} is ${summary.StreamStatus ?? 'not ACTIVE'}`, retryable: true, nextStep: 'Wait until it is ACTIVE, then try again.' };
    return { ok: false, result: { ...adminRefused(name, 'notActive', `Cannot ${what} now: ${name} is ${summary.StreamStatus ?? 'not ACTIVE'}. Wait until it is ACTIVE, then try again.`, error), streamStatus: summary.StreamStatus ?? '' } };
  }
  return { ok: true, summary };
}

export interface ShardCountChange {
  previousOpenShards: number;
  /** Every shard after the change: the new open ones, plus the closed parents still readable. */
  shards: ShardModel[];
  openShards: ShardModel[];
  closedShards: ShardModel[];
}

/** UpdateShardCount (UNIFORM_SCALING) on a provisioned stream, within AWS's "double / half" bounds. */
export async function updateShardCountAndWait(client: KinesisClient, req: { name: string; targetShardCount: number; limit?: ShardCountLimit }, opts: AdminOptions = {}): Promise<AdminResult<ShardCountChange>> {
  const what = `change the shard count of ${req.name}`;
  const loaded = await loadActive(client, req.name, what, opts);
  if (!loaded.ok) return loaded.result;
  const s = loaded.summary;
  if (s.StreamModeDetails?.StreamMode === 'ON_DEMAND') {
    return adminRefused(req.name, 'onDemand', `${req.name} is on-demand: Kinesis manages its shards. Switch it to provisioned capacity first to set a shard count.`);
  }
  const current = s.OpenShardCount ?? 0;
  if (current < 1) return adminRefused(req.name, 'notActive', `${req.name} reports no open shards; refresh and try again.`);
  const target = parseTargetShardCount(String(req.targetShardCount), shardCountTargets(current, req.limit));
  if (!target.ok) return adminRefused(req.name, req.targetShardCount === current ? 'unchanged' : 'outOfRange', target.error);
  try {
    await client.send(new UpdateShardCountCommand({ StreamName: req.name, TargetShardCount: target.value, ScalingType: 'UNIFORM_SCALING' }));
  } catch (err) {
    return adminFailed(req.name, what, adminError(err, 'kinesis:UpdateShardCount'), []);
  }
  const applied = ['UpdateShardCount'];
  const waited = await waitForStream(client, req.name, 'ACTIVE', opts);
  if (waited.kind !== 'reached') return adminUnsettled(req.name, waited, applied, 'ACTIVE');
  let shards: ShardModel[];
  try {
    shards = await listShards(client, req.name, { signal: opts.signal });
  } catch (err) {
    return adminFailed(req.name, `list the new shards of ${req.name} (the shard count change itself succeeded)`, adminError(err, 'kinesis:ListShards'), applied, 'ACTIVE');
  }
  const openShards = shards.filter((x) => !x.closed);
  const closedShards = shards.filter((x) => x.closed);
  return {
    status: 'done',
    streamName: req.name,
    applied,
    streamStatus: 'ACTIVE',
    value: { previousOpenShards: current, shards, openShards, closedShards },
    message: `${req.name} now has ${openShards.length} open shards (was ${current}); ${plural(closedShards.length, 'closed shard stays', 'closed shards stay')} readable until ${noun(closedShards.length, 'its', 'their')} records expire.`,
  };
}

/** UpdateStreamMode (needs the stream ARN), then wait until ACTIVE. */
export async function switchCapacityModeAndWait(client: KinesisClient, req: { name: string; mode: CapacityMode }, opts: AdminOptions = {}): Promise<AdminResult<StreamDescriptionSummary>> {
  const label = req.mode === 'ON_DEMAND' ? 'on-demand' : 'provisioned';
  const what = `switch ${req.name} to ${label} capacity`;
  const loaded = await loadActive(client, req.name, what, opts);
  if (!loaded.ok) return loaded.result;
  const s = loaded.summary;
  if (s.StreamModeDetails?.StreamMode === req.mode) return adminRefused(req.name, 'unchanged', `${req.name} already uses ${label} capacity.`);
  if (!s.StreamARN) return adminFailed(req.name, what, { code: 'MissingStreamARN', message: 'DescribeStreamSummary returned no StreamARN, which UpdateStreamMode needs', retryable: false }, []);
  try {
    await client.send(new UpdateStreamModeCommand({ StreamARN: s.StreamARN, StreamModeDetails: { StreamMode: req.mode } }));
  } catch (err) {
    return adminFailed(req.name, what, adminError(err, 'kinesis:UpdateStreamMode'), []);
  }
  const applied = ['UpdateStreamMode'];
  const waited = await waitForStream(client, req.name, 'ACTIVE', opts);
  if (waited.kind !== 'reached') return adminUnsettled(req.name, waited, applied, 'ACTIVE');
  const after = waited.summary ?? s;
  return { status: 'done', streamName: req.name, applied, streamStatus: 'ACTIVE', value: after, message: `${req.name} now uses ${label} capacity with ${after.OpenShardCount ?? '?'} open shards. AWS allows two mode switches per stream in 24 hours.` };
}

/** Increase- or DecreaseStreamRetentionPeriod, whichever moves toward `hours`, then wait until ACTIVE. */
export async function setRetentionAndWait(client: KinesisClient, req: { name: string; hours: number }, opts: AdminOptions = {}): Promise<AdminResult<StreamDescriptionSummary>> {
  const hours = parseRetentionHours(String(req.hours));
  if (!hours.ok) return adminRefused(req.name, 'invalid', hours.error);
  const what = `set the retention of ${req.name} to ${hours.value} hours`;
  const loaded = await loadActive(client, req.name, what, opts);
  if (!loaded.ok) return loaded.result;
  const before = loaded.summary.RetentionPeriodHours ?? 24;
  if (before === hours.value) return adminRefused(req.name, 'unchanged', `${req.name} already keeps records for ${before} hours.`);
  const increase = hours.value > before;
  const apiName = increase ? 'IncreaseStreamRetentionPeriod' : 'DecreaseStreamRetentionPeriod';
  try {
    const input = { StreamName: req.name, RetentionPeriodHours: hours.value };
    await client.send(increase ? new IncreaseStreamRetentionPeriodCommand(input) : new DecreaseStreamRetentionPeriodCommand(input));
  } catch (err) {
    return adminFailed(req.name, what, adminError(err, `kinesis:${apiName}`), []);
  }
  const applied = [apiName];
  const waited = await waitForStream(client, req.name, 'ACTIVE', opts);
  if (waited.kind !== 'reached') return adminUnsettled(req.name, waited, applied, 'ACTIVE');
  const after = waited.summary ?? loaded.summary;
  const lost = increase ? '' : ` Records older than ${hours.value} hours are no longer readable.`;
  return { status: 'done', streamName: req.name, applied, streamStatus: 'ACTIVE', value: after, message: `${req.name} now keeps records for ${after.RetentionPeriodHours ?? hours.value} hours (was ${before}).${lost}` };
}
