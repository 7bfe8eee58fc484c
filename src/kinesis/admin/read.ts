// Read-only calls behind the manage-stream prompts: does a stream exist, the account's shard
// limits, what a delete would lose, and the "Describe Stream" document. Errors: KinesisCallError.
import { DescribeLimitsCommand, type KinesisClient, type Shard, type StreamDescriptionSummary } from '@aws-sdk/client-kinesis';
import { listShardPages } from '../streams/shards';
import { describeSummary } from '../streams/streams';
import { errorCode } from '../errors';
import { callKinesis } from '../call';
import { listConsumers } from '../consumers/consumers';
import type { ShardCountLimit } from './validate';
import { plural } from '../plural';

/** The summary, or undefined when the stream does not exist. */
export async function fetchStreamSummary(client: KinesisClient, streamName: string, signal?: AbortSignal): Promise<StreamDescriptionSummary | undefined> {
  try {
    return await callKinesis('kinesis:DescribeStreamSummary', () => describeSummary(client, streamName, signal));
  } catch (err) {
    if (errorCode(err) === 'ResourceNotFoundException') return undefined;
    throw err;
  }
}

export interface AccountShardLimits extends ShardCountLimit {
  shardLimit: number;
  openShardCount: number;
  available: number;
  onDemandStreamCount?: number;
  onDemandStreamCountLimit?: number;
}

/** DescribeLimits, or undefined when it is denied or unsupported (validation then has no upper bound). */
export async function getAccountShardLimits(client: KinesisClient, signal?: AbortSignal): Promise<AccountShardLimits | undefined> {
  try {
    const out = await client.send(new DescribeLimitsCommand({}), { abortSignal: signal });
    if (out.ShardLimit === undefined || out.OpenShardCount === undefined) return undefined;
    const limits: AccountShardLimits = { shardLimit: out.ShardLimit, openShardCount: out.OpenShardCount, available: Math.max(0, out.ShardLimit - out.OpenShardCount) };
    if (out.OnDemandStreamCount !== undefined) limits.onDemandStreamCount = out.OnDemandStreamCount;
    if (out.OnDemandStreamCountLimit !== undefined) limits.onDemandStreamCountLimit = out.OnDemandStreamCountLimit;
    return limits;
  } catch {
    // Not knowing the limit only loses the early check; CreateStream still reports LimitExceededException.
    return undefined;
  }
}

/** Every shard of the stream, raw as ListShards returns them (all pages). */
export async function listAllShardsRaw(client: KinesisClient, streamName: string, signal?: AbortSignal): Promise<Shard[]> {
  return callKinesis('kinesis:ListShards', () => listShardPages(client, { streamName }, { signal }));
}

/** Registered consumer names (ListStreamConsumers, all pages). */
export async function listConsumerNames(client: KinesisClient, streamArn: string, signal?: AbortSignal): Promise<string[]> {
  return (await listConsumers(client, streamArn, { signal })).map((c) => c.name).filter((n) => n !== '');
}

export interface StreamDeletionImpact {
  streamName: string;
  status?: string;
  retentionHours: number;
  openShardCount: number;
  consumerCount: number;
  /** Names when ListStreamConsumers is allowed; else only the count is known. */
  consumers: string[];
  /** The delete needs EnforceConsumerDeletion, or Kinesis refuses it (ResourceInUseException). */
  needsEnforceConsumerDeletion: boolean;
  /** Sentences for the modal confirmation. */
  message: string;
}

/** What deleting the stream loses, for the confirmation; undefined when the stream does not exist. */
export async function describeStreamDeletion(client: KinesisClient, streamName: string, signal?: AbortSignal): Promise<StreamDeletionImpact | undefined> {
  const summary = await fetchStreamSummary(client, streamName, signal);
  if (!summary) return undefined;
  const count = summary.ConsumerCount ?? 0;
  let consumers: string[] = [];
  if (summary.StreamARN) {
    consumers = await listConsumerNames(client, summary.StreamARN, signal).catch(() => []);
  }
  const consumerCount = Math.max(count, consumers.length);
  const retention = summary.RetentionPeriodHours ?? 24;
  const shards = summary.OpenShardCount ?? 0;
  const lines = [`Deleting ${streamName} removes every record it holds: up to ${retention} hours (${formatHours(retention)}) of data in ${plural(shards, 'open shard')}. This cannot be undone.`];
  if (consumerCount > 0) {
    const names = consumers.length > 0 ? `: ${consumers.join(', ')}` : '';
    lines.push(`Its ${plural(consumerCount, 'registered consumer')}${names} will be deregistered (EnforceConsumerDeletion).`);
  }
  const impact: StreamDeletionImpact = { streamName, retentionHours: retention, openShardCount: shards, consumerCount, consumers, needsEnforceConsumerDeletion: consumerCount > 0, message: lines.join(' ') };
  if (summary.StreamStatus) impact.status = summary.StreamStatus;
  return impact;
}

function formatHours(hours: number): string {
  if (hours % 24 === 0) return `${hours / 24} day${hours === 24 ? '' : 's'}`;
  return `${(hours / 24).toFixed(1)} days`;
}

export interface StreamDocument {
  streamName: string;
  generatedAt: string;
  summary: Record<string, unknown>;
  shardCount: { open: number; closed: number };
  shards: Array<Record<string, unknown>>;
}

/** DescribeStreamSummary plus every shard as one plain JSON object (dates as ISO strings). */
export async function describeStreamDocument(client: KinesisClient, streamName: string, signal?: AbortSignal): Promise<StreamDocument> {
  const summary = await callKinesis('kinesis:DescribeStreamSummary', () => describeSummary(client, streamName, signal));
  const shards = await listAllShardsRaw(client, streamName, signal);
  const open = shards.filter((s) => s.SequenceNumberRange?.EndingSequenceNumber === undefined).length;
  return {
    streamName,
    generatedAt: new Date().toISOString(),
    summary: toPlainJson(summary ?? {}) as Record<string, unknown>,
    shardCount: { open, closed: shards.length - open },
    shards: shards.map((s) => toPlainJson(s) as Record<string, unknown>),
  };
}

/** Read-only document text. */
export function renderStreamDocument(doc: StreamDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Dates to ISO strings, undefined fields dropped: what JSON.stringify would keep, as plain objects. */
function toPlainJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}
