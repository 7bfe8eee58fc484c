// A 500-shard tail's status traffic at the host → webview boundary: however many state changes
// the engine reports in a burst, the webview gets one status message with the last state of every
// shard, and a shard status the engine hands out again is converted (and logged) only once.
// Counts here come from synchronous bursts (no timer can fire inside one), not from timing.
import assert from 'node:assert/strict';
import type { ShardState, ShardStatus, TailStatus } from '../../../../src/kinesis/tail/types';
import { TailSession } from '../../../../src/tail/host/session';
import type { TailHandlers } from '../../../../src/tail/host/sessionOptions';
import type { HostToWebview, StatusMessage } from '../../../../src/tail/shared/protocol';
import { eventually } from '../../../support/eventually';

const SHARDS = 500;

function shard(i: number, state: ShardState, attempt = 0): ShardStatus {
  const shardId = `shardId-${String(i).padStart(12, '0')}`;
  return { shardId, state, label: state, attempt, recordsPerSecond: 0, bytesPerSecond: 0, totalRecords: 0, totalBytes: 0, ...(state === 'retrying' ? { error: { code: 'InternalFailure', message: 'try again', retryable: true } } : {}) };
}

function status(shards: ShardStatus[]): TailStatus {
  return { streamName: 'big', state: 'running', shards, totalRecords: 0, totalBytes: 0, recordsPerSecond: 0, bytesPerSecond: 0 };
}

function open(log?: (level: string, line: string) => void): { session: TailSession; handlers: TailHandlers; posted: HostToWebview[] } {
  const posted: HostToWebview[] = [];
  let handlers: TailHandlers | undefined;
  let ended: (s: TailStatus) => void = () => undefined;
  const session = new TailSession({
    target: { connection: 'local', region: 'us-east-1', stream: 'big', shardIds: [], startPosition: 'LATEST' },
    streamTail: true,
    settings: { maxRecords: 1000, timeZone: 'utc', autoScroll: true, autoPauseWhenFull: false },
    // The engine as the session sees it: the test plays its status callbacks.
    createTail: (h) => {
      handlers = h;
      return {
        start: () => new Promise<TailStatus>((resolve) => (ended = resolve)),
        stop: async () => {
          const final = status([]);
          ended(final);
          return final;
        },
        pause: () => undefined,
        resume: () => undefined,
      };
    },
    decode: () => ({ kind: 'text', text: '', layers: [] }) as never,
    post: (m) => void posted.push(m),
    actions: { saveExport: async () => undefined, copy: async () => undefined, openInEditor: async () => undefined, tailFromRecord: async () => undefined, putAgain: async () => undefined },
    ...(log ? { log } : {}),
  });
  assert.ok(handlers);
  return { session, handlers, posted };
}

const statuses = (posted: HostToWebview[]): StatusMessage[] => posted.filter((m): m is StatusMessage => m.type === 'status');

describe('tail session: status pacing at 500 shards', () => {
  it('turns a burst of 1,000 state changes into one status message with every shard\'s last state', async () => {
    const { session, handlers, posted } = open();
    session.start();
    await session.handle({ type: 'ready' });
    const afterReady = statuses(posted).length;
    // As the engine reports them: each change replaces one shard, the others are the same objects.
    const shards = Array.from({ length: SHARDS }, (_, i) => shard(i, 'starting'));
    for (let n = 0; n < 1000; n++) {
      const i = n % SHARDS;
      shards[i] = shard(i, n < SHARDS ? 'reading' : 'caught-up');
      handlers.onStatus(status([...shards]));
    }
    await eventually(() => !session.snapshot().timerPending, 'the status to be posted');
    const sent = statuses(posted).slice(afterReady);
    assert.equal(sent.length, 1, 'one status message for the burst');
    assert.equal(sent[0]?.shards.length, SHARDS);
    assert.ok(sent[0]?.shards.every((s) => s.state === 'caught-up'), 'every shard\'s last state');
    await session.dispose();
  });

  it('converts an unchanged shard once: the next message reuses its entry', async () => {
    const { session, handlers, posted } = open();
    session.start();
    await session.handle({ type: 'ready' });
    const shards = Array.from({ length: SHARDS }, (_, i) => shard(i, 'caught-up'));
    handlers.onStatus(status([...shards]));
    await eventually(() => !session.snapshot().timerPending, 'the first status');
    shards[7] = shard(7, 'reading');
    handlers.onStatus(status([...shards]));
    await eventually(() => !session.snapshot().timerPending, 'the second status');
    const [first, second] = statuses(posted).slice(-2);
    assert.ok(first && second);
    const changed = second.shards.filter((s, i) => s !== first.shards[i]).map((s) => s.shardId);
    assert.deepEqual(changed, [shards[7]?.shardId]);
    assert.equal(second.shards[7]?.state, 'reading');
    await session.dispose();
  });

  it('logs each retry attempt once however often the engine repeats it', async () => {
    const lines: string[] = [];
    const { session, handlers } = open((level, line) => void lines.push(`${level} ${line}`));
    session.start();
    const shards = Array.from({ length: SHARDS }, (_, i) => shard(i, 'caught-up'));
    for (let attempt = 1; attempt <= 3; attempt++) {
      shards[3] = shard(3, 'retrying', attempt);
      for (let n = 0; n < 10; n++) handlers.onStatus(status([...shards]));
      // A full rebuild (new objects, same states) logs nothing new either.
      handlers.onStatus(status(shards.map((s) => ({ ...s }))));
    }
    assert.deepEqual(lines.map((l) => l.replace(/: InternalFailure.*/, '')), [1, 2, 3].map((a) => `warn tail big ${shards[3]?.shardId}: retrying (attempt ${a})`));
    await session.dispose();
  });
});
