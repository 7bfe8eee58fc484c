// The explorer's node models: what each tree element stands for and the state loaded under it
// (stream pages, shards). Plain objects, no vscode: presentation.ts maps them to TreeItems.
import type { Connection } from '../kinesis/connections/connections';
import type { ConsumerModel } from '../kinesis/consumers/consumers';
import type { NodeError } from '../kinesis/result';
import type { ShardModel } from '../kinesis/streams/shards';
import type { PageToken, StreamModel } from '../kinesis/streams/streams';
import { isStreamLocator, type StreamLocator, type StreamRef } from '../kinesis/types';

export type ExplorerNode = ConnectionNode | RegionNode | StreamNode | ShardNode | ConsumersNode | ConsumerNode | ErrorNode | LoadMoreNode | MessageNode;

/** A node that lists the streams of one (connection, region): a RegionNode, shown directly under its connection when it is the only region. */
export type StreamsElement = ConnectionNode | RegionNode;

export class ConnectionNode {
  readonly kind = 'connection';
  readonly id: string;
  regions: RegionNode[];

  constructor(readonly connection: Connection, regions: readonly string[]) {
    this.id = connection.id;
    this.regions = regions.map((r) => new RegionNode(this, r));
  }

  /** Replaces the region nodes (new selection, or a refresh that drops everything loaded). */
  setRegions(regions: readonly string[]): void {
    for (const r of this.regions) r.reset();
    this.regions = regions.map((r) => new RegionNode(this, r));
  }

  /** The only region, whose streams show directly under the connection. */
  get singleRegion(): RegionNode | undefined {
    return this.regions.length === 1 ? this.regions[0] : undefined;
  }

  get treeParent(): undefined {
    return undefined;
  }
}

export class RegionNode {
  readonly kind = 'region';
  readonly id: string;
  /** Loaded pages, in order; undefined until the first page is requested. */
  streams: StreamNode[] | undefined;
  next: PageToken | undefined;
  /** The last page load failed; shown after the streams loaded so far. */
  pageError: ErrorNode | undefined;
  loading: Promise<void> | undefined;
  /** Bumped by reset(), so a page that arrives after a refresh is dropped. */
  generation = 0;

  constructor(readonly parent: ConnectionNode, readonly region: string) {
    this.id = `${parent.id}/${region}`;
  }

  get connection(): Connection {
    return this.parent.connection;
  }

  /** The tree element its streams hang under. */
  get element(): StreamsElement {
    return this.parent.singleRegion === this ? this.parent : this;
  }

  get treeParent(): ConnectionNode {
    return this.parent;
  }

  reset(): void {
    this.streams = undefined;
    this.next = undefined;
    this.pageError = undefined;
    this.loading = undefined;
    this.generation++;
  }
}

export class StreamNode {
  readonly kind = 'stream';
  readonly id: string;
  shards: Array<ShardNode | ErrorNode | MessageNode> | undefined;
  loadingShards: Promise<void> | undefined;
  /** When DescribeStreamSummary last answered (for the lazy tooltip). */
  describedAt = 0;
  /** The "Consumers" folder, kept so that a refresh of it finds the node the tree shows. */
  consumersNode: ConsumersNode | undefined;

  constructor(readonly parent: RegionNode, public model: StreamModel, public describeError?: NodeError) {
    this.id = `${parent.id}/stream/${model.name}`;
    if (model.detail === 'summary') this.describedAt = Date.now();
  }

  get name(): string {
    return this.model.name;
  }

  get treeParent(): StreamsElement {
    return this.parent.element;
  }
}

export class ShardNode {
  readonly kind = 'shard';
  readonly id: string;

  constructor(readonly parent: StreamNode, readonly model: ShardModel) {
    this.id = `${parent.id}/shard/${model.id}`;
  }

  get treeParent(): StreamNode {
    return this.parent;
  }
}

/** The "Consumers" folder under a stream: its registered enhanced fan-out consumers. */
export class ConsumersNode {
  readonly kind = 'consumers';
  readonly id: string;
  items: Array<ConsumerNode | ErrorNode | MessageNode> | undefined;
  loading: Promise<void> | undefined;

  constructor(readonly parent: StreamNode) {
    this.id = `${parent.id}/consumers`;
  }

  get treeParent(): StreamNode {
    return this.parent;
  }
}

export class ConsumerNode {
  readonly kind = 'consumer';
  readonly id: string;

  constructor(readonly parent: ConsumersNode, readonly model: ConsumerModel) {
    this.id = `${parent.id}/${model.name}`;
  }

  get treeParent(): ConsumersNode {
    return this.parent;
  }
}

export class ErrorNode {
  readonly kind = 'error';
  readonly id: string;

  constructor(readonly treeParent: ExplorerNode | undefined, readonly error: NodeError, readonly connection?: Connection, suffix = 'error') {
    this.id = `${treeParent?.id ?? 'root'}/${suffix}`;
  }
}

export class LoadMoreNode {
  readonly kind = 'loadMore';
  readonly id: string;

  constructor(readonly parent: RegionNode) {
    this.id = `${parent.id}/loadMore`;
  }

  get treeParent(): StreamsElement {
    return this.parent.element;
  }
}

/** An informational leaf, e.g. "No streams in us-east-1". */
export class MessageNode {
  readonly kind = 'message';
  readonly id: string;

  constructor(readonly treeParent: ExplorerNode, readonly text: string, readonly reason: 'empty' | 'info', suffix = 'message') {
    this.id = `${treeParent.id}/${suffix}`;
  }
}

/** The (connection, region) a node belongs to, if any. */
export function regionOf(node: ExplorerNode): RegionNode | undefined {
  switch (node.kind) {
    case 'region':
      return node;
    case 'stream':
    case 'loadMore':
      return node.parent;
    case 'shard':
    case 'consumers':
      return node.parent.parent;
    case 'consumer':
      return node.parent.parent.parent;
    default:
      return undefined;
  }
}

const NODE_KINDS: ReadonlySet<unknown> = new Set<ExplorerNode['kind']>(['connection', 'region', 'stream', 'shard', 'consumers', 'consumer', 'error', 'loadMore', 'message']);

function isExplorerNode(value: unknown): value is ExplorerNode {
  return !!value && typeof value === 'object' && NODE_KINDS.has((value as { kind?: unknown }).kind);
}

/**
 * What a command's argument says about where it acts: an explorer node (connection, region,
 * stream or shard) or a StreamLocator passed by a notification or a tail row. Empty otherwise.
 */
export function toStreamRef(from: unknown): Partial<StreamRef> | StreamLocator {
  if (!isExplorerNode(from)) return isStreamLocator(from) ? { ...from } : {};
  switch (from.kind) {
    case 'connection': {
      const single = from.singleRegion;
      return { connectionId: from.connection.id, connectionName: from.connection.name, ...(single ? { region: single.region } : {}) };
    }
    case 'region':
      return { connectionId: from.connection.id, connectionName: from.connection.name, region: from.region };
    case 'stream':
      return { ...toStreamRef(from.parent), streamName: from.name };
    case 'shard':
      return { ...toStreamRef(from.parent), shardId: from.model.id };
    case 'consumers':
      return toStreamRef(from.parent);
    case 'consumer':
      return toStreamRef(from.parent.parent);
    default:
      return {};
  }
}
