// Starts npm `kinesis-local` (kinesis-mock) on a free loopback port, waits until it answers, and
// stops it (the whole process group) on stop() or when this process exits.
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { dirname } from 'node:path';
import { freePort } from './ports';

export interface KinesisLocal {
  endpoint: string;
  port: number;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  stop(): Promise<void>;
}

export interface KinesisLocalOptions {
  /** `name:shards,...` streams created at start-up. */
  initializeStreams?: string;
  /** How long CREATING/UPDATING lasts; real AWS takes ~30 s, tests want it quick. */
  createDuration?: string;
  logLevel?: string;
  /** Extra environment, e.g. SHARD_LIMIT. */
  env?: Record<string, string>;
}

const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live) killTree(child);
});

function killTree(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

function probe(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/', timeout: 1000, headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'Kinesis_20131202.ListStreams' } }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
    req.end('{}');
  });
}

export async function startKinesisLocal(opts: KinesisLocalOptions = {}): Promise<KinesisLocal> {
  const main = require.resolve('kinesis-local/main.js');
  const port = await freePort();
  let tlsPort = await freePort();
  while (tlsPort === port) tlsPort = await freePort();
  const child = spawn(process.execPath, [main], {
    // It reads server.json (its TLS key) from the working directory.
    cwd: dirname(main),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      KINESIS_MOCK_PLAIN_PORT: String(port),
      KINESIS_MOCK_TLS_PORT: String(tlsPort),
      CREATE_STREAM_DURATION: opts.createDuration ?? '100ms',
      DELETE_STREAM_DURATION: opts.createDuration ?? '100ms',
      UPDATE_STREAM_DURATION: opts.createDuration ?? '100ms',
      REGISTER_STREAM_CONSUMER_DURATION: opts.createDuration ?? '100ms',
      DEREGISTER_STREAM_CONSUMER_DURATION: opts.createDuration ?? '100ms',
      LOG_LEVEL: opts.logLevel ?? 'ERROR',
      // The default of 50 open shards per "account" is too few for a whole suite sharing one
      // emulator; tests that need the limit pass their own through `env`.
      SHARD_LIMIT: '1000',
      ...(opts.initializeStreams ? { INITIALIZE_STREAMS: opts.initializeStreams } : {}),
      ...opts.env,
    },
  });
  live.add(child);
  let output = '';
  const keep = (b: Buffer) => {
    output = (output + b.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const deadline = Date.now() + 30_000;
  while (!(await probe(port))) {
    if (child.exitCode !== null) throw new Error(`kinesis-local exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) {
      killTree(child);
      throw new Error(`kinesis-local did not answer on port ${port} within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIAKINESISLOCAL', secretAccessKey: 'kinesis-local-secret' },
    async stop() {
      killTree(child);
      await exited;
      live.delete(child);
    },
  };
}
