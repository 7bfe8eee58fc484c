// The shard family tree of a stream tail: which shards are read, where each starts, and when a
// child may start (all parents being read have reached their end, so per-key order holds).
import type { Shard } from '@aws-sdk/client-kinesis';
import { reReadFromLatest, type StartPosition } from './position';

export interface ShardNode {
  shardId: string;
  /** ParentShardId and AdjacentParentShardId (a merge has two). */
  parentShardIds: string[];
  /** Closed shards have an EndingSequenceNumber. */
  closed: boolean;
}

/**
 * excluded: known but not read (closed before a LATEST start, or outside the chosen shards);
 * waiting: to be read once its parents are done; active: being read; closed: read to its end;
 * failed / stopped: ended early, so its children cannot start in order; done: a bounded read
 * reached the end of its range there, so its children are beyond the range.
 */
export type NodeState = 'excluded' | 'waiting' | 'active' | 'closed' | 'failed' | 'stopped' | 'done';

export function shardNode(shard: Shard): ShardNode {
  const parents = [shard.ParentShardId, shard.AdjacentParentShardId].filter((p): p is string => typeof p === 'string' && p !== '');
  return { shardId: shard.ShardId ?? '', parentShardIds: parents, closed: shard.SequenceNumberRange?.EndingSequenceNumber !== undefined };
}

interface Entry {
  node: ShardNode;
  state: NodeState;
  position: StartPosition;
}

function afterSequence(sequenceNumber: string): StartPosition {
  return { type: 'AFTER_SEQUENCE_NUMBER', sequenceNumber };
}

export class Lineage {
  private readonly entries = new Map<string, Entry>();

  /**
   * @param position where the tail starts.
   * @param only restricts the tail to these shards and their descendants.
   * @param resumeAfter per shard, the last sequence number already seen (a restored tail): that
   *   shard starts AFTER_SEQUENCE_NUMBER it, and is read even if it has closed since.
   * @param resumeAtLatest per shard that had delivered nothing, when its LATEST position was
   *   taken (a restored tail): it re-reads from that time, so nothing written since is skipped.
   */
  constructor(
    private readonly position: StartPosition,
    private readonly only?: readonly string[],
    private readonly resumeAfter: ReadonlyMap<string, string> = new Map(),
    private readonly resumeAtLatest: ReadonlyMap<string, number> = new Map(),
  ) {}

  /** The time a shard's LATEST position was taken in an earlier session, while it has shown nothing. */
  latestAtOf(shardId: string): number | undefined {
    return this.resumeAfter.has(shardId) ? undefined : this.resumeAtLatest.get(shardId);
  }

  private resumedPosition(shardId: string): StartPosition | undefined {
    const seq = this.resumeAfter.get(shardId);
    if (seq !== undefined) return afterSequence(seq);
    const at = this.resumeAtLatest.get(shardId);
    return at === undefined ? undefined : reReadFromLatest(at);
  }

  /** Records the first listing: decides which shards are read and where each starts. */
  plan(shards: readonly ShardNode[]): void {
    const selected = this.only ? this.withDescendants(shards, this.only) : undefined;
    for (const node of shards) {
      const resumed = this.resumedPosition(node.shardId);
      const read = selected ? selected.has(node.shardId) : this.position.type !== 'LATEST' || !node.closed || resumed !== undefined;
      const chosenRoot = this.only ? this.only.includes(node.shardId) : true;
      const position = resumed ?? (chosenRoot ? this.position : this.laterPosition());
      this.entries.set(node.shardId, { node, state: read ? 'waiting' : 'excluded', position });
    }
  }

  /**
   * Adds a shard seen after the start (from ChildShards or a re-listing). It is read when the
   * whole stream is tailed, or when one of its parents is read. Returns true if it is new.
   */
  discover(node: ShardNode): boolean {
    const known = this.entries.get(node.shardId);
    if (known) {
      // ChildShards names both parents of a merge even when a listing did not.
      for (const p of node.parentShardIds) if (!known.node.parentShardIds.includes(p)) known.node.parentShardIds.push(p);
      // A re-listing shows a shard closed by a reshard since the start.
      if (node.closed) known.node.closed = true;
      return false;
    }
    const read = !this.only || node.parentShardIds.some((p) => this.isRead(p));
    this.entries.set(node.shardId, { node, state: read ? 'waiting' : 'excluded', position: this.resumedPosition(node.shardId) ?? this.laterPosition() });
    return true;
  }

  /** Waiting shards whose parents (among those read) are all closed, in shard id order. */
  ready(): string[] {
    const out: string[] = [];
    for (const [id, e] of this.entries) {
      if (e.state === 'waiting' && e.node.parentShardIds.every((p) => this.parentDone(p))) out.push(id);
    }
    return out.sort();
  }

  /** Waiting shards held back by a parent that failed or stopped: they can never start. */
  blocked(): string[] {
    const out: string[] = [];
    for (const [id, e] of this.entries) {
      if (e.state !== 'waiting') continue;
      const parents = e.node.parentShardIds.map((p) => this.entries.get(p)?.state);
      if (parents.some((s) => s === 'failed' || s === 'stopped' || s === 'done')) out.push(id);
    }
    return out;
  }

  setState(shardId: string, state: NodeState): void {
    const e = this.entries.get(shardId);
    if (e) e.state = state;
  }

  state(shardId: string): NodeState | undefined {
    return this.entries.get(shardId)?.state;
  }

  positionOf(shardId: string): StartPosition {
    return this.entries.get(shardId)?.position ?? this.laterPosition();
  }

  /** True once a listing has shown the shard closed (it has an EndingSequenceNumber). */
  isClosed(shardId: string): boolean {
    return this.entries.get(shardId)?.node.closed ?? false;
  }

  parentsOf(shardId: string): string[] {
    return [...(this.entries.get(shardId)?.node.parentShardIds ?? [])];
  }

  /** Shards being read or still to be read. */
  shardIds(states: readonly NodeState[]): string[] {
    return [...this.entries].filter(([, e]) => states.includes(e.state)).map(([id]) => id).sort();
  }

  private isRead(shardId: string): boolean {
    const s = this.entries.get(shardId)?.state;
    return s !== undefined && s !== 'excluded';
  }

  /** A parent not read (unknown, trimmed, excluded) does not hold its child back. */
  private parentDone(shardId: string): boolean {
    const s = this.entries.get(shardId)?.state;
    return s === undefined || s === 'excluded' || s === 'closed';
  }

  /**
   * Where a shard found after the start begins: at its first record, so that nothing written
   * to it since it opened is lost; for AT_TIMESTAMP, at the same time as every other shard.
   */
  private laterPosition(): StartPosition {
    return this.position.type === 'AT_TIMESTAMP' ? this.position : { type: 'TRIM_HORIZON' };
  }

  private withDescendants(shards: readonly ShardNode[], roots: readonly string[]): Set<string> {
    const set = new Set(roots);
    let grew = true;
    while (grew) {
      grew = false;
      for (const s of shards) {
        if (!set.has(s.shardId) && s.parentShardIds.some((p) => set.has(p))) {
          set.add(s.shardId);
          grew = true;
        }
      }
    }
    return set;
  }
}
