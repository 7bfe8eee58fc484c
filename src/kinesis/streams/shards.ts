// Listing shards with paginated ListShards, closed ones included (they stay listed for the
// retention period after resharding), each with its parents and the children derived from them.
import { ListShardsCommand, type KinesisClient, type Shard } from '@aws-sdk/client-kinesis';
import type { ListCallOptions } from './streams';

export interface ShardModel {
  id: string;
  parentId?: string;
  adjacentParentId?: string;
  /** Shards whose parent or adjacent parent is this one (after a split, merge or UpdateShardCount). */
  children: string[];
  hashKeyStart: string;
  hashKeyEnd: string;
  startingSequence: string;
  /** Present once the shard is closed: no record will be added after it. */
  endingSequence?: string;
  closed: boolean;
}

/** A stream with thousands of shards is not browsable anyway; stop there. */
export const MAX_LISTED_SHARDS = 10_000;

export interface ShardPageOptions extends ListCallOptions {
  /** MaxResults per page; absent: the service's default. */
  pageSize?: number;
  /** Stop paging once this many shards are listed. */
  max?: number;
}

/**
 * The one paged ListShards of the layer: every shard (closed ones included) as the SDK returns
 * them, by stream name or ARN. Stops early when `signal` aborts or `max` is reached.
 */
export async function listShardPages(client: KinesisClient, stream: { streamName?: string; streamARN?: string }, opts: ShardPageOptions = {}): Promise<Shard[]> {
  const ref = stream.streamARN ? { StreamARN: stream.streamARN } : { StreamName: stream.streamName };
  const page = opts.pageSize !== undefined ? { MaxResults: opts.pageSize } : {};
  const max = opts.max ?? Infinity;
  const shards: Shard[] = [];
  let token: string | undefined;
  do {
    // ListShards rejects StreamName together with NextToken.
    const out = await client.send(new ListShardsCommand(token ? { NextToken: token, ...page } : { ...ref, ...page }), { abortSignal: opts.signal });
    shards.push(...(out.Shards ?? []));
    token = out.NextToken;
  } while (token && shards.length < max && !opts.signal?.aborted);
  return shards;
}

export async function listShards(client: KinesisClient, streamName: string, opts: ShardPageOptions = {}): Promise<ShardModel[]> {
  const max = opts.max ?? MAX_LISTED_SHARDS;
  const shards = await listShardPages(client, { streamName }, { ...opts, pageSize: opts.pageSize ?? 1000, max });
  return toShardModels(shards.slice(0, max));
}

/** Pure: SDK shards to models, children filled in from the parents' links. */
export function toShardModels(shards: readonly Shard[]): ShardModel[] {
  const children = new Map<string, string[]>();
  for (const s of shards) {
    for (const parent of [s.ParentShardId, s.AdjacentParentShardId]) {
      if (parent && s.ShardId) children.set(parent, [...(children.get(parent) ?? []), s.ShardId]);
    }
  }
  return shards.map((s): ShardModel => {
    const id = s.ShardId ?? '';
    const ending = s.SequenceNumberRange?.EndingSequenceNumber;
    const model: ShardModel = {
      id,
      children: children.get(id) ?? [],
      hashKeyStart: s.HashKeyRange?.StartingHashKey ?? '',
      hashKeyEnd: s.HashKeyRange?.EndingHashKey ?? '',
      startingSequence: s.SequenceNumberRange?.StartingSequenceNumber ?? '',
      closed: ending !== undefined,
    };
    if (s.ParentShardId) model.parentId = s.ParentShardId;
    if (s.AdjacentParentShardId) model.adjacentParentId = s.AdjacentParentShardId;
    if (ending !== undefined) model.endingSequence = ending;
    return model;
  });
}
