// Listing and describing streams: one ListStreams page at a time (NextToken + StreamSummaries
// where the endpoint returns them, else ExclusiveStartStreamName + HasMoreStreams, as
// kinesis-local and LocalStack do), and DescribeStreamSummary with bounded concurrency.
import { DescribeStreamSummaryCommand, ListStreamsCommand, type KinesisClient, type StreamDescriptionSummary, type StreamSummary } from '@aws-sdk/client-kinesis';
import { settle, type Result, type NodeError } from '../result';

export type StreamStatus = 'CREATING' | 'DELETING' | 'ACTIVE' | 'UPDATING';
export type CapacityMode = 'PROVISIONED' | 'ON_DEMAND';

export interface StreamModel {
  name: string;
  arn?: string;
  status?: StreamStatus;
  mode?: CapacityMode;
  created?: Date;
  /** The fields below come from DescribeStreamSummary only. */
  openShards?: number;
  retentionHours?: number;
  encryption?: 'NONE' | 'KMS';
  keyId?: string;
  consumers?: number;
  /** 'list': only what ListStreams said; 'summary': DescribeStreamSummary filled it in. */
  detail: 'list' | 'summary';
}

/** Where the next page starts; opaque to callers. */
export type PageToken = { nextToken: string } | { exclusiveStartStreamName: string };

export interface StreamPage {
  streams: StreamModel[];
  next?: PageToken;
}

export interface ListCallOptions {
  signal?: AbortSignal;
}

export const STREAM_PAGE_SIZE = 100;

export function isStreamSettled(status: StreamStatus | undefined): boolean {
  return status === 'ACTIVE' || status === undefined;
}

/** One ListStreams call. */
export async function listStreamsPage(client: KinesisClient, opts: ListCallOptions & { token?: PageToken; limit?: number } = {}): Promise<StreamPage> {
  const limit = opts.limit ?? STREAM_PAGE_SIZE;
  const out = await client.send(new ListStreamsCommand({ Limit: limit, ...tokenInput(opts.token) }), { abortSignal: opts.signal });
  const summaries = out.StreamSummaries;
  const streams = summaries && summaries.length > 0 ? summaries.map(fromListSummary) : (out.StreamNames ?? []).map((name): StreamModel => ({ name, detail: 'list' }));
  const next = nextToken(out.NextToken, out.HasMoreStreams, streams);
  return next ? { streams, next } : { streams };
}

function tokenInput(token: PageToken | undefined): { NextToken?: string; ExclusiveStartStreamName?: string } {
  if (!token) return {};
  return 'nextToken' in token ? { NextToken: token.nextToken } : { ExclusiveStartStreamName: token.exclusiveStartStreamName };
}

function nextToken(token: string | undefined, hasMore: boolean | undefined, streams: StreamModel[]): PageToken | undefined {
  if (token) return { nextToken: token };
  const last = streams[streams.length - 1];
  return hasMore && last ? { exclusiveStartStreamName: last.name } : undefined;
}

function fromListSummary(s: StreamSummary): StreamModel {
  return {
    name: s.StreamName ?? '',
    arn: s.StreamARN,
    status: s.StreamStatus as StreamStatus | undefined,
    mode: s.StreamModeDetails?.StreamMode as CapacityMode | undefined,
    created: s.StreamCreationTimestamp,
    detail: 'list',
  };
}

export function fromDescription(d: StreamDescriptionSummary): StreamModel {
  return {
    name: d.StreamName ?? '',
    arn: d.StreamARN,
    status: d.StreamStatus as StreamStatus | undefined,
    mode: d.StreamModeDetails?.StreamMode as CapacityMode | undefined,
    created: d.StreamCreationTimestamp,
    openShards: d.OpenShardCount,
    retentionHours: d.RetentionPeriodHours,
    encryption: d.EncryptionType as 'NONE' | 'KMS' | undefined,
    keyId: d.KeyId,
    consumers: d.ConsumerCount,
    detail: 'summary',
  };
}

/** The one DescribeStreamSummary call of the layer: the raw summary (undefined when the response has none). */
export async function describeSummary(client: KinesisClient, streamName: string, signal?: AbortSignal): Promise<StreamDescriptionSummary | undefined> {
  const out = await client.send(new DescribeStreamSummaryCommand({ StreamName: streamName }), { abortSignal: signal });
  return out.StreamDescriptionSummary;
}

export async function describeStreamSummary(client: KinesisClient, name: string, opts: ListCallOptions = {}): Promise<StreamModel> {
  const summary = await describeSummary(client, name, opts.signal);
  if (!summary) throw new Error(`DescribeStreamSummary returned nothing for ${name}`);
  return fromDescription(summary);
}

/**
 * Describes many streams, at most `concurrency` at a time (DescribeStreamSummary is limited to
 * 20 calls/s per account). One failure does not fail the others.
 */
export async function describeStreams(client: KinesisClient, names: readonly string[], opts: ListCallOptions & { concurrency?: number } = {}): Promise<Array<Result<StreamModel>>> {
  const results = new Array<Result<StreamModel>>(names.length);
  let next = 0;
  const worker = async () => {
    while (next < names.length) {
      const i = next++;
      results[i] = await settle(() => describeStreamSummary(client, names[i] as string, opts));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 4, names.length)) }, worker));
  return results;
}

/** A page whose streams all carry status, mode, shard count and retention where describable. */
export interface DescribedPage {
  /** `error`: the describe of that one stream failed; the stream still shows, by name. */
  streams: Array<{ model: StreamModel; error?: NodeError }>;
  next?: PageToken;
}

/**
 * A ListStreams page, completed with DescribeStreamSummary for the streams ListStreams said
 * nothing about (no StreamSummaries). With summaries, details are left for later (`describe`).
 */
export async function loadStreamsPage(client: KinesisClient, opts: ListCallOptions & { token?: PageToken; limit?: number; concurrency?: number } = {}): Promise<DescribedPage> {
  const page = await listStreamsPage(client, opts);
  const bare = page.streams.filter((s) => s.status === undefined).map((s) => s.name);
  const described = bare.length > 0 ? await describeStreams(client, bare, opts) : [];
  const byName = new Map(bare.map((name, i) => [name, described[i]]));
  const streams = page.streams.map((model) => {
    const d = byName.get(model.name);
    if (!d) return { model };
    return d.ok ? { model: d.value } : { model, error: d.error };
  });
  return page.next ? { streams, next: page.next } : { streams };
}
