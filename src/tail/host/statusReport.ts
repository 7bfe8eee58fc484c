// What the tail session makes of the engine's statuses: the status message for the webview
// (per-shard chips, the banner's error sentence) and one log line per new retry, throttle or error.
// The engine hands out the same shard status object until that shard changes, so on a 500-shard
// tail both only look at the shards that changed.
import { plural } from '../../kinesis/plural';
import type { ShardStatus as EngineShardStatus, TailStatus } from '../../kinesis/tail/types';
import type { FindProgress } from '../shared/findProgress';
import type { ShardStatus, StatusMessage } from '../shared/protocol';
import { describedText, shardMessage } from './sessionText';

/** The session's own part of a status message. */
export interface SessionState {
  paused: boolean;
  stopped: boolean;
  droppedByHost: number;
  /** Why the tail ended, when the session ended it (panel closed, stream deleted, a find's stop). */
  endedMessage?: string;
  find?: FindProgress;
}

export class StatusReport {
  private last?: TailStatus;
  /** Per shard, the last status seen and the last state label logged (each retry and error is written once). */
  private readonly seen = new Map<string, EngineShardStatus>();
  private readonly logged = new Map<string, string>();
  /** Each engine shard status as the webview gets it, converted once. */
  private readonly converted = new WeakMap<EngineShardStatus, ShardStatus>();
  private loggedTailError = false;

  constructor(
    private readonly stream: string,
    private readonly log?: (level: 'warn' | 'error', line: string) => void,
  ) {}

  /** Takes the engine's latest status and logs what went wrong in it. */
  update(status: TailStatus): void {
    this.last = status;
    this.logStatus(status);
  }

  /** Keeps the final status without logging it again. */
  final(status: TailStatus): void {
    this.last = status;
  }

  /** Writes what went wrong to the log: one line per new retry attempt, throttle or error. */
  private logStatus(status: TailStatus): void {
    const log = this.log;
    if (!log) return;
    for (const sh of status.shards) {
      if (this.seen.get(sh.shardId) === sh) continue;
      this.seen.set(sh.shardId, sh);
      const key = `${sh.state}:${sh.attempt}`;
      if (this.logged.get(sh.shardId) === key) continue;
      this.logged.set(sh.shardId, key);
      if (!sh.error || !['throttled', 'retrying', 'error'].includes(sh.state)) continue;
      const what = sh.state === 'error' ? 'stopped' : `${sh.state} (attempt ${sh.attempt})`;
      log(sh.state === 'error' ? 'error' : 'warn', `tail ${this.stream} ${sh.shardId}: ${what}: ${describedText(sh.error)}`);
    }
    if (!status.error || this.loggedTailError) return;
    // A tail that ended because its one shard failed already said so on the shard's line.
    const sameAsShard = status.shards.some((sh) => sh.state === 'error' && sh.error?.code === status.error?.code && sh.error?.message === status.error?.message);
    if (!sameAsShard) {
      this.loggedTailError = true;
      log('error', `tail ${this.stream}: stopped: ${describedText(status.error)}`);
    }
  }

  message(session: SessionState): StatusMessage {
    const s = this.last;
    const shards = (s?.shards ?? []).map((sh) => this.toWebview(sh));
    const failed = (s?.shards ?? []).filter((sh) => sh.state === 'error' && sh.error);
    const shardErrors = failed.length === 0 ? undefined
      : failed.length === 1 ? `${failed[0].shardId} stopped. ${describedText(failed[0].error)}`
        : `${plural(failed.length, 'shard')} stopped. ${failed[0].shardId}: ${describedText(failed[0].error)} (hover a shard for its own error)`;
    const error = s?.error ? describedText(s.error) : shardErrors;
    const { endedMessage, find } = session;
    const message = endedMessage ?? error;
    return {
      type: 'status',
      shards,
      paused: session.paused,
      stopped: session.stopped,
      droppedByHost: session.droppedByHost,
      ...(find ? { find } : {}),
      ...(message ? { message, severity: endedMessage === undefined || find?.stop?.kind === 'shard-error' ? 'error' : 'info' } : {}),
    };
  }

  private toWebview(sh: EngineShardStatus): ShardStatus {
    let out = this.converted.get(sh);
    if (!out) {
      out = {
        shardId: sh.shardId,
        state: sh.state,
        ...(sh.attempt > 0 ? { attempt: sh.attempt } : {}),
        ...(sh.millisBehindLatest === undefined ? {} : { millisBehindLatest: sh.millisBehindLatest }),
        recordsPerSecond: sh.recordsPerSecond,
        bytesPerSecond: sh.bytesPerSecond,
        totalRecords: sh.totalRecords,
        totalBytes: sh.totalBytes,
        ...(sh.latestAt === undefined ? {} : { latestAt: sh.latestAt }),
        ...shardMessage(sh),
      };
      this.converted.set(sh, out);
    }
    return out;
  }
}
