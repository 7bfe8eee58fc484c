// Loads what hangs under a region and a stream: ListStreams pages ("Load more…"), background
// DescribeStreamSummary for streams listed with summaries only, shards, and settle checks.
// Every failure becomes an ErrorNode; nothing here throws into the tree.
import type { ExplorerDeps } from './deps';
import { ConsumerNode, ConsumersNode, ErrorNode, LoadMoreNode, MessageNode, ShardNode, StreamNode, type ExplorerNode, type RegionNode } from './nodes';

export interface StreamLoaderContext {
  deps: ExplorerDeps;
  fire: (node: ExplorerNode | undefined) => void;
  watch: (node: StreamNode) => void;
}

const ENRICH_CONCURRENCY = 2;

export class StreamLoader {
  constructor(private readonly ctx: StreamLoaderContext) {}

  async regionChildren(region: RegionNode): Promise<ExplorerNode[]> {
    if (!region.streams) await this.loadPage(region);
    const out: ExplorerNode[] = [...(region.streams ?? [])];
    if (region.pageError) out.push(region.pageError);
    if (region.next) out.push(new LoadMoreNode(region));
    if (out.length === 0) out.push(new MessageNode(region.element, `No streams in ${region.region}`, 'empty', 'empty'));
    return out;
  }

  async loadMore(region: RegionNode): Promise<void> {
    if (!region.next && region.streams) return region.loading;
    await this.loadPage(region);
    this.ctx.fire(region.element);
  }

  async streamChildren(stream: StreamNode): Promise<ExplorerNode[]> {
    if (!stream.shards) {
      if (!stream.loadingShards) {
        const p: Promise<void> = this.fetchShards(stream).then((items) => {
          if (stream.loadingShards !== p) return;
          stream.shards = items;
          stream.loadingShards = undefined;
        });
        stream.loadingShards = p;
      }
      await stream.loadingShards;
    }
    const head = stream.describeError ? [new ErrorNode(stream, stream.describeError, stream.parent.connection, 'describe-error')] : [];
    stream.consumersNode ??= new ConsumersNode(stream);
    return [...head, ...(stream.shards ?? []), stream.consumersNode];
  }

  /** The stream's consumers (ListStreamConsumers, every page), loaded once per refresh. */
  async consumerChildren(node: ConsumersNode): Promise<ExplorerNode[]> {
    if (!node.items) {
      const p = (node.loading ??= this.fetchConsumers(node).then((items) => {
        if (node.loading === p) node.items = items;
        node.loading = undefined;
      }));
      await p;
    }
    return node.items ?? [];
  }

  private async fetchConsumers(node: ConsumersNode): Promise<Array<ConsumerNode | ErrorNode | MessageNode>> {
    const stream = node.parent;
    const api = await this.ctx.deps.clients.api();
    const { connection, region } = stream.parent;
    if (!stream.model.arn) await this.redescribe(stream);
    const arn = stream.model.arn;
    if (!arn) return [new MessageNode(node, 'Consumers unknown: the stream ARN could not be read', 'info', 'empty')];
    const res = await api.settle(async () => api.listConsumers(await this.ctx.deps.clients.client({ connection, region }), arn), connection);
    if (!res.ok) {
      this.ctx.deps.log.warn(`explorer: listing consumers of ${stream.name} failed: ${res.error.detail}`);
      return [new ErrorNode(node, res.error, connection)];
    }
    if (res.value.length === 0) return [new MessageNode(node, 'No registered consumers', 'empty', 'empty')];
    return res.value.map((c) => new ConsumerNode(node, c));
  }

  /** DescribeStreamSummary for one stream; updates its model, or records the error. */
  async redescribe(stream: StreamNode): Promise<void> {
    const api = await this.ctx.deps.clients.api();
    const connection = stream.parent.connection;
    const res = await api.settle(async () => api.describeStreamSummary(await this.ctx.deps.clients.client({ connection, region: stream.parent.region }), stream.name), connection);
    if (!res.ok) {
      if (res.error.code === 'ResourceNotFoundException') {
        this.remove(stream);
        return;
      }
      stream.describeError = res.error;
      this.ctx.deps.log.warn(`explorer: describe ${stream.name} failed: ${res.error.detail}`);
      return;
    }
    stream.model = res.value;
    stream.describeError = undefined;
    stream.describedAt = Date.now();
    if (!api.isStreamSettled(res.value.status)) this.ctx.watch(stream);
  }

  /** One poll of a CREATING/UPDATING/DELETING stream. */
  async checkSettling(stream: StreamNode): Promise<'settled' | 'pending' | 'gone'> {
    const region = stream.parent;
    if (!this.isShown(stream)) return 'gone';
    const api = await this.ctx.deps.clients.api();
    const res = await api.settle(async () => api.describeStreamSummary(await this.ctx.deps.clients.client(region), stream.name), region.connection);
    if (!this.isShown(stream)) return 'gone';
    if (!res.ok) {
      if (res.error.code !== 'ResourceNotFoundException') return 'pending';
      this.remove(stream);
      return 'gone';
    }
    const before = stream.model.status;
    stream.model = res.value;
    stream.describedAt = Date.now();
    if (api.isStreamSettled(res.value.status)) {
      // Resharding or creation changed the shards: list them again when next shown.
      stream.shards = undefined;
      stream.loadingShards = undefined;
      this.ctx.fire(stream);
      return 'settled';
    }
    if (before !== res.value.status) this.ctx.fire(stream);
    return 'pending';
  }

  /** Whether the stream is still shown (a refresh or a deletion drops it). */
  isShown(stream: StreamNode): boolean {
    return stream.parent.streams?.includes(stream) === true;
  }

  /** Drops a deleted stream from its region. */
  private remove(stream: StreamNode): void {
    const region = stream.parent;
    if (!region.streams?.includes(stream)) return;
    region.streams = region.streams.filter((s) => s !== stream);
    this.ctx.deps.log.info(`explorer: ${stream.name} no longer exists`);
    this.ctx.fire(region.element);
  }

  private loadPage(region: RegionNode): Promise<void> {
    if (region.loading) return region.loading;
    const p = this.fetchPage(region);
    region.loading = p;
    const clear = () => {
      if (region.loading === p) region.loading = undefined;
    };
    p.then(clear, clear);
    return p;
  }

  private async fetchPage(region: RegionNode): Promise<void> {
    const { deps } = this.ctx;
    const generation = region.generation;
    const api = await deps.clients.api();
    const connection = region.connection;
    const res = await api.settle(async () => api.loadStreamsPage(await deps.clients.client(region), {
      token: region.next,
      limit: deps.pageSize,
      concurrency: deps.describeConcurrency,
    }), connection);
    if (generation !== region.generation) return;
    if (!res.ok) {
      deps.log.warn(`explorer: listing streams of ${connection.name} in ${region.region} failed: ${res.error.detail}`);
      region.pageError = new ErrorNode(region.element, res.error, connection, region.streams?.length ? 'page-error' : 'error');
      region.streams ??= [];
      return;
    }
    region.pageError = undefined;
    const known = new Set(region.streams?.map((s) => s.name));
    const fresh = res.value.streams.filter((s) => !known.has(s.model.name)).map((s) => new StreamNode(region, s.model, s.error));
    region.streams = [...(region.streams ?? []), ...fresh];
    region.next = res.value.next;
    for (const node of fresh) {
      if (node.describeError) deps.log.warn(`explorer: describe ${node.name} failed: ${node.describeError.detail}`);
      if (!api.isStreamSettled(node.model.status)) this.ctx.watch(node);
    }
    const bare = fresh.filter((n) => n.model.detail === 'list' && !n.describeError);
    if (bare.length > 0) void this.enrich(region, bare, generation);
  }

  /**
   * Streams listed with StreamSummaries show at once; their shard count and retention arrive
   * here, a couple of describes at a time (DescribeStreamSummary allows 20 calls/s per account).
   */
  private async enrich(region: RegionNode, nodes: StreamNode[], generation: number): Promise<void> {
    try {
      const api = await this.ctx.deps.clients.api();
        const client = await this.ctx.deps.clients.client(region);
      const results = await api.describeStreams(client, nodes.map((n) => n.name), { concurrency: ENRICH_CONCURRENCY });
      if (generation !== region.generation) return;
      results.forEach((r, i) => {
        const node = nodes[i] as StreamNode;
        if (r.ok) {
          node.model = r.value;
          node.describedAt = Date.now();
        } else {
          node.describeError = r.error;
        }
        this.ctx.fire(node);
      });
    } catch (err) {
      this.ctx.deps.log.warn(`explorer: describing streams of ${region.connection.name} failed: ${String(err)}`);
    }
  }

  private async fetchShards(stream: StreamNode): Promise<Array<ShardNode | ErrorNode | MessageNode>> {
    const api = await this.ctx.deps.clients.api();
    const { connection, region } = stream.parent;
    const res = await api.settle(async () => api.listShards(await this.ctx.deps.clients.client({ connection, region }), stream.name), connection);
    if (!res.ok) {
      this.ctx.deps.log.warn(`explorer: listing shards of ${stream.name} failed: ${res.error.detail}`);
      return [new ErrorNode(stream, res.error, connection)];
    }
    if (res.value.length === 0) {
      const why = stream.model.status && stream.model.status !== 'ACTIVE' ? `No shards yet (stream is ${stream.model.status})` : 'No shards';
      return [new MessageNode(stream, why, 'empty', 'empty')];
    }
    return res.value.map((s) => new ShardNode(stream, s));
  }
}
