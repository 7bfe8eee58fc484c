// API discipline suite: a StreamTail through the counting fault proxy (no faults), on a stream
// with a backlog. GetRecords per shard per second while catching up (quota: 5) and once idle,
// and the sockets the tail holds open against the HTTP agent's maximum.
// Alone: node out/bench/api.js [--long] [--shards N] [--records N] [--idle-s N]
import { StreamTail } from '../src/kinesis/tail/streamTail';
import type { TailStatus } from '../src/kinesis/tail/types';
import { FaultProxy } from '../test/harness/faultProxy';
import { eventually } from '../test/support/eventually';
import { numberArg, runAlone } from './runner';
import { fill, startLocal, tailClient } from './streams';
import type { BenchContext, BenchRow, BenchSuite } from './types';

/** The agent's socket cap for tail clients (src/kinesis/client.ts: maxSockets default). */
const AGENT_MAX_SOCKETS = 64;
/** A small page makes the catch-up last several seconds, so the pacing shows. */
const CATCH_UP_LIMIT = 200;

async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const shards = numberArg(ctx.args, 'shards', ctx.long ? 16 : 4);
  const records = numberArg(ctx.args, 'records', ctx.long ? 40_000 : 8_000);
  const idleS = numberArg(ctx.args, 'idle-s', ctx.long ? 30 : 10);
  const stream = `api${shards}`;
  const local = await startLocal({ [stream]: shards });
  const proxy = await FaultProxy.start(local.endpoint);
  const writer = tailClient(local);
  const client = tailClient(local, proxy.endpoint);
  let peakSockets = 0;
  const sampler = setInterval(() => (peakSockets = Math.max(peakSockets, proxy.openSockets)), 20);
  let delivered = 0;
  let status: TailStatus | undefined;
  const tail = new StreamTail({
    client, streamName: stream, position: { type: 'TRIM_HORIZON' }, limit: CATCH_UP_LIMIT, relistIntervalMs: 0,
    onBatch: (b) => void (delivered += b.records.length),
    onStatus: (s) => void (status = s),
  });
  try {
    await fill(writer, stream, records, ctx.log);
    const started = Date.now();
    void tail.start();
    await eventually(() => delivered >= records, `${records} records delivered`, { timeoutMs: 300_000 });
    const caughtUpAt = Date.now();
    const catchUpCalls = proxy.count('GetRecords');
    ctx.log(`api: caught up with ${records} records in ${((caughtUpAt - started) / 1000).toFixed(1)} s, ${catchUpCalls} GetRecords`);
    // Let the shards settle into caught-up, then count calls over a quiet stretch.
    await new Promise((r) => setTimeout(r, 2000));
    const idleFrom = proxy.count('GetRecords');
    const idleStart = Date.now();
    await new Promise((r) => setTimeout(r, idleS * 1000));
    const idleRate = (proxy.count('GetRecords') - idleFrom) / ((Date.now() - idleStart) / 1000) / shards;
    const catchUpRate = catchUpCalls / ((caughtUpAt - started) / 1000) / shards;
    const worstWindow = proxy.maxGetRecordsInWindow(1000);
    return [
      {
        group: 'api', measure: `GetRecords per shard per second while catching up (${shards} shards, ${records.toLocaleString('en-US')} records, Limit ${CATCH_UP_LIMIT})`,
        value: worstWindow, unit: 'calls in the worst 1 s window', target: '<= 5', met: worstWindow <= 5,
        note: `average ${catchUpRate.toFixed(2)} calls/s per shard; ${proxy.count('GetShardIterator')} GetShardIterator, ${proxy.count('ListShards')} ListShards`,
      },
      {
        group: 'api', measure: `GetRecords per shard per second while idle (${idleS} s, ${shards} shards)`,
        value: idleRate, unit: 'calls/s per shard', target: '≈ 1 (adaptive idle polling: < 1)',
        note: `states: ${status ? [...new Set(status.shards.map((s) => s.state))].join(', ') : 'no status'}`,
      },
      {
        group: 'api', measure: `sockets open to Kinesis, peak (${shards} shards)`,
        value: peakSockets, unit: 'sockets', baseline: { label: 'agent maxSockets', value: AGENT_MAX_SOCKETS },
        target: `<= ${AGENT_MAX_SOCKETS}`, met: peakSockets <= AGENT_MAX_SOCKETS,
        note: `${proxy.connections} TCP connections accepted in all (keep-alive reuses them)`,
      },
    ];
  } finally {
    clearInterval(sampler);
    await tail.stop();
    client.destroy();
    writer.destroy();
    await proxy.close();
    await local.stop();
  }
}

export const suite: BenchSuite = { name: 'api', run };

if (require.main === module) runAlone(suite);
