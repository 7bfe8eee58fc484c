// How each node looks: label, description, icon, contextValue, tooltip and click action, as plain
// data. treeProvider.ts turns an ItemSpec into a vscode.TreeItem; tests check ItemSpecs directly.
import type { Connection } from '../kinesis/connections/connections';
import type { StreamModel, StreamStatus } from '../kinesis/streams/streams';
import { CommandIds } from '../commands/ids';
import type { ConnectionNode, ConsumerNode, ConsumersNode, ErrorNode, ExplorerNode, RegionNode, ShardNode, StreamNode } from './nodes';
import { capacityModeText, connectionTooltip, consumerTooltip, errorTooltip, shardTooltip, streamTooltip } from './tooltips';

export interface IconSpec {
  /** Codicon id, e.g. `loading~spin`. */
  id: string;
  /** Theme color id, e.g. `charts.green`. */
  color?: string;
}

export interface ItemSpec {
  id: string;
  label: string;
  description?: string;
  /** Markdown. Streams get theirs lazily (resolveTreeItem), after DescribeStreamSummary. */
  tooltip?: string;
  contextValue: string;
  icon: IconSpec;
  collapsible: 'none' | 'collapsed';
  command?: { command: string; title: string };
}

/** Joins the lower-cased parts with dots: contextValue('stream', 'ACTIVE', 'ON_DEMAND') → 'stream.active.ondemand'. */
export function contextValue(...parts: Array<string | undefined | false>): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).map((p) => p.toLowerCase().replace(/[^a-z0-9]/g, '')).join('.');
}

const STATUS_ICONS: Record<StreamStatus, IconSpec> = {
  ACTIVE: { id: 'pulse', color: 'charts.green' },
  CREATING: { id: 'loading~spin', color: 'charts.blue' },
  UPDATING: { id: 'sync~spin', color: 'charts.yellow' },
  DELETING: { id: 'trash', color: 'charts.red' },
};

export function streamIcon(status: StreamStatus | undefined): IconSpec {
  return status ? STATUS_ICONS[status] : { id: 'question' };
}

export function streamDescription(s: StreamModel): string {
  const parts: string[] = [s.status ?? 'status unknown'];
  const mode = capacityModeText(s.mode);
  if (mode) parts.push(mode);
  if (s.openShards !== undefined) parts.push(`${s.openShards} ${s.openShards === 1 ? 'shard' : 'shards'}`);
  if (s.retentionHours !== undefined) parts.push(`${s.retentionHours}h`);
  return parts.join(' · ');
}

export function shardDescription(node: ShardNode): string {
  const s = node.model;
  if (s.closed) return s.children.length ? `closed → ${s.children.join(', ')}` : 'closed';
  const parents = [s.parentId, s.adjacentParentId].filter((p): p is string => Boolean(p));
  return parents.length ? `open ← ${parents.join(', ')}` : 'open';
}

function connectionIcon(c: Connection): IconSpec {
  if (c.problem) return { id: 'warning', color: 'problemsWarningIcon.foreground' };
  if (c.kind === 'custom') return { id: 'plug' };
  if (c.kind === 'environment') return { id: 'terminal' };
  return c.profileKind === 'sso' ? { id: 'key' } : { id: 'account' };
}

function connectionDescription(node: ConnectionNode): string {
  const c = node.connection;
  const regions = node.regions.length === 1 ? (node.regions[0] as RegionNode).region : `${node.regions.length} regions`;
  if (c.kind === 'custom' && c.endpoint) return `${regions} · ${hostOf(c.endpoint)}`;
  if (c.kind === 'environment') return `${regions} · ${c.profile ? `AWS_PROFILE=${c.profile}` : 'access key'}`;
  if (c.endpoint) return `${regions} · ${hostOf(c.endpoint)}`;
  const kind = c.profileKind ? KIND_LABELS[c.profileKind] : undefined;
  return kind ? `${regions} · ${kind}` : regions;
}

/** Short credential kinds for connection descriptions; plain access keys need no mention. */
const KIND_LABELS: Partial<Record<NonNullable<Connection['profileKind']>, string>> = {
  sso: 'sso',
  role: 'role',
  process: 'credential_process',
  'web-identity': 'web identity',
  login: 'console login',
  none: 'no credentials',
};

function hostOf(endpoint: string): string {
  try {
    return new URL(endpoint).host || endpoint;
  } catch {
    return endpoint;
  }
}

function connectionSpec(node: ConnectionNode): ItemSpec {
  const c = node.connection;
  return {
    id: node.id,
    label: c.name,
    description: connectionDescription(node),
    tooltip: connectionTooltip(c, node.regions.map((r) => r.region)),
    contextValue: contextValue('connection', c.kind, c.kind === 'profile' && c.profileKind, c.problem && 'invalid'),
    icon: connectionIcon(c),
    collapsible: 'collapsed',
  };
}

function streamSpec(node: StreamNode): ItemSpec {
  const m = node.model;
  return {
    id: node.id,
    label: m.name,
    description: node.describeError && m.status === undefined ? `status unknown (${node.describeError.code})` : streamDescription(m),
    contextValue: contextValue('stream', m.status ?? 'unknown', m.mode),
    icon: streamIcon(m.status),
    collapsible: 'collapsed',
  };
}

function errorSpec(node: ErrorNode): ItemSpec {
  const e = node.error;
  return {
    id: node.id,
    label: e.code,
    description: e.message,
    tooltip: errorTooltip(e),
    contextValue: contextValue('error', e.ssoLoginCommand !== undefined && 'sso'),
    icon: e.ssoLoginCommand ? { id: 'key', color: 'problemsWarningIcon.foreground' } : { id: 'error', color: 'problemsErrorIcon.foreground' },
    collapsible: 'none',
    command: e.ssoLoginCommand
      ? { command: CommandIds.ssoLogin, title: 'Sign In with AWS SSO' }
      : { command: CommandIds.showErrorDetails, title: 'Show Details' },
  };
}

const CONSUMER_ICONS: Record<string, IconSpec> = {
  ACTIVE: { id: 'broadcast', color: 'charts.green' },
  CREATING: { id: 'loading~spin', color: 'charts.blue' },
  DELETING: { id: 'trash', color: 'charts.red' },
};

/** "ACTIVE · created 2026-11-30 01:27 UTC". */
export function consumerDescription(node: ConsumerNode): string {
  const m = node.model;
  const created = m.createdAt > 0 ? ` · created ${new Date(m.createdAt).toISOString().slice(0, 16).replace('T', ' ')} UTC` : '';
  return `${m.status}${created}`;
}

function consumersSpec(node: ConsumersNode): ItemSpec {
  const count = node.items?.filter((n) => n.kind === 'consumer').length;
  return {
    id: node.id,
    label: 'Consumers',
    description: count === undefined ? (node.parent.model.consumers !== undefined ? String(node.parent.model.consumers) : undefined) : String(count),
    tooltip: 'Enhanced fan-out consumers registered on this stream (ListStreamConsumers).',
    contextValue: 'consumers',
    icon: { id: 'organization' },
    collapsible: 'collapsed',
  };
}

function consumerSpec(node: ConsumerNode): ItemSpec {
  return {
    id: node.id,
    label: node.model.name,
    description: consumerDescription(node),
    tooltip: consumerTooltip(node.model),
    contextValue: contextValue('consumer', node.model.status),
    icon: CONSUMER_ICONS[node.model.status] ?? { id: 'question' },
    collapsible: 'none',
  };
}

export function itemSpec(node: ExplorerNode): ItemSpec {
  switch (node.kind) {
    case 'connection':
      return connectionSpec(node);
    case 'region':
      return { id: node.id, label: node.region, contextValue: 'region', icon: { id: 'globe' }, collapsible: 'collapsed' };
    case 'stream':
      return streamSpec(node);
    case 'shard':
      return {
        id: node.id,
        label: node.model.id,
        description: shardDescription(node),
        tooltip: shardTooltip(node.model),
        contextValue: contextValue('shard', node.model.closed ? 'closed' : 'open'),
        icon: node.model.closed ? { id: 'lock', color: 'disabledForeground' } : { id: 'layers' },
        collapsible: 'none',
      };
    case 'consumers':
      return consumersSpec(node);
    case 'consumer':
      return consumerSpec(node);
    case 'error':
      return errorSpec(node);
    case 'loadMore':
      return { id: node.id, label: 'Load more…', contextValue: 'loadMore', icon: { id: 'ellipsis' }, collapsible: 'none', command: { command: CommandIds.loadMore, title: 'Load More' } };
    case 'message':
      return { id: node.id, label: node.text, contextValue: contextValue('message', node.reason), icon: { id: 'info' }, collapsible: 'none' };
  }
}

/** The full stream tooltip, once DescribeStreamSummary has answered. */
export function streamTooltipOf(node: StreamNode): string {
  return streamTooltip(node.model);
}
