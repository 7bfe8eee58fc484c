// The explorer's state and loading: roots from connection discovery, stream pages per region,
// shards per stream, refreshes and the settling poller. No vscode: the tree provider renders it,
// and tests walk it in plain Node against kinesis-local.
import type { Connection, Discovery } from '../kinesis/connections/connections';
import { ConnectionNode, ErrorNode, MessageNode, type ExplorerNode, type LoadMoreNode, type RegionNode, type StreamNode } from './nodes';
import { SettlingPoller } from './settlingPoller';
import { StreamLoader } from './streamLoader';
import type { ExplorerDeps } from './deps';
import { plural } from '../kinesis/plural';

export type { ExplorerDeps, ExplorerLog, RegionStore } from './deps';

type Listener = (node: ExplorerNode | undefined) => void;

export class ExplorerModel {
  private rootNodes: Promise<ExplorerNode[]> | undefined;
  private discovery: Discovery | undefined;
  private readonly listeners = new Set<Listener>();
  readonly poller: SettlingPoller;
  private readonly loader: StreamLoader;
  private disposed = false;

  constructor(private readonly deps: ExplorerDeps) {
    this.loader = new StreamLoader({
      deps,
      fire: (node) => this.fire(node),
      watch: (node) => this.poller.watch(node),
    });
    this.poller = new SettlingPoller((node) => this.loader.checkSettling(node), {
      intervalMs: deps.pollIntervalMs,
      onError: (node, err) => deps.log.warn(`polling ${node.name} failed: ${String(err)}`),
    });
  }

  onDidChange(listener: Listener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** True when discovery found nothing at all (no profile, environment or custom endpoint). */
  get isEmpty(): boolean | undefined {
    return this.discovery ? this.discovery.connections.length === 0 && !this.discovery.filesProblem : undefined;
  }

  roots(): Promise<ExplorerNode[]> {
    this.rootNodes ??= this.discover();
    return this.rootNodes;
  }

  async connections(): Promise<Connection[]> {
    await this.roots();
    return this.discovery?.connections ?? [];
  }

  async children(node: ExplorerNode | undefined): Promise<ExplorerNode[]> {
    if (!node) return this.roots();
    switch (node.kind) {
      case 'connection':
        return this.connectionChildren(node);
      case 'region':
        return this.loader.regionChildren(node);
      case 'stream':
        return this.loader.streamChildren(node);
      case 'consumers':
        return this.loader.consumerChildren(node);
      default:
        return [];
    }
  }

  /** Reloads a node's children; no node: rediscover connections and drop every client. */
  refresh(node?: ExplorerNode): void {
    if (!node) {
      // Loads still in flight under the old roots must not land in (or fire for) a dead tree.
      void this.rootNodes?.then((nodes) => {
        for (const n of nodes) if (n.kind === 'connection') for (const r of n.regions) r.reset();
      });
      this.rootNodes = undefined;
      this.deps.clients.reset();
      this.poller.clear();
      this.fire(undefined);
      return;
    }
    switch (node.kind) {
      case 'connection':
        this.deps.clients.evict(node.connection.id);
        this.poller.forget((s) => s.parent.parent === node);
        node.setRegions(this.regionsOf(node.connection));
        this.fire(node);
        return;
      case 'region':
        this.poller.forget((s) => s.parent === node);
        node.reset();
        this.fire(node.element);
        return;
      case 'stream':
        node.shards = undefined;
        node.loadingShards = undefined;
        if (node.consumersNode) node.consumersNode.items = undefined;
        void this.loader.redescribe(node).finally(() => {
          if (this.loader.isShown(node)) this.fire(node);
        });
        return;
      case 'consumers':
        node.items = undefined;
        node.loading = undefined;
        this.fire(node);
        return;
      default:
        if (node.treeParent) this.refresh(node.treeParent);
        else this.refresh();
    }
  }

  loadMore(node: LoadMoreNode | RegionNode): Promise<void> {
    return this.loader.loadMore(node.kind === 'loadMore' ? node.parent : node);
  }

  /** Fetches DescribeStreamSummary for a stream's tooltip, at most every `maxAgeMs`. */
  describeForTooltip(node: StreamNode, maxAgeMs = 10_000): Promise<void> {
    if (Date.now() - node.describedAt < maxAgeMs) return Promise.resolve();
    return this.loader.redescribe(node);
  }

  /** The tree node listing the streams of (connection, region), when that region is shown. */
  async regionNode(connectionId: string, region: string): Promise<RegionNode | undefined> {
    const roots = await this.roots();
    const connection = roots.find((n): n is ConnectionNode => n.kind === 'connection' && n.connection.id === connectionId);
    return connection?.regions.find((r) => r.region === region);
  }

  /** A stream's node, loading the region's first page if needed; undefined when not listed. */
  async streamNode(connectionId: string, region: string, streamName: string): Promise<StreamNode | undefined> {
    const node = await this.regionNode(connectionId, region);
    if (!node) return undefined;
    const children = await this.children(node);
    return children.find((n): n is StreamNode => n.kind === 'stream' && n.name === streamName);
  }

  regionsOf(connection: Connection): string[] {
    const saved = this.deps.regions.get(connection.id)?.filter((r) => typeof r === 'string' && r.length > 0);
    return saved && saved.length > 0 ? [...new Set(saved)] : [connection.region];
  }

  async setRegions(connection: Connection, regions: string[] | undefined): Promise<void> {
    await this.deps.regions.set(connection.id, regions && regions.length > 0 ? regions : undefined);
    const roots = await this.roots();
    const node = roots.find((n): n is ConnectionNode => n.kind === 'connection' && n.connection.id === connection.id);
    if (node) this.refresh(node);
  }

  dispose(): void {
    this.disposed = true;
    this.poller.dispose();
    this.listeners.clear();
  }

  private fire(node: ExplorerNode | undefined): void {
    if (this.disposed) return;
    for (const l of this.listeners) l(node);
  }

  private async discover(): Promise<ExplorerNode[]> {
    try {
      return await this.discoverConnections();
    } catch (err) {
      // Only a bug or a broken install gets here (bad configuration becomes error nodes).
      this.deps.log.warn(`explorer: discovery failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      const error = { code: err instanceof Error ? err.name : 'Error', message: err instanceof Error ? err.message : String(err), detail: String(err) };
      return [new ErrorNode(undefined, error, undefined, 'discovery')];
    }
  }

  private async discoverConnections(): Promise<ExplorerNode[]> {
    const api = await this.deps.clients.api();
    const discovery = await this.deps.clients.discover();
    this.discovery = discovery;
    this.deps.onDiscovered?.(discovery.paths);
    this.deps.log.info(`explorer: ${plural(discovery.connections.length, 'connection')} from ${discovery.paths.configFile}, ${discovery.paths.credentialsFile} and kinesis.connections`);
    const roots: ExplorerNode[] = discovery.connections.map((c) => new ConnectionNode(c, this.regionsOf(c)));
    if (discovery.filesProblem) roots.unshift(new ErrorNode(undefined, api.problemToNodeError(discovery.filesProblem), undefined, 'files'));
    return roots;
  }

  private async connectionChildren(node: ConnectionNode): Promise<ExplorerNode[]> {
    const { connection } = node;
    if (connection.problem) {
      const api = await this.deps.clients.api();
      const error = api.problemToNodeError(connection.problem, connection);
      this.deps.log.warn(`explorer: ${connection.name}: ${error.detail}`);
      return [new ErrorNode(node, error, connection)];
    }
    const single = node.singleRegion;
    if (single) return this.loader.regionChildren(single);
    if (node.regions.length === 0) return [new MessageNode(node, 'No region selected', 'info')];
    return node.regions;
  }
}
