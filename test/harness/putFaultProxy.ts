// A small HTTP proxy in front of kinesis-local for the put and manage tests: it fails a share of
// PutRecords entries (they are dropped from the forwarded request, so they really are not written,
// and answered as ProvisionedThroughputExceededException / InternalFailure), and answers chosen
// calls with an AWS error or a reset connection.
import { createServer, request, Agent, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { seededRandom } from '../support/seededRandom';

export type FaultAction =
  /** Answer 400 with `code` (default AccessDeniedException). */
  | 'error'
  /** Answer 500 InternalFailure. */
  | 'serverError'
  /** Read the request, then destroy the connection without answering: nothing was forwarded. */
  | 'reset'
  /** Forward the request, then destroy the connection instead of answering: the call took effect. */
  | 'resetAfterForward';

export interface FaultRule {
  /** API name, e.g. 'PutRecords' or 'DescribeStreamSummary'. */
  operation: string;
  action: FaultAction;
  code?: string;
  message?: string;
  /** Let this many matching calls through before the rule applies. */
  skip?: number;
  /** Apply to this many calls, then let the rest through. Default: all. */
  times?: number;
}

export interface EntryFailures {
  /** Share of entries to fail, 0..1. */
  share: number;
  codes?: string[];
  /** A record (same data + key) fails at most this often, so retries end. Default 2. */
  maxFailuresPerRecord?: number;
  seed?: number;
}

export interface PutFaultProxyStats {
  calls: Record<string, number>;
  faults: number;
  entriesFailed: number;
  entriesForwarded: number;
}

export interface PutFaultProxy {
  endpoint: string;
  stats: PutFaultProxyStats;
  setRules(rules: FaultRule[]): void;
  setEntryFailures(f: EntryFailures | undefined): void;
  stop(): Promise<void>;
}

interface ActiveRule extends FaultRule {
  seen: number;
  applied: number;
}

interface Upstream {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export async function startPutFaultProxy(target: string, opts: { rules?: FaultRule[]; entryFailures?: EntryFailures } = {}): Promise<PutFaultProxy> {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true });
  const sockets = new Set<Socket>();
  const stats: PutFaultProxyStats = { calls: {}, faults: 0, entriesFailed: 0, entriesForwarded: 0 };
  let rules: ActiveRule[] = (opts.rules ?? []).map((r) => ({ ...r, seen: 0, applied: 0 }));
  let entryFailures = opts.entryFailures;
  let random = seededRandom(entryFailures?.seed ?? 1);
  const failuresByRecord = new Map<string, number>();

  const forward = (req: IncomingMessage, body: Buffer): Promise<Upstream> =>
    new Promise((resolve, reject) => {
      const headers = { ...req.headers, 'content-length': String(body.length), host: upstream.host };
      const up = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 500, headers: plainHeaders(res.headers), body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      up.on('error', reject);
      up.end(body);
    });

  const matchRule = (operation: string): ActiveRule | undefined => {
    for (const rule of rules) {
      if (rule.operation !== operation) continue;
      rule.seen++;
      if (rule.seen <= (rule.skip ?? 0)) continue;
      if (rule.times !== undefined && rule.applied >= rule.times) continue;
      rule.applied++;
      return rule;
    }
    return undefined;
  };

  const putRecordsWithFailures = async (req: IncomingMessage, body: Buffer, f: EntryFailures): Promise<Upstream> => {
    const input = JSON.parse(body.toString('utf8')) as { Records: Array<{ Data: string; PartitionKey: string }> } & Record<string, unknown>;
    const codes = f.codes ?? ['ProvisionedThroughputExceededException', 'InternalFailure'];
    const failed = input.Records.map((r) => {
      const key = `${r.PartitionKey}\u0000${r.Data}`;
      const count = failuresByRecord.get(key) ?? 0;
      if (count >= (f.maxFailuresPerRecord ?? 2) || random() >= f.share) return undefined;
      failuresByRecord.set(key, count + 1);
      return codes[Math.floor(random() * codes.length)] ?? 'InternalFailure';
    });
    const kept = input.Records.filter((_, i) => failed[i] === undefined);
    stats.entriesFailed += input.Records.length - kept.length;
    stats.entriesForwarded += kept.length;
    let answered: Array<Record<string, unknown>> = [];
    let base: Upstream = { status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: Buffer.alloc(0) };
    if (kept.length > 0) {
      base = await forward(req, Buffer.from(JSON.stringify({ ...input, Records: kept })));
      if (base.status !== 200) return base;
      answered = (JSON.parse(base.body.toString('utf8')) as { Records: Array<Record<string, unknown>> }).Records;
    }
    let next = 0;
    const records = failed.map((code) => (code === undefined ? answered[next++] : { ErrorCode: code, ErrorMessage: `Injected ${code} by putFaultProxy` }));
    const failedCount = records.filter((r) => r?.ErrorCode !== undefined).length;
    return { ...base, body: Buffer.from(JSON.stringify({ FailedRecordCount: failedCount, Records: records, EncryptionType: 'NONE' })) };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> => {
    const operation = String(req.headers['x-amz-target'] ?? '').split('.').pop() ?? '';
    stats.calls[operation] = (stats.calls[operation] ?? 0) + 1;
    const rule = matchRule(operation);
    if (rule) stats.faults++;
    if (rule?.action === 'reset') {
      req.socket.destroy();
      return;
    }
    if (rule?.action === 'error' || rule?.action === 'serverError') {
      const code = rule.action === 'serverError' ? (rule.code ?? 'InternalFailure') : (rule.code ?? 'AccessDeniedException');
      const message = rule.message ?? (code === 'AccessDeniedException' ? `User: arn:aws:iam::000000000000:user/test is not authorized to perform: kinesis:${operation} on resource: stream` : `Injected ${code}`);
      send(res, { status: rule.action === 'serverError' ? 500 : 400, headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': code }, body: Buffer.from(JSON.stringify({ __type: code, message })) });
      return;
    }
    const answer = operation === 'PutRecords' && entryFailures && entryFailures.share > 0 ? await putRecordsWithFailures(req, body, entryFailures) : await forward(req, body);
    if (rule?.action === 'resetAfterForward') {
      req.socket.destroy();
      return;
    }
    send(res, answer);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks)).catch(() => req.socket.destroy());
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    stats,
    setRules(next) {
      rules = next.map((r) => ({ ...r, seen: 0, applied: 0 }));
    },
    setEntryFailures(f) {
      entryFailures = f;
      random = seededRandom(f?.seed ?? 1);
      failuresByRecord.clear();
    },
    async stop() {
      for (const s of sockets) s.destroy();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function plainHeaders(h: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined && k !== 'content-length' && k !== 'connection' && k !== 'transfer-encoding') out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function send(res: ServerResponse, answer: Upstream): void {
  res.writeHead(answer.status, { ...answer.headers, 'content-length': String(answer.body.length) });
  res.end(answer.body);
}
