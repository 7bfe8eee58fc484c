// Test helper: an HTTP proxy in front of kinesis-local that answers ListStreams the way AWS does
// today (NextToken + StreamSummaries) instead of kinesis-local's StreamNames + HasMoreStreams, so
// the NextToken paging path runs against a real endpoint. Everything else is passed through.
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ListStreamsCall {
  NextToken?: string;
  ExclusiveStartStreamName?: string;
  Limit?: number;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export class SummariesProxy {
  readonly listCalls: ListStreamsCall[] = [];
  private constructor(private readonly server: Server, private readonly target: URL) {}

  static async start(targetEndpoint: string): Promise<SummariesProxy> {
    const server = createServer();
    const proxy = new SummariesProxy(server, new URL(targetEndpoint));
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      proxy.handle(req, res).catch((err: unknown) => {
        res.writeHead(502).end(String(err));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body = await readBody(req);
    const isList = String(req.headers['x-amz-target'] ?? '').endsWith('.ListStreams');
    if (isList) body = this.rewriteRequest(body);
    const upstream = await this.forward(req, body);
    const answer = await readBody(upstream);
    const out = isList && upstream.statusCode === 200 ? rewriteResponse(answer) : answer;
    res.writeHead(upstream.statusCode ?? 502, { 'content-type': upstream.headers['content-type'] ?? 'application/x-amz-json-1.1', 'content-length': out.length });
    res.end(out);
  }

  /** NextToken (ours: the last name, base64) becomes kinesis-local's ExclusiveStartStreamName. */
  private rewriteRequest(body: Buffer): Buffer {
    const input = JSON.parse(body.toString() || '{}') as ListStreamsCall;
    this.listCalls.push({ ...input });
    if (input.NextToken) {
      input.ExclusiveStartStreamName = Buffer.from(input.NextToken, 'base64').toString();
      delete input.NextToken;
    }
    return Buffer.from(JSON.stringify(input));
  }

  private forward(req: IncomingMessage, body: Buffer): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      const headers = { ...req.headers, host: this.target.host, 'content-length': String(body.length) };
      const up = request({ host: this.target.hostname, port: this.target.port, method: req.method, path: req.url, headers }, resolve);
      up.on('error', reject);
      up.end(body);
    });
  }
}

function rewriteResponse(answer: Buffer): Buffer {
  const out = JSON.parse(answer.toString()) as { StreamNames?: string[]; HasMoreStreams?: boolean; NextToken?: string; StreamSummaries?: unknown[] };
  const names = out.StreamNames ?? [];
  out.StreamSummaries = names.map((name) => ({
    StreamName: name,
    StreamARN: `arn:aws:kinesis:us-east-1:000000000000:stream/${name}`,
    StreamStatus: 'ACTIVE',
    StreamModeDetails: { StreamMode: 'PROVISIONED' },
    StreamCreationTimestamp: 1_700_000_000,
  }));
  const last = names[names.length - 1];
  if (out.HasMoreStreams && last) out.NextToken = Buffer.from(last).toString('base64');
  return Buffer.from(JSON.stringify(out));
}
