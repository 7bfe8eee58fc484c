// An HTTP proxy in front of kinesis-local that injects Kinesis faults (throttling, expired
// iterators, 5xx, auth errors, connection resets, hangs) by rate or by schedule for chosen
// operations, and counts GetRecords per shard so tests can check the 5 calls/s quota.
import { Agent, createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { seededRandom } from '../support/seededRandom';

export type FaultKind =
  | 'throttle'
  | 'kms-throttle'
  | 'limit-exceeded'
  | 'expired-iterator'
  | 'server-error'
  | 'access-denied'
  | 'not-found'
  | 'expired-token'
  /** Destroy the socket before forwarding: the call never reached Kinesis. */
  | 'reset'
  /** Forward, then destroy the socket instead of answering: Kinesis served a response the client never sees. */
  | 'reset-after'
  /** Never answer (until the client aborts or the proxy closes). */
  | 'hang';

export interface FaultRule {
  /** Operation from X-Amz-Target, e.g. 'GetRecords', 'GetShardIterator', 'ListShards'. */
  operation: string;
  fault: FaultKind;
  /** Chance per matching call, from a seeded generator. */
  rate?: number;
  /** 1-based numbers of the matching calls to fault (counted per rule). */
  calls?: number[];
  /** Only calls for this shard. */
  shardId?: string;
  /** Stop after this many injections. */
  max?: number;
}

export interface ProxyCall {
  operation: string;
  shardId?: string;
  at: number;
  fault?: FaultKind;
  /** GetShardIterator's ShardIteratorType and StartingSequenceNumber. */
  iteratorType?: string;
  startingSequenceNumber?: string;
}

const ERRORS: Partial<Record<FaultKind, { status: number; type: string; message: string }>> = {
  throttle: { status: 400, type: 'ProvisionedThroughputExceededException', message: 'Rate exceeded for shard {shard} in stream under account 000000000000.' },
  'kms-throttle': { status: 400, type: 'KMSThrottlingException', message: 'Rate exceeded for KMS key.' },
  'limit-exceeded': { status: 400, type: 'LimitExceededException', message: 'Rate exceeded for stream under account 000000000000.' },
  'expired-iterator': { status: 400, type: 'ExpiredIteratorException', message: 'Iterator expired. The iterator was created at time X while right now it is Y which is further in the future than the tolerated delay of 300000 milliseconds.' },
  'server-error': { status: 500, type: 'InternalFailure', message: 'Internal service failure (injected).' },
  'access-denied': { status: 400, type: 'AccessDeniedException', message: 'User: arn:aws:iam::000000000000:user/test is not authorized to perform: kinesis:{op} on resource' },
  'not-found': { status: 400, type: 'ResourceNotFoundException', message: 'Stream under account 000000000000 not found.' },
  'expired-token': { status: 400, type: 'ExpiredTokenException', message: 'The security token included in the request is expired' },
};

interface ActiveRule extends FaultRule {
  seen: number;
  injected: number;
}

export class FaultProxy {
  readonly calls: ProxyCall[] = [];
  /** TCP connections accepted so far (keep-alive clients reuse a few). */
  connections = 0;
  private open = 0;
  private rules: ActiveRule[] = [];
  private readonly iteratorShard = new Map<string, string>();
  private readonly sockets = new Set<Socket>();
  private readonly hanging = new Set<ServerResponse>();
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 128 });
  private readonly random: () => number;
  private server?: Server;
  private port = 0;

  private constructor(
    private readonly target: URL,
    seed: number,
  ) {
    this.random = seededRandom(seed);
  }

  static async start(targetEndpoint: string, opts: { seed?: number; rules?: FaultRule[] } = {}): Promise<FaultProxy> {
    const proxy = new FaultProxy(new URL(targetEndpoint), opts.seed ?? 1);
    proxy.setRules(opts.rules ?? []);
    await proxy.listen();
    return proxy;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Replaces the rules; schedules count from the change. */
  setRules(rules: FaultRule[]): void {
    this.rules = rules.map((r) => ({ ...r, seen: 0, injected: 0 }));
  }

  /** Injections so far, of one kind or all. */
  injected(kind?: FaultKind): number {
    return this.calls.filter((c) => c.fault !== undefined && (kind === undefined || c.fault === kind)).length;
  }

  /** Requests received and not yet answered (or closed). */
  get inFlight(): number {
    return this.open;
  }

  /** TCP connections open right now (keep-alive sockets the client holds, busy or idle). */
  get openSockets(): number {
    return this.sockets.size;
  }

  /** Requests held open by a 'hang' fault and not yet closed by the client. */
  get hangingCount(): number {
    return this.hanging.size;
  }

  count(operation: string, shardId?: string): number {
    return this.calls.filter((c) => c.operation === operation && (shardId === undefined || c.shardId === shardId)).length;
  }

  /** The most GetRecords calls any shard received within one calendar second. */
  maxGetRecordsPerSecond(): { shardId: string; second: number; count: number } {
    const buckets = new Map<string, number>();
    let worst = { shardId: '', second: 0, count: 0 };
    for (const c of this.calls) {
      if (c.operation !== 'GetRecords') continue;
      const key = `${c.shardId ?? '?'}@${Math.floor(c.at / 1000)}`;
      const n = (buckets.get(key) ?? 0) + 1;
      buckets.set(key, n);
      if (n > worst.count) worst = { shardId: c.shardId ?? '?', second: Math.floor(c.at / 1000), count: n };
    }
    return worst;
  }

  /** The most GetRecords calls any shard received in any sliding window of `windowMs`. */
  maxGetRecordsInWindow(windowMs: number): number {
    const byShard = new Map<string, number[]>();
    for (const c of this.calls) {
      if (c.operation === 'GetRecords') byShard.set(c.shardId ?? '?', [...(byShard.get(c.shardId ?? '?') ?? []), c.at]);
    }
    let max = 0;
    for (const times of byShard.values()) {
      let lo = 0;
      for (let hi = 0; hi < times.length; hi++) {
        while ((times[hi] ?? 0) - (times[lo] ?? 0) >= windowMs) lo++;
        max = Math.max(max, hi - lo + 1);
      }
    }
    return max;
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    const server = this.server;
    this.server = undefined;
    if (server) {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of this.sockets) s.destroy();
      });
    }
    this.agent.destroy();
  }

  private listen(): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res));
    server.on('connection', (s: Socket) => {
      this.connections++;
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const addr = server.address();
        this.port = typeof addr === 'object' && addr ? addr.port : 0;
        resolve();
      });
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.open++;
    res.once('close', () => this.open--);
    const body = await readAll(req);
    const operation = String(req.headers['x-amz-target'] ?? '').split('.').pop() ?? '';
    const parsed = parseJson(body);
    const shardId = this.shardOf(operation, parsed);
    const call: ProxyCall = { operation, shardId, at: Date.now() };
    if (operation === 'GetShardIterator') {
      call.iteratorType = str(parsed.ShardIteratorType);
      call.startingSequenceNumber = str(parsed.StartingSequenceNumber);
    }
    call.fault = this.pickFault(operation, shardId);
    this.calls.push(call);
    switch (call.fault) {
      case undefined:
      case 'reset-after':
        return this.forward(req, res, body, operation, shardId, call.fault === 'reset-after');
      case 'reset':
        req.socket.destroy();
        return;
      case 'hang':
        this.hanging.add(res);
        res.on('close', () => this.hanging.delete(res));
        return;
      default:
        return this.sendError(res, call.fault, operation, shardId);
    }
  }

  private shardOf(operation: string, body: Record<string, unknown>): string | undefined {
    if (operation === 'GetShardIterator') return str(body.ShardId);
    if (operation === 'GetRecords') return this.iteratorShard.get(str(body.ShardIterator) ?? '');
    return undefined;
  }

  /** Every matching rule counts the call (so schedules stay true); the first that fires wins. */
  private pickFault(operation: string, shardId: string | undefined): FaultKind | undefined {
    let chosen: ActiveRule | undefined;
    for (const rule of this.rules) {
      if (rule.operation !== operation || (rule.shardId !== undefined && rule.shardId !== shardId)) continue;
      rule.seen++;
      if (chosen || (rule.max !== undefined && rule.injected >= rule.max)) continue;
      const scheduled = rule.calls?.includes(rule.seen) ?? false;
      const drawn = rule.rate !== undefined && this.random() < rule.rate;
      if (scheduled || drawn) chosen = rule;
    }
    if (chosen) chosen.injected++;
    return chosen?.fault;
  }

  private sendError(res: ServerResponse, fault: FaultKind, operation: string, shardId: string | undefined): void {
    const e = ERRORS[fault];
    if (!e) throw new Error(`no error body for ${fault}`);
    const message = e.message.replace('{shard}', shardId ?? 'unknown').replace('{op}', operation);
    const payload = JSON.stringify({ __type: e.type, message });
    res.writeHead(e.status, {
      'Content-Type': 'application/x-amz-json-1.1',
      'x-amzn-ErrorType': `${e.type}:`,
      'x-amzn-RequestId': `fault-${this.calls.length}`,
      'Content-Length': Buffer.byteLength(payload),
    });
    res.end(payload);
  }

  private forward(req: IncomingMessage, res: ServerResponse, body: Buffer, operation: string, shardId: string | undefined, dropReply: boolean): void {
    const upstream = request(
      { host: this.target.hostname, port: this.target.port, method: req.method, path: req.url, headers: req.headers, agent: this.agent },
      (up) => {
        void readAll(up).then((payload) => {
          this.learnIterators(operation, shardId, payload);
          if (dropReply) {
            req.socket.destroy();
            return;
          }
          res.writeHead(up.statusCode ?? 502, up.headers);
          res.end(payload);
        });
      },
    );
    upstream.on('error', () => req.socket.destroy());
    upstream.end(body);
  }

  /** Follows iterators so that each GetRecords can be charged to its shard. */
  private learnIterators(operation: string, shardId: string | undefined, payload: Buffer): void {
    if (!shardId || (operation !== 'GetShardIterator' && operation !== 'GetRecords')) return;
    const out = parseJson(payload);
    const it = str(out.ShardIterator) ?? str(out.NextShardIterator);
    if (it) this.iteratorShard.set(it, shardId);
  }
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', () => resolve(Buffer.concat(chunks)));
    stream.on('close', () => resolve(Buffer.concat(chunks)));
  });
}

function parseJson(b: Buffer): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(b.toString('utf8') || '{}');
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
